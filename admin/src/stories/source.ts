/**
 * Where a page of the story list comes from, for the filters chosen:
 *
 * - without words: the desk list (GET /api/admin/articles, newest change
 *   first, by cursor). It takes one status at a time, so a view of several
 *   statuses (the desk queue) reads each and merges them by time;
 * - with words: the newsroom search (GET /api/admin/search), which finds
 *   stories in every status by relevance, a numbered page at a time; it
 *   takes sections and authors by slug.
 *
 * "My drafts" keeps the drafts the signed-in user edited last.
 */
import { viewOf, type ListFilters, type ListState, type StoryRow } from './desk.js';

export type Cursor = { kind: 'list'; cursors: Record<string, string | null> } | { kind: 'search'; page: number };

export type Get = <T>(path: string) => Promise<T>;

export interface SourceContext {
  /** The signed-in user's name, as stories record who edited them last. */
  me: string;
  sectionSlug: (id: string) => string | undefined;
  authorSlug: (id: string) => string | undefined;
}

interface DeskPage {
  items: StoryRow[];
  nextCursor: string | null;
}

interface SearchPage {
  items: (Omit<StoryRow, 'agencyCredit'> & { headlineHtml: string })[];
  hasMore: boolean;
}

const SEARCH_MAX = 50;
const ALL = '*';

function newestFirst(a: StoryRow, b: StoryRow): number {
  return a.modifiedAt === b.modifiedAt ? b.id - a.id : a.modifiedAt < b.modifiedAt ? 1 : -1;
}

function qs(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  return q.toString();
}

async function fromDeskList(get: Get, f: ListFilters, ctx: SourceContext, from: Cursor | null, limit: number): Promise<ListState<Cursor>> {
  const view = viewOf(f);
  const statuses: readonly string[] = view.statuses.length > 0 ? view.statuses : f.status ? [f.status] : [ALL];
  const before = from?.kind === 'list' ? from.cursors : null;
  const cursors: Record<string, string | null> = {};
  const pages = await Promise.all(
    statuses.map(async (status) => {
      const cursor = before ? before[status] : undefined;
      // A status whose pages ran out stays out.
      if (cursor === null) return { status, page: { items: [], nextCursor: null } };
      const path = `/admin/articles?${qs({ status: status === ALL ? undefined : status, sectionId: f.section, authorId: f.author, cursor, limit })}`;
      return { status, page: await get<DeskPage>(path) };
    }),
  );
  for (const { status, page } of pages) cursors[status] = page.nextCursor;
  let items = pages.flatMap((p) => p.page.items).sort(newestFirst);
  if (view.mine) items = items.filter((s) => s.lastEditedBy === ctx.me);
  const more = Object.values(cursors).some((c) => c !== null);
  return { items, nextCursor: more ? { kind: 'list', cursors } : null };
}

async function fromSearch(get: Get, f: ListFilters, ctx: SourceContext, from: Cursor | null, limit: number): Promise<ListState<Cursor>> {
  const view = viewOf(f);
  const statuses: readonly string[] = view.statuses.length > 0 ? view.statuses : f.status ? [f.status] : [];
  const page = from?.kind === 'search' ? from.page : 1;
  const path = `/admin/search?${qs({
    q: f.q.trim(),
    // One status goes to the search; of several, the page is filtered here.
    status: statuses.length === 1 ? statuses[0] : undefined,
    section: f.section ? ctx.sectionSlug(f.section) : undefined,
    author: f.author ? ctx.authorSlug(f.author) : undefined,
    page,
    limit: Math.min(SEARCH_MAX, limit),
  })}`;
  const res = await get<SearchPage>(path);
  const items: StoryRow[] = res.items
    .filter((s) => statuses.length <= 1 || statuses.includes(s.status))
    .map((s) => ({ id: s.id, headline: s.headline, status: s.status, section: s.section, authors: s.authors, agencyCredit: null, modifiedAt: s.modifiedAt, publishedAt: s.publishedAt ?? null }));
  return { items, nextCursor: res.hasMore ? { kind: 'search', page: page + 1 } : null };
}

/** True when the filters need section or author slugs that have not loaded yet (the search takes slugs). */
export function waitsForSlugs(f: ListFilters, ctx: SourceContext): boolean {
  if (!f.q.trim()) return false;
  return (f.section !== '' && ctx.sectionSlug(f.section) === undefined) || (f.author !== '' && ctx.authorSlug(f.author) === undefined);
}

export function fetchStories(get: Get, f: ListFilters, ctx: SourceContext, from: Cursor | null, limit: number): Promise<ListState<Cursor>> {
  return f.q.trim() ? fromSearch(get, f, ctx, from, limit) : fromDeskList(get, f, ctx, from, limit);
}
