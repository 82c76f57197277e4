/**
 * Where a page of the story list comes from, for the filters chosen:
 *
 * - without words: the desk list (GET /api/admin/articles, newest change
 *   first, by cursor); a view of several statuses (the desk queue) asks for
 *   them in one call (`status=submitted,in_edit`);
 * - with words: the newsroom search (GET /api/admin/search), which finds
 *   stories in every status by relevance, a numbered page at a time; it
 *   takes sections and authors by slug.
 *
 * "My drafts" keeps the drafts the signed-in user edited last.
 */
import { viewOf, type ListFilters, type ListState, type StoryRow } from './desk.js';

export type Cursor = { kind: 'list'; cursor: string } | { kind: 'search'; page: number };

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

function qs(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  return q.toString();
}

async function fromDeskList(get: Get, f: ListFilters, ctx: SourceContext, from: Cursor | null, limit: number): Promise<ListState<Cursor>> {
  const view = viewOf(f);
  const statuses: readonly string[] = view.statuses.length > 0 ? view.statuses : f.status ? [f.status] : [];
  const cursor = from?.kind === 'list' ? from.cursor : undefined;
  const page = await get<DeskPage>(`/admin/articles?${qs({ status: statuses.join(','), sectionId: f.section, authorId: f.author, cursor, limit })}`);
  const items = view.mine ? page.items.filter((s) => s.lastEditedBy === ctx.me) : page.items;
  return { items, nextCursor: page.nextCursor ? { kind: 'list', cursor: page.nextCursor } : null };
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
