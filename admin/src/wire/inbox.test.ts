import { describe, expect, it } from 'vitest';
import {
  NO_FILTERS,
  announcement,
  applyLiveItem,
  badgesOf,
  datelineOf,
  filtersFromQuery,
  inboxPath,
  isFiltered,
  itemsPath,
  matchesFilters,
  mergeItem,
  priorityOf,
  releasePending,
  sinceOf,
  type InboxFilters,
} from './inbox.js';
import type { WireItemSummary } from './types.js';

const NOW = new Date('2026-11-29T12:00:00.000Z');

const item = (id: number, over: Partial<WireItemSummary> = {}): WireItemSummary => ({
  id,
  sourceId: 1,
  sourceName: 'AFP folder',
  agency: 'AFP',
  guid: `urn:afp:${id}`,
  version: 1,
  pubStatus: 'usable',
  isCorrection: false,
  headline: `Item ${id}`,
  standfirst: '',
  datelinePlace: 'GENEVA',
  datelineDate: null,
  byline: null,
  credit: 'AFP',
  priority: 5,
  subjects: ['Politics'],
  receivedAt: new Date(NOW.getTime() - (100 - id) * 60_000).toISOString(),
  updatedAt: new Date(NOW.getTime() - (100 - id) * 60_000).toISOString(),
  versionCreated: null,
  embargoUntil: null,
  articleId: null,
  articleStatus: null,
  updateAvailable: false,
  killed: false,
  pictureCount: 0,
  ...over,
});

const f = (over: Partial<InboxFilters> = {}): InboxFilters => ({ ...NO_FILTERS, ...over });
const ids = (list: readonly WireItemSummary[]): number[] => list.map((i) => i.id);

describe('inbox filters in the address', () => {
  it('reads them, ignoring anything malformed', () => {
    expect(filtersFromQuery({ agency: 'AFP', subject: 'Politics', priority: '2', time: 'today', q: ' flood ', state: 'used' })).toEqual({
      agency: 'AFP',
      subject: 'Politics',
      priority: '2',
      time: 'today',
      q: 'flood',
      state: 'used',
    });
    expect(filtersFromQuery({ priority: '0', time: 'year', state: 'lost' })).toEqual(NO_FILTERS);
    expect(filtersFromQuery({ priority: '12' }).priority).toBe('');
    expect(filtersFromQuery({ q: 'x'.repeat(500) }).q).toHaveLength(200);
  });

  it('writes them back, leaving defaults out', () => {
    expect(inboxPath(NO_FILTERS)).toBe('/newsroom/wire');
    const chosen = f({ agency: 'AFP', priority: '2', state: 'updates', q: 'flood warning' });
    expect(inboxPath(chosen)).toBe('/newsroom/wire?agency=AFP&priority=2&state=updates&q=flood+warning');
    const back = Object.fromEntries(new URL(inboxPath(chosen), 'http://x').searchParams);
    expect(filtersFromQuery(back)).toEqual(chosen);
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered(f({ time: 'hour' }))).toBe(true);
  });

  it('asks the API with its own names (maxPriority, since, state=update)', () => {
    const path = itemsPath(f({ agency: 'AFP', priority: '2', time: 'hour', state: 'updates', q: 'rain' }), NOW, 'abc', 30);
    const q = new URL(path, 'http://x').searchParams;
    expect(path.startsWith('/admin/wire/items?')).toBe(true);
    expect(Object.fromEntries(q)).toEqual({ agency: 'AFP', maxPriority: '2', q: 'rain', since: '2026-11-29T11:00:00.000Z', state: 'update', cursor: 'abc', limit: '30' });
    expect(itemsPath(NO_FILTERS, NOW, null, 50)).toBe('/admin/wire/items?limit=50');
  });

  it('turns a time range into the earliest arrival it lets through', () => {
    expect(sinceOf('24h', NOW)?.toISOString()).toBe('2026-11-28T12:00:00.000Z');
    expect(sinceOf('week', NOW)?.toISOString()).toBe('2026-11-22T12:00:00.000Z');
    const today = sinceOf('today', NOW) as Date;
    expect([today.getHours(), today.getMinutes(), today.getDate()]).toEqual([0, 0, NOW.getDate()]);
    expect(sinceOf('', NOW)).toBeNull();
  });
});

describe('live items against the filters', () => {
  it('matches agency and subject in any case, priority as "at least this urgent"', () => {
    const flash = item(1, { priority: 1, agency: 'Reuters', subjects: ['World', 'Politics'] });
    expect(matchesFilters(flash, f({ agency: 'reuters' }), NOW)).toBe(true);
    expect(matchesFilters(flash, f({ agency: 'AFP' }), NOW)).toBe(false);
    expect(matchesFilters(flash, f({ subject: 'world' }), NOW)).toBe(true);
    expect(matchesFilters(flash, f({ subject: 'Sport' }), NOW)).toBe(false);
    expect(matchesFilters(flash, f({ priority: '2' }), NOW)).toBe(true);
    expect(matchesFilters(item(2, { priority: 3 }), f({ priority: '2' }), NOW)).toBe(false);
  });

  it('matches every word of the text somewhere in the headline or standfirst, as the API does', () => {
    const it1 = item(1, { headline: 'Floods close Geneva airport', standfirst: 'Rail links cut', byline: 'Anne Martin' });
    expect(matchesFilters(it1, f({ q: 'geneva FLOODS' }), NOW)).toBe(true);
    expect(matchesFilters(it1, f({ q: 'airport rail' }), NOW)).toBe(true);
    expect(matchesFilters(it1, f({ q: 'geneva strike' }), NOW)).toBe(false);
    expect(matchesFilters(it1, f({ q: 'martin' }), NOW)).toBe(false);
  });

  it('matches time and state', () => {
    const old = item(1, { receivedAt: '2026-11-29T10:30:00.000Z' });
    expect(matchesFilters(old, f({ time: 'hour' }), NOW)).toBe(false);
    expect(matchesFilters(old, f({ time: '24h' }), NOW)).toBe(true);
    const used = item(2, { articleId: 9 });
    const killed = item(3, { killed: true });
    const update = item(4, { articleId: 8, updateAvailable: true });
    expect([used, killed, update, old].filter((i) => matchesFilters(i, f({ state: 'new' }), NOW)).map((i) => i.id)).toEqual([1]);
    expect([used, killed, update, old].filter((i) => matchesFilters(i, f({ state: 'used' }), NOW)).map((i) => i.id)).toEqual([2, 4]);
    expect([used, killed, update, old].filter((i) => matchesFilters(i, f({ state: 'killed' }), NOW)).map((i) => i.id)).toEqual([3]);
    expect([used, killed, update, old].filter((i) => matchesFilters(i, f({ state: 'updates' }), NOW)).map((i) => i.id)).toEqual([4]);
  });
});

