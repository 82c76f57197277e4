/** Test helpers for advertising: an in-memory media store, a campaign with one HTML creative per size, a fill request. */
import type { Readable } from 'node:stream';
import type { MediaStore } from '../media/index.js';
import type { AdsService } from './ad.service.js';
import type { CampaignInput } from './ad-campaign.service.js';
import type { FillRequest } from './ad.decision.js';
import type { AdSize } from './ad.slots.js';

export function memoryMediaStore(): MediaStore & { files: Map<string, Buffer> } {
  const files = new Map<string, Buffer>();
  return {
    files,
    put: (key, data) => Promise.resolve(void files.set(key, data)),
    get: (key) => Promise.resolve(files.get(key)),
    stream: (): Readable | undefined => undefined,
    exists: (key) => Promise.resolve(files.has(key)),
    size: (key) => Promise.resolve(files.get(key)?.length),
    remove: (key) => Promise.resolve(void files.delete(key)),
    list: async function* () {
      yield* files.keys();
    },
  };
}

export const FLIGHT = { startsAt: '2026-11-01T00:00:00.000Z', endsAt: '2026-12-31T00:00:00.000Z' } as const;

/** An active campaign with an HTML creative in each size given; answers its id. */
export async function runningCampaign(ads: AdsService, over: Partial<CampaignInput> = {}, sizes: AdSize[] = ['300x250', '728x90']): Promise<number> {
  const c = await ads.campaigns.create({ name: 'Diwali sale', advertiser: 'Acme', status: 'active', ...FLIGHT, ...over });
  for (const size of sizes) {
    await ads.creatives.createHtml(c.campaign.id, { name: `${over.name ?? 'Ad'} ${size}`, size, html: `<p>${over.name ?? 'Ad'}</p><a href="https://x.example">Go</a>`, clickUrl: 'https://advertiser.example/offer' });
  }
  return c.campaign.id;
}

export function fillRequest(over: Partial<FillRequest['page']> = {}, slots: FillRequest['slots'] = [{ id: 'rail', sizes: ['300x250'] }], device: FillRequest['device'] = 'desktop'): FillRequest {
  return { page: { type: 'article', sectionId: null, language: 'en', keywords: [], path: '/x', ...over }, device, slots };
}
