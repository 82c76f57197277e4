import { describe, expect, it } from 'vitest';
import { cropKey, cropPath, cropRect, cropSize, isCropRatio } from './media.crop.js';

const landscape = { width: 1600, height: 900, focalX: 0.5, focalY: 0.5 };

describe('aspect-ratio crops', () => {
  it('keeps the whole of a 16:9 original for a 16:9 crop', () => {
    expect(cropRect(landscape, '16x9')).toEqual({ left: 0, top: 0, width: 1600, height: 900 });
  });

  it('cuts a square from the full height of a landscape photo, centred on the focal point', () => {
    expect(cropRect(landscape, '1x1')).toEqual({ left: 350, top: 0, width: 900, height: 900 });
    expect(cropRect({ ...landscape, focalX: 0.3 }, '1x1')).toEqual({ left: 30, top: 0, width: 900, height: 900 });
  });

  it('never lets the window leave the image when the focal point is near an edge', () => {
    expect(cropRect({ ...landscape, focalX: 1 }, '1x1').left).toBe(700);
    expect(cropRect({ ...landscape, focalX: 0 }, '4x3').left).toBe(0);
  });

  it('cuts a wide crop from the full width of a portrait photo, around the focal point', () => {
    const portrait = { width: 800, height: 1200, focalX: 0.5, focalY: 0.2 };
    expect(cropRect(portrait, '16x9')).toEqual({ left: 0, top: 15, width: 800, height: 450 });
    expect(cropRect({ ...portrait, focalY: 0.95 }, '4x3')).toEqual({ left: 0, top: 600, width: 800, height: 600 });
  });

  it('treats a focal point outside 0..1 as the nearest edge', () => {
    expect(cropRect({ ...landscape, focalX: 7 }, '1x1').left).toBe(700);
    expect(cropRect({ ...landscape, focalX: Number.NaN }, '1x1').left).toBe(350);
  });

  it('sizes a crop at a ladder width exactly in ratio, never wider than its window', () => {
    expect(cropSize(landscape, '16x9', 1280)).toEqual({ width: 1280, height: 720 });
    expect(cropSize(landscape, '4x3', 1280)).toEqual({ width: 1200, height: 900 });
    expect(cropSize(landscape, '1x1', 2048)).toEqual({ width: 900, height: 900 });
    expect(cropSize({ width: 300, height: 200 }, '4x3', 640)).toEqual({ width: 267, height: 200 });
  });

  it('names the focal point in the cache key, so moving it makes a new file', () => {
    const a = cropKey('2026/11/ab12.jpg', '16x9', 1280, 'jpeg', { focalX: 0.5, focalY: 0.25 });
    expect(a).toBe('variants/2026/11/ab12-c16x9-f500-250-1280.jpeg');
    expect(cropKey('2026/11/ab12.jpg', '16x9', 1280, 'jpeg', { focalX: 0.5, focalY: 0.3 })).not.toBe(a);
  });

  it('builds the public path and accepts only the three ratios', () => {
    expect(cropPath('2026/11/ab12.jpg', '4x3', 640, 'webp')).toBe('/media/c/4x3/640/webp/2026/11/ab12.jpg');
    expect(['16x9', '4x3', '1x1', '3x2', '16X9'].map(isCropRatio)).toEqual([true, true, true, false, false]);
  });
});