describe('folding live items into the list', () => {
  const list = [item(5), item(3), item(1)];

  it('puts a new item where its arrival time belongs, never twice', () => {
    expect(ids(mergeItem(list, item(9)))).toEqual([9, 5, 3, 1]);
    expect(ids(mergeItem(list, item(4)))).toEqual([5, 4, 3, 1]);
    expect(ids(mergeItem(list, item(0)))).toEqual([5, 3, 1, 0]);
    expect(ids(mergeItem(mergeItem(list, item(9)), item(9)))).toEqual([9, 5, 3, 1]);
  });

  it('replaces a row in place with a newer version, and ignores an older one', () => {
    const v2 = item(3, { version: 2, headline: 'Item 3, corrected', isCorrection: true });
    const merged = mergeItem(list, v2);
    expect(ids(merged)).toEqual([5, 3, 1]);
    expect(merged[1]?.headline).toBe('Item 3, corrected');
    expect(mergeItem(merged, item(3, { version: 1, headline: 'late copy of v1' }))[1]?.headline).toBe('Item 3, corrected');
    // same version, now used: the row shows it
    expect(mergeItem(list, item(3, { articleId: 12 }))[1]?.articleId).toBe(12);
    expect(list[1]?.headline).toBe('Item 3'); // the list on screen is not mutated
  });

  it('holds new items while the reader reads, and updates rows on screen in place either way', () => {
    const state = { items: list, pending: [] };
    const opts = { hold: true, filters: NO_FILTERS, now: NOW };
    const a = applyLiveItem(state, item(9), opts);
    expect(a.outcome).toBe('held');
    expect(ids(a.state.items)).toEqual([5, 3, 1]);
    expect(ids(a.state.pending)).toEqual([9]);
    const b = applyLiveItem(a.state, item(9, { version: 2 }), opts);
    expect(b.outcome).toBe('replaced');
    expect(b.state.pending).toHaveLength(1);
    const c = applyLiveItem(b.state, item(3, { version: 2, killed: true }), opts);
    expect(c.outcome).toBe('replaced');
    expect(c.state.items[1]?.killed).toBe(true);
    const released = releasePending(c.state);
    expect(ids(released.items)).toEqual([9, 5, 3, 1]);
    expect(released.items[0]?.version).toBe(2);
    expect(released.pending).toEqual([]);
  });

  it('puts new items straight on top when the reader is at the top, and leaves out what the filters exclude', () => {
    const state = { items: list, pending: [] };
    const shown = applyLiveItem(state, item(9), { hold: false, filters: NO_FILTERS, now: NOW });
    expect(shown.outcome).toBe('inserted');
    expect(ids(shown.state.items)).toEqual([9, 5, 3, 1]);
    const other = applyLiveItem(state, item(9, { agency: 'PTI' }), { hold: true, filters: f({ agency: 'AFP' }), now: NOW });
    expect(other.outcome).toBe('ignored');
    expect(other.state).toBe(state);
  });
});

describe('labels', () => {
  it('names priorities, flash and urgent apart', () => {
    expect([1, 2, 3, 5, 8].map((p) => priorityOf(p).label)).toEqual(['Flash', 'Urgent', 'High', 'Routine', 'Low']);
    expect(priorityOf(1).tone).toBe('flash');
  });

  it('badges what the desk must see, most important first', () => {
    const it1 = item(1, { version: 3, isCorrection: true, killed: true, articleId: 4, updateAvailable: true, embargoUntil: '2026-11-30T00:00:00.000Z' });
    expect(badgesOf(it1, NOW).map((b) => b.label)).toEqual(['Killed', 'Update available', 'Correction', 'Version 3', 'Embargoed', 'Used']);
    expect(badgesOf(item(2, { embargoUntil: '2026-11-28T00:00:00.000Z' }), NOW)).toEqual([]);
  });

  it('shows the dateline with its date when there is one', () => {
    expect(datelineOf({ datelinePlace: 'GENEVA', datelineDate: '2025-03-03' })).toBe('GENEVA, 3 Mar');
    expect(datelineOf({ datelinePlace: 'GENEVA', datelineDate: null })).toBe('GENEVA');
    expect(datelineOf({ datelinePlace: '', datelineDate: null })).toBe('');
  });

  it('announces new items, a flash by its headline', () => {
    expect(announcement([])).toBe('');
    expect(announcement([item(1)])).toBe('1 new wire item.');
    expect(announcement([item(1), item(2, { priority: 1, headline: 'Quake hits Lisbon' })])).toBe('2 new wire items. Flash: Quake hits Lisbon');
  });
});
