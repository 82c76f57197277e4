import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { MAX_UPLOAD_BYTES } from './media.js';
import { makeImage } from './media.test-images.js';

interface AssetJson {
  id: number;
  url: string;
  storageKey: string;
  mimeType: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
  altText: string;
  originalName: string;
}

for (const kind of DIALECTS) {
  describe(`media routes [${kind}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(async () => {
      await t?.close();
    });

    const uploadRaw = (payload: Buffer | string, contentType: string, query = '', headers: Record<string, string> = t.auth) =>
      t.server.inject({ method: 'POST', url: `/api/admin/media${query}`, headers: { ...headers, 'content-type': contentType }, payload });
    const upload = async (payload: Buffer, query = ''): Promise<AssetJson> => {
      const res = await uploadRaw(payload, 'image/jpeg', query);
      expect(res.statusCode, res.body).toBe(201);
      return res.json<AssetJson>();
    };
    const admin = (method: 'GET' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
      t.server.inject({ method, url: `/api/admin${url}`, headers: t.auth, ...(payload && { payload }) });

    it('takes raw image bytes with metadata in the query string and serves the cleaned file', async () => {
      const asset = await upload(await makeImage('jpeg', 120, 80), '?filename=riot.jpg&caption=Protest%20in%20Delhi&credit=PTI&alt=A%20crowd');
      expect(asset).toMatchObject({ mimeType: 'image/jpeg', width: 120, height: 80, caption: 'Protest in Delhi', credit: 'PTI', altText: 'A crowd', originalName: 'riot.jpg' });
      expect(asset.url).toBe(`/media/${asset.storageKey}`);

      const file = await t.server.inject({ url: asset.url });
      expect(file.statusCode).toBe(200);
      expect(file.headers).toMatchObject({
        'content-type': 'image/jpeg',
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
      });
      expect(file.rawPayload.length).toBe(Number(file.headers['content-length']));
      expect((await sharp(file.rawPayload).metadata()).width).toBe(120);

      const again = await t.server.inject({ url: asset.url, headers: { 'if-none-match': String(file.headers.etag) } });
      expect(again.statusCode).toBe(304);
    });

    it('decides the type from the bytes, not the declared content type', async () => {
      const res = await uploadRaw(await makeImage('png'), 'application/octet-stream', '?filename=photo.jpg');
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ mimeType: 'image/png', storageKey: expect.stringMatching(/\.png$/) as unknown });
    });

    it('refuses a text file posing as a JPEG with 415 and a clear message', async () => {
      const res = await uploadRaw('not an image at all', 'image/jpeg', '?filename=x.jpg');
      expect(res.statusCode).toBe(415);
      expect(res.json()).toMatchObject({ error: { code: 'MEDIA_UNSUPPORTED', message: 'This file is not a JPEG, PNG, WebP, AVIF or GIF image.' } });
    });

    it('refuses a JSON body and a body over 25 MB', async () => {
      expect((await uploadRaw('{"a":1}', 'application/json')).statusCode).toBe(415);
      const huge = Buffer.alloc(MAX_UPLOAD_BYTES + 1024);
      const res = await uploadRaw(huge, 'image/jpeg');
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ error: { code: 'MEDIA_TOO_LARGE' } });
    });

    it('lists, searches, shows, edits and deletes media', async () => {
      const asset = await upload(await makeImage('webp'), '?caption=Kite%20festival%20in%20Ahmedabad');
      const found = await admin('GET', '/media?q=KITE%20FESTIVAL&limit=5');
      expect(found.json<{ items: AssetJson[]; nextCursor: string | null }>()).toMatchObject({ items: [{ id: asset.id }], nextCursor: null });
      expect((await admin('GET', `/media/${asset.id}`)).json()).toMatchObject({ id: asset.id, mimeType: 'image/webp' });

      const patched = await admin('PATCH', `/media/${asset.id}`, { altText: 'Kites over rooftops', focalX: 0.25 });
      expect(patched.json()).toMatchObject({ altText: 'Kites over rooftops', focalX: 0.25 });
      expect((await admin('PATCH', `/media/${asset.id}`, { focalY: 2 })).statusCode).toBe(400);
      expect((await admin('PATCH', `/media/${asset.id}`, { storageKey: 'x' })).statusCode).toBe(400);

      expect((await admin('DELETE', `/media/${asset.id}`)).statusCode).toBe(204);
      expect((await admin('GET', `/media/${asset.id}`)).json()).toMatchObject({ error: { code: 'MEDIA_NOT_FOUND' } });
      expect((await t.server.inject({ url: asset.url })).statusCode).toBe(404);
    });

    it('lets a read-only role browse the library but not upload', async () => {
      const { token } = await t.services.tokens.create({ name: 'reader-desk', role: 'circulation' });
      const headers = { authorization: `Bearer ${token}` };
      expect((await t.server.inject({ url: '/api/admin/media', headers })).statusCode).toBe(200);
      expect((await uploadRaw(await makeImage('png'), 'image/png', '', headers)).statusCode).toBe(403);
      expect((await uploadRaw(await makeImage('png'), 'image/png', '', {})).statusCode).toBe(401);
    });

    it('serves resized variants at /media/v/<width>/<format>/<key>, never enlarged', async () => {
      const asset = await upload(await makeImage('jpeg', 900, 600));
      const res = await t.server.inject({ url: `/media/v/480/webp/${asset.storageKey}` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('image/webp');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const meta = await sharp(res.rawPayload).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', 480, 320]);

      const big = await t.server.inject({ url: `/media/v/2048/jpeg/${asset.storageKey}` });
      expect((await sharp(big.rawPayload).metadata()).width).toBe(900);

      expect((await t.server.inject({ url: `/media/v/500/webp/${asset.storageKey}` })).statusCode).toBe(400);
      expect((await t.server.inject({ url: `/media/v/480/tiff/${asset.storageKey}` })).statusCode).toBe(400);
      expect((await t.server.inject({ url: '/media/v/480/webp/2026/01/0000000000000000.jpg' })).statusCode).toBe(404);
    });

    it('answers 404 JSON for missing files and refuses paths that leave the media folder', async () => {
      for (const url of [
        '/media/2026/01/0000000000000000.jpg',
        '/media/../package.json',
        '/media/%2e%2e/%2e%2e/etc/passwd',
        '/media/2026/%2e%2e/%2e%2e/package.json',
        '/media/%2Fetc%2Fpasswd',
        '/media//etc/passwd',
        '/media/2026/01/file.txt',
        '/media/v/480/webp/%2e%2e/x.jpg',
      ]) {
        const res = await t.server.inject({ url });
        expect(res.statusCode, url).toBe(404);
        // '/media/../x' is normalised to '/x' before routing, so the reader site's 404 page answers it.
        if (String(res.headers['content-type']).startsWith('application/json')) {
          expect(res.json<{ error: { code: string } }>().error.code, url).toMatch(/NOT_FOUND$/);
        } else {
          expect(res.body, url).toContain('Page not found');
        }
      }
    });
  });
}
