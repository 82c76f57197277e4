import type { Db } from '../../db/index.js';
import type { AuthorRow } from '../../db/schema.js';

/** Keyset position in the by-name order: the last (name, id) of the previous page. */
export interface AuthorPosition {
  name: string;
  id: number;
}

/** Authors ordered by name then id, starting after `after`; fetches `limit` rows. */
export async function listAuthorRows(db: Db, opts: { limit: number; after?: AuthorPosition | undefined }): Promise<AuthorRow[]> {
  let query = db.selectFrom('authors').selectAll();
  const after = opts.after;
  if (after) {
    query = query.where((eb) => eb.or([eb('name', '>', after.name), eb.and([eb('name', '=', after.name), eb('id', '>', after.id)])]));
  }
  return query.orderBy('name').orderBy('id').limit(opts.limit).execute();
}

export async function findAuthorRow(db: Db, id: number): Promise<AuthorRow | undefined> {
  return db.selectFrom('authors').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAuthorRowBySlug(db: Db, slug: string): Promise<AuthorRow | undefined> {
  return db.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findAuthorRowsByIds(db: Db, ids: readonly number[]): Promise<AuthorRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('authors').selectAll().where('id', 'in', [...ids]).execute();
}

export async function findAuthorIdBySlug(db: Db, slug: string): Promise<number | undefined> {
  const row = await db.selectFrom('authors').select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id;
}

export async function insertAuthor(db: Db, row: Omit<AuthorRow, 'id'>): Promise<number> {
  const r = await db.insertInto('authors').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateAuthorRow(db: Db, id: number, patch: Partial<Omit<AuthorRow, 'id' | 'created_at'>>): Promise<void> {
  await db.updateTable('authors').set(patch).where('id', '=', id).execute();
}

export async function deleteAuthorRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('authors').where('id', '=', id).execute();
}

/** How many stories carry this author in their byline. */
export async function countAuthorBylines(db: Db, id: number): Promise<number> {
  const row = await db
    .selectFrom('article_authors')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('author_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function mediaExists(db: Db, id: number): Promise<boolean> {
  const row = await db.selectFrom('media').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
