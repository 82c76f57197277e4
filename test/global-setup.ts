import { execFile } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { TEST_PG_URL, dropStaleTestDatabases } from './db.js';

const root = path.resolve(import.meta.dirname, '..');

/**
 * The /newsroom tests and browser journeys need the built app. bin/build-newsroom.js builds it
 * only when a file under admin/ changed (the same check `npm start` makes), in its own process so
 * Vite builds for production rather than under the test runner's NODE_ENV. A failed build is
 * reported but does not stop the run: only the tests that need the app fail, and they say why.
 */
function buildNewsroom(): Promise<void> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env['NODE_ENV'];
    execFile(process.execPath, [path.join(root, 'bin', 'build-newsroom.js')], { cwd: root, env }, (err, stdout, stderr) => {
      if (err) console.warn(`Building the newsroom app failed; /newsroom tests will fail:\n${stderr || err.message}`);
      else if (!stdout.includes('up to date')) console.log(stdout.trim());
      resolve();
    });
  });
}

/** Fails the run early, with a clear message, when PostgreSQL is not reachable: every query test needs it. */
export default async function setup(): Promise<void> {
  const built = buildNewsroom();
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
  await built;
}
