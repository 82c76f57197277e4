import { beforeEach, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import { seededRng } from './ad-campaign.js';
import { fillRequest, memoryMediaStore, runningCampaign } from './ad.fixtures.js';
import { createAdsService, type AdsService } from './ad.service.js';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describeEachDb('the ad decision', (ctx) => {
  let clock: ReturnType<typeof fixedClock>;
  let ads: AdsService;
  let sectionA: number;
  let sectionB: number;
  const reader = (readerId = 'reader-0000000000000001') => ({ readerId, userAgent: BROWSER });
  const campaignOf = async (filled: { token: string }) => Number(filled.token.split('.')[0]);

  beforeEach(async () => {
    const db = ctx().db;
    for (const t of ['ad_daily_stats', 'ad_beacons', 'ad_creatives', 'ad_campaigns', 'ad_network_fallbacks'] as const) await db.deleteFrom(t).execute();
    await db.deleteFrom('sections').execute();
    const now = '2026-11-01T00:00:00.000Z';
    const mk = async (slug: string) =>
      (await db.insertInto('sections').values({ slug, name: slug, description: '', parent_id: null, position: 0, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    sectionA = await mk('business');
    sectionB = await mk('sport');
    clock = fixedClock('2026-11-15T12:00:00.000Z');
    ads = createAdsService({ db, clock, mediaStore: memoryMediaStore(), rng: seededRng(7) });
  });

  it('serves a campaign targeted at a section only on that section’s pages', async () => {
    const id = await runningCampaign(ads, { name: 'Business only', targeting: { sections: [sectionA], pageTypes: ['article'] } });
    const [onA] = await ads.fill(fillRequest({ sectionId: sectionA }), reader());
    expect(onA).toMatchObject({ slot: 'rail', kind: 'html', size: '300x250' });
    expect(await campaignOf(onA!)).toBe(id);
    expect(onA!.html).toContain('<p>Business only</p>');
    expect(onA!.html).toContain(`href="${onA!.clickUrl!.replace(/&/g, '&amp;')}"`);
    expect((await ads.fill(fillRequest({ sectionId: sectionB }), reader()))[0]).toMatchObject({ kind: 'house', token: '' });
    expect((await ads.fill(fillRequest({ sectionId: sectionA, type: 'home' }), reader()))[0]!.kind).toBe('house');
  });

  it('targets devices, languages and story keywords', async () => {
    await runningCampaign(ads, { name: 'Phones in Hindi about monsoon', targeting: { devices: ['phone'], languages: ['hi'], keywords: ['Monsoon'] } });
    const phoneHindi = fillRequest({ language: 'hi-IN', keywords: ['monsoon', 'rain'] }, undefined, 'phone');
    expect((await ads.fill(phoneHindi, reader()))[0]!.kind).toBe('html');
    expect((await ads.fill({ ...phoneHindi, device: 'desktop' }, reader()))[0]!.kind).toBe('house');
    expect((await ads.fill(fillRequest({ language: 'en', keywords: ['monsoon'] }, undefined, 'phone'), reader()))[0]!.kind).toBe('house');
    expect((await ads.fill(fillRequest({ language: 'hi', keywords: ['cricket'] }, undefined, 'phone'), reader()))[0]!.kind).toBe('house');
  });

  it('gives the slot to the higher priority, and rotates equal priorities by weight', async () => {
    const low = await runningCampaign(ads, { name: 'Low', priority: 3, weight: 100 });
    const high = await runningCampaign(ads, { name: 'High', priority: 9 });
    for (let i = 0; i < 20; i++) expect(await campaignOf((await ads.fill(fillRequest(), reader()))[0]!)).toBe(high);
    await ads.campaigns.update(high, { priority: 3, weight: 300 });
    const counts = new Map<number, number>();
    for (let i = 0; i < 400; i++) {
      const id = await campaignOf((await ads.fill(fillRequest(), reader()))[0]!);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    expect(counts.get(high)! / 400).toBeGreaterThan(0.65);
    expect(counts.get(low)! / 400).toBeGreaterThan(0.15);
  });

  it('puts different campaigns in the slots of one page when it can, the same one when it must', async () => {
    const one = await runningCampaign(ads, { name: 'One', priority: 9 });
    const two = await runningCampaign(ads, { name: 'Two', priority: 2 });
    const slots = [{ id: 'home-1', sizes: ['300x250' as const] }, { id: 'home-2', sizes: ['300x250' as const] }];
    const filled = await ads.fill(fillRequest({ type: 'home' }, slots), reader());
    expect(await Promise.all(filled.map(campaignOf))).toEqual([one, two]);
    await ads.campaigns.pause(two);
    const again = await ads.fill(fillRequest({ type: 'home' }, slots), reader());
    expect(await Promise.all(again.map(campaignOf))).toEqual([one, one]);
  });

  it('stops serving a paused campaign and one whose flight ended, at once', async () => {
    const id = await runningCampaign(ads, { endsAt: '2026-11-15T13:00:00.000Z' });
    expect((await ads.fill(fillRequest(), reader()))[0]!.kind).toBe('html');
    await ads.campaigns.pause(id);
    expect((await ads.fill(fillRequest(), reader()))[0]!.kind).toBe('house');
    await ads.campaigns.resume(id);
    expect((await ads.fill(fillRequest(), reader()))[0]!.kind).toBe('html');
    // No write and no reload: the end of the flight is checked at every decision.
    clock.set('2026-11-15T13:00:00.000Z');
    expect((await ads.fill(fillRequest(), reader()))[0]!.kind).toBe('house');
  });

  it('does not serve before the flight, a draft, or a campaign without a creative of the size asked', async () => {
    await runningCampaign(ads, { name: 'Later', startsAt: '2026-11-20T00:00:00.000Z' });
    await runningCampaign(ads, { name: 'Draft', status: 'draft' });
    await runningCampaign(ads, { name: 'Leaderboard only' }, ['728x90']);
    expect((await ads.fill(fillRequest(), reader()))[0]!.kind).toBe('house');
    expect((await ads.fill(fillRequest({}, [{ id: 'top', sizes: ['728x90'] }]), reader()))[0]).toMatchObject({ kind: 'html', size: '728x90' });
  });

  it('caps how often one reader sees a campaign in a day', async () => {
    await runningCampaign(ads, { frequencyCap: 2 });
    const kinds = async (r: ReturnType<typeof reader>) => (await ads.fill(fillRequest(), r))[0]!.kind;
    expect([await kinds(reader()), await kinds(reader()), await kinds(reader())]).toEqual(['html', 'html', 'house']);
    expect(await kinds(reader('reader-0000000000000002'))).toBe('html');
    clock.set('2026-11-16T09:00:00.000Z');
    expect(await kinds(reader())).toBe('html');
  });

  it('paces a goal evenly over the flight', async () => {
    // 10 days, 1,000 viewable: a day in, ~100 are due (+5 % and a slack of 10).
    const id = await runningCampaign(ads, { impressionGoal: 1000, startsAt: '2026-11-14T12:00:00.000Z', endsAt: '2026-11-24T12:00:00.000Z' });
    await ctx().db.insertInto('ad_daily_stats').values({ campaign_id: id, creative_id: 1, day: '2026-11-14', served: 300, viewable: 150, clicks: 0 }).execute();
    ads.invalidate();
    expect((await ads.fill(fillRequest(), reader()))[0]!.kind).toBe('house');
    clock.set('2026-11-16T12:00:00.000Z');
    ads.invalidate();
    expect((await ads.fill(fillRequest(), reader()))[0]!.kind).toBe('html');
  });

  it('falls back to the slot’s ad-network tag, then to the house promotion', async () => {
    await ads.settings.setNetwork({ top: { network: 'gam', unitPath: '/1234/dateline/top', sizes: ['728x90', '320x50'] } });
    const filled = await ads.fill(fillRequest({}, [{ id: 'top', sizes: ['320x50'] }, { id: 'rail', sizes: ['300x250'] }]), reader());
    expect(filled).toEqual([
      { slot: 'top', kind: 'network', size: '320x50', token: '', network: { network: 'gam', unitPath: '/1234/dateline/top', sizes: ['320x50'] } },
      { slot: 'rail', kind: 'house', size: '300x250', token: '' },
    ]);
  });

  it('refuses slots it does not know and sizes a slot cannot take, naming the field', async () => {
    await expect(ads.fill(fillRequest({}, [{ id: 'sidebar', sizes: ['300x250'] }]), reader())).rejects.toMatchObject({ code: 'AD_REQUEST_INVALID', field: 'slots.0.id' });
    await expect(ads.fill(fillRequest({}, [{ id: 'rail', sizes: ['728x90'] }]), reader())).rejects.toMatchObject({ code: 'AD_REQUEST_INVALID', field: 'slots.0.sizes' });
    await expect(ads.fill(fillRequest({}, [{ id: 'rail', sizes: ['300x250'] }, { id: 'rail', sizes: ['300x250'] }]), reader())).rejects.toMatchObject({ field: 'slots.1.id' });
    expect((await ads.fill(fillRequest({}, [{ id: 'in-article-3', sizes: ['300x250'] }]), reader()))[0]!.slot).toBe('in-article-3');
  });
});
