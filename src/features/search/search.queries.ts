/**
 * Portable SQL of the search feature: the documents table, the vocabulary,
 * the reads of stories it indexes, and the filters both engines apply. The
 * engine-specific text index lives in search.sqlite.queries.ts and
 * search.postgres.queries.ts.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/index.js';
import type { SearchDocumentRow } from '../../db/schema.js';
import { sortKeyRange, type EngineFilter } from './search.js';

/** Ids pass 2^31: bound as BigInt so SQLite compares them as INTEGER (PostgreSQL's driver accepts either). */
export const idValue = (id: number): bigint => BigInt(id);

/**
 * The filters as SQL over `d` (search_documents), identical on both engines.
 * The engines narrow by facet tokens first (search.facets.ts); these checks
 * against the document's columns and the story's author and tag links then
 * decide, on the few rows the facets let through.
 */
export function filterSql(f: EngineFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [f.corpus === 'wire' ? sql`d.wire_item_id is not null` : sql`d.article_id is not null`];
  if (f.liveAt !== undefined) parts.push(sql`d.status = 'published' and ${publishedBefore(f.liveAt, true)}`);
  if (f.statuses) parts.push(f.statuses.length ? sql`d.status in (${sql.join(f.statuses)})` : sql`1 = 0`);
  if (f.sectionIds) parts.push(f.sectionIds.length ? sql`d.section_id in (${sql.join(f.sectionIds)})` : sql`1 = 0`);
  if (f.kind !== undefined) parts.push(sql`d.kind = ${f.kind}`);
  if (f.language !== undefined) parts.push(sql`d.language = ${f.language}`);
  if (f.publishedFrom !== undefined) {
    const from = sortKeyRange(f.publishedFrom);
    parts.push(Number.isFinite(from.max) ? sql`(d.id > ${idValue(from.max)} and d.published_at is not null or d.published_at >= ${f.publishedFrom})` : sql`d.published_at >= ${f.publishedFrom}`);
  }
  if (f.publishedBefore !== undefined) parts.push(publishedBefore(f.publishedBefore, false));
  if (f.minDocId !== undefined) parts.push(sql`d.id >= ${idValue(f.minDocId)}`);
  if (f.maxDocId !== undefined) parts.push(sql`d.id <= ${idValue(f.maxDocId)}`);
  if (f.authorId !== undefined) {
    parts.push(sql`exists (select 1 from article_authors aa where aa.article_id = d.article_id and aa.author_id = ${f.authorId})`);
  }
  if (f.tagId !== undefined) parts.push(sql`exists (select 1 from article_tags at where at.article_id = d.article_id and at.tag_id = ${f.tagId})`);
  return sql.join(parts, sql` and `);
}

/**
 * `published_at` before (or at) an instant. A document whose sort key (its id) is from an earlier minute was
 * published earlier, so only the documents of that instant's minute (or unkeyed ones) need their published_at
 * compared. On PostgreSQL that comparison is not free: in rows this wide, small text columns like published_at
 * are stored out of line (the tsvector stays in the row), and reading one costs a TOAST look-up — 3× the time of
 * a rare word's whole index path when done for every match.
 */
function publishedBefore(iso: string, inclusive: boolean): RawBuilder<unknown> {
  const exact = inclusive ? sql`d.published_at <= ${iso}` : sql`d.published_at < ${iso}`;
  const { min } = sortKeyRange(iso);
  return Number.isFinite(min) ? sql`(d.id < ${idValue(min)} and d.published_at is not null or ${exact})` : exact;
}

export interface StorySource {
  id: number;
  language: string;
  status: string;
  kind: string;
  section_id: number | null;
  published_at: string | null;
  modified_at: string;
  created_at: string;
  headline: string;
  standfirst: string;
  body: string;
}

/** The stories to index, by id (body as stored JSON). */
export async function storySources(db: Db, ids: readonly number[]): Promise<StorySource[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('articles')
    .select(['id', 'language', 'status', 'kind', 'section_id', 'published_at', 'modified_at', 'created_at', 'headline', 'standfirst', 'body'])
    .where('id', 'in', ids)
    .execute();
}

/** The author and tag ids of these stories, for their documents' facets. */
export async function storyLinks(db: Db, ids: readonly number[]): Promise<Map<number, { authorIds: number[]; tagIds: number[] }>> {
  const out = new Map<number, { authorIds: number[]; tagIds: number[] }>(ids.map((id) => [id, { authorIds: [], tagIds: [] }]));
  if (ids.length === 0) return out;
  const [authors, tags] = await Promise.all([
    db.selectFrom('article_authors').select(['article_id', 'author_id']).where('article_id', 'in', ids).execute(),
    db.selectFrom('article_tags').select(['article_id', 'tag_id']).where('article_id', 'in', ids).execute(),
  ]);
  for (const a of authors) out.get(a.article_id)?.authorIds.push(a.author_id);
  for (const t of tags) out.get(t.article_id)?.tagIds.push(t.tag_id);
  return out;
}

