/** The media library's pure pieces: image URLs from the server's fixed ladder, and upload problems in plain words. */
import { ApiError, type MediaAsset } from '../api.js';

export type LadderWidth = 320 | 480 | 640 | 800 | 1024;

/** A resized copy (see src/features/media CONTEXT.md): /media/v/<width>/<format>/<storage key>. */
export function variantUrl(asset: Pick<MediaAsset, 'url' | 'storageKey'>, width: LadderWidth, format: 'webp' | 'jpeg' = 'webp'): string {
  const key = asset.storageKey ?? asset.url.replace(/^\/media\//, '');
  return `/media/v/${width}/${format}/${key}`;
}

/** What went wrong with one file, named, so a batch of uploads reports each failure on its own. */
export function uploadProblem(fileName: string, err: unknown): string {
  const what = err instanceof ApiError ? err.message : err instanceof Error ? err.message : 'The upload failed.';
  return `${fileName}: ${what}`;
}

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Focal point from a click or tap on the shown image, clamped to the picture and rounded to 0.001. */
export function focalFromPoint(rect: { left: number; top: number; width: number; height: number }, x: number, y: number): { focalX: number; focalY: number } {
  const clamp = (v: number): number => Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000;
  return { focalX: clamp((x - rect.left) / rect.width), focalY: clamp((y - rect.top) / rect.height) };
}
