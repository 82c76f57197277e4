/**
 * Numbered, forward-only migrations, applied at start-up and by
 * `dateline migrate`. Add a file `NNNN_name.ts` with an `up(db, dialect)`
 * and list it below; never edit one that has shipped.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect } from './dialect/index.js';
import type { Database } from './schema.js';
import * as m0001 from './migrations/0001_content.js';
import * as m0002 from './migrations/0002_search.js';
import * as m0003 from './migrations/0003_staff.js';
import * as m0004 from './migrations/0004_workflow.js';
import * as m0005 from './migrations/0005_search_facets.js';
import * as m0006 from './migrations/0006_wire.js';
import * as m0007 from './migrations/0007_ads.js';
import * as m0008 from './migrations/0008_search_wire.js';
import * as m0009 from './migrations/0009_search_lexemes.js';

type Up = (db: Kysely<unknown>, dialect: Dialect) => Promise<void>;
const MIGRATIONS: ReadonlyArray<readonly [string, Up]> = [
  ['0001_content', m0001.up],
  ['0002_search', m0002.up],
  ['0003_staff', m0003.up],
  ['0004_workflow', m0004.up],
  ['0005_search_facets', m0005.up],
  ['0006_wire', m0006.up],
  ['0007_ads', m0007.up],
  ['0008_search_wire', m0008.up],
  ['0009_search_lexemes', m0009.up],
];

export interface MigrationReport {
  applied: string[];
}

export async function migrateToLatest(db: Kysely<Database>, dialect: Dialect): Promise<MigrationReport> {
  const provider: MigrationProvider = {
    getMigrations: () =>
      Promise.resolve(
        Object.fromEntries(MIGRATIONS.map(([name, up]): [string, Migration] => [name, { up: (d) => up(d, dialect) }])),
      ),
  };
  const migrator = new Migrator({ db, provider, migrationTableName: 'dateline_migration', migrationLockTableName: 'dateline_migration_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

export const LATEST_MIGRATION = MIGRATIONS[MIGRATIONS.length - 1]?.[0] ?? '';
