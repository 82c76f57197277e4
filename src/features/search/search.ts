/**
 * Search: the request a reader or the desk makes, the answer both engines
 * give, and the pure rules in between (bounds, date ranges, languages).
 */
export const PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;
/** Results are counted, and pages served, up to this many (newest first); past it readers narrow the search. */
export const MAX_RESULTS = 1000;
/**
 * Relevance ranks the newest this-many matches; older ones follow, newest
 * first. Ranking every match of a word found in half the archive would cost
 * hundreds of milliseconds at 100,000 stories; a newspaper reader searching
 * a common word wants the recent stories about it anyway.
 */
export const RANK_WINDOW = 300;
/**
 * A document's id is its sort key: minutes since 1970 of publication (or of
 * creation, for stories never published) in the high bits, the story id in
 * the low 24 (unique for the first 16.7 million stories; the key stays below
 * 2^53). Both engines then walk matches newest first in index order, without
 * sorting, which is what keeps broad queries fast (see docs/search.md).
 */
export const SORT_KEY_LOW_BITS = 2 ** 24;

/**
 * Wire items' documents (the newsroom's search) take the same key from the
 * item's arrival, less 2^53: below every story's, still newest first among
 * themselves, and never equal to a story's. Keys stay within ±2^53.
 */
export const WIRE_KEY_BASE = -(2 ** 53);

/** The smallest and largest document id of a story published at this instant. */
export function sortKeyRange(iso: string): { min: number; max: number } {
  const minutes = Math.floor(Date.parse(iso) / 60_000);
  return { min: minutes * SORT_KEY_LOW_BITS, max: minutes * SORT_KEY_LOW_BITS + SORT_KEY_LOW_BITS - 1 };
}

export const RANGES = ['day', 'week', 'month', 'year'] as const;
export type Range = (typeof RANGES)[number];
export const SORTS = ['relevance', 'newest'] as const;
export type Sort = (typeof SORTS)[number];

/** What the reader site, the content API and the admin API ask for (filters by slug or id). */
export interface SearchRequest {
  q: string;
  section?: string | undefined;
  author?: string | undefined;
  tag?: string | undefined;
  /** YYYY-MM-DD, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  range?: Range | undefined;
  sort?: Sort | undefined;
  language?: string | undefined;
  page?: number | undefined;
  limit?: number | undefined;
}

export interface DeskSearchRequest extends SearchRequest {
  statuses?: readonly string[] | undefined;
  kind?: string | undefined;
}

/** Resolved filters an engine applies. */
export interface EngineFilter {
  /** Which documents: stories (the default) or wire items (the newsroom's wire search). */
  corpus?: 'stories' | 'wire';
  /** Wire items of this agency. */
  agency?: string;
  /** Readers: only published stories whose time has come. */
  liveAt?: string;
  statuses?: readonly string[];
  sectionIds?: readonly number[];
  authorId?: number;
  tagId?: number;
  kind?: string;
  language?: string;
  publishedFrom?: string;
  publishedBefore?: string;
  /** Document id (sort key) bounds implied by the dates: lets both engines skip whole stretches of the index. */
  minDocId?: number;
  maxDocId?: number;
}

export interface Highlights {
  /** Escaped headline with <mark> around matched words. */
  headlineHtml: string;
  /** Escaped passage of the body (or standfirst) with <mark> around matched words; empty if none. */
  snippetHtml: string;
}

export interface SearchPageInfo {
  page: number;
  pageSize: number;
  /** Matches, counted up to MAX_RESULTS (then `capped` is true). */
  total: number;
  capped: boolean;
  hasMore: boolean;
}

/** The language → PostgreSQL text-search configuration; English is stemmed, Hindi and Punjabi are not. */
export function pgConfigFor(language: string): 'english' | 'simple' {
  return language === 'en' || language.startsWith('en-') ? 'english' : 'simple';
}

const DAY_MS = 86_400_000;
const RANGE_DAYS: Record<Range, number> = { day: 1, week: 7, month: 31, year: 366 };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string | undefined): Date | undefined {
  if (s === undefined || !DATE.test(s)) return undefined;
  const d = new Date(`${s}T00:00:00.000Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? undefined : d;
}

/** Publication window from ?range= or ?from=&to= (UTC days, `to` inclusive); bad dates are ignored. */
export function dateWindow(req: Pick<SearchRequest, 'from' | 'to' | 'range'>, now: Date): { publishedFrom?: string; publishedBefore?: string } {
  if (req.range) return { publishedFrom: new Date(now.getTime() - RANGE_DAYS[req.range] * DAY_MS).toISOString() };
  const from = validDate(req.from);
  const to = validDate(req.to);
  return {
    ...(from && { publishedFrom: from.toISOString() }),
    ...(to && { publishedBefore: new Date(to.getTime() + DAY_MS).toISOString() }),
  };
}

export function pageOf(page: number | undefined, limit: number | undefined): { page: number; pageSize: number; offset: number } {
  const pageSize = Math.min(Math.max(Math.trunc(limit ?? PAGE_SIZE), 1), MAX_PAGE_SIZE);
  const maxPage = Math.ceil(MAX_RESULTS / pageSize);
  const p = Math.min(Math.max(Math.trunc(page ?? 1), 1), maxPage);
  return { page: p, pageSize, offset: (p - 1) * pageSize };
}
