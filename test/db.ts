/**
 * Database harness: every query test runs once on SQLite and once on
 * PostgreSQL, each on a fresh database that is dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { connect, migrateToLatest, type DialectName, type Store } from '../src/db/index.js';

export const TEST_PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

function urlFor(database: string): string {
  const u = new URL(TEST_PG_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  store: Store;
  /** For PostgreSQL, the URL of the fresh database; undefined for SQLite. */
  url: string | undefined;
  drop(): Promise<void>;
}

/** A fresh, migrated database of the given kind. */
export async function createTestDatabase(kind: DialectName, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const store = await connect({ sqliteFile: ':memory:' });
    if (options.migrate !== false) await migrateToLatest(store.db, store.dialect);
    return { store, url: undefined, drop: () => store.close() };
  }
  const name = `dateline_t_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = urlFor(name);
  const store = await connect({ databaseUrl: url, poolSize: 4 });
  if (options.migrate !== false) await migrateToLatest(store.db, store.dialect);
  return {
    store,
    url,
    drop: async () => {
      await store.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * `describeEachDb('sections queries', (ctx) => { it(..., async () => { ctx().db ... }) })`
 * registers the block twice, once per database.
 */
export function describeEachDb(title: string, body: (ctx: () => Store, kind: DialectName) => void): void {
  for (const kind of DIALECTS) {
    describe(`${title} [${kind}]`, () => {
      let tdb: TestDatabase | undefined;
      beforeAll(async () => {
        tdb = await createTestDatabase(kind);
      });
      afterAll(async () => {
        await tdb?.drop();
      });
      body(() => {
        if (!tdb) throw new Error('test database not ready');
        return tdb.store;
      }, kind);
    });
  }
}

/** Drops test databases left behind by crashed runs (older than two hours). */
export async function dropStaleTestDatabases(): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "select datname from pg_database where datname like 'dateline\\_t\\_%'",
    );
    const cutoff = Math.floor(Date.now() / 1000) - 7200;
    for (const { datname } of rows) {
      const stamp = Number(datname.split('_')[2]);
      if (Number.isFinite(stamp) && stamp < cutoff && /^[a-z0-9_]+$/.test(datname)) {
        await client.query(`drop database if exists ${datname} with (force)`);
      }
    }
  } finally {
    await client.end();
  }
}
