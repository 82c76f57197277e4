import pg from 'pg';
import { TEST_PG_URL, dropStaleTestDatabases } from './db.js';

/** Fails the run early, with a clear message, when PostgreSQL is not reachable: every query test needs it. */
export default async function setup(): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.end();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${TEST_PG_URL} (${err instanceof Error ? err.message : String(err)}). ` +
        'Query tests run on SQLite and PostgreSQL; start PostgreSQL or set TEST_DATABASE_URL.',
    );
  }
  await dropStaleTestDatabases();
}
