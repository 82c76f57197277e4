import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import type { Db } from '../../db/index.js';
import { MAX_UPLOAD_BYTES, variantKey } from './media.js';
import { createMediaService, type MediaService } from './media.service.js';
import { createLocalMediaStore, type MediaStore } from './media.store.js';
import { hasGpsPointer, makeAnimatedGif, makeImage, makeNoisyJpeg, withIptc, xmpPacket } from './media.test-images.js';

/** A PNG whose header claims `width` × `height` pixels (the pixel data stays tiny). */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await makeImage('png', 8, 8));
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

async function insertArticle(db: Db, fields: { slug: string; featuredImageId?: number; body?: string }): Promise<void> {
  const now = '2026-01-01T00:00:00.000Z';
  await db
    .insertInto('articles')
    .values({
      slug: fields.slug, section_id: null, kind: 'news', status: 'draft', headline: 'H', standfirst: '',
      body: fields.body ?? '{"version":1,"content":[]}', dateline_place: '', dateline_date: null, agency_credit: null,
      featured_image_id: fields.featuredImageId ?? null, language: 'en', priority: 0, seo_title: '', seo_description: '',
      source_agency: null, source_guid: null, source_version: null, published_at: null, updated_at: null,
      created_at: now, modified_at: now, revision: 1,
    })
    .execute();
}

