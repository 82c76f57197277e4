import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRequest, createTestApp, type TestApp } from '../../test/app.js';
import { DIALECTS } from '../../test/db.js';
import { fixedClock } from '../lib/clock.js';
import { SYSTEM_ACTOR, bodyFromParagraphs } from '../features/articles/index.js';

for (const kind of DIALECTS) {
  describe(`preview links [${kind}]`, () => {
    const clock = fixedClock('2026-11-28T10:00:00.000Z');
    let t: TestApp;
    let storyId = 0;

    beforeAll(async () => {
      t = await createTestApp(kind, { clock });
      const section = await t.services.sections.create({ slug: 'city', name: 'City' });
      const draft = await t.services.articles.create(
        { headline: 'Metro line delayed again', standfirst: 'Not before 2028.', sectionId: section.id, body: bodyFromParagraphs(['The contractor blamed the monsoon.']) },
        SYSTEM_ACTOR,
      );
      storyId = draft.id;
    });
    afterAll(async () => {
      await t?.close();
    });

    const link = async (payload: object = {}) => {
      const res = await adminRequest(t, 'POST', `/articles/${storyId}/preview-link`, payload);
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ url: string; expiresAt: string }>();
    };

    it('shows an unpublished story as readers would see it, marked as a preview and kept out of caches and search engines', async () => {
      const { url, expiresAt } = await link();
      expect(url).toMatch(/^\/preview\/[A-Za-z0-9_-]{32}$/);
      expect(expiresAt).toBe('2026-11-30T10:00:00.000Z');
      const page = await t.server.inject({ url });
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.headers['x-robots-tag']).toBe('noindex');
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(page.body).toContain('<meta name="robots" content="noindex">');
      expect(page.body).toContain('Preview — not published');
      expect(page.body).toContain('<h1 class="story__headline">Metro line delayed again</h1>');
      expect(page.body).toContain('The contractor blamed the monsoon.');
      // Readers still cannot reach the draft.
      expect((await t.server.inject({ url: `/api/v1/articles/${storyId}` })).statusCode).toBe(404);
    });

    it('always shows the latest save, never a cached copy', async () => {
      const { url } = await link();
      expect((await t.server.inject({ url })).body).toContain('Metro line delayed again');
      await t.services.articles.update(storyId, { headline: 'Metro line delayed to 2029' }, SYSTEM_ACTOR);
      const again = await t.server.inject({ url });
      expect(again.body).toContain('Metro line delayed to 2029');
      expect(again.headers['x-cache']).toBeUndefined();
    });

    it('answers the site’s 410 page once the link has expired, and its 404 page for a made-up one', async () => {
      const { url } = await link({ hours: 1 });
      clock.advance(59 * 60_000);
      expect((await t.server.inject({ url })).statusCode).toBe(200);
      clock.advance(60_000);
      const expired = await t.server.inject({ url });
      expect(expired.statusCode).toBe(410);
      expect(expired.body).toContain('This preview link has expired');
      expect(expired.headers['cache-control']).toBe('no-store');
      const madeUp = await t.server.inject({ url: `/preview/${'x'.repeat(32)}` });
      expect(madeUp.statusCode).toBe(404);
      expect(madeUp.body).toContain('Page not found');
    });

    it('makes a 48-hour link when asked with no body at all', async () => {
      const res = await adminRequest(t, 'POST', `/articles/${storyId}/preview-link`);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ expiresAt: new Date(clock.now().getTime() + 48 * 3_600_000).toISOString() });
    });

    it('refuses a lifetime outside 1 to 168 hours, and stores no usable token', async () => {
      expect((await adminRequest(t, 'POST', `/articles/${storyId}/preview-link`, { hours: 169 })).json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'hours' } });
      const { url } = await link({ hours: 168 });
      const token = url.split('/').pop()!;
      const stored = await t.services.store.db.selectFrom('article_preview_links').select('token_hash').execute();
      expect(stored.length).toBeGreaterThan(0);
      expect(stored.map((r) => r.token_hash)).not.toContain(token);
    });
  });
}
