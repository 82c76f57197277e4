/**
 * The story list's vocabulary, kept pure so it is tested without a browser:
 * desk views, filters as they sit in the URL, the API query they make, and
 * how a live refresh folds into what is already on screen.
 */

export const STATUSES = ['draft', 'submitted', 'in_edit', 'ready', 'scheduled', 'published', 'unpublished', 'killed'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  in_edit: 'In edit',
  ready: 'Ready',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
  killed: 'Killed',
};

export function statusLabel(status: string): string {
  return (STATUS_LABELS as Record<string, string>)[status] ?? status;
}

export interface DeskView {
  id: string;
  label: string;
  /** Empty: every status (then the Status filter applies). */
  statuses: readonly Status[];
  /** Only stories the signed-in user edited last. */
  mine?: boolean;
}

export const DESK_VIEWS: readonly DeskView[] = [
  { id: 'all', label: 'All stories', statuses: [] },
  // There is no "created by" on a story: a draft is "mine" when I was the last to edit it.
  { id: 'mine', label: 'My drafts', statuses: ['draft'], mine: true },
  { id: 'desk', label: 'Desk queue', statuses: ['submitted', 'in_edit'] },
  { id: 'ready', label: 'Ready', statuses: ['ready'] },
  { id: 'scheduled', label: 'Scheduled', statuses: ['scheduled'] },
  { id: 'published', label: 'Published', statuses: ['published'] },
];

/** What the user chose; lives in the URL (?view=desk&section=3&author=5&q=budget) so reloads and Back keep it. */
export interface ListFilters {
  view: string;
  status: string;
  section: string;
  author: string;
  q: string;
}

const POSITIVE_ID = /^[1-9]\d{0,9}$/;

export function filtersFromQuery(query: Readonly<Record<string, string>>): ListFilters {
  const view = DESK_VIEWS.some((v) => v.id === query['view']) ? (query['view'] as string) : 'all';
  const status = (STATUSES as readonly string[]).includes(query['status'] ?? '') ? (query['status'] as string) : '';
  const id = (v: string | undefined): string => (v && POSITIVE_ID.test(v) ? v : '');
  return { view, status: view === 'all' ? status : '', section: id(query['section']), author: id(query['author']), q: (query['q'] ?? '').slice(0, 200) };
}

/** The list's own URL for these filters (defaults left out, so a plain /newsroom is "all stories"). */
export function listPath(f: ListFilters): string {
  const q = new URLSearchParams();
  if (f.view !== 'all') q.set('view', f.view);
  if (f.status && f.view === 'all') q.set('status', f.status);
  if (f.section) q.set('section', f.section);
  if (f.author) q.set('author', f.author);
  if (f.q.trim()) q.set('q', f.q.trim());
  const s = q.toString();
  return s ? `/newsroom?${s}` : '/newsroom';
}

export function viewOf(f: ListFilters): DeskView {
  return DESK_VIEWS.find((v) => v.id === f.view) ?? (DESK_VIEWS[0] as DeskView);
}

/** One row of the list, as the admin API sends a story (only what the list shows). */
export interface StoryRow {
  id: number;
  headline: string;
  status: string;
  section: { id: number; name: string } | null;
  authors: { id: number; name: string }[];
  agencyCredit: string | null;
  modifiedAt: string;
  lastEditedBy?: string | null;
  scheduledAt?: string | null;
  embargoUntil?: string | null;
  publishedAt?: string | null;
}

export function byline(s: Pick<StoryRow, 'authors' | 'agencyCredit'>): string {
  const names = s.authors.map((a) => a.name);
  if (s.agencyCredit) names.push(s.agencyCredit);
  return names.join(', ');
}

/** What is on screen, and where the next page starts (opaque: see source.ts). */
export interface ListState<C = unknown> {
  items: StoryRow[];
  nextCursor: C | null;
}

/** A refresh re-reads as many stories as are on screen (up to the API's page limit of 100). */
export function refreshLimit(loaded: number, pageSize: number): number {
  return Math.min(100, Math.max(pageSize, loaded));
}

/**
 * Folds a refreshed first page (read with `limit`) into the list on screen.
 * When it covered everything loaded it simply replaces the list, cursor and
 * all; otherwise stories further down stay (so the scroll position holds)
 * and a story that moved up into the fresh page is not shown twice.
 */
export function mergeRefresh<C>(current: ListState<C>, fresh: ListState<C>, limit: number): ListState<C> {
  if (current.items.length <= limit) return fresh;
  const seen = new Set(fresh.items.map((s) => s.id));
  return { items: [...fresh.items, ...current.items.slice(limit).filter((s) => !seen.has(s.id))], nextCursor: current.nextCursor };
}

/** "14:05" today, "27 Nov 14:05" this year, else with the year: short enough for a busy table. */
export function shortTime(iso: string, now: Date, locale?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const time = d.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (d.toDateString() === now.toDateString()) return time;
  const day = d.toLocaleDateString(locale, { day: 'numeric', month: 'short', ...(d.getFullYear() !== now.getFullYear() && { year: 'numeric' }) });
  return `${day} ${time}`;
}