export async function documentsOf(db: Db, articleIds: readonly number[]): Promise<SearchDocumentRow[]> {
  if (articleIds.length === 0) return [];
  return db.selectFrom('search_documents').selectAll().where('article_id', 'in', articleIds).execute();
}

export type DocumentValues = SearchDocumentRow;

/** Only the columns given are written (the id too, when the sort key moved): on SQLite, leaving the text out spares the FTS index a rewrite. */
export async function updateDocument(db: Db, id: number, values: Partial<DocumentValues>): Promise<void> {
  await db.updateTable('search_documents').set(values).where('id', '=', id).execute();
}

export async function deleteDocuments(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('search_documents').where('id', 'in', ids).execute();
}

/**
 * Adds `delta` stories to each term's count. Terms are sorted so concurrent
 * saves lock vocabulary rows in the same order (no deadlocks on PostgreSQL).
 */
export async function adjustTerms(db: Db, terms: Iterable<string>, delta: 1 | -1): Promise<void> {
  const sorted = [...terms].sort();
  for (let i = 0; i < sorted.length; i += 200) {
    const chunk = sorted.slice(i, i + 200);
    if (delta > 0) {
      await db
        .insertInto('search_terms')
        .values(chunk.map((term) => ({ term, initial: [...term][0] ?? '', length: [...term].length, docs: 1 })))
        .onConflict((oc) => oc.column('term').doUpdateSet({ docs: sql<number>`search_terms.docs + 1` }))
        .execute();
    } else {
      await db.updateTable('search_terms').set({ docs: sql<number>`docs - 1` }).where('term', 'in', chunk).execute();
      await db.deleteFrom('search_terms').where('term', 'in', chunk).where('docs', '<=', 0).execute();
    }
  }
}

/** Replaces the whole vocabulary (after a reindex recount). */
export async function replaceTerms(db: Db, counts: ReadonlyMap<string, number>): Promise<void> {
  await db.deleteFrom('search_terms').execute();
  const rows = [...counts].map(([term, docs]) => ({ term, initial: [...term][0] ?? '', length: [...term].length, docs }));
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('search_terms').values(rows.slice(i, i + 500)).execute();
}

export async function termCounts(db: Db, terms: readonly string[]): Promise<Map<string, number>> {
  if (terms.length === 0) return new Map();
  const rows = await db.selectFrom('search_terms').select(['term', 'docs']).where('term', 'in', terms).execute();
  return new Map(rows.map((r) => [r.term, r.docs]));
}

/** Vocabulary words that could be a misspelling of a word of this shape. */
export async function termNeighbours(db: Db, initial: string, length: number, spread: number): Promise<{ term: string; docs: number }[]> {
  return db
    .selectFrom('search_terms')
    .select(['term', 'docs'])
    .where('initial', '=', initial)
    .where('length', '>=', length - spread)
    .where('length', '<=', length + spread)
    .limit(5000)
    .execute();
}

export async function idBySlug(db: Db, table: 'sections' | 'tags' | 'authors', slug: string): Promise<number | undefined> {
  const row = await db.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id;
}

export async function sectionTree(db: Db): Promise<{ id: number; parent_id: number | null }[]> {
  return db.selectFrom('sections').select(['id', 'parent_id']).execute();
}

/** What a reindex walks: the stories, and the wire items. */
export type IndexedTable = 'articles' | 'wire_items';

/** Ids of a table in id order after `afterId`, for a batched reindex. */
export async function idsAfter(db: Db, table: IndexedTable, afterId: number, limit: number): Promise<number[]> {
  const rows = await db.selectFrom(table).select('id').where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

export async function countRows(db: Db, table: IndexedTable): Promise<number> {
  const r = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Documents whose story no longer exists (only possible after raw imports); removed by a reindex. */
export async function orphanDocumentIds(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('search_documents as d')
    .leftJoin('articles as a', 'a.id', 'd.article_id')
    .select('d.id')
    .where('d.article_id', 'is not', null)
    .where('a.id', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

/** Live documents' text in id order after `afterId`, for recounting the vocabulary. */
export async function liveDocumentsAfter(db: Db, afterId: number, limit: number) {
  return db
    .selectFrom('search_documents')
    .select(['id', 'status', 'headline', 'standfirst', 'body'])
    .where('id', '>', afterId)
    .where('status', '=', 'published')
    .orderBy('id')
    .limit(limit)
    .execute();
}
