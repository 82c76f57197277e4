/**
 * The SQL of feeds and sitemaps. Sitemaps list every published story, so
 * these read only the few columns a URL needs (never bodies) and walk
 * article ids in fixed ranges: file n holds the published stories with ids
 * in ((n-1)·size, n·size], a primary-key range scan that costs the same for
 * the first file and the last, and a story never moves between files.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/index.js';

// Every query shows readers' view only: status published, and the publication time (published_at <= now) has come.

export interface SitemapBucket {
  /** 1-based sitemap file number. */
  n: number;
  count: number;
  lastmod: string | null;
}

/** The non-empty article sitemap files, with each one's newest change. */
export async function articleSitemapBuckets(db: Db, now: string, size: number): Promise<SitemapBucket[]> {
  // A literal, not a parameter: PostgreSQL must see the select and group-by expressions as the same one.
  const bucket = sql<number>`(${sql.ref('id')} - 1) / ${sql.lit(size)}`;
  const rows = await db
    .selectFrom('articles')
    .select((eb) => [bucket.as('bucket'), eb.fn.countAll<number>().as('count'), eb.fn.max(eb.fn.coalesce('updated_at', 'published_at')).as('lastmod')])
    .where('status', '=', 'published')
    .where('published_at', '<=', now)
    .groupBy(bucket)
    .orderBy(bucket)
    .execute();
  return rows.map((r) => ({ n: Number(r.bucket) + 1, count: Number(r.count), lastmod: r.lastmod ?? null }));
}

export interface SitemapArticleRow {
  id: number;
  slug: string;
  section_id: number | null;
  lastmod: string | null;
}

/**
 * The published stories of one article sitemap file, by id. Only the id
 * range goes to the database, so both planners walk the primary key (given
 * a status condition too, SQLite would rather scan every published story
 * through the status index); the at most `size` rows are filtered here.
 */
export async function articleSitemapRows(db: Db, now: string, n: number, size: number): Promise<SitemapArticleRow[]> {
  const rows = await db
    .selectFrom('articles')
    .select((eb) => ['id', 'slug', 'section_id', 'status', 'published_at', eb.fn.coalesce('updated_at', 'published_at').as('lastmod')])
    .where('id', '>', (n - 1) * size)
    .where('id', '<=', n * size)
    .orderBy('id')
    .execute();
  return rows
    .filter((r) => r.status === 'published' && r.published_at !== null && r.published_at <= now)
    .map((r) => ({ id: r.id, slug: r.slug, section_id: r.section_id, lastmod: r.lastmod }));
}

export interface NewsRow {
  id: number;
  slug: string;
  section_id: number | null;
  headline: string;
  language: string;
  published_at: string;
}

/** Stories first published since `since`, newest first (the Google News sitemap). */
export async function newsSitemapRows(db: Db, now: string, since: string, limit: number): Promise<NewsRow[]> {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'slug', 'section_id', 'headline', 'language', 'published_at'])
    .where('status', '=', 'published')
    .where('published_at', '<=', now)
    .where('published_at', '>=', since)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.flatMap((r) => (r.published_at === null ? [] : [{ ...r, published_at: r.published_at }]));
}

/** Newest change among each section's published stories (key null: stories without a section). */
export async function sectionLastmods(db: Db, now: string): Promise<Map<number | null, string>> {
  const rows = await db
    .selectFrom('articles')
    .select((eb) => ['section_id', eb.fn.max(eb.fn.coalesce('updated_at', 'published_at')).as('lastmod')])
    .where('status', '=', 'published')
    .where('published_at', '<=', now)
    .groupBy('section_id')
    .execute();
  const out = new Map<number | null, string>();
  for (const r of rows) if (r.lastmod) out.set(r.section_id, r.lastmod);
  return out;
}

export interface SlugLastmod {
  slug: string;
  lastmod: string | null;
}

/** Authors with at least one published story (an author page with nothing on it is not worth a crawl). */
export async function authorsWithStories(db: Db, now: string): Promise<SlugLastmod[]> {
  return db
    .selectFrom('authors')
    .innerJoin('article_authors as aa', 'aa.author_id', 'authors.id')
    .innerJoin('articles as a', 'a.id', 'aa.article_id')
    .select((eb) => ['authors.slug', eb.fn.max(eb.fn.coalesce('a.updated_at', 'a.published_at')).as('lastmod')])
    .where('a.status', '=', 'published')
    .where('a.published_at', '<=', now)
    .groupBy(['authors.id', 'authors.slug'])
    .orderBy('authors.slug')
    .execute();
}

/** Tags with at least one published story, most recently used first, at most `limit`. */
export async function tagsWithStories(db: Db, now: string, limit: number): Promise<SlugLastmod[]> {
  const lastmod = sql<string | null>`max(coalesce(${sql.ref('a.updated_at')}, ${sql.ref('a.published_at')}))`;
  return db
    .selectFrom('tags')
    .innerJoin('article_tags as at', 'at.tag_id', 'tags.id')
    .innerJoin('articles as a', 'a.id', 'at.article_id')
    .select(['tags.slug', lastmod.as('lastmod')])
    .where('a.status', '=', 'published')
    .where('a.published_at', '<=', now)
    .groupBy(['tags.id', 'tags.slug'])
    .orderBy(lastmod, 'desc')
    .orderBy('tags.slug')
    .limit(limit)
    .execute();
}

/** Published static pages. */
export async function publishedPages(db: Db): Promise<{ slug: string; lastmod: string }[]> {
  return db.selectFrom('pages').select(['slug', 'updated_at as lastmod']).where('status', '=', 'published').orderBy('slug').execute();
}
