/**
 * Throw-away databases for benchmarks: a SQLite file in a temporary folder,
 * or a new PostgreSQL database created through the server at `adminUrl`
 * (e.g. postgres://postgres@127.0.0.1:5432/postgres) and dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect, type DialectName, type Store } from '../src/db/index.js';

export interface BenchDb {
  store: Store;
  /** Closes the store and deletes the database. */
  drop: () => Promise<void>;
}

export async function openFreshDb(kind: DialectName, adminUrl: string): Promise<BenchDb> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-'));
    const store = await connect({ sqliteFile: path.join(dir, 'bench.db') });
    return { store, drop: async () => { await store.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `dateline_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try { await c.query(text); } finally { await c.end(); }
  };
  await admin(`create database ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  // The app's pool size (connect's default), as the server would run.
  const store = await connect({ databaseUrl: u.toString() });
  return { store, drop: async () => { await store.close(); await admin(`drop database if exists ${name} with (force)`); } };
}
