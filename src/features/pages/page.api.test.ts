import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRequest, createTestApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';

const body = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

for (const kind of DIALECTS) {
  describe(`page routes [${kind}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(async () => {
      await t?.close(); // t is unset when start-up failed; let that error show, not this one
    });

    const admin = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => adminRequest(t, method, url, payload);

    it('keeps a draft from readers until it is published, then serves it with its HTML', async () => {
      const created = await admin('POST', '/pages', { slug: 'code-of-ethics', title: 'Code of ethics', body: body('We correct <errors> openly.') });
      expect(created.statusCode, created.body).toBe(201);
      const page = created.json<{ id: number }>();
      expect(created.json()).toMatchObject({ status: 'draft', body: body('We correct <errors> openly.') });

      expect((await t.server.inject({ url: '/api/v1/pages/code-of-ethics' })).statusCode).toBe(404);
      expect((await t.server.inject({ url: '/api/v1/pages' })).json()).toEqual({ items: [] });

      expect((await admin('PATCH', `/pages/${page.id}`, { status: 'published' })).statusCode).toBe(200);
      const pub = await t.server.inject({ url: '/api/v1/pages/code-of-ethics' });
      expect(pub.statusCode).toBe(200);
      const json = pub.json<{ bodyHtml: string }>();
      expect(json).toMatchObject({ title: 'Code of ethics', body: body('We correct <errors> openly.') });
      expect(json.bodyHtml).toContain('We correct &lt;errors&gt; openly.');
      expect(json).not.toHaveProperty('status');
      expect((await t.server.inject({ url: '/api/v1/pages' })).json()).toMatchObject({ items: [{ slug: 'code-of-ethics' }] });

      expect((await admin('DELETE', `/pages/${page.id}`)).statusCode).toBe(204);
    });

    it('answers a taken slug with 409 naming the slug', async () => {
      await admin('POST', '/pages', { slug: 'about', title: 'About us', body: body('x') });
      const res = await admin('POST', '/pages', { slug: 'about', title: 'About', body: body('y') });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ error: { code: 'PAGE_SLUG_TAKEN', field: 'slug' } });
    });

    it('answers a body that breaks the story-body rules with 422 and its path', async () => {
      const res = await admin('POST', '/pages', { slug: 'bad', title: 'Bad', body: { type: 'doc', version: 1, content: [{ type: 'marquee' }] } });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ error: { code: 'BODY_INVALID', field: expect.stringMatching(/^body\.content\[0\]/) as string } });
    });

    it('names an unknown field and a wrong type', async () => {
      const unknown = await admin('POST', '/pages', { slug: 'x', title: 'X', body: body('x'), layout: 'wide' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'layout' } });
      const wrongType = await admin('POST', '/pages', { slug: 'x', title: 'X', body: '<p>html</p>' });
      expect(wrongType.statusCode).toBe(400);
      expect(wrongType.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'body' } });
    });

    it('asks for a token on staff routes', async () => {
      expect((await t.server.inject({ url: '/api/admin/pages' })).statusCode).toBe(401);
    });
  });
}
