/**
 * Aspect-ratio crops: the largest 16:9, 4:3 or 1:1 window of an original
 * that fits inside it, centred as near the focal point as the edges allow,
 * then resized to a ladder width. Search engines and social cards ask for
 * these shapes; pure rules here, pixels in media.image.ts.
 */
import type { MediaAsset, VariantFormat } from './media.js';

export const CROP_RATIOS = ['16x9', '4x3', '1x1'] as const;
export type CropRatio = (typeof CROP_RATIOS)[number];

const PARTS: Readonly<Record<CropRatio, readonly [number, number]>> = { '16x9': [16, 9], '4x3': [4, 3], '1x1': [1, 1] };

export interface CropRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function isCropRatio(value: string): value is CropRatio {
  return (CROP_RATIOS as readonly string[]).includes(value);
}

const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), max);

/** The window of the original to keep: full width or full height, placed around the focal point without leaving the image. */
export function cropRect(asset: Pick<MediaAsset, 'width' | 'height' | 'focalX' | 'focalY'>, ratio: CropRatio): CropRect {
  const [rw, rh] = PARTS[ratio];
  let width = asset.width;
  let height = Math.max(1, Math.round((asset.width * rh) / rw));
  if (height > asset.height) {
    height = asset.height;
    width = clamp(Math.round((asset.height * rw) / rh), 1, asset.width);
  }
  const fx = Number.isFinite(asset.focalX) ? clamp(asset.focalX, 0, 1) : 0.5;
  const fy = Number.isFinite(asset.focalY) ? clamp(asset.focalY, 0, 1) : 0.5;
  return {
    left: clamp(Math.round(fx * asset.width - width / 2), 0, asset.width - width),
    top: clamp(Math.round(fy * asset.height - height / 2), 0, asset.height - height),
    width,
    height,
  };
}

/** Pixel size of a crop at a requested width: never wider than the window it is cut from, height exactly in ratio. */
export function cropSize(asset: Pick<MediaAsset, 'width' | 'height'>, ratio: CropRatio, requestedWidth: number): { width: number; height: number } {
  const [rw, rh] = PARTS[ratio];
  // The window's width does not depend on the focal point, only on the original's shape.
  const window = cropRect({ ...asset, focalX: 0.5, focalY: 0.5 }, ratio);
  const width = Math.max(1, Math.min(requestedWidth, window.width));
  return { width, height: Math.max(1, Math.round((width * rh) / rw)) };
}

/**
 * Store key of a cached crop. The focal point is part of the key: moving it
 * makes a new file instead of racing a render of the old one, and the ETag
 * (derived from the key) changes with it.
 */
export function cropKey(storageKey: string, ratio: CropRatio, width: number, format: VariantFormat, focal: Pick<MediaAsset, 'focalX' | 'focalY'>): string {
  const dot = storageKey.lastIndexOf('.');
  const base = dot < 0 ? storageKey : storageKey.slice(0, dot);
  const milli = (v: number): number => Math.round(clamp(Number.isFinite(v) ? v : 0.5, 0, 1) * 1000);
  return `variants/${base}-c${ratio}-f${milli(focal.focalX)}-${milli(focal.focalY)}-${width}.${format}`;
}

/** Public URL path of a crop, e.g. /media/c/16x9/1280/jpeg/2026/11/ab.jpg. */
export function cropPath(storageKey: string, ratio: CropRatio, width: number, format: VariantFormat): string {
  return `/media/c/${ratio}/${width}/${format}/${storageKey}`;
}
