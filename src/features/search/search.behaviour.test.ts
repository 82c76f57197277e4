import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { searchWorld } from './search.fixtures.js';

describeEachDb('search answers readers', (ctx) => {
  const w = searchWorld(ctx);
  let sport = { id: 0, slug: '' };
  let author = { id: 0, slug: '' };
  let tag = { id: 0, slug: '' };

  beforeAll(async () => {
    sport = await w.section('Sport');
    const cricket = await w.section('Cricket', sport.id);
    author = await w.author('Meera Nair');
    tag = await w.tag('Harbour');
    await w.story('Harbour dredging begins', ['Work on the channel started at dawn.'], { publishedAt: '2026-11-27T08:00:00.000Z' });
    await w.story('City council meets', ['Members discussed the harbour budget and the harbour lights.'], { publishedAt: '2026-11-28T08:00:00.000Z' });
    await w.story('Old pier story', ['A harbour story from long ago.'], { publishedAt: '2025-01-10T08:00:00.000Z', tagIds: [tag.id] });
    await w.story('Monsoon rains arrive early', ['Heavy rains lashed the coast as the monsoon arrived.'], { sectionId: cricket.id, authorIds: [author.id] });
    await w.story('Rains delay the match', ['The monsoon washed out play; the rains did not stop.'], { sectionId: sport.id });
    await w.story('Election results', ['Counting of votes continued through the night in every ward.']);
    await w.story('Café culture in Zürich', ['The cafés of Zürich are busy.']);
    await w.story('मानसून जल्दी आया', ['केरल में मानसून समय से पहले पहुंचा। बारिश जारी है।'], { language: 'hi' });
    await w.story('ਪੰਜਾਬ ਵਿੱਚ ਮੀਂਹ', ['ਲੁਧਿਆਣਾ ਵਿੱਚ ਭਾਰੀ ਮੀਂਹ ਪਿਆ।'], { language: 'pa' });
  });

  it('ranks a headline match above a body match', async () => {
    expect((await w.find('harbour')).slice(0, 1)).toEqual(['Harbour dredging begins']);
  });

  it('sorts by newest when asked', async () => {
    expect(await w.find('harbour', { sort: 'newest' })).toEqual(['City council meets', 'Harbour dredging begins', 'Old pier story']);
  });

  it('matches exact phrases only in order', async () => {
    expect(await w.find('"rains arrive"')).toEqual(['Monsoon rains arrive early']);
    expect(await w.find('"arrive rains"')).toEqual([]);
  });

  it('leaves out excluded words and accepts either word with OR', async () => {
    expect(await w.find('monsoon -match')).toEqual(['Monsoon rains arrive early']);
    expect((await w.find('votes OR dredging')).sort()).toEqual(['Election results', 'Harbour dredging begins']);
  });

  it('stems English: "arriving" finds "arrive"', async () => {
    expect(await w.find('arriving')).toContain('Monsoon rains arrive early');
  });

  it('ignores case and accents', async () => {
    expect(await w.find('CAFE zurich')).toEqual(['Café culture in Zürich']);
    expect(await w.find('Zürich')).toEqual(['Café culture in Zürich']);
  });

  it('finds Hindi and Punjabi words', async () => {
    expect(await w.find('मानसून')).toEqual(['मानसून जल्दी आया']);
    expect(await w.find('बारिश')).toEqual(['मानसून जल्दी आया']);
    expect(await w.find('ਮੀਂਹ')).toEqual(['ਪੰਜਾਬ ਵਿੱਚ ਮੀਂਹ']);
    expect(await w.find('monsoon', { language: 'hi' })).toEqual([]);
  });

  it('filters by section (with its subsections), author, tag and dates', async () => {
    expect((await w.find('rains', { section: sport.slug })).sort()).toEqual(['Monsoon rains arrive early', 'Rains delay the match']);
    expect(await w.find('rains', { author: author.slug })).toEqual(['Monsoon rains arrive early']);
    expect(await w.find('harbour', { tag: tag.slug })).toEqual(['Old pier story']);
    expect(await w.find('harbour', { range: 'week' })).not.toContain('Old pier story');
    expect(await w.find('harbour', { from: '2025-01-01', to: '2025-12-31' })).toEqual(['Old pier story']);
    expect(await w.find('harbour', { section: 'no-such-section' })).toEqual([]);
  });

  it('highlights matched words in escaped headlines and snippets', async () => {
    const r = await w.build().search.search({ q: 'budget' });
    expect(r.items[0]?.snippetHtml).toContain('<mark>budget</mark>');
    const h = await w.build().search.search({ q: 'zurich' });
    expect(h.items[0]?.headlineHtml).toBe('Café culture in <mark>Zürich</mark>');
  });

  it('counts and pages results', async () => {
    const r = await w.build().search.search({ q: 'harbour', limit: 2 });
    expect(r.page).toMatchObject({ total: 3, page: 1, hasMore: true });
    const p2 = await w.build().search.search({ q: 'harbour', limit: 2, page: 2 });
    expect(p2.items).toHaveLength(1);
  });

  it('counts every match when the page newest first is full', async () => {
    // PostgreSQL with fresh statistics (as in production) knows these words are common, and counts the older
    // matches apart from the page's (see `countApart`).
    const { db, dialect } = ctx();
    if (dialect.name === 'postgres') await sql`analyze search_documents`.execute(db);
    const r = await w.build().search.search({ q: 'harbour', limit: 2, sort: 'newest' });
    expect(r.items).toHaveLength(2);
    expect(r.page).toMatchObject({ total: 3, page: 1, hasMore: true, capped: false });
    const p2 = await w.build().search.search({ q: 'harbour', limit: 2, page: 2, sort: 'newest' });
    expect(p2.items.map((i) => i.story.headline)).not.toContain(r.items[0]?.story.headline);
    expect(p2.page).toMatchObject({ total: 3, hasMore: false });
  });

  it('suggests a spelling from the live vocabulary when nothing matches', async () => {
    const r = await w.build().search.search({ q: 'elcetion' });
    expect(r.items).toEqual([]);
    expect(r.suggestion).toBe('election');
  });

  it('offers headlines as the reader types', async () => {
    const s = await w.build().search.suggest('monsoon rai');
    expect(s.map((a) => a.headline)).toEqual(['Monsoon rains arrive early']);
  });
});
