import { createHash } from 'node:crypto';
import type { Db, Dialect } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import { noContentEvents, type ContentEvents } from '../../lib/events.js';
import { conflict, invalid, notFound, unprocessable } from '../../lib/errors.js';
import { cleanUpload, renderCrop, renderVariant } from './media.image.js';
import { CROP_RATIOS, cropKey, cropPath, cropRect, cropSize, isCropRatio, type CropRatio } from './media.crop.js';
import {
  FORMAT_INFO,
  TEXT_LIMITS,
  VARIANT_WIDTHS,
  VARIANT_FORMATS,
  cleanOriginalName,
  decodeCursor,
  effectiveVariantWidth,
  encodeCursor,
  isVariantFormat,
  isVariantWidth,
  srcsetWidths,
  toMediaAsset,
  variantHeight,
  variantKey,
  variantPath,
  type MediaAsset,
  type VariantFormat,
} from './media.js';
import * as q from './media.queries.js';
import { newMediaKey, type MediaStore } from './media.store.js';

export interface MediaUpload {
  data: Buffer;
  originalName?: string | undefined;
  caption?: string | undefined;
  credit?: string | undefined;
  altText?: string | undefined;
}

export interface MediaPatch {
  caption?: string;
  credit?: string;
  altText?: string;
  focalX?: number;
  focalY?: number;
}

export interface MediaVariant {
  /** Store key of the cached file. */
  key: string;
  width: number;
  height: number;
  format: VariantFormat;
  mimeType: string;
  /** True when this call rendered it; false when it came from the cache. */
  rendered: boolean;
}

/** A crop also names the asset it was cut from, for purging caches by `media:<id>`. */
export interface MediaCrop extends MediaVariant {
  ratio: CropRatio;
  assetId: number;
}

const DEFAULT_PAGE = 30;
const MAX_PAGE = 100;

function checkText(field: 'caption' | 'credit' | 'altText', value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text.length > TEXT_LIMITS[field]) {
    throw unprocessable('MEDIA_TEXT_TOO_LONG', `The ${field === 'altText' ? 'alt text' : field} may be at most ${TEXT_LIMITS[field]} characters.`, field);
  }
  return text;
}

function checkFocal(field: 'focalX' | 'focalY', value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw unprocessable('MEDIA_FOCAL_INVALID', 'A focal point is a fraction of the width or height, from 0 to 1.', field);
  }
  return value;
}

const missing = (id: number) => notFound('MEDIA_NOT_FOUND', `There is no media item ${id}.`, 'id');

