import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { SYSTEM_ACTOR, bodyFromParagraphs } from '../articles/index.js';
import { engineFor } from './search.engine.js';
import { searchWorld } from './search.fixtures.js';
import { parseQuery, requiredMatchEstimate } from './search.parse.js';
import { viaLexemes } from './search.postgres.plan.js';
import { wireKeyBounds } from './search.wire.js';
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

it('sends to search_lexemes only what its GIN index decides alone, without a date range', () => {
  const rare = { parsed: parseQuery('heron'), forms: {}, share: 0.01, familyShare: 0.02 };
  const common = { ...rare, share: 0.2, familyShare: 0.3 };
  const live: EngineFilter = { liveAt: '2026-11-28T10:00:00.000Z', maxDocId: sortKeyRange('2026-11-28T10:00:00.000Z').max };
  expect(viaLexemes(rare, live, "'heron'")).toBe(true);
  expect(viaLexemes(rare, { minDocId: 0 }, "( 'heron' | 'egret' ) & !'tide'")).toBe(true);
  // Positions and weights are not in its stripped tsvectors; a quoted lexeme may hold either character.
  expect(viaLexemes(rare, live, "'heron' <-> 'dawn'")).toBe(false);
  expect(viaLexemes(rare, live, "'zzsec3':ABC")).toBe(false);
  expect(viaLexemes(rare, live, "'o''<brien:'")).toBe(true);
  // A date range (a lower id bound above the corpus's own), for stories and for wire copy.
  expect(viaLexemes(rare, { ...live, minDocId: sortKeyRange('2026-11-01T00:00:00.000Z').min }, "'heron'")).toBe(false);
  expect(viaLexemes(rare, { corpus: 'wire', ...wireKeyBounds(undefined, undefined) }, "'heron'")).toBe(true);
  expect(viaLexemes(rare, { corpus: 'wire', ...wireKeyBounds('2026-11-01T00:00:00.000Z', undefined) }, "'heron'")).toBe(false);
  // Commoner words only with a selective filter, and not too common.
  expect(viaLexemes(common, live, "'heron'")).toBe(false);
  expect(viaLexemes(common, { ...live, language: 'en' }, "'heron' & 'zzlangen'")).toBe(false);
  expect(viaLexemes(common, { ...live, sectionIds: [3] }, "'heron' & 'zzsec3'")).toBe(true);
  expect(viaLexemes({ ...common, share: 0.4 }, { ...live, sectionIds: [3] }, "'heron' & 'zzsec3'")).toBe(false);
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

  it('keeps the index path in step with the stories through publish, edit, move, unpublish, kill and delete', async () => {
    const { articles } = w.build();
    const coast = await w.section('Coast');
    const inland = await w.section('Inland');
    const made = [];
    for (let i = 0; i < 12; i++) {
      made.push(await w.story(`Kingfisher ${i}`, [`A kingfisher on the ${i % 3 ? 'river' : 'weir'}.`], {
        sectionId: i % 2 ? coast.id : inland.id,
        publishedAt: `2026-11-${String(10 + i).padStart(2, '0')}T08:00:00.000Z`,
      }));
    }
    const [a, b, c, d, , f] = made;
    const newest = made[11];
    if (!a || !b || !c || !d || !f || !newest) throw new Error('stories missing');
    // A draft written yesterday and published now: its document's id (its sort key) moves from then to now.
    const now = w.clock.now().toISOString();
    w.clock.set('2026-11-27T08:00:00.000Z');
    const draft = await articles.create({ status: 'draft', headline: 'Kingfisher draft', sectionId: coast.id, body: bodyFromParagraphs(['A kingfisher, unpublished.']) }, SYSTEM_ACTOR);
    w.clock.set(now);
    await articles.publish(draft.id, SYSTEM_ACTOR);
    await articles.update(a.id, { headline: 'Heron 0', body: bodyFromParagraphs(['Only a heron on the weir now.']) }, SYSTEM_ACTOR);
    await articles.update(b.id, { sectionId: inland.id }, SYSTEM_ACTOR);
    await articles.takeDown(c.id, 'unpublished', SYSTEM_ACTOR);
    await articles.takeDown(d.id, 'killed', SYSTEM_ACTOR);
    await articles.remove(f.id);

    const { db } = ctx();
    const engine = engineFor(ctx().dialect.name);
    const live: EngineFilter = { liveAt: now, maxDocId: sortKeyRange(now).max };
    const filters: EngineFilter[] = [live, { ...live, sectionIds: [coast.id] }, { ...live, sectionIds: [inland.id] }, { statuses: ['unpublished', 'killed'] }, { minDocId: 0 }];
    const seen = new Set<number>();
    for (const text of ['kingfisher', 'weir OR river', 'kingfisher -weir', 'heron']) {
      const query = await engine.compile(db, parseQuery(text));
      for (const filter of filters) {
        const walk = await engine.matches(db, { parsed: query.parsed, forms: query.forms }, filter, 1001, 300);
        const index = await engine.matches(db, { ...query, share: 0, familyShare: 0 }, filter, 1001, 300);
        expect(index.candidates, `${text} ${JSON.stringify(filter)}`).toEqual(walk.candidates);
        expect([...index.scores]).toEqual([...walk.scores]);
        for (const m of walk.candidates) seen.add(m.ref);
      }
    }
    // What both found is right: the edited, moved, taken-down, published and deleted stories where they belong.
    const live1 = await engine.matches(db, await engine.compile(db, parseQuery('kingfisher')), live, 1001, 0);
    const liveIds = live1.candidates.map((m) => m.ref);
    expect(liveIds).toHaveLength(9);
    expect(liveIds.slice(0, 2)).toEqual([draft.id, newest.id]);
    expect(liveIds).not.toContain(a.id);
    expect(liveIds).not.toContain(c.id);
    expect(liveIds).not.toContain(f.id);
    expect(seen).toContain(d.id);
    expect(seen).not.toContain(f.id);
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
