import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';

for (const kind of DIALECTS) {
  describe(`publication settings routes [${kind}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(async () => {
      await t?.close(); // t is unset when start-up failed; let that error show, not this one
    });

    const patch = (payload: object, headers: Record<string, string> = t.auth) =>
      t.server.inject({ method: 'PATCH', url: '/api/admin/settings/publication', headers, payload });

    it('serves the defaults, then what staff saved', async () => {
      const before = await t.server.inject({ url: '/api/v1/publication' });
      expect(before.statusCode).toBe(200);
      expect(before.json()).toMatchObject({ name: 'The Daily Dateline', locale: 'en-IN', timeZone: 'Asia/Kolkata', logoMediaId: null, social: {} });

      const saved = await patch({ tagline: 'Since 1952', social: { instagram: 'https://instagram.com/dateline' } });
      expect(saved.statusCode, saved.body).toBe(200);
      const after = await t.server.inject({ url: '/api/v1/publication' });
      expect(after.json()).toMatchObject({ tagline: 'Since 1952', social: { instagram: 'https://instagram.com/dateline' } });
      expect((await t.server.inject({ url: '/api/admin/settings/publication', headers: t.auth })).json()).toEqual(after.json());
    });

    it('answers an unknown time zone with 400 naming the field', async () => {
      const res = await patch({ timeZone: 'Asia/Atlantis' });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'SETTINGS_TIME_ZONE_UNKNOWN', field: 'timeZone' } });
    });

    it('answers a logo missing from the media library with 422', async () => {
      const res = await patch({ logoMediaId: 31337 });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ error: { code: 'SETTINGS_LOGO_NOT_FOUND', field: 'logoMediaId' } });
    });

    it('names an unknown field, a wrong type and an unsafe link', async () => {
      const unknown = await patch({ theme: 'dark' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'theme' } });
      const wrongType = await patch({ utilityLinks: 'none' });
      expect(wrongType.statusCode).toBe(400);
      expect(wrongType.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'utilityLinks' } });
      const unsafe = await patch({ utilityLinks: [{ label: 'Ads', href: '//evil.example' }] });
      expect(unsafe.statusCode).toBe(400);
      expect(unsafe.json()).toMatchObject({ error: { field: 'utilityLinks.0.href' } });
    });

    it('asks for a token, and keeps settings to those allowed to manage them', async () => {
      expect((await t.server.inject({ method: 'PATCH', url: '/api/admin/settings/publication', payload: { name: 'X' } })).statusCode).toBe(401);
      const editor = await t.services.tokens.create({ name: 'editor', role: 'editor' });
      expect((await patch({ name: 'X' }, { authorization: `Bearer ${editor.token}` })).statusCode).toBe(403);
    });
  });
}
