import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import { createMediaService, type MediaService } from './media.service.js';
import { createLocalMediaStore, type MediaStore } from './media.store.js';

/** A 1600×900 PNG: red on the left half, blue on the right, so a crop's position shows in its colour. */
async function twoHalves(): Promise<Buffer> {
  const half = await sharp({ create: { width: 800, height: 900, channels: 3, background: { r: 0, g: 0, b: 255 } } }).png().toBuffer();
  return sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 255, g: 0, b: 0 } } })
    .composite([{ input: half, left: 800, top: 0 }])
    .png()
    .toBuffer();
}

/** Mean red and blue of an image, 0..255. */
async function meanColour(data: Buffer): Promise<{ red: number; blue: number }> {
  const stats = await sharp(data).stats();
  return { red: stats.channels[0]?.mean ?? 0, blue: stats.channels[2]?.mean ?? 0 };
}

describeEachDb('media crops', (ctx) => {
  let dir: string;
  let store: MediaStore;
  let media: MediaService;
  const clock = fixedClock('2026-03-01T10:00:00.000Z');

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dateline-crops-'));
    store = createLocalMediaStore(dir);
    media = createMediaService({ db: ctx().db, clock, mediaStore: store, dialect: ctx().dialect });
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const stored = async (key: string): Promise<Buffer> => {
    const data = await store.get(key);
    if (!data) throw new Error(`nothing stored at ${key}`);
    return data;
  };

  it('cuts each ratio at the asked width and format, exactly in shape', async () => {
    const asset = await media.upload({ data: await twoHalves() });
    for (const [ratio, width, height] of [['16x9', 640, 360], ['4x3', 640, 480], ['1x1', 640, 640]] as const) {
      const crop = await media.crop(asset, ratio, 640, 'jpeg');
      expect(crop).toMatchObject({ ratio, width, height, format: 'jpeg', mimeType: 'image/jpeg', assetId: asset.id, rendered: true });
      const meta = await sharp(await stored(crop.key)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', width, height]);
    }
  });

  it('crops around the focal point the editors set', async () => {
    const asset = await media.upload({ data: await twoHalves() });
    const right = await media.update(asset.id, { focalX: 0.95 });
    const cropRight = await media.crop(right, '1x1', 320, 'webp');
    const rightColour = await meanColour(await stored(cropRight.key));
    expect(rightColour.blue).toBeGreaterThan(200);
    expect(rightColour.red).toBeLessThan(60);

    const left = await media.update(asset.id, { focalX: 0.05 });
    const cropLeft = await media.crop(left, '1x1', 320, 'webp');
    expect(cropLeft.key).not.toBe(cropRight.key);
    const leftColour = await meanColour(await stored(cropLeft.key));
    expect(leftColour.red).toBeGreaterThan(200);
    expect(leftColour.blue).toBeLessThan(60);
    // The crop cut around the old focal point is cleared away.
    expect(await store.exists(cropRight.key)).toBe(false);
  });

  it('never enlarges: a crop of a small photo is as wide as its window', async () => {
    const asset = await media.upload({ data: await sharp({ create: { width: 300, height: 200, channels: 3, background: '#888' } }).jpeg().toBuffer() });
    expect(await media.crop(asset, '16x9', 1280, 'jpeg')).toMatchObject({ width: 300, height: 169 });
    expect(await media.crop(asset, '1x1', 1280, 'avif')).toMatchObject({ width: 200, height: 200 });
  });

  it('serves the cached crop the second time and renders once for simultaneous requests', async () => {
    const asset = await media.upload({ data: await twoHalves() });
    const [a, b] = await Promise.all([media.crop(asset, '4x3', 480, 'webp'), media.crop(asset, '4x3', 480, 'webp')]);
    expect([a.rendered, b.rendered].sort()).toEqual([false, true]);
    expect((await media.crop(asset, '4x3', 480, 'webp')).rendered).toBe(false);
  });

  it('refuses ratios, widths and formats it does not make', async () => {
    const asset = await media.upload({ data: await twoHalves() });
    await expect(media.crop(asset, '3x2', 640, 'jpeg')).rejects.toMatchObject({ kind: 'invalid', code: 'MEDIA_CROP_RATIO', field: 'ratio' });
    await expect(media.crop(asset, '1x1', 500, 'jpeg')).rejects.toMatchObject({ code: 'MEDIA_VARIANT_WIDTH' });
    await expect(media.crop(asset, '1x1', 640, 'png')).rejects.toMatchObject({ code: 'MEDIA_VARIANT_FORMAT' });
  });

  it('deletes an asset’s crops with it', async () => {
    const asset = await media.upload({ data: await twoHalves() });
    const crop = await media.crop(asset, '16x9', 1280, 'jpeg');
    await media.remove(asset.id);
    expect(await store.exists(crop.key)).toBe(false);
  });

  it('tells a feed the byte size of the variant it links to', async () => {
    const asset = await media.upload({ data: await twoHalves() });
    const v = await media.variantWithSize(asset, 1280, 'jpeg');
    expect(v).toMatchObject({ width: 1280, height: 720, mimeType: 'image/jpeg' });
    expect(v.byteSize).toBe((await stored(v.key)).length);
  });
});
