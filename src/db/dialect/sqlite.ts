import { sql, type Kysely } from 'kysely';
import type { Dialect } from './dialect.js';

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  // INTEGER PRIMARY KEY is SQLite's rowid alias: assigned automatically, and explicit ids are accepted on import.
  idColumn: (col) => col.primaryKey(),
  realType: 'real',
  async resetIdSequences() {
    // rowid allocation already continues after the largest id.
  },
  constraintKind(err) {
    const code = (err as { code?: unknown } | null)?.code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'unique';
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'foreign_key';
    return null;
  },
  async databaseSize(db: Kysely<unknown>) {
    const r = await sql<{ size: number }>`select page_count * page_size as size from pragma_page_count(), pragma_page_size()`.execute(db);
    return Number(r.rows[0]?.size ?? 0);
  },
};
