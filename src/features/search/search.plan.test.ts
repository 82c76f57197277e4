import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { engineFor } from './search.engine.js';
import { searchWorld } from './search.fixtures.js';
import { parseQuery, requiredMatchEstimate } from './search.parse.js';
import { sortKeyRange, type EngineFilter } from './search.js';

it('estimates the matches of the required words from the vocabulary', () => {
  const counts = new Map([['monsoon', 40], ['kerala', 900], ['goa', 300], ['early', 5000], ['rains', 700]]);
  expect(requiredMatchEstimate(parseQuery('monsoon kerala'), counts)).toBe(40);
  // OR adds up; a phrase is no commoner than its rarest word; the query no commoner than its rarest group.
  expect(requiredMatchEstimate(parseQuery('kerala OR goa'), counts)).toBe(1200);
  expect(requiredMatchEstimate(parseQuery('"early rains" kerala OR goa'), counts)).toBe(700);
  // Exclusions never narrow the estimate; an unknown word leaves its group out, or the whole query unknown.
  expect(requiredMatchEstimate(parseQuery('early -monsoon'), counts)).toBe(5000);
  expect(requiredMatchEstimate(parseQuery('arriving early'), counts)).toBe(5000);
  expect(requiredMatchEstimate(parseQuery('arriving OR goa'), counts)).toBeUndefined();
  expect(requiredMatchEstimate(parseQuery('arriving'), counts)).toBeUndefined();
});

describeEachDb('search plans', (ctx) => {
  const w = searchWorld(ctx);

  it('finds the same matches, in the same order with the same scores, through the index and by walking newest first', async () => {
    const author = await w.author('Meera Nair');
    const s = await w.section('Coast');
    for (let i = 0; i < 30; i++) {
      const day = String(1 + (i % 27)).padStart(2, '0');
      await w.story(i % 3 ? `Tide report ${i}` : `Heron count ${i}`, [`The heron${i % 2 ? ' and the tide' : ''} at dawn, ${i % 5 ? 'calm' : 'stormy heron'} water.`], {
        publishedAt: `2026-11-${day}T0${i % 10}:00:00.000Z`,
        ...(i % 4 === 0 && { authorIds: [author.id] }),
        ...(i % 2 === 0 && { sectionId: s.id }),
      });
    }
    const { db } = ctx();
    const engine = engineFor(ctx().dialect.name);
    const now = w.clock.now().toISOString();
    const live: EngineFilter = { liveAt: now, maxDocId: sortKeyRange(now).max };
    const filters: EngineFilter[] = [
      live,
      { ...live, authorId: author.id },
      { ...live, sectionIds: [s.id], publishedFrom: '2026-11-10T00:00:00.000Z', minDocId: sortKeyRange('2026-11-10T00:00:00.000Z').min },
      { statuses: ['published'], publishedBefore: '2026-11-20T00:00:00.000Z', maxDocId: sortKeyRange('2026-11-20T00:00:00.000Z').max },
    ];
    let compared = 0;
    for (const text of ['heron', 'heron tide', '"heron at dawn"', 'stormy OR tide -calm']) {
      const query = await engine.compile(db, parseQuery(text));
      for (const filter of filters) {
        const walk = await engine.matches(db, { parsed: query.parsed, forms: query.forms }, filter, 1001, 300);
        const index = await engine.matches(db, { ...query, share: 0, familyShare: 0 }, filter, 1001, 300);
        expect(index.candidates).toEqual(walk.candidates);
        expect([...index.scores]).toEqual([...walk.scores]);
        compared += walk.candidates.length;
      }
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('finds the same newest matches when the GIN scan is first limited to a range of the newest documents', async () => {
    for (let i = 0; i < 40; i++) {
      const at = new Date(Date.parse('2026-11-27T00:00:00.000Z') + i * 1_800_000).toISOString();
      await w.story(`Kingfisher ${i}`, [`A ${i % 3 ? 'kingfisher' : 'kingfisher kingfisher'} on the ${i % 4 ? 'river' : 'weir'}.`], { publishedAt: at });
    }
    const { db } = ctx();
    const engine = engineFor(ctx().dialect.name);
    const now = w.clock.now().toISOString();
    const live: EngineFilter = { liveAt: now, maxDocId: sortKeyRange(now).max };
    const ids = (await db.selectFrom('search_documents').select('id').orderBy('id', 'desc').execute()).map((r) => Number(r.id));
    let ranged = 0;
    for (const text of ['kingfisher', 'weir OR river', 'kingfisher -weir']) {
      const query = await engine.compile(db, parseQuery(text));
      const plain = { parsed: query.parsed, forms: query.forms };
      // `spread` says how the matches spread: 40 (the truth) sizes the range right; 400 far too small, so the
      // older documents are searched next; every document id a bucket boundary.
      for (const spread of [40, 400]) {
        for (const [limit, rankWindow] of [[3, 2], [5, 5], [12, 4]] as const) {
          const walk = await engine.matches(db, plain, live, limit, rankWindow);
          const range = await engine.matches(db, { ...plain, share: 0, familyShare: 0, spread, newest: ids }, live, limit, rankWindow);
          expect(range.candidates, `${text} ${spread} ${limit}`).toEqual(walk.candidates);
          expect([...range.scores]).toEqual([...walk.scores]);
          expect(walk.candidates).toHaveLength(limit);
          ranged++;
        }
      }
    }
    expect(ranged).toBe(18);
  });

  it('keeps stories of the current minute out until their time, and the minute boundaries of date filters exact', async () => {
    const now = w.clock.now().toISOString();
    expect(now).toBe('2026-11-28T10:00:00.000Z');
    await w.story('Just before', ['egretmarsh'], { publishedAt: '2026-11-28T09:59:59.999Z' });
    await w.story('Exactly now', ['egretmarsh'], { publishedAt: '2026-11-28T10:00:00.000Z' });
    await w.story('Later this minute', ['egretmarsh'], { publishedAt: '2026-11-28T10:00:30.000Z' });
    await w.story('Start of day', ['egretmarsh'], { publishedAt: '2026-11-20T00:00:00.000Z' });
    await w.story('Late on the day', ['egretmarsh'], { publishedAt: '2026-11-20T23:59:59.999Z' });
    await w.story('Day before', ['egretmarsh'], { publishedAt: '2026-11-19T23:59:59.999Z' });
    await w.story('Day after', ['egretmarsh'], { publishedAt: '2026-11-21T00:00:00.000Z' });
    expect((await w.find('egretmarsh', { sort: 'newest' }))).toEqual(['Exactly now', 'Just before', 'Day after', 'Late on the day', 'Start of day', 'Day before']);
    expect(await w.find('egretmarsh', { from: '2026-11-20', to: '2026-11-20', sort: 'newest' })).toEqual(['Late on the day', 'Start of day']);
    expect(await w.find('egretmarsh', { from: '2026-11-21', sort: 'newest' })).toEqual(['Exactly now', 'Just before', 'Day after']);
  });
});
