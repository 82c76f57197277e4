import { sql, type Kysely } from 'kysely';
import type { Dialect } from './dialect.js';

export const postgresDialect: Dialect = {
  name: 'postgres',
  idColumn: (col) => col.primaryKey().generatedByDefaultAsIdentity(),
  realType: 'double precision',
  async resetIdSequences(db: Kysely<unknown>, tables: readonly string[]) {
    for (const table of tables) {
      // Only tables with an identity "id" column have a sequence to move.
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)
                where pg_get_serial_sequence(${table}, 'id') is not null`.execute(db);
    }
  },
  constraintKind(err) {
    const code = (err as { code?: unknown } | null)?.code;
    if (code === '23505') return 'unique';
    if (code === '23503') return 'foreign_key';
    return null;
  },
  async databaseSize(db: Kysely<unknown>) {
    const r = await sql<{ size: string }>`select pg_database_size(current_database()) as size`.execute(db);
    return Number(r.rows[0]?.size ?? 0);
  },
};
