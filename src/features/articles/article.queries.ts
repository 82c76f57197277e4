/**
 * All SQL of the articles feature. Reads that hydrate a page of stories load
 * each relation in one batched query (ids in, rows out) — never one query
 * per story.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import type { ArticleRow, ArticleUpdate, CorrectionRow, NewArticleRow, SectionRow } from '../../db/schema.js';

export interface ArticleListFilter {
  statuses?: readonly string[];
  /** Readers' view: only stories published at or before this instant, and whose embargo has passed. */
  publishedUntil?: string;
  sectionIds?: readonly number[];
  authorId?: number;
  tagId?: number;
  kinds?: readonly string[];
  /** Order by published_at (readers) or modified_at (desk). */
  orderBy: 'published_at' | 'modified_at';
  after?: { at: string; id: number };
  limit: number;
}

export async function listArticleRows(db: Db, f: ArticleListFilter): Promise<ArticleRow[]> {
  const col = f.orderBy;
  let q = db.selectFrom('articles').selectAll('articles');
  if (f.statuses) q = q.where('articles.status', 'in', f.statuses);
  if (f.publishedUntil !== undefined) {
    const until = f.publishedUntil;
    q = q.where('articles.published_at', '<=', until).where((eb) => eb.or([eb('articles.embargo_until', 'is', null), eb('articles.embargo_until', '<=', until)]));
  }
  if (f.sectionIds) q = q.where('articles.section_id', 'in', f.sectionIds.length > 0 ? f.sectionIds : [-1]);
  if (f.kinds) q = q.where('articles.kind', 'in', f.kinds);
  if (f.authorId !== undefined) {
    const authorId = f.authorId;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('article_authors as aa').select('aa.article_id').whereRef('aa.article_id', '=', 'articles.id').where('aa.author_id', '=', authorId)),
    );
  }
  if (f.tagId !== undefined) {
    const tagId = f.tagId;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('article_tags as at').select('at.article_id').whereRef('at.article_id', '=', 'articles.id').where('at.tag_id', '=', tagId)),
    );
  }
  if (f.after) {
    const { at, id } = f.after;
    q = q.where((eb) => eb.or([eb(`articles.${col}`, '<', at), eb.and([eb(`articles.${col}`, '=', at), eb('articles.id', '<', id)])]));
  }
  if (col === 'published_at') q = q.where('articles.published_at', 'is not', null);
  return q.orderBy(`articles.${col}`, 'desc').orderBy('articles.id', 'desc').limit(f.limit).execute();
}

export async function findArticleRow(db: Db, id: number): Promise<ArticleRow | undefined> {
  return db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findArticleRows(db: Db, ids: readonly number[]): Promise<ArticleRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('articles').selectAll().where('id', 'in', ids).execute();
}

/**
 * What a story card or search result needs of each story, without the body:
 * the row's own columns and its featured image's, in one statement.
 */
export async function summaryRows(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('articles as a')
    .leftJoin('media as m', 'm.id', 'a.featured_image_id')
    .select([
      'a.id', 'a.slug', 'a.section_id', 'a.kind', 'a.status', 'a.headline', 'a.standfirst', 'a.dateline_place', 'a.dateline_date',
      'a.agency_credit', 'a.featured_image_id', 'a.language', 'a.published_at', 'a.updated_at', 'a.created_at', 'a.modified_at',
      'a.embargo_until',
      'm.id as image_id', 'm.storage_key as image_storage_key', 'm.width as image_width', 'm.height as image_height',
      'm.mime_type as image_mime_type', 'm.caption as image_caption', 'm.credit as image_credit', 'm.alt_text as image_alt_text',
      'm.focal_x as image_focal_x', 'm.focal_y as image_focal_y',
    ])
    .where('a.id', 'in', ids)
    .execute();
}

export type SummaryRow = Awaited<ReturnType<typeof summaryRows>>[number];

/** The authors of these stories in byline order, with what a byline needs: one statement. */
export async function authorsOfStories(db: Db, articleIds: readonly number[]) {
  if (articleIds.length === 0) return [];
  return db
    .selectFrom('article_authors as aa')
    .innerJoin('authors as au', 'au.id', 'aa.author_id')
    .select(['aa.article_id', 'au.id', 'au.slug', 'au.name', 'au.title', 'au.photo_id'])
    .where('aa.article_id', 'in', articleIds)
    .orderBy('aa.article_id')
    .orderBy('aa.position')
    .execute();
}

/** The tags of these stories in their order: one statement. */
export async function tagsOfStories(db: Db, articleIds: readonly number[]) {
  if (articleIds.length === 0) return [];
  return db
    .selectFrom('article_tags as at')
    .innerJoin('tags as t', 't.id', 'at.tag_id')
    .select(['at.article_id', 't.id', 't.slug', 't.name'])
    .where('at.article_id', 'in', articleIds)
    .orderBy('at.article_id')
    .orderBy('at.position')
    .execute();
}

