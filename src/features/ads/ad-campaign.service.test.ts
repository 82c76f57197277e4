import { beforeEach, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import { seededRng } from './ad-campaign.js';
import { FLIGHT, fillRequest, memoryMediaStore, runningCampaign } from './ad.fixtures.js';
import { SNAPSHOT_TTL_MS } from './ad.decision.js';
import { createAdsService, type AdsService } from './ad.service.js';

const reader = { readerId: 'reader-0000000000000001', userAgent: 'Mozilla/5.0 Chrome/131.0' };

describeEachDb('campaigns and creatives', (ctx) => {
  let clock: ReturnType<typeof fixedClock>;
  let ads: AdsService;
  let store: ReturnType<typeof memoryMediaStore>;

  beforeEach(async () => {
    const db = ctx().db;
    for (const t of ['ad_daily_stats', 'ad_beacons', 'ad_creatives', 'ad_campaigns'] as const) await db.deleteFrom(t).execute();
    clock = fixedClock('2026-11-15T12:00:00.000Z');
    store = memoryMediaStore();
    ads = createAdsService({ db, clock, mediaStore: store, rng: seededRng(3) });
  });

  it('creates a draft with defaults and answers it with creatives and delivery', async () => {
    const v = await ads.campaigns.create({ name: '  Monsoon offers ', advertiser: 'Acme', ...FLIGHT, targeting: { keywords: [' Rain ', 'rain'], languages: ['hi'] } });
    expect(v.campaign).toMatchObject({ name: 'Monsoon offers', status: 'draft', priority: 5, weight: 1, impressionGoal: null, frequencyCap: null, startsAt: FLIGHT.startsAt });
    expect(v.campaign.targeting).toEqual({ sections: [], pageTypes: [], devices: [], languages: ['hi'], keywords: ['rain'] });
    expect(v.creatives).toEqual([]);
    expect(v.delivery).toEqual({ served: 0, viewable: 0, clicks: 0, ctr: 0, goalProgress: null, pacing: null });
  });

  it('refuses a flight that ends before it starts, unknown sections, and out-of-range numbers, naming the field', async () => {
    const base = { name: 'X', advertiser: 'Acme', ...FLIGHT };
    await expect(ads.campaigns.create({ ...base, endsAt: FLIGHT.startsAt })).rejects.toMatchObject({ code: 'AD_DATES_INVALID', field: 'endsAt' });
    await expect(ads.campaigns.create({ ...base, startsAt: 'tomorrow' })).rejects.toMatchObject({ code: 'AD_DATES_INVALID', field: 'startsAt' });
    await expect(ads.campaigns.create({ ...base, targeting: { sections: [987_654] } })).rejects.toMatchObject({ code: 'AD_TARGETING_INVALID', field: 'targeting.sections' });
    await expect(ads.campaigns.create({ ...base, targeting: { languages: ['english!'] } })).rejects.toMatchObject({ field: 'targeting.languages' });
    await expect(ads.campaigns.create({ ...base, priority: 11 })).rejects.toMatchObject({ code: 'AD_PRIORITY_INVALID', field: 'priority' });
    await expect(ads.campaigns.create({ ...base, weight: 0 })).rejects.toMatchObject({ code: 'AD_WEIGHT_INVALID' });
    await expect(ads.campaigns.create({ ...base, name: '   ' })).rejects.toMatchObject({ code: 'AD_NAME_INVALID', field: 'name' });
    const id = (await ads.campaigns.create(base)).campaign.id;
    await expect(ads.campaigns.update(id, { endsAt: '2026-10-01T00:00:00Z' })).rejects.toMatchObject({ code: 'AD_DATES_INVALID' });
    await expect(ads.campaigns.pause(id)).rejects.toMatchObject({ kind: 'unprocessable', code: 'AD_CAMPAIGN_STATE' });
    await expect(ads.campaigns.view(id + 999)).rejects.toMatchObject({ code: 'AD_CAMPAIGN_NOT_FOUND' });
  });

  it('reports delivery against the goal and pacing', async () => {
    const id = await runningCampaign(ads, { impressionGoal: 1000, startsAt: '2026-11-10T12:00:00.000Z', endsAt: '2026-11-20T12:00:00.000Z' });
    const creative = (await ads.campaigns.view(id)).creatives[0]!;
    await ctx().db.insertInto('ad_daily_stats').values({ campaign_id: id, creative_id: creative.id, day: '2026-11-12', served: 900, viewable: 400, clicks: 8 }).execute();
    expect((await ads.campaigns.view(id)).delivery).toEqual({ served: 900, viewable: 400, clicks: 8, ctr: 0.02, goalProgress: 0.4, pacing: 0.8 });
  });

  it('turns creatives off and on, and deletes them and campaigns with their files', async () => {
    const id = await runningCampaign(ads, {}, ['300x250']);
    const creative = (await ads.campaigns.view(id)).creatives[0]!;
    expect((await ads.fill(fillRequest(), reader))[0]!.kind).toBe('html');
    expect((await ads.creatives.update(creative.id, { active: false })).active).toBe(false);
    expect((await ads.fill(fillRequest(), reader))[0]!.kind).toBe('house');
    await ads.creatives.update(creative.id, { active: true, clickUrl: 'https://new.example/' });
    expect((await ads.fill(fillRequest(), reader))[0]!.kind).toBe('html');
    await expect(ads.creatives.update(creative.id, { clickUrl: 'javascript:alert(1)' })).rejects.toMatchObject({ code: 'AD_CLICK_URL_INVALID' });
    await ads.creatives.remove(creative.id);
    expect((await ads.fill(fillRequest(), reader))[0]!.kind).toBe('house');
    await ads.removeCampaign(id);
    await expect(ads.campaigns.view(id)).rejects.toMatchObject({ code: 'AD_CAMPAIGN_NOT_FOUND' });
  });

  it('sees a change made by another server once its snapshot is older than the reload interval', async () => {
    const id = await runningCampaign(ads, {}, ['300x250']);
    expect((await ads.fill(fillRequest(), reader))[0]!.kind).toBe('html');
    // Another node pauses it: this node's snapshot doesn't know yet.
    const other = createAdsService({ db: ctx().db, clock, mediaStore: store });
    await other.campaigns.pause(id);
    expect((await ads.fill(fillRequest(), reader))[0]!.kind).toBe('html');
    clock.advance(SNAPSHOT_TTL_MS + 1);
    await ads.fill(fillRequest(), reader); // answers from the old snapshot, reloads behind
    await expect.poll(async () => (await ads.fill(fillRequest(), reader))[0]!.kind, { timeout: 10_000 }).toBe('house');
  });
});
