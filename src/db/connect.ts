/**
 * Opens the store: a SQLite file under DATA_DIR by default, PostgreSQL when a
 * postgres:// URL is given. Returns the Kysely handle plus the dialect.
 */
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { postgresDialect, sqliteDialect, type Dialect } from './dialect/index.js';

export type Db = Kysely<Database>;

export interface Store {
  db: Db;
  dialect: Dialect;
  /** Where the data lives, for logs (never includes a password). */
  describe: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** postgres://… or undefined for SQLite. */
  databaseUrl?: string | undefined;
  /** SQLite file path, or ':memory:'. Used when databaseUrl is undefined. */
  sqliteFile?: string;
  /** Max PostgreSQL connections. */
  poolSize?: number;
  /** Told when PostgreSQL drops an idle pooled connection (restart, failover, idle timeout). */
  onIdleConnectionError?: (err: Error) => void;
}

// PostgreSQL returns int8 (count(*), sums) as strings by default; our counts fit in a double.
pg.types.setTypeParser(20, (v: string) => Number(v));

export async function connect(options: ConnectOptions): Promise<Store> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // Without a listener, a connection the server drops while idle in the pool is an uncaught
    // 'error' event that kills the process. The pool already discards that client and opens a
    // new one on the next query, so it only needs to be reported.
    pool.on('error', (err) => options.onIdleConnectionError?.(err));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await sql`select 1`.execute(db);
    const u = new URL(options.databaseUrl);
    return {
      db,
      dialect: postgresDialect,
      describe: `postgresql://${u.hostname}:${u.port || 5432}${u.pathname}`,
      close: () => db.destroy(),
    };
  }
  const file = options.sqliteFile ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new Sqlite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  return {
    db,
    dialect: sqliteDialect,
    describe: `sqlite:${file}`,
    close: () => db.destroy(),
  };
}

/** How many prepared SQLite statements are kept for reuse (most recently used first out last). */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every statement anew, which costs as much
 * as running a small one. The same few hundred statements run all day, so
 * prepared ones are kept (least recently used dropped first) and reused. A
 * statement still being iterated (a streamed read) is never handed out
 * twice: that call gets a fresh one. SQLite re-prepares a kept statement by
 * itself after a schema change.
 */
export function withStatementCache(database: Sqlite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const kept = new Map<string, Sqlite.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string) {
      const found = kept.get(text);
      if (found && !found.busy) {
        kept.delete(text); // re-inserted below: the Map's order is the recency order
        kept.set(text, found);
        return found;
      }
      const stmt = database.prepare(text);
      if (!found) {
        kept.set(text, stmt);
        if (kept.size > size) kept.delete(kept.keys().next().value!);
      }
      return stmt;
    },
  };
}

/** True when the database answers; used by /healthz. */
export async function ping(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
