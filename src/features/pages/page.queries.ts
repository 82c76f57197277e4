import type { Db } from '../../db/index.js';
import type { PageRow } from '../../db/schema.js';

/** Every column but the body: lists never need it and bodies can be large. */
const SUMMARY_COLUMNS = ['id', 'slug', 'title', 'seo_description', 'status', 'created_at', 'updated_at'] as const;

export async function listPageSummaryRows(db: Db, opts: { status?: string } = {}): Promise<Omit<PageRow, 'body'>[]> {
  let query = db.selectFrom('pages').select(SUMMARY_COLUMNS);
  if (opts.status !== undefined) query = query.where('status', '=', opts.status);
  return query.orderBy('title').orderBy('id').execute();
}

export async function findPageRow(db: Db, id: number): Promise<PageRow | undefined> {
  return db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPageRowBySlug(db: Db, slug: string): Promise<PageRow | undefined> {
  return db.selectFrom('pages').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findPageIdBySlug(db: Db, slug: string): Promise<number | undefined> {
  const row = await db.selectFrom('pages').select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id;
}

export async function insertPage(db: Db, row: Omit<PageRow, 'id'>): Promise<number> {
  const r = await db.insertInto('pages').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updatePageRow(db: Db, id: number, patch: Partial<Omit<PageRow, 'id' | 'created_at'>>): Promise<void> {
  await db.updateTable('pages').set(patch).where('id', '=', id).execute();
}

export async function deletePageRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('pages').where('id', '=', id).execute();
}
