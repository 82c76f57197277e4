import { describe, expect, it } from 'vitest';
import { filtersFromQuery, type StoryRow } from './desk.js';
import { fetchStories, waitsForSlugs, type SourceContext } from './source.js';

const row = (id: number, status: string, modifiedAt: string, lastEditedBy: string | null = null): StoryRow => ({
  id,
  headline: `Story ${id}`,
  status,
  section: null,
  authors: [],
  agencyCredit: null,
  modifiedAt,
  lastEditedBy,
});

const ctx: SourceContext = { me: 'Meera Nair', sectionSlug: (id) => (id === '3' ? 'world' : undefined), authorSlug: (id) => (id === '5' ? 'anil-rao' : undefined) };

/** A fake API: answers each path from the table and records what was asked. */
function fakeApi(answers: Record<string, unknown>) {
  const asked: string[] = [];
  const get = async <T,>(path: string): Promise<T> => {
    asked.push(path);
    const hit = Object.entries(answers).find(([prefix]) => path.startsWith(prefix));
    if (!hit) throw new Error(`unexpected ${path}`);
    return hit[1] as T;
  };
  return { get, asked, params: (i: number) => Object.fromEntries(new URL(asked[i] ?? '', 'http://x').searchParams) };
}

describe('where the story list comes from', () => {
  it('reads the desk queue as submitted and in-edit stories in one call, newest change first, and follows the cursor', async () => {
    const api = fakeApi({
      '/admin/articles?status=submitted%2Cin_edit': { items: [row(2, 'in_edit', '2026-11-28T10:00:00.000Z'), row(1, 'submitted', '2026-11-28T09:00:00.000Z')], nextCursor: 's2' },
    });
    const first = await fetchStories(api.get, filtersFromQuery({ view: 'desk', section: '3' }), ctx, null, 30);
    expect(first.items.map((s) => s.id)).toEqual([2, 1]);
    expect(api.params(0)).toMatchObject({ status: 'submitted,in_edit', sectionId: '3', limit: '30' });
    expect(first.nextCursor).toEqual({ kind: 'list', cursor: 's2' });

    await fetchStories(api.get, filtersFromQuery({ view: 'desk', section: '3' }), ctx, first.nextCursor, 30);
    expect(api.asked.slice(1)).toEqual(['/admin/articles?status=submitted%2Cin_edit&sectionId=3&cursor=s2&limit=30']);
  });

  it('keeps only the drafts I edited last in "My drafts"', async () => {
    const api = fakeApi({
      '/admin/articles?status=draft': { items: [row(1, 'draft', '2026-11-28T09:00:00.000Z', 'Meera Nair'), row(2, 'draft', '2026-11-28T08:00:00.000Z', 'Anil Rao')], nextCursor: null },
    });
    const page = await fetchStories(api.get, filtersFromQuery({ view: 'mine' }), ctx, null, 30);
    expect(page.items.map((s) => s.id)).toEqual([1]);
    expect(page.nextCursor).toBeNull();
  });

  it('reads every status when no view or status is chosen', async () => {
    const api = fakeApi({ '/admin/articles?': { items: [row(1, 'published', '2026-11-28T09:00:00.000Z')], nextCursor: null } });
    await fetchStories(api.get, filtersFromQuery({ author: '5' }), ctx, null, 30);
    expect(api.asked).toEqual(['/admin/articles?authorId=5&limit=30']);
  });

  it('searches the words across all stories, with sections and authors by slug, a numbered page at a time', async () => {
    const found = { id: 9, headline: 'Flood relief', headlineHtml: '<mark>Flood</mark> relief', status: 'ready', section: { id: 3, name: 'World' }, authors: [], modifiedAt: '2026-11-28T09:00:00.000Z', publishedAt: null };
    const api = fakeApi({ '/admin/search?': { items: [found, { ...found, id: 10, status: 'published' }], hasMore: true } });
    const page = await fetchStories(api.get, filtersFromQuery({ view: 'ready', q: 'flood', section: '3', author: '5' }), ctx, null, 80);
    expect(api.params(0)).toEqual({ q: 'flood', status: 'ready', section: 'world', author: 'anil-rao', page: '1', limit: '50' });
    expect(page.items.map((s) => s.id)).toEqual([9, 10]);
    expect(page.nextCursor).toEqual({ kind: 'search', page: 2 });

    // several statuses cannot go to the search: the page is filtered here
    const desk = await fetchStories(api.get, filtersFromQuery({ view: 'desk', q: 'flood' }), ctx, { kind: 'search', page: 2 }, 30);
    expect(api.params(1)).toMatchObject({ q: 'flood', page: '2' });
    expect(api.params(1)).not.toHaveProperty('status');
    expect(desk.items).toEqual([]);
  });

  it('holds a search back until the chosen section or author has a slug to search by', () => {
    expect(waitsForSlugs(filtersFromQuery({ q: 'flood', section: '7' }), ctx)).toBe(true);
    expect(waitsForSlugs(filtersFromQuery({ q: 'flood', section: '3' }), ctx)).toBe(false);
    expect(waitsForSlugs(filtersFromQuery({ section: '7' }), ctx)).toBe(false);
  });
});
