/**
 * Advertising: direct-sold campaigns and their creatives, the daily counts
 * (served, viewable, clicks) per creative, the dedupe ledger of counted
 * beacons, the ad-network fallback per slot, the serve-token signing key, and the "Advertise with us"
 * inquiries. Not content: backups of the database cover them, the content
 * archive does not.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect/index.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('ad_campaigns')
    .addColumn('id', 'integer', (c) => dialect.idColumn(c))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('advertiser', 'varchar(200)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('starts_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('ends_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addColumn('impression_goal', 'integer')
    .addColumn('frequency_cap', 'integer')
    .addColumn('targeting', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  // The decision snapshot's question: active campaigns whose flight has not ended.
  await db.schema.createIndex('ad_campaigns_live_idx').on('ad_campaigns').columns(['status', 'ends_at']).execute();

  await db.schema
    .createTable('ad_creatives')
    .addColumn('id', 'integer', (c) => dialect.idColumn(c))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('ad_campaigns.id').onDelete('cascade'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('size', 'varchar(10)', (c) => c.notNull())
    .addColumn('storage_key', 'varchar(300)')
    .addColumn('mime', 'varchar(100)')
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('html', 'text')
    .addColumn('click_url', 'varchar(2000)', (c) => c.notNull())
    .addColumn('alt_text', 'varchar(300)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ad_creatives_campaign_idx').on('ad_creatives').column('campaign_id').execute();

  // No foreign keys: counts flushed from memory may arrive after a campaign was deleted; reports join what still exists.
  await db.schema
    .createTable('ad_daily_stats')
    .addColumn('campaign_id', 'integer', (c) => c.notNull())
    .addColumn('creative_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('served', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('viewable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('clicks', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('ad_daily_stats_pk', ['creative_id', 'day'])
    .execute();
  // Reports per campaign over a date range, and the pacing totals per campaign.
  await db.schema.createIndex('ad_daily_stats_campaign_idx').on('ad_daily_stats').columns(['campaign_id', 'day']).execute();
  await db.schema.createIndex('ad_daily_stats_day_idx').on('ad_daily_stats').column('day').execute();

  await db.schema
    .createTable('ad_beacons')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .execute();
  // Pruning: tokens live 30 minutes, so ledger rows older than a couple of days can go.
  await db.schema.createIndex('ad_beacons_day_idx').on('ad_beacons').column('day').execute();

  await db.schema
    .createTable('ad_network_fallbacks')
    .addColumn('slot', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('network', 'varchar(20)', (c) => c.notNull())
    .addColumn('unit_path', 'varchar(300)', (c) => c.notNull())
    .addColumn('sizes', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  // The key that signs serve tokens: made once, shared by every app node through the database, never exported.
  await db.schema
    .createTable('ad_signing_keys')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('secret', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ad_inquiries')
    .addColumn('id', 'integer', (c) => dialect.idColumn(c))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('company', 'varchar(200)', (c) => c.notNull())
    .addColumn('email', 'varchar(320)', (c) => c.notNull())
    .addColumn('phone', 'varchar(50)', (c) => c.notNull())
    .addColumn('budget', 'varchar(100)', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  // The inbox: newest first, by status.
  await db.schema.createIndex('ad_inquiries_status_idx').on('ad_inquiries').columns(['status', 'created_at']).execute();
}
