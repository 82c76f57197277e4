/**
 * All the SQL of the archive feature. It walks every content table by name,
 * so it talks to Kysely through a loosely typed view of the same connection;
 * rows are checked against COLUMN_KINDS on the way in and out instead.
 */
import type { Kysely } from 'kysely';
import type { Db } from '../../db/index.js';
import { COLUMNS, PRIMARY_KEYS, type ContentTable, type Row } from './archive.js';

type LooseDb = Kysely<Record<string, Record<string, string | number | null>>>;

const loose = (db: Db): LooseDb => db as unknown as LooseDb;

export async function countRows(db: Db, table: ContentTable): Promise<number> {
  const r = await loose(db)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The next page of rows after `after` (the previous page's last row), ordered by primary key. */
export async function readPage(db: Db, table: ContentTable, after: Row | undefined, limit: number): Promise<Row[]> {
  const keys = PRIMARY_KEYS[table];
  let q = loose(db).selectFrom(table).select([...COLUMNS[table]]);
  if (after) {
    const [first, second] = keys as [string, string | undefined];
    q = q.where((eb) => {
      const a = after[first] ?? null;
      if (second === undefined) return eb(first, '>', a);
      const b = after[second] ?? null;
      return eb.or([eb(first, '>', a), eb.and([eb(first, '=', a), eb(second, '>', b)])]);
    });
  }
  for (const k of keys) q = q.orderBy(k);
  return q.limit(limit).execute();
}

export async function insertRows(db: Db, table: ContentTable, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  await loose(db).insertInto(table).values(rows).execute();
}

/** Empties every content table, children first. Section parents are cut first: SQLite checks RESTRICT row by row. */
export async function deleteAllContent(db: Db, tablesParentsFirst: readonly ContentTable[]): Promise<void> {
  await db.updateTable('sections').set({ parent_id: null }).where('parent_id', 'is not', null).execute();
  for (const table of [...tablesParentsFirst].reverse()) {
    await loose(db).deleteFrom(table).execute();
  }
}
