import { describe, expect, it } from 'vitest';
import { byline, filtersFromQuery, listPath, mergeRefresh, refreshLimit, shortTime, type StoryRow } from './desk.js';

const story = (id: number, headline = `Story ${id}`): StoryRow => ({
  id,
  headline,
  status: 'draft',
  section: null,
  authors: [],
  agencyCredit: null,
  modifiedAt: '2026-11-28T10:00:00.000Z',
});

describe('story list filters', () => {
  it('reads the filters from the address, ignoring anything malformed', () => {
    expect(filtersFromQuery({ view: 'desk', section: '3', author: '5', q: 'budget' })).toEqual({ view: 'desk', status: '', section: '3', author: '5', q: 'budget' });
    expect(filtersFromQuery({ view: 'nonsense', status: 'lost', section: '-1', author: '1e3' })).toEqual({ view: 'all', status: '', section: '', author: '', q: '' });
    // a status filter only means something in "All stories": a desk view already names its statuses
    expect(filtersFromQuery({ view: 'ready', status: 'draft' }).status).toBe('');
    expect(filtersFromQuery({ status: 'killed' }).status).toBe('killed');
  });

  it('keeps the address short and round-trips through it', () => {
    expect(listPath(filtersFromQuery({}))).toBe('/newsroom');
    const f = filtersFromQuery({ view: 'desk', section: '3', q: ' budget ' });
    expect(listPath(f)).toBe('/newsroom?view=desk&section=3&q=budget');
    expect(filtersFromQuery(Object.fromEntries(new URL(listPath(f), 'http://x').searchParams))).toEqual({ ...f, q: 'budget' });
  });
});

describe('live refresh', () => {
  it('re-reads as many stories as are on screen, at least a page and at most the API limit', () => {
    expect(refreshLimit(0, 30)).toBe(30);
    expect(refreshLimit(60, 30)).toBe(60);
    expect(refreshLimit(250, 30)).toBe(100);
  });

  it('replaces the list when the refresh covered everything loaded, cursor included', () => {
    const current = { items: [story(1), story(2)], nextCursor: 'old' };
    const fresh = { items: [story(3), story(1, 'Story 1, rewritten')], nextCursor: 'new' };
    expect(mergeRefresh(current, fresh, 30)).toEqual(fresh);
  });

  it('keeps stories loaded beyond the refreshed part, without showing a moved story twice', () => {
    const current = { items: Array.from({ length: 120 }, (_, i) => story(i + 1)), nextCursor: 'page5' };
    // story 110 was edited: it moved to the top of the fresh first 100
    const fresh = { items: [story(110, 'Edited'), ...Array.from({ length: 99 }, (_, i) => story(i + 1))], nextCursor: 'p' };
    const merged = mergeRefresh(current, fresh, 100);
    expect(merged.nextCursor).toBe('page5');
    expect(merged.items[0]).toMatchObject({ id: 110, headline: 'Edited' });
    expect(merged.items.filter((s) => s.id === 110)).toHaveLength(1);
    expect(merged.items.map((s) => s.id)).toContain(120);
  });
});

describe('table cells', () => {
  it('writes the byline from the authors and the agency', () => {
    expect(byline({ authors: [{ id: 1, name: 'Meera Nair' }, { id: 2, name: 'Anil Rao' }], agencyCredit: 'PTI' })).toBe('Meera Nair, Anil Rao, PTI');
    expect(byline({ authors: [], agencyCredit: null })).toBe('');
  });

  it('shows only the time for today and the date for other days', () => {
    const now = new Date(2026, 10, 28, 15, 0);
    expect(shortTime(new Date(2026, 10, 28, 9, 5).toISOString(), now, 'en-GB')).toBe('09:05');
    expect(shortTime(new Date(2026, 10, 27, 9, 5).toISOString(), now, 'en-GB')).toBe('27 Nov 09:05');
    expect(shortTime(new Date(2025, 0, 3, 9, 5).toISOString(), now, 'en-GB')).toBe('3 Jan 2025 09:05');
    expect(shortTime('not a date', now)).toBe('');
  });
});
