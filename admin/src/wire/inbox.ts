/**
 * The wire inbox's vocabulary, kept pure so it is tested without a browser:
 * filters as they sit in the URL, the API query they make, whether a live
 * item matches them, how live items fold into the list on screen (no
 * duplicates; a newer version replaces its row in place), and the labels
 * and badges a row shows.
 */
import type { WireItemSummary } from './types.js';

export const TIME_RANGES = [
  { id: 'hour', label: 'Last hour' },
  { id: 'today', label: 'Today' },
  { id: '24h', label: 'Last 24 hours' },
  { id: 'week', label: 'Last 7 days' },
] as const;
export type TimeRange = (typeof TIME_RANGES)[number]['id'];

export const STATES = [
  { id: 'all', label: 'All items' },
  { id: 'new', label: 'Not used yet' },
  { id: 'used', label: 'Used' },
  { id: 'updates', label: 'Update available' },
  { id: 'killed', label: 'Killed' },
] as const;
export type InboxState = (typeof STATES)[number]['id'];

/** What the reader chose; lives in the URL (?agency=AFP&priority=2&time=today&q=flood) so reloads and Back keep it. */
export interface InboxFilters {
  agency: string;
  subject: string;
  /** '' or '1'…'9': only items at least this urgent (priority number at most this). */
  priority: string;
  time: TimeRange | '';
  q: string;
  state: InboxState;
}

export const NO_FILTERS: InboxFilters = { agency: '', subject: '', priority: '', time: '', q: '', state: 'all' };

const TEXT_MAX = 200;

export function filtersFromQuery(query: Readonly<Record<string, string>>): InboxFilters {
  const time = TIME_RANGES.find((t) => t.id === query['time'])?.id ?? '';
  const state = STATES.find((s) => s.id === query['state'])?.id ?? 'all';
  const priority = /^[1-9]$/.test(query['priority'] ?? '') ? (query['priority'] as string) : '';
  const text = (key: string): string => (query[key] ?? '').trim().slice(0, TEXT_MAX);
  return { agency: text('agency'), subject: text('subject'), priority, time, q: text('q'), state };
}

/** The inbox's own URL for these filters (defaults left out, so a plain /newsroom/wire is everything). */
export function inboxPath(f: InboxFilters): string {
  const q = new URLSearchParams();
  if (f.agency) q.set('agency', f.agency);
  if (f.subject) q.set('subject', f.subject);
  if (f.priority) q.set('priority', f.priority);
  if (f.time) q.set('time', f.time);
  if (f.state !== 'all') q.set('state', f.state);
  if (f.q.trim()) q.set('q', f.q.trim());
  const s = q.toString();
  return s ? `/newsroom/wire?${s}` : '/newsroom/wire';
}

export function isFiltered(f: InboxFilters): boolean {
  return inboxPath(f) !== '/newsroom/wire';
}

const HOUR = 3_600_000;

/** The earliest arrival time the time filter lets through ("today" starts at the reader's local midnight). */
export function sinceOf(time: InboxFilters['time'], now: Date): Date | null {
  switch (time) {
    case 'hour':
      return new Date(now.getTime() - HOUR);
    case '24h':
      return new Date(now.getTime() - 24 * HOUR);
    case 'week':
      return new Date(now.getTime() - 7 * 24 * HOUR);
    case 'today':
      return new Date(now.getFullYear(), now.getMonth(), now.getDate());
    default:
      return null;
  }
}

/** GET /api/admin/wire/items for these filters (the API's state for "updates" is "update"). */
export function itemsPath(f: InboxFilters, now: Date, cursor: string | null, limit: number): string {
  const q = new URLSearchParams();
  if (f.agency) q.set('agency', f.agency);
  if (f.subject) q.set('subject', f.subject);
  if (f.priority) q.set('maxPriority', f.priority);
  if (f.q.trim()) q.set('q', f.q.trim());
  const since = sinceOf(f.time, now);
  if (since) q.set('since', since.toISOString());
  if (f.state !== 'all') q.set('state', f.state === 'updates' ? 'update' : f.state);
  if (cursor) q.set('cursor', cursor);
  q.set('limit', String(limit));
  return `/admin/wire/items?${q.toString()}`;
}

function stateMatches(item: WireItemSummary, state: InboxState): boolean {
  switch (state) {
    case 'new':
      return item.articleId === null && !item.killed;
    case 'used':
      return item.articleId !== null;
    case 'killed':
      return item.killed;
    case 'updates':
      return item.updateAvailable;
    default:
      return true;
  }
}

const same = (a: string, b: string): boolean => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/**
 * Whether an item that arrived live belongs in the list as filtered. The
 * server decides for the pages it sends; this is its rule for one item:
 * agency and subject by name, text as every word somewhere in the headline
 * or standfirst (any case).
 */
export function matchesFilters(item: WireItemSummary, f: InboxFilters, now: Date): boolean {
  if (f.agency && !same(item.agency, f.agency)) return false;
  if (f.subject && !item.subjects.some((s) => same(s, f.subject))) return false;
  if (f.priority && item.priority > Number(f.priority)) return false;
  const since = sinceOf(f.time, now);
  if (since && new Date(item.receivedAt).getTime() < since.getTime()) return false;
  if (!stateMatches(item, f.state)) return false;
  const words = f.q.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    const text = `${item.headline}\n${item.standfirst}`.toLowerCase();
    if (!words.every((w) => text.includes(w))) return false;
  }
  return true;
}

