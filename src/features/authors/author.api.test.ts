import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRequest, createTestApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';

for (const kind of DIALECTS) {
  describe(`author routes [${kind}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(async () => {
      await t?.close(); // t is unset when start-up failed; let that error show, not this one
    });

    const admin = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => adminRequest(t, method, url, payload);

    it('lets staff add, change and delete an author, and readers see it', async () => {
      const created = await admin('POST', '/authors', { name: 'Nisha Menon', title: 'Columnist', social: { x: 'https://x.com/nisha' } });
      expect(created.statusCode, created.body).toBe(201);
      const author = created.json<{ id: number; slug: string }>();
      expect(author.slug).toBe('nisha-menon');

      const pub = await t.server.inject({ url: '/api/v1/authors/by-slug/nisha-menon' });
      expect(pub.statusCode).toBe(200);
      expect(pub.json()).toMatchObject({ id: author.id, name: 'Nisha Menon', title: 'Columnist', photoId: null, social: { x: 'https://x.com/nisha' } });
      expect(pub.json()).not.toHaveProperty('url');

      const list = await t.server.inject({ url: '/api/v1/authors?limit=10' });
      expect(list.json<{ items: { id: number }[]; nextCursor: null }>()).toMatchObject({ items: [{ id: author.id }], nextCursor: null });

      const patched = await admin('PATCH', `/authors/${author.id}`, { bio: 'Writes on food.' });
      expect(patched.json()).toMatchObject({ bio: 'Writes on food.', name: 'Nisha Menon' });

      expect((await admin('DELETE', `/authors/${author.id}`)).statusCode).toBe(204);
      expect((await t.server.inject({ url: `/api/v1/authors/${author.id}` })).json()).toMatchObject({ error: { code: 'AUTHOR_NOT_FOUND' } });
    });

    it('answers a taken slug with 409 naming the slug', async () => {
      await admin('POST', '/authors', { name: 'Same Name' });
      const res = await admin('POST', '/authors', { name: 'Same Name' });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({ error: { code: 'AUTHOR_SLUG_TAKEN', message: expect.any(String) as string, field: 'slug' } });
    });

    it('answers a photo missing from the media library with 422', async () => {
      const res = await admin('POST', '/authors', { name: 'Ghost Photo', photoId: 4242 });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ error: { code: 'AUTHOR_PHOTO_NOT_FOUND', field: 'photoId' } });
    });

    it('names an unknown field, a wrong type and a non-web social link', async () => {
      const unknown = await admin('POST', '/authors', { name: 'X', twitterHandle: '@x' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'twitterHandle' } });

      const wrongType = await admin('POST', '/authors', { name: 42 });
      expect(wrongType.statusCode).toBe(400);
      expect(wrongType.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'name' } });

      const badLink = await admin('POST', '/authors', { name: 'Y', social: { facebook: 'javascript:alert(1)' } });
      expect(badLink.statusCode).toBe(400);
      expect(badLink.json()).toMatchObject({ error: { field: 'social.facebook' } });
    });

    it('asks for a token on staff routes', async () => {
      const res = await t.server.inject({ method: 'POST', url: '/api/admin/authors', payload: { name: 'Anon' } });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'AUTH_REQUIRED' } });
    });

    it('does not let a reporter manage authors', async () => {
      const reporter = await t.services.tokens.create({ name: 'reporter', role: 'reporter' });
      const headers = { authorization: `Bearer ${reporter.token}` };
      expect((await t.server.inject({ url: '/api/admin/authors', headers })).statusCode).toBe(200);
      expect((await t.server.inject({ method: 'POST', url: '/api/admin/authors', headers, payload: { name: 'Nope' } })).statusCode).toBe(403);
    });
  });
}
