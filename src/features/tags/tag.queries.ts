import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import type { TagRow } from '../../db/schema.js';
import { likePrefix } from './tag.js';

/** Tags by name; with `prefix`, only names starting with it (case-insensitive for ASCII on both databases). */
export async function listTagRows(db: Db, opts: { prefix?: string | undefined; limit: number }): Promise<TagRow[]> {
  let query = db.selectFrom('tags').selectAll();
  if (opts.prefix) {
    // An explicit ESCAPE: SQLite has no default escape character for LIKE.
    query = query.where(sql<boolean>`lower(name) like ${likePrefix(opts.prefix)} escape '\\'`);
  }
  return query.orderBy('name').orderBy('id').limit(opts.limit).execute();
}

export async function findTagRow(db: Db, id: number): Promise<TagRow | undefined> {
  return db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTagRowBySlug(db: Db, slug: string): Promise<TagRow | undefined> {
  return db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findTagRowsByIds(db: Db, ids: readonly number[]): Promise<TagRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('tags').selectAll().where('id', 'in', [...ids]).execute();
}

export async function findTagRowsBySlugs(db: Db, slugs: readonly string[]): Promise<TagRow[]> {
  if (slugs.length === 0) return [];
  return db.selectFrom('tags').selectAll().where('slug', 'in', [...slugs]).execute();
}

export async function insertTag(db: Db, row: Omit<TagRow, 'id'>): Promise<number> {
  const r = await db.insertInto('tags').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Inserts the tags whose slugs are free; a slug taken meanwhile (another importer) is skipped, not an error. */
export async function insertTagsIfAbsent(db: Db, rows: readonly Omit<TagRow, 'id'>[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('tags')
    .values([...rows])
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
}

export async function updateTagRow(db: Db, id: number, patch: Partial<Pick<TagRow, 'slug' | 'name'>>): Promise<void> {
  await db.updateTable('tags').set(patch).where('id', '=', id).execute();
}

/** Removes the tag and its links to stories; the caller runs both in one transaction. */
export async function deleteTagAndLinks(db: Db, id: number): Promise<void> {
  await db.deleteFrom('article_tags').where('tag_id', '=', id).execute();
  await db.deleteFrom('tags').where('id', '=', id).execute();
}
