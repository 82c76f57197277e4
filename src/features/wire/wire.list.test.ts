import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { ninjs, wireKit } from './wire.test-kit.js';

describeEachDb('wire inbox, diff and facets', (ctx) => {
  let kit: Awaited<ReturnType<typeof wireKit>>;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    kit = await wireKit(ctx());
    const items = [
      { key: 'flood', agency: 'AFP', uri: 'urn:l:flood', headline: 'Floods in Assam', subjects: ['Weather', 'Disasters'], urgency: 2 },
      { key: 'cricket', agency: 'PTI', uri: 'urn:l:cricket', headline: 'India win the series', subjects: ['Cricket'], urgency: 5 },
      { key: 'budget', agency: 'PTI', uri: 'urn:l:budget', headline: 'Budget: tax on 100% of profits', subjects: ['Economy'], urgency: 3 },
      { key: 'rates', agency: 'AFP', uri: 'urn:l:rates', headline: 'Central bank holds rates', subjects: ['economy'], urgency: 4 },
    ];
    for (const i of items) {
      kit.clock.advance(60_000);
      const r = await kit.wire.ingestFile(ninjs(i), { source: null, filename: `${i.key}.json`, agency: i.agency });
      ids[i.key] = r.items[0]?.wireItemId ?? 0;
    }
  });
  afterAll(() => kit.cleanup());

  const headlines = async (q: Parameters<typeof kit.wire.list>[0]) => (await kit.wire.list(q)).items.map((i) => i.headline);

  it('lists newest received first', async () => {
    expect(await headlines({})).toEqual(['Central bank holds rates', 'Budget: tax on 100% of profits', 'India win the series', 'Floods in Assam']);
  });

  it('filters by agency, subject (any case), priority and words', async () => {
    expect(await headlines({ agency: 'PTI' })).toEqual(['Budget: tax on 100% of profits', 'India win the series']);
    expect(await headlines({ subject: 'Economy' })).toEqual(['Central bank holds rates', 'Budget: tax on 100% of profits']);
    expect(await headlines({ subject: 'econ' })).toEqual([]);
    expect(await headlines({ maxPriority: 3 })).toEqual(['Budget: tax on 100% of profits', 'Floods in Assam']);
    expect(await headlines({ q: 'india SERIES' })).toEqual(['India win the series']);
    expect(await headlines({ q: '100%' })).toEqual(['Budget: tax on 100% of profits']);
    expect(await headlines({ q: '%' })).toEqual(['Budget: tax on 100% of profits']);
  });

  it('filters by time and by state', async () => {
    const all = (await kit.wire.list({})).items;
    const cricketAt = all.find((i) => i.id === ids['cricket'])?.receivedAt ?? '';
    expect(await headlines({ since: cricketAt })).toEqual(['Central bank holds rates', 'Budget: tax on 100% of profits', 'India win the series']);
    expect(await headlines({ until: cricketAt })).toEqual(['Floods in Assam']);
    await kit.wire.use(ids['cricket'] ?? 0, { userId: null, name: 'Desk', role: 'editor' });
    expect(await headlines({ state: 'used' })).toEqual(['India win the series']);
    expect(await headlines({ state: 'new' })).not.toContain('India win the series');
    expect(await headlines({ state: 'killed' })).toEqual([]);
  });

  it('pages with a cursor and refuses a forged one', async () => {
    const first = await kit.wire.list({ limit: 3 });
    expect(first.items).toHaveLength(3);
    const second = await kit.wire.list({ limit: 3, cursor: first.nextCursor ?? '' });
    expect(second.items.map((i) => i.headline)).toEqual(['Floods in Assam']);
    expect(second.nextCursor).toBeNull();
    await expect(kit.wire.list({ cursor: 'nonsense' })).rejects.toMatchObject({ code: 'CURSOR_INVALID' });
  });

  it('shows what changed between versions: fields and body words', async () => {
    await kit.wire.ingestFile(
      ninjs({
        uri: 'urn:l:flood',
        version: 2,
        headline: 'Floods in Assam: 40 dead',
        urgency: 1,
        subjects: ['Weather', 'Disasters'],
        bodyHtml: '<p>The monsoon reached the coast on Friday, the weather office said.</p><p>Farmers welcomed the rain.</p>',
      }),
      { source: null, filename: 'flood2.json', agency: 'AFP' },
    );
    const d = await kit.wire.diff(ids['flood'] ?? 0);
    expect(d).toMatchObject({ from: 1, to: 2 });
    expect(d.fields).toEqual(
      expect.arrayContaining([
        { field: 'headline', before: 'Floods in Assam', after: 'Floods in Assam: 40 dead' },
        { field: 'priority', before: 2, after: 1 },
      ]),
    );
    expect(d.fields.map((f) => f.field)).not.toContain('subjects');
    expect(d.body).toContainEqual({ value: 'Thursday', removed: true });
    expect(d.body).toContainEqual({ value: 'Friday', added: true });
    await expect(kit.wire.diff(ids['flood'] ?? 0, 7, 2)).rejects.toMatchObject({ code: 'WIRE_VERSION_NOT_FOUND', field: 'from' });
  });

  it('offers agencies and subjects to filter by', async () => {
    const f = await kit.wire.facets();
    expect(f.agencies).toEqual(['AFP', 'PTI']);
    expect(f.subjects).toEqual(expect.arrayContaining(['Weather', 'Cricket', 'Economy']));
  });
});
