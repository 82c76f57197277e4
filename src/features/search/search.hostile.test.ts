import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { searchWorld } from './search.fixtures.js';
import { HOSTILE_QUERIES } from './search.hostile.js';

describeEachDb('search survives hostile queries', (ctx) => {
  const w = searchWorld(ctx);

  it(`answers ${HOSTILE_QUERIES.length} hostile queries with results or nothing, never an engine error`, async () => {
    expect(HOSTILE_QUERIES.length).toBeGreaterThanOrEqual(50);
    await w.story('Monsoon headline x', ['The monsoon word a b c and headline x body y.']);
    const { search } = w.build();
    for (const q of HOSTILE_QUERIES) {
      for (const sort of ['relevance', 'newest'] as const) {
        const r = await search.search({ q, sort }).catch((err: unknown) => err);
        expect(r, JSON.stringify(q.slice(0, 50))).not.toBeInstanceOf(Error);
      }
      await expect(search.searchDesk({ q }), q.slice(0, 50)).resolves.toBeDefined();
      await expect(search.suggest(q), q.slice(0, 50)).resolves.toBeDefined();
    }
  });

  it('searches the words inside operators instead of obeying them', async () => {
    await w.story('Port story', ['A port near the pier.']);
    expect(await w.find('NEAR(port pier)')).toContain('Port story');
    expect(await w.find('headline:port')).toEqual([]);
    expect(await w.find("port' OR 1=1 --")).toEqual([]);
  });
});
