/**
 * The wire desk: agency sources (drop folder, feed poll, push), the wire
 * items they deliver (one row per agency id, the latest version), every
 * version received (a snapshot each, for the history and the diff), and the
 * files the ingest refused. None of these are archive content tables:
 * database backups cover them.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect/index.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('wire_sources')
    .addColumn('id', 'integer', (c) => dialect.idColumn(c))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('agency', 'varchar(100)', (c) => c.notNull())
    .addColumn('credit', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('folder_path', 'text')
    .addColumn('feed_url', 'text')
    .addColumn('poll_interval_s', 'integer', (c) => c.notNull().defaultTo(120))
    .addColumn('push_secret', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('rules', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('auto_apply_updates', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('last_run_at', 'varchar(30)')
    .addColumn('next_run_at', 'varchar(30)')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('wire_items')
    .addColumn('id', 'integer', (c) => dialect.idColumn(c))
    .addColumn('source_id', 'integer', (c) => c.references('wire_sources.id').onDelete('set null'))
    .addColumn('agency', 'varchar(100)', (c) => c.notNull())
    .addColumn('guid', 'varchar(500)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('pub_status', 'varchar(20)', (c) => c.notNull())
    .addColumn('is_correction', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('format', 'varchar(20)', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('standfirst', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('dateline_place', 'varchar(200)', (c) => c.notNull())
    .addColumn('dateline_date', 'varchar(30)')
    .addColumn('byline', 'text')
    .addColumn('credit', 'varchar(200)', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('subjects', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('language', 'varchar(20)', (c) => c.notNull())
    .addColumn('embargo_until', 'varchar(30)')
    .addColumn('version_created', 'varchar(30)')
    .addColumn('received_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('picture_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('set null'))
    .addColumn('update_available', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('killed_at', 'varchar(30)')
    .addColumn('pending_effects', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // The agency's id is the key: a second copy of an item is a version of it, never a new item.
  await db.schema.createIndex('wire_items_key_idx').on('wire_items').columns(['agency', 'guid']).unique().execute();
  // The inbox: newest first, overall and per agency.
  await db.schema.createIndex('wire_items_received_idx').on('wire_items').columns(['received_at', 'id']).execute();
  await db.schema.createIndex('wire_items_agency_idx').on('wire_items').columns(['agency', 'received_at']).execute();
  await db.schema.createIndex('wire_items_article_idx').on('wire_items').column('article_id').execute();
  // Only the few items whose story effects are unfinished (partial: costs nothing on the ingest's hot path).
  await db.schema.createIndex('wire_items_pending_idx').on('wire_items').column('id').where(sql.ref('pending_effects'), '=', 1).execute();

  await db.schema
    .createTable('wire_item_versions')
    .addColumn('id', 'integer', (c) => dialect.idColumn(c))
    .addColumn('wire_item_id', 'integer', (c) => c.notNull().references('wire_items.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('pub_status', 'varchar(20)', (c) => c.notNull())
    .addColumn('is_correction', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wire_item_versions_key_idx').on('wire_item_versions').columns(['wire_item_id', 'version']).unique().execute();

  await db.schema
    .createTable('wire_refusals')
    .addColumn('id', 'integer', (c) => dialect.idColumn(c))
    .addColumn('source_id', 'integer', (c) => c.references('wire_sources.id').onDelete('set null'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('code', 'varchar(50)', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('received_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('quarantine_path', 'text')
    .execute();
  await db.schema.createIndex('wire_refusals_received_idx').on('wire_refusals').columns(['received_at', 'id']).execute();
}
