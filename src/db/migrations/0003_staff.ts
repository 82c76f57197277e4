/**
 * Staff accounts: people who sign in to the newsroom, their sessions, the
 * failed sign-ins that lock an account for a while, and the one-time links
 * that create the first administrator. Secrets are stored only as hashes
 * (scrypt for passwords, sha256 for session and setup tokens).
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect/index.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('staff_users')
    .addColumn('id', 'integer', (c) => dialect.idColumn(c))
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('role', 'varchar(30)', (c) => c.notNull())
    .addColumn('password_hash', 'varchar(200)', (c) => c.notNull())
    // 1 or 0 rather than a boolean, so the column reads and archives the same on both engines.
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_login_at', 'varchar(30)')
    .execute();

  await db.schema
    .createTable('staff_sessions')
    .addColumn('id', 'integer', (c) => dialect.idColumn(c))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(30)')
    .addColumn('user_agent', 'varchar(300)', (c) => c.notNull())
    .addColumn('ip', 'varchar(100)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_sessions_user_idx').on('staff_sessions').columns(['user_id', 'created_at']).execute();
  await db.schema.createIndex('staff_sessions_expires_idx').on('staff_sessions').column('expires_at').execute();

  // One row per failed (or refused) sign-in; counted per email and per address over a sliding window.
  await db.schema
    .createTable('login_failures')
    .addColumn('id', 'integer', (c) => dialect.idColumn(c))
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('ip', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_email_idx').on('login_failures').columns(['email', 'created_at']).execute();
  await db.schema.createIndex('login_failures_ip_idx').on('login_failures').columns(['ip', 'created_at']).execute();
  await db.schema.createIndex('login_failures_created_idx').on('login_failures').column('created_at').execute();

  await db.schema
    .createTable('setup_tokens')
    .addColumn('id', 'integer', (c) => dialect.idColumn(c))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(30)')
    .execute();
}
