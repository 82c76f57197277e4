import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { makeImage } from './media.test-images.js';

for (const kind of DIALECTS) {
  describe(`media crop files [${kind}]`, () => {
    let t: TestApp;
    let key: string;
    let id: number;
    beforeAll(async () => {
      t = await createTestApp(kind);
      const res = await t.server.inject({
        method: 'POST',
        url: '/api/admin/media',
        headers: { ...t.auth, 'content-type': 'image/jpeg' },
        payload: await makeImage('jpeg', 1600, 900),
      });
      ({ storageKey: key, id } = res.json<{ storageKey: string; id: number }>());
    });
    afterAll(async () => {
      await t?.close();
    });

    it('serves a square crop at a ladder width, cacheable for a day and purgeable by the asset', async () => {
      const res = await t.server.inject({ url: `/media/c/1x1/640/jpeg/${key}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers).toMatchObject({
        'content-type': 'image/jpeg',
        'cache-control': 'public, max-age=86400, stale-while-revalidate=604800',
        'surrogate-key': `media:${id}`,
        'x-content-type-options': 'nosniff',
      });
      const meta = await sharp(res.rawPayload).metadata();
      expect([meta.width, meta.height]).toEqual([640, 640]);
      const again = await t.server.inject({ url: `/media/c/1x1/640/jpeg/${key}`, headers: { 'if-none-match': String(res.headers.etag) } });
      expect(again.statusCode).toBe(304);
    });

    it('changes its ETag when the focal point moves', async () => {
      const before = await t.server.inject({ url: `/media/c/4x3/320/webp/${key}` });
      await t.server.inject({ method: 'PATCH', url: `/api/admin/media/${id}`, headers: t.auth, payload: { focalX: 0.1 } });
      const after = await t.server.inject({ url: `/media/c/4x3/320/webp/${key}` });
      expect(after.statusCode).toBe(200);
      expect(after.headers.etag).not.toBe(before.headers.etag);
    });

    it('refuses unknown ratios, widths and formats, and keys that are not originals', async () => {
      expect((await t.server.inject({ url: `/media/c/3x2/640/jpeg/${key}` })).json()).toMatchObject({ error: { code: 'MEDIA_CROP_RATIO' } });
      expect((await t.server.inject({ url: `/media/c/1x1/641/jpeg/${key}` })).statusCode).toBe(400);
      expect((await t.server.inject({ url: `/media/c/1x1/640/gif/${key}` })).statusCode).toBe(400);
      expect((await t.server.inject({ url: '/media/c/1x1/640/jpeg/2026/01/0000000000000000.jpg' })).statusCode).toBe(404);
      expect((await t.server.inject({ url: '/media/c/1x1/640/jpeg/../../etc/passwd' })).statusCode).toBe(404);
      expect((await t.server.inject({ url: `/media/c/1x1/640/jpeg/variants/${key}` })).statusCode).toBe(404);
    });
  });
}