describeEachDb('media service', (ctx) => {
  let dir: string;
  let store: MediaStore;
  let media: MediaService;
  const clock = fixedClock('2026-03-01T10:00:00.000Z');

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dateline-media-'));
    store = createLocalMediaStore(dir);
    media = createMediaService({ db: ctx().db, clock, mediaStore: store, dialect: ctx().dialect });
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const upload = async (data: Buffer, extra: { originalName?: string; caption?: string; credit?: string; altText?: string } = {}) => {
    clock.advance(1000);
    return media.upload({ data, ...extra });
  };
  const stored = async (key: string): Promise<Buffer> => {
    const data = await store.get(key);
    if (!data) throw new Error(`nothing stored at ${key}`);
    return data;
  };

  describe('upload', () => {
    it('stores each accepted format as a cleaned copy with its size, type and hash', async () => {
      for (const [format, mime, ext] of [
        ['jpeg', 'image/jpeg', 'jpg'],
        ['png', 'image/png', 'png'],
        ['webp', 'image/webp', 'webp'],
        ['avif', 'image/avif', 'avif'],
        ['gif', 'image/gif', 'gif'],
      ] as const) {
        const asset = await upload(await makeImage(format, 64, 48), { originalName: `photo.${ext}` });
        expect(asset).toMatchObject({ mimeType: mime, width: 64, height: 48, originalName: `photo.${ext}`, focalX: 0.5, focalY: 0.5 });
        expect(asset.storageKey).toMatch(new RegExp(`^2026/03/[0-9a-f]{16}\\.${ext}$`));
        const file = await stored(asset.storageKey);
        expect(asset.byteSize).toBe(file.length);
        expect(asset.sha256).toBe(createHash('sha256').update(file).digest('hex'));
        expect((await sharp(file).metadata()).format).toBe(format === 'avif' ? 'heif' : format);
      }
    });

    it('keeps every frame of an animated GIF and records one frame’s size', async () => {
      const asset = await upload(await makeAnimatedGif(3, 60, 40));
      expect(asset).toMatchObject({ width: 60, height: 40 });
      expect((await sharp(await stored(asset.storageKey), { animated: true }).metadata()).pages).toBe(3);
    });

    it('refuses a text file named x.jpg, whatever its name says', async () => {
      const refused = upload(Buffer.from('just some text, honest'), { originalName: 'x.jpg' });
      await expect(refused).rejects.toMatchObject({ kind: 'unsupported', code: 'MEDIA_UNSUPPORTED' });
      await expect(refused).rejects.toThrow('This file is not a JPEG, PNG, WebP, AVIF or GIF image.');
    });

    it('refuses a truncated JPEG', async () => {
      const jpeg = await makeNoisyJpeg();
      await expect(upload(jpeg.subarray(0, Math.floor(jpeg.length * 0.8)))).rejects.toMatchObject({ code: 'MEDIA_UNSUPPORTED' });
    });

    it('refuses a file over 25 MB', async () => {
      const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1);
      (await makeImage('jpeg')).copy(big);
      await expect(upload(big)).rejects.toMatchObject({ kind: 'too_large', code: 'MEDIA_TOO_LARGE' });
    });

    it('refuses an image of more than 60 megapixels before decoding it', async () => {
      await expect(upload(await pngClaiming(10_000, 8_000))).rejects.toMatchObject({ kind: 'unprocessable', code: 'MEDIA_TOO_MANY_PIXELS' });
    });

    it('leaves nothing in the store after a refused upload', async () => {
      const before: string[] = [];
      for await (const key of store.list()) before.push(key);
      await upload(Buffer.from('nope')).catch(() => undefined);
      const after: string[] = [];
      for await (const key of store.list()) after.push(key);
      expect(after).toEqual(before);
    });

    it('prefills caption, credit and alt text from XMP', async () => {
      const data = await sharp(await makeImage('jpeg'))
        .withXmp(xmpPacket({ description: 'Monsoon rain in Guwahati', creator: 'Ana Ruiz', credit: 'AFP', alt: 'People wading through water' }))
        .jpeg()
        .toBuffer();
      expect(await upload(data)).toMatchObject({ caption: 'Monsoon rain in Guwahati', credit: 'Ana Ruiz / AFP', altText: 'People wading through water' });
    });

    it('prefills caption and credit from IPTC, but what the uploader typed wins', async () => {
      const data = withIptc(await makeImage('jpeg'), { 120: 'Harvest in Punjab', 110: 'PTI', 80: 'R. Singh' });
      expect(await upload(data)).toMatchObject({ caption: 'Harvest in Punjab', credit: 'R. Singh / PTI', altText: '' });
      expect(await upload(data, { caption: 'Our own caption' })).toMatchObject({ caption: 'Our own caption', credit: 'R. Singh / PTI' });
    });

    it('strips GPS and all other metadata from the stored file', async () => {
      const data = await sharp(await makeImage('jpeg'))
        .withExif({ IFD0: { Copyright: 'Staff' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '26/1 8/1 0/1' } })
        .withXmp(xmpPacket({ description: 'Secret location' }))
        .jpeg()
        .toBuffer();
      expect(hasGpsPointer((await sharp(data).metadata()).exif)).toBe(true);
      const meta = await sharp(await stored((await upload(data)).storageKey)).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
    });

    it('turns a photo the right way up using its EXIF orientation', async () => {
      const sideways = await sharp(await makeImage('jpeg', 200, 100)).withMetadata({ orientation: 6 }).jpeg().toBuffer();
      const asset = await upload(sideways);
      expect(asset).toMatchObject({ width: 100, height: 200 });
      const meta = await sharp(await stored(asset.storageKey)).metadata();
      expect([meta.width, meta.height, meta.orientation]).toEqual([100, 200, undefined]);
    });
  });

  describe('library', () => {
    it('lists newest first, page by page, without repeats', async () => {
      const all = await media.list({ limit: 100 });
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await media.list({ limit: 3, ...(cursor && { cursor }) });
        seen.push(...page.items.map((a) => a.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(all.items.map((a) => a.id));
      const times = all.items.map((a) => a.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
    });

    it('pages correctly through items uploaded in the same instant', async () => {
      const a = await media.upload({ data: await makeImage('png'), caption: 'same-instant one' });
      const b = await media.upload({ data: await makeImage('png'), caption: 'same-instant two' });
      const first = await media.list({ q: 'same-instant', limit: 1 });
      expect(first.items.map((x) => x.id)).toEqual([b.id]);
      const second = await media.list({ q: 'same-instant', limit: 1, cursor: first.nextCursor ?? '' });
      expect(second.items.map((x) => x.id)).toEqual([a.id]);
      expect(second.nextCursor).toBeNull();
    });

    it('searches caption, credit, alt text and file name regardless of case, taking % and _ literally', async () => {
      const asset = await upload(await makeImage('png'), { originalName: 'Budget_2026.png', caption: 'Finance minister presents 100% budget', credit: 'Staff Photographer' });
      const ids = async (q: string) => (await media.list({ q })).items.map((a) => a.id);
      expect(await ids('FINANCE MINISTER')).toEqual([asset.id]);
      expect(await ids('staff photo')).toEqual([asset.id]);
      expect(await ids('budget_2026')).toEqual([asset.id]);
      expect(await ids('100%')).toEqual([asset.id]);
      expect(await ids('budget%2026')).toEqual([]);
    });

    it('refuses a forged page cursor', async () => {
      await expect(media.list({ cursor: 'garbage' })).rejects.toMatchObject({ code: 'MEDIA_CURSOR_INVALID' });
    });

    it('finds a batch of assets by id, skipping unknown ids', async () => {
      const a = await upload(await makeImage('png'));
      const b = await upload(await makeImage('png'));
      const found = await media.findByIds([a.id, b.id, a.id, 999_999]);
      expect(found.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    });

    it('changes caption and focal point, and refuses a focal point outside the image', async () => {
      const asset = await upload(await makeImage('png'));
      const changed = await media.update(asset.id, { caption: '  New caption ', focalX: 0.2, focalY: 1 });
      expect(changed).toMatchObject({ caption: 'New caption', focalX: 0.2, focalY: 1 });
      await expect(media.update(asset.id, { focalX: 1.5 })).rejects.toMatchObject({ code: 'MEDIA_FOCAL_INVALID', field: 'focalX' });
      await expect(media.update(999_999, { caption: 'x' })).rejects.toMatchObject({ code: 'MEDIA_NOT_FOUND' });
    });

    it('gives the public URL of the original', async () => {
      const asset = await upload(await makeImage('png'));
      expect(media.url(asset)).toBe(`/media/${asset.storageKey}`);
    });
  });

  describe('remove', () => {
    it('refuses to delete an image that is a featured image, an author photo or in a story body', async () => {
      const db = ctx().db;
      const featured = await upload(await makeImage('png'));
      await insertArticle(db, { slug: 'featured-use', featuredImageId: featured.id });
      await expect(media.remove(featured.id)).rejects.toMatchObject({ kind: 'conflict', code: 'MEDIA_IN_USE' });

      const photo = await upload(await makeImage('png'));
      await db
        .insertInto('authors')
        .values({ slug: 'a-writer', name: 'A Writer', title: '', bio: '', photo_id: photo.id, social: '{}', created_at: 'x', updated_at: 'x' })
        .execute();
      await expect(media.remove(photo.id)).rejects.toMatchObject({ code: 'MEDIA_IN_USE' });

      const inBody = await upload(await makeImage('png'));
      const body = JSON.stringify({ version: 1, content: [{ type: 'image', mediaId: inBody.id, alt: 'x' }] });
      await insertArticle(db, { slug: 'body-use', body });
      await expect(media.remove(inBody.id)).rejects.toMatchObject({ code: 'MEDIA_IN_USE' });
      expect(await store.exists(inBody.storageKey)).toBe(true);
    });

    it('deletes an unused image with its file and cached variants', async () => {
      const asset = await upload(await makeImage('jpeg', 700, 400));
      const variant = await media.variant(asset, 320, 'webp');
      await media.remove(asset.id);
      await expect(media.get(asset.id)).rejects.toMatchObject({ code: 'MEDIA_NOT_FOUND' });
      expect(await store.exists(asset.storageKey)).toBe(false);
      expect(await store.exists(variant.key)).toBe(false);
      await expect(media.remove(asset.id)).rejects.toMatchObject({ code: 'MEDIA_NOT_FOUND' });
    });
  });

  describe('variants', () => {
    it('renders a resized copy in the asked format, keeping the aspect ratio', async () => {
      const asset = await upload(await makeImage('png', 1000, 500));
      for (const format of ['jpeg', 'webp', 'avif'] as const) {
        const v = await media.variant(asset, 480, format);
        expect(v).toMatchObject({ width: 480, height: 240, format, rendered: true });
        expect(v.key).toBe(`variants/${asset.storageKey.replace(/\.png$/, '')}-480.${format}`);
        const meta = await sharp(await stored(v.key)).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual([format === 'avif' ? 'heif' : format, 480, 240]);
      }
    });

    it('never enlarges a small original', async () => {
      const asset = await upload(await makeImage('jpeg', 300, 200));
      const v = await media.variant(asset, 1024, 'webp');
      expect(v).toMatchObject({ width: 300, height: 200 });
      expect((await sharp(await stored(v.key)).metadata()).width).toBe(300);
    });

    it('serves the cached copy the second time and renders once for simultaneous requests', async () => {
      const asset = await upload(await makeImage('jpeg', 900, 600));
      const [a, b] = await Promise.all([media.variant(asset, 640, 'webp'), media.variant(asset, 640, 'webp')]);
      expect([a.rendered, b.rendered].sort()).toEqual([false, true]);
      expect((await media.variant(asset, 640, 'webp')).rendered).toBe(false);
    });

    it('lets a stopping server wait for a render whose requester went away, so its file is complete', async () => {
      const asset = await upload(await makeImage('jpeg', 1600, 900));
      const abandoned = media.variant(asset, 1280, 'avif'); // nobody awaits it, like a request whose reader hung up
      await media.settle();
      const key = variantKey(asset.storageKey, 1280, 'avif');
      expect((await sharp(await stored(key)).metadata()).width).toBe(1280);
      await expect(abandoned).resolves.toMatchObject({ rendered: true });
    });

    it('refuses widths off the ladder and unknown formats', async () => {
      const asset = await upload(await makeImage('jpeg', 900, 600));
      await expect(media.variant(asset, 500, 'webp')).rejects.toMatchObject({ code: 'MEDIA_VARIANT_WIDTH' });
      await expect(media.variant(asset, 640, 'tiff')).rejects.toMatchObject({ code: 'MEDIA_VARIANT_FORMAT' });
    });
  });
});
