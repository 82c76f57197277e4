import { describe, expect, it } from 'vitest';
import { countLabel, searchApiPath, searchFromQuery, searchScreenPath } from './search.js';

describe('wire search in the address', () => {
  it('reads what the address says, falling back to defaults for anything unknown', () => {
    expect(searchFromQuery({ q: 'flood', agency: 'AFP', range: 'week', sort: 'newest', page: '3' })).toEqual({ q: 'flood', agency: 'AFP', range: 'week', sort: 'newest', page: 3 });
    expect(searchFromQuery({ q: 'x'.repeat(500), range: 'decade', sort: 'random', page: '-2' })).toEqual({ q: 'x'.repeat(200), agency: '', range: '', sort: 'relevance', page: 1 });
    expect(searchFromQuery({ page: '9999' }).page).toBe(50);
  });

  it('round-trips through the screen address, leaving the defaults out', () => {
    const s = { q: ' monsoon "Kerala coast" ', agency: 'Press Trust', range: 'month' as const, sort: 'newest' as const, page: 2 };
    const path = searchScreenPath(s);
    expect(path).toBe('/newsroom/wire/search?q=monsoon+%22Kerala+coast%22&agency=Press+Trust&range=month&sort=newest&page=2');
    const url = new URL(path, 'https://x.test');
    expect(searchFromQuery(Object.fromEntries(url.searchParams))).toEqual({ ...s, q: 'monsoon "Kerala coast"' });
    expect(searchScreenPath({ q: 'flood', agency: '', range: '', sort: 'relevance', page: 1 })).toBe('/newsroom/wire/search?q=flood');
  });

  it('asks the API only when words were typed', () => {
    expect(searchApiPath({ q: '  ', agency: 'AFP', range: '', sort: 'relevance', page: 1 })).toBeUndefined();
    expect(searchApiPath({ q: 'flood & rain', agency: '', range: 'day', sort: 'relevance', page: 4 })).toBe('/admin/search/wire?q=flood+%26+rain&range=day&sort=relevance&page=4&limit=20');
    expect(searchApiPath({ q: 'flood', agency: 'PTI', range: '', sort: 'newest', page: 1 })).toBe('/admin/search/wire?q=flood&agency=PTI&sort=newest&page=1&limit=20');
  });

  it('says how many items were found, and when there were more than it can show', () => {
    expect(countLabel({ total: 1, capped: false })).toBe('1 item found.');
    expect(countLabel({ total: 37, capped: false })).toBe('37 items found.');
    expect(countLabel({ total: 1000, capped: true })).toBe('More than 1,000 items; the newest 1,000 can be paged through.');
  });
});
