import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { CONTENT_TABLES } from '../../db/index.js';
import { COLUMN_KINDS, COLUMNS, FOREIGN_KEYS, PRIMARY_KEYS } from './archive.js';

describeEachDb('the archive column map', (ctx, kind) => {
  it('names exactly the columns of every content table in the live database', async () => {
    const tables = await ctx().db.introspection.getTables();
    for (const table of CONTENT_TABLES) {
      const live = tables.find((t) => t.name === table);
      expect(live, table).toBeDefined();
      expect([...COLUMNS[table]].sort(), table).toEqual(live!.columns.map((c) => c.name).sort());
    }
  });

  it('agrees with the live database on which columns may be null and which hold numbers', async () => {
    const tables = await ctx().db.introspection.getTables();
    for (const table of CONTENT_TABLES) {
      const kinds: Record<string, string> = COLUMN_KINDS[table];
      for (const column of tables.find((t) => t.name === table)!.columns) {
        const k = kinds[column.name]!;
        const where = `${table}.${column.name}`;
        // SQLite reports primary keys declared without NOT NULL as nullable (a historical quirk); the archive never lets them be null.
        if (!PRIMARY_KEYS[table].includes(column.name)) expect(column.isNullable, where).toBe(k.endsWith('?'));
        const type = column.dataType.toLowerCase();
        const expected = k.startsWith('int') ? /^(integer|int4)$/ : k === 'real' ? /^(real|float8|double precision)$/ : /^(text|varchar.*)$/;
        expect(type, where).toMatch(expected);
      }
    }
  });

  it('knows every foreign key between content tables', async () => {
    const live =
      kind === 'sqlite'
        ? await sql<{ table: string; column: string; references: string }>`
            select m.name as "table", f."from" as "column", f."table" as "references"
            from sqlite_master m, pragma_foreign_key_list(m.name) f where m.type = 'table'`.execute(ctx().db)
        : await sql<{ table: string; column: string; references: string }>`
            select tc.table_name as "table", kcu.column_name as "column", ccu.table_name as "references"
            from information_schema.table_constraints tc
            join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name
            join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
            where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(ctx().db);
    const key = (fk: { table: string; column: string; references: string }): string => `${fk.table}.${fk.column}->${fk.references}`;
    const content = live.rows.filter((fk) => (CONTENT_TABLES as readonly string[]).includes(fk.table));
    expect(content.map(key).sort()).toEqual(FOREIGN_KEYS.map(key).sort());
  });
});
