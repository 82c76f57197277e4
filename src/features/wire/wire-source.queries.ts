/** All the SQL of wire sources (table wire_sources). */
import type { Insertable, Updateable } from 'kysely';
import type { Db, WireSourcesTable } from '../../db/index.js';
import type { WireSourceRow } from './wire-source.js';

export async function listWireSourceRows(db: Db): Promise<WireSourceRow[]> {
  return db.selectFrom('wire_sources').selectAll().orderBy('name').orderBy('id').execute();
}

export async function listEnabledWireSourceRows(db: Db): Promise<WireSourceRow[]> {
  return db.selectFrom('wire_sources').selectAll().where('enabled', '=', 1).orderBy('id').execute();
}

export async function findWireSourceRow(db: Db, id: number): Promise<WireSourceRow | undefined> {
  return db.selectFrom('wire_sources').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertWireSource(db: Db, row: Insertable<WireSourcesTable>): Promise<number> {
  const r = await db.insertInto('wire_sources').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateWireSourceRow(db: Db, id: number, patch: Updateable<WireSourcesTable>): Promise<void> {
  await db.updateTable('wire_sources').set(patch).where('id', '=', id).execute();
}

export async function deleteWireSourceRow(db: Db, id: number): Promise<boolean> {
  const r = await db.deleteFrom('wire_sources').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/**
 * Claims a due poll: moves next_run_at to `leaseUntil` only if it is still
 * due, so of several servers (or overlapping ticks) exactly one polls.
 */
export async function claimDueRun(db: Db, id: number, now: string, leaseUntil: string): Promise<boolean> {
  const r = await db
    .updateTable('wire_sources')
    .set({ next_run_at: leaseUntil })
    .where('id', '=', id)
    .where('enabled', '=', 1)
    .where((eb) => eb.or([eb('next_run_at', 'is', null), eb('next_run_at', '<=', now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The outcome of one run: when it ran, when the next is due, the error count and conditional-GET validators. */
export async function recordWireSourceRun(
  db: Db,
  id: number,
  state: Pick<WireSourceRow, 'last_run_at' | 'next_run_at' | 'failures' | 'last_error'> & Partial<Pick<WireSourceRow, 'etag' | 'last_modified'>>,
): Promise<void> {
  await db.updateTable('wire_sources').set(state).where('id', '=', id).execute();
}