export function createMediaService(deps: { db: Db; clock: Clock; mediaStore: MediaStore; dialect: Dialect; events?: ContentEvents }) {
  const { db, clock, mediaStore } = deps;
  const events = deps.events ?? noContentEvents;
  // Per-instance: two requests for the same variant at once render it once.
  const inFlight = new Map<string, Promise<boolean>>();

  async function get(id: number): Promise<MediaAsset> {
    const row = await q.findMediaRow(db, id);
    if (!row) throw missing(id);
    return toMediaAsset(row);
  }

  /** Renders a file once: from the store when cached, else via `render`; simultaneous callers share one render. */
  async function once<V extends Omit<MediaVariant, 'rendered'>>(asset: MediaAsset, v: V, render: (original: Buffer) => Promise<Buffer>): Promise<V & { rendered: boolean }> {
    const pending = inFlight.get(v.key);
    if (pending) {
      await pending;
      return { ...v, rendered: false };
    }
    // Registered synchronously, before any await, so a simultaneous request always finds it.
    const job = (async () => {
      if (await mediaStore.exists(v.key)) return false;
      const original = await mediaStore.get(asset.storageKey);
      if (!original) throw notFound('MEDIA_FILE_MISSING', `The file of media item ${asset.id} is missing from the media store.`, 'id');
      await mediaStore.put(v.key, await render(original));
      return true;
    })().finally(() => inFlight.delete(v.key));
    inFlight.set(v.key, job);
    return { ...v, rendered: await job };
  }

  function checkVariant(width: number, format: string): asserts format is VariantFormat {
    if (!isVariantWidth(width)) throw invalid('MEDIA_VARIANT_WIDTH', `Variant widths are ${VARIANT_WIDTHS.join(', ')}.`, 'width');
    if (!isVariantFormat(format)) throw invalid('MEDIA_VARIANT_FORMAT', `Variant formats are ${VARIANT_FORMATS.join(', ')}.`, 'format');
  }

  /** Store keys of every cached crop of an asset at its given focal point. */
  function cropKeys(asset: MediaAsset): string[] {
    const keys = new Set<string>();
    for (const ratio of CROP_RATIOS) {
      for (const w of VARIANT_WIDTHS) for (const f of VARIANT_FORMATS) keys.add(cropKey(asset.storageKey, ratio, cropSize(asset, ratio, w).width, f, asset));
    }
    return [...keys];
  }

  return {
    get,

    /** Waits for every variant render in progress: a stopping server calls it so no file is written after it stopped. */
    async settle(): Promise<void> {
      await Promise.allSettled([...inFlight.values()]);
    },

    /** The asset stored under a key (as in a /media/… URL), or undefined. */
    async findByKey(storageKey: string): Promise<MediaAsset | undefined> {
      const row = await q.findMediaRowByKey(db, storageKey);
      return row ? toMediaAsset(row) : undefined;
    },

    /** Batch lookup for pages and API answers; unknown ids are simply absent. */
    async findByIds(ids: readonly number[]): Promise<MediaAsset[]> {
      return (await q.findMediaRowsByIds(db, ids)).map(toMediaAsset);
    },

    async list(opts: { q?: string | undefined; cursor?: string | undefined; limit?: number | undefined } = {}): Promise<{ items: MediaAsset[]; nextCursor: string | null }> {
      const limit = Math.min(Math.max(Math.trunc(opts.limit ?? DEFAULT_PAGE), 1), MAX_PAGE);
      const after = opts.cursor === undefined ? undefined : decodeCursor(opts.cursor);
      if (opts.cursor !== undefined && !after) throw invalid('MEDIA_CURSOR_INVALID', 'This page cursor is not valid; start from the first page.', 'cursor');
      const rows = await q.listMediaRows(db, { q: opts.q?.trim(), ...(after && { after }), limit: limit + 1 });
      const items = rows.slice(0, limit).map(toMediaAsset);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null };
    },

    /**
     * Stores a new image. The file is checked by content, oriented and
     * stripped of metadata; caption, credit and alt text not given are
     * taken from the image's own IPTC/XMP when present.
     */
    async upload(input: MediaUpload): Promise<MediaAsset> {
      const caption = checkText('caption', input.caption);
      const credit = checkText('credit', input.credit);
      const altText = checkText('altText', input.altText);
      const image = await cleanUpload(input.data);
      const now = clock.now();
      const key = newMediaKey(now, FORMAT_INFO[image.format].ext);
      const sha256 = createHash('sha256').update(image.data).digest('hex');

      // File first, then the row: a crash in between leaves an orphan file (harmless), never a row without its file.
      await mediaStore.put(key, image.data);
      let id: number;
      try {
        id = await db.transaction().execute((trx) =>
          q.insertMedia(trx, {
            storage_key: key,
            original_name: cleanOriginalName(input.originalName),
            mime_type: FORMAT_INFO[image.format].mime,
            byte_size: image.data.length,
            width: image.width,
            height: image.height,
            sha256,
            caption: caption ?? (image.embedded.caption ?? '').slice(0, TEXT_LIMITS.caption),
            credit: credit ?? (image.embedded.credit ?? '').slice(0, TEXT_LIMITS.credit),
            alt_text: altText ?? (image.embedded.altText ?? '').slice(0, TEXT_LIMITS.altText),
            focal_x: 0.5,
            focal_y: 0.5,
            created_at: now.toISOString(),
            updated_at: now.toISOString(),
          }),
        );
      } catch (err) {
        // Report the insert's failure, not a cleanup problem; a file left behind is only an orphan.
        await mediaStore.remove(key).catch(() => undefined);
        throw err;
      }
      return get(id);
    },

    async update(id: number, patch: MediaPatch): Promise<MediaAsset> {
      const caption = checkText('caption', patch.caption);
      const credit = checkText('credit', patch.credit);
      const altText = checkText('altText', patch.altText);
      const focalX = checkFocal('focalX', patch.focalX);
      const focalY = checkFocal('focalY', patch.focalY);
      const before = await db.transaction().execute(async (trx) => {
        const row = await q.findMediaRow(trx, id);
        if (!row) throw missing(id);
        await q.updateMediaRow(trx, id, {
          ...(caption !== undefined && { caption }),
          ...(credit !== undefined && { credit }),
          ...(altText !== undefined && { alt_text: altText }),
          ...(focalX !== undefined && { focal_x: focalX }),
          ...(focalY !== undefined && { focal_y: focalY }),
          updated_at: clock.now().toISOString(),
        });
        return toMediaAsset(row);
      });
      // Caption, credit, alt text and crop show on every page using the image (they list media:<id>).
      events.emit({ keys: [`media:${id}`] });
      const after = await get(id);
      if (after.focalX !== before.focalX || after.focalY !== before.focalY) {
        // Crops cut around the old focal point are never asked for again; dropping them is housekeeping, not correctness.
        await Promise.allSettled(cropKeys(before).map((key) => mediaStore.remove(key)));
      }
      return after;
    },

    /** Deletes an unused asset, then its file and cached variants once the row is gone for good. */
    async remove(id: number): Promise<void> {
      const asset = await db.transaction().execute(async (trx) => {
        const row = await q.findMediaRow(trx, id);
        if (!row) throw missing(id);
        const use = await q.countMediaUse(trx, id);
        const total = use.featured + use.authors + use.bodies;
        if (total > 0) {
          throw conflict(
            'MEDIA_IN_USE',
            `This image is still used by ${use.featured + use.bodies} story(ies) and ${use.authors} author profile(s); replace it there first.`,
            'id',
          );
        }
        await q.deleteMediaRow(trx, id);
        return toMediaAsset(row);
      });
      events.emit({ keys: [`media:${id}`] });
      const widths = new Set(VARIANT_WIDTHS.map((w) => effectiveVariantWidth(asset, w)));
      const keys = [asset.storageKey, ...[...widths].flatMap((w) => VARIANT_FORMATS.map((f) => variantKey(asset.storageKey, w, f))), ...cropKeys(asset)];
      // The row is gone, so nothing links to these files any more; a failed delete only leaves an orphan for housekeeping.
      await Promise.allSettled(keys.map((key) => mediaStore.remove(key)));
    },

    /** Public path of the original file. */
    url(asset: Pick<MediaAsset, 'storageKey'>): string {
      return `/media/${asset.storageKey}`;
    },

    /** Public path of a resized copy (rendered on first request). */
    variantUrl(asset: Pick<MediaAsset, 'storageKey'>, width: number, format: VariantFormat): string {
      return variantPath(asset.storageKey, width, format);
    },

    /** A ready `srcset` value for <img>/<source>, e.g. "/media/v/320/webp/… 320w, …". */
    srcset(asset: Pick<MediaAsset, 'storageKey' | 'width'>, format: VariantFormat): string {
      return srcsetWidths(asset)
        .map((w) => `${variantPath(asset.storageKey, w, format)} ${effectiveVariantWidth(asset, w)}w`)
        .join(', ');
    },

    /** A resized copy at a ladder width (never upscaled), cached in the media store after the first request. */
    async variant(asset: MediaAsset, width: number, format: string): Promise<MediaVariant> {
      checkVariant(width, format);
      const w = effectiveVariantWidth(asset, width);
      const v = { key: variantKey(asset.storageKey, w, format), width: w, height: variantHeight(asset, w), format, mimeType: FORMAT_INFO[format].mime };
      return once(asset, v, (original) => renderVariant(original, v, format));
    },

    /** Public path of an aspect-ratio crop around the focal point (rendered on first request). */
    cropUrl(asset: Pick<MediaAsset, 'storageKey'>, ratio: CropRatio, width: number, format: VariantFormat): string {
      return cropPath(asset.storageKey, ratio, width, format);
    },

    /** A 16:9, 4:3 or 1:1 crop around the focal point at a ladder width (never upscaled), cached like a variant. */
    async crop(asset: MediaAsset, ratio: string, width: number, format: string): Promise<MediaCrop> {
      if (!isCropRatio(ratio)) throw invalid('MEDIA_CROP_RATIO', `Crop ratios are ${CROP_RATIOS.join(', ')}.`, 'ratio');
      checkVariant(width, format);
      const size = cropSize(asset, ratio, width);
      const v = { key: cropKey(asset.storageKey, ratio, size.width, format, asset), ...size, format, mimeType: FORMAT_INFO[format].mime, ratio, assetId: asset.id };
      return once(asset, v, (original) => renderCrop(original, cropRect(asset, ratio), size, format));
    },

    /** Bytes of a variant, rendering it first if needed: what a feed enclosure must declare as its length. */
    async variantWithSize(asset: MediaAsset, width: number, format: string): Promise<MediaVariant & { byteSize: number }> {
      const v = await this.variant(asset, width, format);
      const byteSize = await mediaStore.size(v.key);
      if (byteSize === undefined) throw notFound('MEDIA_FILE_MISSING', `The variant of media item ${asset.id} is missing from the media store.`, 'id');
      return { ...v, byteSize };
    },
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
