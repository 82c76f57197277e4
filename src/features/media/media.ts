/** A media-library asset (a photo or graphic) and the pure rules around it. */
import type { MediaRow } from '../../db/schema.js';

export interface MediaAsset {
  id: number;
  /** Key in the media store, e.g. "2026/11/3f9a2c81d0e4a7b6.jpg"; also its public path under /media/. */
  storageKey: string;
  originalName: string;
  mimeType: ImageMime;
  byteSize: number;
  /** Pixel size after EXIF orientation was applied (for an animated GIF, one frame). */
  width: number;
  height: number;
  /** sha256 (hex) of the stored, cleaned file. */
  sha256: string;
  caption: string;
  credit: string;
  altText: string;
  /** Point of interest for crops, as fractions of width and height (0..1). */
  focalX: number;
  focalY: number;
  createdAt: string;
  updatedAt: string;
}

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';
export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/avif' | 'image/gif';
export type VariantFormat = 'jpeg' | 'webp' | 'avif';

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
/** Decoded pixels across all frames; guards memory against decompression bombs. */
export const MAX_PIXELS = 60_000_000;
export const TEXT_LIMITS = { caption: 2000, credit: 200, altText: 500, originalName: 255 } as const;

/** The widths a variant may have. A fixed ladder keeps the cache small and URLs shareable by CDNs. */
export const VARIANT_WIDTHS = [320, 480, 640, 800, 1024, 1280, 1600, 2048] as const;
export const VARIANT_FORMATS: readonly VariantFormat[] = ['jpeg', 'webp', 'avif'];

export const FORMAT_INFO: Readonly<Record<ImageFormat, { mime: ImageMime; ext: string }>> = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
  webp: { mime: 'image/webp', ext: 'webp' },
  avif: { mime: 'image/avif', ext: 'avif' },
  gif: { mime: 'image/gif', ext: 'gif' },
};

const MIME_BY_EXT: Readonly<Record<string, ImageMime>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

export function toMediaAsset(row: MediaRow): MediaAsset {
  return {
    id: row.id,
    storageKey: row.storage_key,
    originalName: row.original_name,
    mimeType: row.mime_type as ImageMime,
    byteSize: Number(row.byte_size),
    width: row.width,
    height: row.height,
    sha256: row.sha256,
    caption: row.caption,
    credit: row.credit,
    altText: row.alt_text,
    focalX: Number(row.focal_x),
    focalY: Number(row.focal_y),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function extensionOf(key: string): string {
  const dot = key.lastIndexOf('.');
  return dot < 0 ? '' : key.slice(dot + 1).toLowerCase();
}

/** Content type of a stored file (original or variant), from its key; undefined for anything we never store. */
export function mimeOfKey(key: string): ImageMime | undefined {
  return MIME_BY_EXT[extensionOf(key)];
}

/**
 * What the bytes are, by their signature — never by file name or declared
 * content type. Decoding with sharp confirms it afterwards.
 */
export function sniffImageFormat(data: Uint8Array): ImageFormat | undefined {
  const at = (offset: number, ascii: string): boolean =>
    data.length >= offset + ascii.length && [...ascii].every((ch, i) => data[offset + i] === ch.charCodeAt(0));
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  if (at(0, '\x89PNG\r\n\x1a\n')) return 'png';
  if (at(0, 'GIF87a') || at(0, 'GIF89a')) return 'gif';
  if (at(0, 'RIFF') && at(8, 'WEBP')) return 'webp';
  if (at(4, 'ftyp')) {
    // ISO-BMFF: major brand at 8, compatible brands from 16 to the end of the ftyp box.
    const boxSize = Math.min(((data[0] ?? 0) << 24) | ((data[1] ?? 0) << 16) | ((data[2] ?? 0) << 8) | (data[3] ?? 0), data.length, 256);
    const brands = [8];
    for (let o = 16; o + 4 <= boxSize; o += 4) brands.push(o);
    if (brands.some((o) => at(o, 'avif') || at(o, 'avis'))) return 'avif';
  }
  return undefined;
}

/** Width of the variant actually produced: the requested ladder width, but never wider than the original. */
export function effectiveVariantWidth(asset: Pick<MediaAsset, 'width'>, requested: number): number {
  return Math.max(1, Math.min(requested, asset.width));
}

/** Height that keeps the original's aspect ratio at `width`. */
export function variantHeight(asset: Pick<MediaAsset, 'width' | 'height'>, width: number): number {
  return Math.max(1, Math.round((asset.height * width) / asset.width));
}

/** Store key of a cached variant: variants/<key-without-ext>-<width>.<format>. */
export function variantKey(storageKey: string, width: number, format: VariantFormat): string {
  const dot = storageKey.lastIndexOf('.');
  return `variants/${dot < 0 ? storageKey : storageKey.slice(0, dot)}-${width}.${format}`;
}

export function isVariantWidth(width: number): boolean {
  return (VARIANT_WIDTHS as readonly number[]).includes(width);
}

export function isVariantFormat(format: string): format is VariantFormat {
  return (VARIANT_FORMATS as readonly string[]).includes(format);
}

/**
 * The ladder widths worth offering in a srcset: each width below the
 * original, plus the first one at or above it (which yields the original size).
 */
export function srcsetWidths(asset: Pick<MediaAsset, 'width'>): number[] {
  const below = VARIANT_WIDTHS.filter((w) => w < asset.width);
  const cap = VARIANT_WIDTHS.find((w) => w >= asset.width);
  return cap === undefined ? below : [...below, cap];
}

/** Public URL path of a variant. The original's key is the tail so the URL is as unique and immutable as the key. */
export function variantPath(storageKey: string, width: number, format: VariantFormat): string {
  return `/media/v/${width}/${format}/${storageKey}`;
}

/** A LIKE pattern matching `text` anywhere, with % _ and the escape character itself escaped (use with `escape '\'`). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

export interface MediaCursor {
  createdAt: string;
  id: number;
}

export function encodeCursor(c: MediaCursor): string {
  return Buffer.from(`${c.createdAt}|${c.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): MediaCursor | undefined {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)\|(\d{1,10})$/.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  return { createdAt: match[1], id: Number(match[2]) };
}

/** Trim a file name to something safe to show and store: no path, no control characters. */
export function cleanOriginalName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, TEXT_LIMITS.originalName);
}
