/** Counts are batched in memory; a clean stop writes them, so they are there after the next start. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/app/server.js';
import { loadConfig } from '../src/config/index.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './db.js';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

for (const kind of DIALECTS) {
  describe(`ad counts across a restart [${kind}]`, () => {
    const cleanup: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanup.reverse()) await c();
    });

    it('survive stop → start, including the ones not yet flushed at the stop', async () => {
      const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dateline-ads-restart-'));
      cleanup.push(() => fs.rm(dataDir, { recursive: true, force: true }));
      let pg: TestDatabase | undefined;
      if (kind === 'postgres') {
        // A fresh empty database for the server to migrate; dropped (with its idle pool) at the end.
        const fresh = await createTestDatabase('postgres', { migrate: false });
        pg = fresh;
        cleanup.push(() => fresh.drop());
      }
      const env = { PORT: '0', DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'silent', PUBLIC_URL: 'https://news.example.test', ...(pg?.url && { DATABASE_URL: pg.url }) };
      const config = loadConfig(env);

      const first = await startServer(config, { print: () => undefined });
      let campaignId: number;
      try {
        const ads = first.app.services.ads;
        const c = await ads.campaigns.create({ name: 'Restart', advertiser: 'Acme', status: 'active', startsAt: '2020-01-01T00:00:00Z', endsAt: '2099-01-01T00:00:00Z' });
        campaignId = c.campaign.id;
        await ads.creatives.createHtml(campaignId, { name: 'Box', size: '300x250', html: '<p>x</p>', clickUrl: 'https://shop.example/' });
        const res = await fetch(`${first.url}/ads/fill`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': BROWSER },
          body: JSON.stringify({ page: { type: 'home', sectionId: null, language: 'en', keywords: [], path: '/' }, device: 'desktop', slots: [{ id: 'home-1', sizes: ['300x250'] }] }),
        });
        const { ads: filled } = (await res.json()) as { ads: { token: string }[] };
        const beacon = await fetch(`${first.url}/ads/beacon`, { method: 'POST', headers: { 'content-type': 'text/plain', 'user-agent': BROWSER }, body: JSON.stringify({ t: filled[0]!.token, e: 'view' }) });
        expect(beacon.status).toBe(204);
      } finally {
        await first.stop();
      }

      const second = await startServer(config, { print: () => undefined });
      try {
        const report = await second.app.services.ads.reports.report({ campaignId: campaignId! });
        expect(report.totals).toMatchObject({ served: 1, viewable: 1 });
      } finally {
        await second.stop();
      }
    }, 120_000);
  });
}
