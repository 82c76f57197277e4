import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from './db.js';
import { SYSTEM_ACTOR } from '../src/features/articles/index.js';
import { createSearchService, type SearchService } from '../src/features/search/index.js';
import { ninjs, wireKit } from '../src/features/wire/wire.test-kit.js';

describeEachDb('the newsroom searches wire copy', (ctx) => {
  let kit: Awaited<ReturnType<typeof wireKit>>;
  let search: SearchService;

  beforeAll(async () => {
    const store = ctx();
    // The search service is built first and reads wire summaries through the kit's wire service, as in the app.
    const built = createSearchService({
      db: store.db,
      dialect: store.dialect.name,
      clock: { now: () => kit.clock.now() },
      stories: { getSummaries: (ids) => kit.articles.getSummaries(ids) },
      wire: { getSummaries: (ids) => kit.wire.getSummaries(ids) },
    });
    kit = await wireKit(store, { indexer: built.wireIndex, articleIndexer: built.indexer });
    search = built;
  });
  afterAll(async () => {
    await kit.cleanup();
  });

  const ingest = async (o: Parameters<typeof ninjs>[0], agency = 'AFP') => {
    const r = await kit.wire.ingestFile(ninjs(o), { source: null, filename: `${o.uri}.json`, agency });
    expect(r.status).toBe('ingested');
    await search.wireIndex.drain();
    return r.items[0]?.wireItemId ?? 0;
  };
  const headlines = async (q: string, extra: Record<string, string> = {}) => (await search.searchWire({ q, ...extra })).items.map((i) => i.wire.headline);

  it('finds an item by a word of its body, highlighted, and only in the wire search', async () => {
    await ingest({ uri: 'urn:w:1', headline: 'Cyclone nears Odisha coast', bodyHtml: '<p>Fishermen at Paradipkund were told to return.</p>' });
    const r = await search.searchWire({ q: 'paradipkund' });
    expect(r.items.map((i) => i.wire.headline)).toEqual(['Cyclone nears Odisha coast']);
    expect(r.items[0]?.snippetHtml).toContain('<mark>Paradipkund</mark>');
    expect(r.page.total).toBe(1);
    expect((await search.search({ q: 'paradipkund' })).page.total).toBe(0);
    expect((await search.searchDesk({ q: 'paradipkund' })).page.total).toBe(0);
  });

  it('follows versions: a newer version’s words replace the old ones, one result per item', async () => {
    await ingest({ uri: 'urn:w:2', headline: 'Toll rises', bodyHtml: '<p>Rescuers reached Kalimbagar village.</p>' });
    await ingest({ uri: 'urn:w:2', version: 2, headline: 'Toll rises to 12', bodyHtml: '<p>Rescuers reached Zorawarpet village.</p>' });
    expect(await headlines('kalimbagar')).toEqual([]);
    expect(await headlines('zorawarpet')).toEqual(['Toll rises to 12']);
    expect(await headlines('toll rises')).toEqual(['Toll rises to 12']);
  });

  it('still finds a killed item, marked killed, so the desk can see what was withdrawn', async () => {
    await ingest({ uri: 'urn:w:3', headline: 'Minister resigns', bodyHtml: '<p>The Quillonbad minister resigned.</p>' });
    await ingest({ uri: 'urn:w:3', version: 2, pubstatus: 'canceled', headline: 'Minister resigns', bodyHtml: '<p>The Quillonbad minister resigned.</p>' });
    const r = await search.searchWire({ q: 'quillonbad' });
    expect(r.items.map((i) => [i.wire.headline, i.wire.killed])).toEqual([['Minister resigns', true]]);
  });

  it('filters by arrival date and sorts newest first', async () => {
    kit.clock.set('2026-11-20T08:00:00.000Z');
    await ingest({ uri: 'urn:w:4', headline: 'Old harvest report', bodyHtml: '<p>Marigoldpur harvest.</p>' });
    kit.clock.set('2026-11-29T09:00:00.000Z');
    await ingest({ uri: 'urn:w:5', headline: 'New harvest report', bodyHtml: '<p>Marigoldpur harvest again.</p>' });
    expect(await headlines('marigoldpur', { sort: 'newest' })).toEqual(['New harvest report', 'Old harvest report']);
    expect(await headlines('marigoldpur', { range: 'week' })).toEqual(['New harvest report']);
    expect(await headlines('marigoldpur', { from: '2026-11-19', to: '2026-11-20' })).toEqual(['Old harvest report']);
  });

  it('keeps a story made from an item in the stories search and the item in the wire search', async () => {
    const id = await ingest({ uri: 'urn:w:6', headline: 'Bridge opens', bodyHtml: '<p>The Vellakadavu bridge opened.</p>' });
    const { articleId } = await kit.wire.use(id, SYSTEM_ACTOR);
    expect(await headlines('vellakadavu')).toEqual(['Bridge opens']);
    expect((await search.searchDesk({ q: 'vellakadavu' })).items.map((i) => i.story.id)).toEqual([articleId]);
  });

  it('narrows to one agency, whatever case it is typed in', async () => {
    await ingest({ uri: 'urn:w:ag1', headline: 'AFP on the Sundarpur flood', bodyHtml: '<p>Sundarpur under water.</p>' });
    await ingest({ uri: 'urn:w:ag2', headline: 'PTI on the Sundarpur flood', bodyHtml: '<p>Sundarpur under water.</p>' }, 'PTI');
    expect((await headlines('sundarpur')).sort()).toEqual(['AFP on the Sundarpur flood', 'PTI on the Sundarpur flood']);
    expect(await headlines('sundarpur', { agency: 'PTI' })).toEqual(['PTI on the Sundarpur flood']);
    expect(await headlines('sundarpur', { agency: 'afp' })).toEqual(['AFP on the Sundarpur flood']);
    expect(await headlines('sundarpur', { agency: 'Reuters' })).toEqual([]);
  });

  it('catches up at start with what a crash left unwritten: a missing document, or one older than its item', async () => {
    const lost = await ingest({ uri: 'urn:w:7', headline: 'Port reopens', bodyHtml: '<p>Ships returned to Ennoravaram.</p>' });
    const stale = await ingest({ uri: 'urn:w:8', headline: 'Rail strike', bodyHtml: '<p>Trains halted at Tirukalpet.</p>' });
    const db = ctx().db;
    await db.deleteFrom('search_documents').where('wire_item_id', '=', lost).execute();
    // a newer version committed, its batch not yet written when the process stopped
    await db.updateTable('wire_items').set({ headline: 'Rail strike ends', updated_at: '2026-11-29T10:00:00.000Z' }).where('id', '=', stale).execute();
    expect(await headlines('ennoravaram')).toEqual([]);
    expect(await headlines('tirukalpet')).toEqual(['Rail strike ends']); // hydrated from the item, found by the old document
    expect(await headlines('ends')).toEqual([]);
    expect(await search.wireIndex.catchUp()).toBe(2);
    expect(await headlines('ennoravaram')).toEqual(['Port reopens']);
    expect(await headlines('strike ends')).toEqual(['Rail strike ends']);
    expect(await search.wireIndex.catchUp()).toBe(0);
  });

  it('writes a burst of items in batches, all of them by the time the queue is drained', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await kit.wire.ingestFile(ninjs({ uri: `urn:burst:${i}`, headline: `Burst ${i}`, bodyHtml: '<p>Kalvarayan hills.</p>' }), { source: null, filename: `b${i}.json`, agency: 'AFP' });
      expect(r.status).toBe('ingested');
    }
    await search.wireIndex.drain();
    expect((await search.searchWire({ q: 'kalvarayan' })).page.total).toBe(5);
  });

  it('rebuilds wire documents on reindex', async () => {
    await ctx().db.deleteFrom('search_documents').where('wire_item_id', 'is not', null).execute();
    expect(await headlines('zorawarpet')).toEqual([]);
    const r = await search.reindex();
    expect(r.wireItems).toBe(15);
    expect(await headlines('zorawarpet')).toEqual(['Toll rises to 12']);
  });

  it('catches up with more items than a batch, as after the upgrade that added wire search', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 450; i++) ids.push(await ingest({ uri: `urn:upgrade:${i}`, headline: `Held item ${i}`, bodyHtml: '<p>Pallikaranai marsh.</p>' }));
    await ctx().db.deleteFrom('search_documents').where('wire_item_id', 'in', ids).execute();
    expect((await search.searchWire({ q: 'pallikaranai' })).page.total).toBe(0);
    expect(await search.wireIndex.catchUp()).toBe(450);
    expect((await search.searchWire({ q: 'pallikaranai' })).page.total).toBe(450);
    expect(await search.wireIndex.catchUp()).toBe(0);
  }, 60_000);
});