/** Newest arrival first; ties (one file, several items) by id, newest first. */
function before(a: WireItemSummary, b: WireItemSummary): boolean {
  const ta = Date.parse(a.receivedAt);
  const tb = Date.parse(b.receivedAt);
  return ta !== tb ? ta > tb : a.id > b.id;
}

/**
 * Folds one item into a list: a row already there is replaced in place when
 * the item is as new or newer (a later version, or the same version now used
 * or killed) and left alone when it is older; a new item goes where its
 * arrival time puts it. The list is never mutated.
 */
export function mergeItem(list: readonly WireItemSummary[], item: WireItemSummary): WireItemSummary[] {
  const at = list.findIndex((x) => x.id === item.id);
  if (at >= 0) {
    const old = list[at] as WireItemSummary;
    if (item.version < old.version) return [...list];
    const next = [...list];
    next[at] = item;
    return next;
  }
  const pos = list.findIndex((x) => before(item, x));
  return pos < 0 ? [...list, item] : [...list.slice(0, pos), item, ...list.slice(pos)];
}

export function mergeItems(list: readonly WireItemSummary[], items: readonly WireItemSummary[]): WireItemSummary[] {
  return items.reduce<WireItemSummary[]>((acc, item) => mergeItem(acc, item), [...list]);
}

export interface LiveList {
  items: WireItemSummary[];
  /** Items that arrived while the reader was reading (scrolled, filtered or moving through rows): shown on request. */
  pending: WireItemSummary[];
}

export type LiveOutcome = 'replaced' | 'inserted' | 'held' | 'ignored';

/**
 * One live `item` event: a row on screen is updated where it is (no jump);
 * a new matching item goes on top, or is held for the "N new items" bar
 * when `hold` (the reader is reading further down or has filtered).
 */
export function applyLiveItem(state: LiveList, item: WireItemSummary, opts: { hold: boolean; filters: InboxFilters; now: Date }): { state: LiveList; outcome: LiveOutcome } {
  if (state.items.some((x) => x.id === item.id)) return { state: { ...state, items: mergeItem(state.items, item) }, outcome: 'replaced' };
  if (!matchesFilters(item, opts.filters, opts.now)) return { state, outcome: 'ignored' };
  if (opts.hold) {
    const known = state.pending.some((x) => x.id === item.id);
    return { state: { ...state, pending: mergeItem(state.pending, item) }, outcome: known ? 'replaced' : 'held' };
  }
  return { state: { ...state, items: mergeItem(state.items, item) }, outcome: 'inserted' };
}

/** The held items join the list (each once). */
export function releasePending(state: LiveList): LiveList {
  return { items: mergeItems(state.items, state.pending), pending: [] };
}

export type Tone = 'flash' | 'urgent' | 'high' | 'routine' | 'low';

/** IPTC urgency 1…9 as the desk says it. */
export function priorityOf(priority: number): { label: string; tone: Tone } {
  if (priority <= 1) return { label: 'Flash', tone: 'flash' };
  if (priority === 2) return { label: 'Urgent', tone: 'urgent' };
  if (priority === 3) return { label: 'High', tone: 'high' };
  if (priority <= 6) return { label: 'Routine', tone: 'routine' };
  return { label: 'Low', tone: 'low' };
}

/** The priority filter's choices: "at least this urgent". */
export const PRIORITY_CHOICES: readonly { value: string; label: string }[] = [
  { value: '', label: 'Any priority' },
  { value: '1', label: 'Flash only' },
  { value: '2', label: 'Urgent and above' },
  { value: '3', label: 'High and above' },
  { value: '6', label: 'Routine and above' },
];

export interface Badge {
  label: string;
  tone: 'version' | 'correction' | 'killed' | 'update' | 'used' | 'embargo';
}

/** The state of an item at a glance, most important first. */
export function badgesOf(item: WireItemSummary, now: Date): Badge[] {
  const out: Badge[] = [];
  if (item.killed) out.push({ label: 'Killed', tone: 'killed' });
  if (item.updateAvailable) out.push({ label: 'Update available', tone: 'update' });
  if (item.isCorrection) out.push({ label: 'Correction', tone: 'correction' });
  if (item.version > 1) out.push({ label: `Version ${item.version}`, tone: 'version' });
  if (item.embargoUntil && Date.parse(item.embargoUntil) > now.getTime()) out.push({ label: 'Embargoed', tone: 'embargo' });
  if (item.articleId !== null) out.push({ label: 'Used', tone: 'used' });
  return out;
}

/** "GENEVA, 3 Mar" / "GENEVA" / "" — the dateline as the row shows it. */
export function datelineOf(item: Pick<WireItemSummary, 'datelinePlace' | 'datelineDate'>): string {
  const place = item.datelinePlace.trim();
  if (!item.datelineDate) return place;
  const d = new Date(`${item.datelineDate}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return place;
  const day = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return place ? `${place}, ${day}` : day;
}

/** What the polite live region says about new items (flashes by headline: they matter at once). */
export function announcement(items: readonly WireItemSummary[]): string {
  if (items.length === 0) return '';
  const flash = items.find((i) => i.priority <= 1);
  const count = items.length === 1 ? '1 new wire item' : `${items.length} new wire items`;
  return flash ? `${count}. Flash: ${flash.headline}` : `${count}.`;
}