export async function findArticleRowBySlug(db: Db, slug: string): Promise<ArticleRow | undefined> {
  return db.selectFrom('articles').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function slugsTaken(db: Db, slugs: readonly string[]): Promise<Map<string, number>> {
  if (slugs.length === 0) return new Map();
  const rows = await db.selectFrom('articles').select(['id', 'slug']).where('slug', 'in', slugs).execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

export async function insertArticleRow(db: Db, row: NewArticleRow): Promise<number> {
  const r = await db.insertInto('articles').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Updates only when the stored revision is still `expectedRevision`; returns false on a lost race. */
export async function updateArticleRow(db: Db, id: number, expectedRevision: number, patch: ArticleUpdate): Promise<boolean> {
  const r = await db
    .updateTable('articles')
    .set({ ...patch, revision: expectedRevision + 1 })
    .where('id', '=', id)
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * The scheduler's write: goes through only while the story is still
 * scheduled, due, and unchanged since it was read — so of two ticks (or two
 * server processes) racing for the same story exactly one wins.
 */
export async function updateDueScheduledRow(db: Db, id: number, expectedRevision: number, now: string, patch: ArticleUpdate): Promise<boolean> {
  const r = await db
    .updateTable('articles')
    .set({ ...patch, revision: expectedRevision + 1 })
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '<=', now)
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Scheduled stories whose time has come, oldest first. */
export async function dueScheduledIds(db: Db, now: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '<=', now)
    .orderBy('scheduled_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function deleteArticleRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('articles').where('id', '=', id).execute();
}

export async function replaceArticleAuthors(db: Db, articleId: number, authorIds: readonly number[]): Promise<void> {
  await db.deleteFrom('article_authors').where('article_id', '=', articleId).execute();
  if (authorIds.length > 0) {
    await db
      .insertInto('article_authors')
      .values(authorIds.map((author_id, position) => ({ article_id: articleId, author_id, position })))
      .execute();
  }
}

export async function replaceArticleTags(db: Db, articleId: number, tagIds: readonly number[]): Promise<void> {
  await db.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
  if (tagIds.length > 0) {
    await db.insertInto('article_tags').values(tagIds.map((tag_id, position) => ({ article_id: articleId, tag_id, position }))).execute();
  }
}

export async function insertCorrection(db: Db, row: Omit<CorrectionRow, 'id'>): Promise<number> {
  const r = await db.insertInto('article_corrections').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function authorLinks(db: Db, articleIds: readonly number[]) {
  if (articleIds.length === 0) return [];
  return db.selectFrom('article_authors').selectAll().where('article_id', 'in', articleIds).orderBy('article_id').orderBy('position').execute();
}

export async function tagLinks(db: Db, articleIds: readonly number[]) {
  if (articleIds.length === 0) return [];
  return db.selectFrom('article_tags').selectAll().where('article_id', 'in', articleIds).orderBy('article_id').orderBy('position').execute();
}

export async function correctionRows(db: Db, articleIds: readonly number[]): Promise<CorrectionRow[]> {
  if (articleIds.length === 0) return [];
  return db.selectFrom('article_corrections').selectAll().where('article_id', 'in', articleIds).orderBy('created_at').orderBy('id').execute();
}

export async function authorSummaries(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('authors').select(['id', 'slug', 'name', 'title', 'photo_id']).where('id', 'in', ids).execute();
}

export async function tagSummaries(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('tags').select(['id', 'slug', 'name']).where('id', 'in', ids).execute();
}

export async function mediaSummaries(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('media')
    .select(['id', 'storage_key', 'width', 'height', 'caption', 'credit', 'alt_text', 'focal_x', 'focal_y', 'mime_type'])
    .where('id', 'in', ids)
    .execute();
}

export async function allSectionRows(db: Db): Promise<SectionRow[]> {
  return db.selectFrom('sections').selectAll().execute();
}

/** Which of these ids exist in a table; used to refuse dangling references inside the write transaction. */
export async function existingIds(db: Db, table: 'authors' | 'tags' | 'media' | 'sections', ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function idBySlug(db: Db, table: 'sections' | 'tags' | 'authors', slug: string): Promise<number | undefined> {
  const row = await db.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id;
}

/** Stand-in search until the search feature: headline and standfirst contain every word (case-insensitive). */
export async function searchPublishedRows(db: Db, words: readonly string[], now: string, limit: number): Promise<ArticleRow[]> {
  let q = db
    .selectFrom('articles')
    .selectAll()
    .where('status', '=', 'published')
    .where('published_at', '<=', now)
    .where((eb) => eb.or([eb('embargo_until', 'is', null), eb('embargo_until', '<=', now)]));
  for (const w of words) {
    const pattern = `%${w.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where(sql<boolean>`(lower(headline) like ${pattern} escape '\\' or lower(standfirst) like ${pattern} escape '\\')`);
  }
  return q.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
