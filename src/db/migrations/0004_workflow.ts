/**
 * The editorial workflow: embargoes, scheduled publication, the desk's
 * send-back note and who last edited a story; the revision history of every
 * story (one full snapshot per write, so any two can be compared and any one
 * restored); and expiring preview links, of which only a hash is stored.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect/index.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema.alterTable('articles').addColumn('embargo_until', 'varchar(30)').execute();
  await db.schema.alterTable('articles').addColumn('scheduled_at', 'varchar(30)').execute();
  await db.schema.alterTable('articles').addColumn('desk_note', 'text').execute();
  await db.schema.alterTable('articles').addColumn('last_edited_by', 'varchar(200)').execute();
  // The scheduler's question every 15 s: which scheduled stories are due.
  await db.schema.createIndex('articles_scheduled_idx').on('articles').columns(['status', 'scheduled_at']).execute();

  await db.schema
    .createTable('article_revisions')
    .addColumn('id', 'integer', (c) => dialect.idColumn(c))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    // No foreign key: history outlives staff accounts, and the name is kept beside the id.
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('action', 'varchar(30)', (c) => c.notNull())
    .addColumn('changed', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .execute();
  // Unique: two writers can never both record the same revision of a story.
  await db.schema.createIndex('article_revisions_story_idx').on('article_revisions').columns(['article_id', 'revision']).unique().execute();

  await db.schema
    .createTable('article_preview_links')
    .addColumn('id', 'integer', (c) => dialect.idColumn(c))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(200)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_preview_links_story_idx').on('article_preview_links').column('article_id').execute();
}
