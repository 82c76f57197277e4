import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRequest, createTestApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';

for (const kind of DIALECTS) {
  describe(`tag routes [${kind}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(async () => {
      await t?.close(); // t is unset when start-up failed; let that error show, not this one
    });

    const admin = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => adminRequest(t, method, url, payload);

    it('lets staff create, rename and delete a tag, and readers find it by prefix', async () => {
      const created = await admin('POST', '/tags', { name: 'Monsoon' });
      expect(created.statusCode, created.body).toBe(201);
      const tag = created.json<{ id: number }>();
      expect(created.json()).toMatchObject({ slug: 'monsoon', name: 'Monsoon' });

      const found = await t.server.inject({ url: '/api/v1/tags?q=mon' });
      expect(found.json()).toMatchObject({ items: [{ id: tag.id, slug: 'monsoon' }] });
      expect((await t.server.inject({ url: '/api/v1/tags/by-slug/monsoon' })).json()).toMatchObject({ id: tag.id });

      expect((await admin('PATCH', `/tags/${tag.id}`, { name: 'Monsoon 2026' })).json()).toMatchObject({ name: 'Monsoon 2026', slug: 'monsoon' });
      expect((await admin('DELETE', `/tags/${tag.id}`)).statusCode).toBe(204);
      expect((await t.server.inject({ url: `/api/v1/tags/${tag.id}` })).statusCode).toBe(404);
    });

    it('answers a taken slug with 409 naming the slug', async () => {
      await admin('POST', '/tags', { name: 'Cricket' });
      const res = await admin('POST', '/tags', { name: 'Cricket' });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ error: { code: 'TAG_SLUG_TAKEN', field: 'slug' } });
    });

    it('names an unknown field and a wrong type', async () => {
      const unknown = await admin('POST', '/tags', { name: 'X', colour: 'red' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'colour' } });
      const wrongType = await admin('POST', '/tags', { name: ['X'] });
      expect(wrongType.statusCode).toBe(400);
      expect(wrongType.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'name' } });
      const badLimit = await t.server.inject({ url: '/api/v1/tags?limit=lots' });
      expect(badLimit.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    });

    it('asks for a token on staff routes', async () => {
      const res = await t.server.inject({ method: 'DELETE', url: '/api/admin/tags/1' });
      expect(res.statusCode).toBe(401);
    });
  });
}
