/**
 * Creatives: images uploaded and checked by content exactly like newsroom
 * images (the media feature's cleanUpload: signature, decode, pixel limit,
 * metadata stripped), stored in the media store under ads/…, and required to
 * be exactly their slot size; HTML creatives sanitised on the way in.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import { toIso } from '../../lib/clock.js';
import { AppError, invalid, notFound, unprocessable } from '../../lib/errors.js';
import { FORMAT_INFO, cleanUpload, type MediaStore } from '../media/index.js';
import { AD_LIMITS, isClickUrl, toAdCreative, type AdCreative } from './ad-campaign.js';
import { sanitizeCreativeHtml } from './ad-creative.js';
import * as q from './ad-campaign.queries.js';
import { campaignNotFound } from './ad-campaign.service.js';
import { AD_SIZES, isAdSize, sizeDimensions, type AdSize } from './ad.slots.js';

/** Creative images live in the media store under this prefix; they belong to advertising, not to the content archive. */
export const AD_MEDIA_PREFIX = 'ads/';

/** Ad images are small: 2 MB is generous for a 728×90 or 300×250. */
export const AD_IMAGE_MAX_BYTES = 2 * 1024 * 1024;

export interface CreativeCommon {
  name: string;
  size: string;
  clickUrl: string;
  altText?: string | undefined;
  active?: boolean | undefined;
}
export interface ImageCreativeInput extends CreativeCommon {
  data: Buffer;
}
export interface HtmlCreativeInput extends CreativeCommon {
  html: string;
}
export interface CreativePatch {
  name?: string;
  clickUrl?: string;
  altText?: string;
  active?: boolean;
  html?: string;
}

const creativeNotFound = (id: number) => notFound('AD_CREATIVE_NOT_FOUND', `There is no creative ${id}.`, 'id');

export const adImageTooLarge = () => new AppError('too_large', 'AD_CREATIVE_TOO_LARGE', `Ad images may be at most ${AD_IMAGE_MAX_BYTES / 1024 / 1024} MB.`, 'file');

function checkName(name: string): string {
  const clean = name.trim();
  if (clean === '' || clean.length > AD_LIMITS.name) throw invalid('AD_NAME_INVALID', `The name must have 1 to ${AD_LIMITS.name} characters.`, 'name');
  return clean;
}

function checkClickUrl(url: string): string {
  const clean = url.trim();
  if (!isClickUrl(clean)) throw invalid('AD_CLICK_URL_INVALID', 'The click-through URL must be an absolute http:// or https:// address.', 'clickUrl');
  return clean;
}

function checkSize(size: string): AdSize {
  if (!isAdSize(size)) throw invalid('AD_SIZE_INVALID', `Sizes are ${AD_SIZES.join(', ')}.`, 'size');
  return size;
}

function checkAlt(alt: string | undefined): string {
  const clean = (alt ?? '').trim();
  if (clean.length > AD_LIMITS.altText) throw invalid('AD_ALT_TEXT_INVALID', `Alt text may have at most ${AD_LIMITS.altText} characters.`, 'altText');
  return clean;
}

function checkHtml(html: string): string {
  if (html.length > AD_LIMITS.html) throw invalid('AD_HTML_INVALID', `HTML creatives may have at most ${AD_LIMITS.html} characters.`, 'html');
  const clean = sanitizeCreativeHtml(html);
  if (clean === '') throw invalid('AD_HTML_INVALID', 'Nothing of this HTML is allowed in a creative (no scripts, forms or event handlers; links and images http(s) only).', 'html');
  return clean;
}

