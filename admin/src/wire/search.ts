/**
 * The wire search's vocabulary, kept pure: what the reader asked for as it
 * sits in the address (/newsroom/wire/search?q=flood&agency=AFP&range=week&sort=newest&page=2),
 * the API call it makes (GET /api/admin/search/wire) and the page of results.
 */
import type { WireItemSummary } from './types.js';

export const SEARCH_RANGES = [
  { id: '', label: 'Any time' },
  { id: 'day', label: 'Last 24 hours' },
  { id: 'week', label: 'Last 7 days' },
  { id: 'month', label: 'Last month' },
  { id: 'year', label: 'Last year' },
] as const;
export type SearchRange = (typeof SEARCH_RANGES)[number]['id'];

export const SEARCH_SORTS = [
  { id: 'relevance', label: 'Best match' },
  { id: 'newest', label: 'Newest first' },
] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number]['id'];

export interface WireSearch {
  q: string;
  /** '' for every agency. */
  agency: string;
  range: SearchRange;
  sort: SearchSort;
  page: number;
}

export interface WireSearchHit {
  wire: WireItemSummary;
  /** Escaped by the server; only <mark> around the matched words. */
  headlineHtml: string;
  snippetHtml: string;
}

export interface WireSearchPage {
  query: string;
  total: number;
  capped: boolean;
  page: number;
  hasMore: boolean;
  items: WireSearchHit[];
}

export const SEARCH_PAGE_SIZE = 20;
const TEXT_MAX = 200;
const AGENCY_MAX = 100;
/** The API serves 1,000 matches: 50 pages of 20. */
const PAGE_MAX = 50;

const isRange = (v: string | undefined): v is SearchRange => SEARCH_RANGES.some((r) => r.id === v);
const isSort = (v: string | undefined): v is SearchSort => SEARCH_SORTS.some((s) => s.id === v);

/** The search from the address; anything unknown falls back to its default. */
export function searchFromQuery(query: Record<string, string>): WireSearch {
  const page = Number(query['page']);
  return {
    q: (query['q'] ?? '').slice(0, TEXT_MAX),
    agency: (query['agency'] ?? '').slice(0, AGENCY_MAX),
    range: isRange(query['range']) ? query['range'] : '',
    sort: isSort(query['sort']) ? query['sort'] : 'relevance',
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, PAGE_MAX) : 1,
  };
}

function qs(params: Record<string, string | number>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v !== 0) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The screen's address for a search (defaults left out, so a plain search reads cleanly). */
export function searchScreenPath(s: WireSearch): string {
  return `/newsroom/wire/search${qs({ q: s.q.trim(), agency: s.agency, range: s.range, sort: s.sort === 'relevance' ? '' : s.sort, page: s.page > 1 ? s.page : '' })}`;
}

/** The API call for a search; undefined when nothing was typed (nothing to ask). */
export function searchApiPath(s: WireSearch): string | undefined {
  const q = s.q.trim();
  if (!q) return undefined;
  return `/admin/search/wire${qs({ q, agency: s.agency, range: s.range, sort: s.sort, page: s.page, limit: SEARCH_PAGE_SIZE })}`;
}

/** "3 items", "1,000+ items": what the search found. */
export function countLabel(page: Pick<WireSearchPage, 'total' | 'capped'>): string {
  const n = page.total.toLocaleString('en');
  if (page.capped) return `More than ${n} items; the newest ${n} can be paged through.`;
  return page.total === 1 ? '1 item found.' : `${n} items found.`;
}
