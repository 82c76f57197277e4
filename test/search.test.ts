/** Search through HTTP on both engines: reader page, content API, newsroom API, suggestions, hostile input. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_ENCODED } from '../src/features/search/search.hostile.js';
import { DIALECTS } from './db.js';
import { SYSTEM_ACTOR } from '../src/features/articles/index.js';
import { createTestApp, loginAs, type TestApp } from './app.js';
import { ninjs } from '../src/features/wire/wire.test-kit.js';

const doc = (text: string) => ({ type: 'doc' as const, version: 1 as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }] });

for (const kind of DIALECTS) {
  describe(`search over HTTP [${kind}]`, () => {
    let t: TestApp;
    let live: { id: number };

    beforeAll(async () => {
      t = await createTestApp(kind);
      const s = t.services;
      const world = await s.sections.create({ slug: 'world', name: 'World' });
      live = await s.articles.create({ headline: 'Monsoon reaches Kerala', body: doc('The quetzalcoatl festival was cancelled <b>because</b> of rain.'), sectionId: world.id, status: 'published', publishedAt: new Date(Date.now() - 60_000).toISOString() }, SYSTEM_ACTOR);
      await s.articles.create({ headline: 'Embargoed quetzalcoatl draft', body: doc('Secret.'), sectionId: world.id }, SYSTEM_ACTOR);
    });
    afterAll(async () => {
      await t.close();
    });

    const get = (url: string, headers: Record<string, string> = {}) => t.server.inject({ url, headers });

    it('shows highlighted, escaped results on /search, with filters and a count', async () => {
      const res = await get('/search?q=quetzalcoatl');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('1 story found.');
      expect(res.body).toContain('<mark>quetzalcoatl</mark>');
      expect(res.body).toContain('&lt;b&gt;because&lt;/b&gt;');
      expect(res.body).not.toContain('Embargoed');
      expect(res.body).toContain('name="sort"');
    });

    it('answers JSON on /api/v1/search and headlines on /api/v1/search/suggest', async () => {
      const res = await get('/api/v1/search?q=quetzalcoatl&sort=newest');
      expect(res.statusCode).toBe(200);
      const body = res.json<{ total: number; items: { story: { headline: string }; snippetHtml: string }[] }>();
      expect(body.total).toBe(1);
      expect(body.items[0]?.story.headline).toBe('Monsoon reaches Kerala');
      expect(body.items[0]?.snippetHtml).toContain('<mark>');
      const s = await get('/api/v1/search/suggest?q=monsoon%20rea');
      expect(s.json<{ items: { headline: string }[] }>().items.map((i) => i.headline)).toEqual(['Monsoon reaches Kerala']);
    });

    it('lets staff find drafts through /api/admin/search, and nobody else', async () => {
      expect((await get('/api/admin/search?q=quetzalcoatl')).statusCode).toBe(401);
      const res = await get('/api/admin/search?q=quetzalcoatl&status=draft', t.auth);
      expect(res.statusCode).toBe(200);
      expect(res.json<{ items: { headline: string; status: string }[] }>().items).toMatchObject([{ headline: 'Embargoed quetzalcoatl draft', status: 'draft' }]);
    });

    it('finds wire copy by the words of its body through /api/admin/search/wire, for staff who may read the wire', async () => {
      const file = ninjs({ uri: 'urn:test:axolotl', headline: 'Floods close schools', bodyHtml: '<p>The axolotlbridge was under water on Friday.</p>' });
      expect((await t.services.wire.ingestFile(file, { source: null, filename: 'a.json', agency: 'AFP' })).status).toBe('ingested');
      await t.services.search.wireIndex.drain();
      const res = await get('/api/admin/search/wire?q=axolotlbridge', t.auth);
      expect(res.statusCode).toBe(200);
      const body = res.json<{ total: number; items: { wire: { headline: string; agency: string }; snippetHtml: string }[] }>();
      expect(body.total).toBe(1);
      expect(body.items[0]?.wire).toMatchObject({ headline: 'Floods close schools', agency: 'AFP' });
      expect(body.items[0]?.snippetHtml).toContain('<mark>axolotlbridge</mark>');
      // Agency copy is not the paper's: readers' search and the stories' desk search never show it.
      expect((await get('/api/v1/search?q=axolotlbridge')).json<{ total: number }>().total).toBe(0);
      expect((await get('/api/admin/search?q=axolotlbridge', t.auth)).json<{ total: number }>().total).toBe(0);
      expect((await get('/api/admin/search/wire?q=axolotlbridge')).statusCode).toBe(401);
      const contributor = await loginAs(t, 'contributor');
      expect((await get('/api/admin/search/wire?q=axolotlbridge', contributor.headers)).statusCode).toBe(403);
      const reporter = await loginAs(t, 'reporter');
      expect((await get('/api/admin/search/wire?q=axolotlbridge', reporter.headers)).json<{ total: number }>().total).toBe(1);
      expect((await get('/api/admin/search/wire?q=axolotlbridge&section=world', t.auth)).statusCode).toBe(400);
      expect((await get('/api/admin/search/wire?q=axolotlbridge&agency=AFP', t.auth)).json<{ total: number }>().total).toBe(1);
      expect((await get('/api/admin/search/wire?q=axolotlbridge&agency=PTI', t.auth)).json<{ total: number }>().total).toBe(0);
    });

    it('suggests a spelling when nothing matches', async () => {
      const res = await get('/search?q=quetzalcoatal');
      expect(res.body).toContain('Did you mean');
      expect(res.body).toContain('href="/search?q=quetzalcoatl"');
    });

    it(`answers ${HOSTILE_ENCODED.length} hostile query strings with a page or a 400, never a 500 or an engine error`, async () => {
      expect(HOSTILE_ENCODED.length).toBeGreaterThanOrEqual(50);
      for (const q of HOSTILE_ENCODED) {
        for (const url of [`/search?q=${q}`, `/search?q=${q}&sort=newest&range=week&page=3`, `/api/v1/search?q=${q}`, `/api/admin/search?q=${q}`, `/api/admin/search/wire?q=${q}`]) {
          const res = await get(url, url.startsWith('/api/admin') ? t.auth : {});
          expect(res.statusCode, url.slice(0, 80)).toBeLessThan(500);
          expect(res.body, url.slice(0, 80)).not.toMatch(/syntax error|fts5|tsquery|SQLITE_|<script>alert/i);
          if (url.startsWith('/search')) expect(res.statusCode, url.slice(0, 80)).toBe(200);
        }
      }
    });

    it('stops finding a story the moment it is unpublished, even from a cached result page', async () => {
      expect((await get('/search?q=quetzalcoatl')).body).toContain('Monsoon reaches Kerala');
      await t.services.articles.takeDown(live.id, 'unpublished', SYSTEM_ACTOR);
      expect((await get('/search?q=quetzalcoatl')).body).not.toContain('Monsoon reaches Kerala');
      expect((await get('/api/v1/search?q=quetzalcoatl')).json<{ total: number }>().total).toBe(0);
    });
  });
}