export function createCreativeService(deps: { db: Db; clock: Clock; mediaStore: MediaStore; onChange?: () => void }) {
  const { db, clock, mediaStore } = deps;
  const changed = () => deps.onChange?.();

  async function get(id: number): Promise<AdCreative> {
    const row = await q.findCreativeRow(db, id);
    if (!row) throw creativeNotFound(id);
    return toAdCreative(row);
  }

  async function campaignMustExist(campaignId: number): Promise<void> {
    if (!(await q.findCampaignRow(db, campaignId))) throw campaignNotFound(campaignId);
  }

  return {
    get,

    async createImage(campaignId: number, input: ImageCreativeInput): Promise<AdCreative> {
      const name = checkName(input.name);
      const size = checkSize(input.size);
      const clickUrl = checkClickUrl(input.clickUrl);
      const altText = checkAlt(input.altText);
      if (altText === '') throw invalid('AD_ALT_TEXT_INVALID', 'Image creatives need alt text: what the ad says, for readers who cannot see it.', 'altText');
      await campaignMustExist(campaignId);
      if (input.data.length > AD_IMAGE_MAX_BYTES) throw adImageTooLarge();
      const image = await cleanUpload(input.data);
      const want = sizeDimensions(size);
      if (image.width !== want.width || image.height !== want.height) {
        throw unprocessable('AD_CREATIVE_SIZE_MISMATCH', `This image is ${image.width} × ${image.height} pixels; a ${size} creative must be exactly ${want.width} × ${want.height}.`, 'file');
      }
      const now = clock.now();
      const month = String(now.getUTCMonth() + 1).padStart(2, '0');
      const key = `${AD_MEDIA_PREFIX}${now.getUTCFullYear()}/${month}/${randomBytes(8).toString('hex')}.${FORMAT_INFO[image.format].ext}`;
      // File first, then the row: a crash between leaves an orphan file, never a row without its file.
      await mediaStore.put(key, image.data);
      const id = await db.transaction().execute((trx) =>
        q.insertCreative(trx, {
          campaign_id: campaignId,
          name,
          kind: 'image',
          size,
          storage_key: key,
          mime: FORMAT_INFO[image.format].mime,
          width: image.width,
          height: image.height,
          html: null,
          click_url: clickUrl,
          alt_text: altText,
          active: input.active === false ? 0 : 1,
          created_at: toIso(now),
        }),
      );
      changed();
      return get(id);
    },

    async createHtml(campaignId: number, input: HtmlCreativeInput): Promise<AdCreative> {
      const name = checkName(input.name);
      const size = checkSize(input.size);
      const clickUrl = checkClickUrl(input.clickUrl);
      const altText = checkAlt(input.altText);
      const html = checkHtml(input.html);
      await campaignMustExist(campaignId);
      const { width, height } = sizeDimensions(size);
      const id = await db.transaction().execute((trx) =>
        q.insertCreative(trx, {
          campaign_id: campaignId,
          name,
          kind: 'html',
          size,
          storage_key: null,
          mime: null,
          width,
          height,
          html,
          click_url: clickUrl,
          alt_text: altText,
          active: input.active === false ? 0 : 1,
          created_at: toIso(clock.now()),
        }),
      );
      changed();
      return get(id);
    },

    async update(id: number, patch: CreativePatch): Promise<AdCreative> {
      const current = await get(id);
      if (patch.html !== undefined && current.kind !== 'html') throw invalid('AD_HTML_INVALID', 'Only HTML creatives have HTML.', 'html');
      await db.transaction().execute((trx) =>
        q.updateCreativeRow(trx, id, {
          ...(patch.name !== undefined && { name: checkName(patch.name) }),
          ...(patch.clickUrl !== undefined && { click_url: checkClickUrl(patch.clickUrl) }),
          ...(patch.altText !== undefined && { alt_text: checkAlt(patch.altText) }),
          ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
          ...(patch.html !== undefined && { html: checkHtml(patch.html) }),
        }),
      );
      changed();
      return get(id);
    },

    async remove(id: number): Promise<void> {
      const current = await get(id);
      await db.transaction().execute((trx) => q.deleteCreativeRow(trx, id));
      changed();
      if (current.storageKey) await mediaStore.remove(current.storageKey).catch(() => undefined);
    },

    /** For the click redirect: the stored creative, or undefined. */
    async find(id: number): Promise<AdCreative | undefined> {
      const row = await q.findCreativeRow(db, id);
      return row ? toAdCreative(row) : undefined;
    },
  };
}

export type CreativeService = ReturnType<typeof createCreativeService>;
