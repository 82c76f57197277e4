/**
 * Public media files at the server root:
 *   GET /media/<key>                        a stored file (cleaned original or cached variant)
 *   GET /media/v/<width>/<format>/<key>     a resized copy of the original <key>, rendered on first request
 *   GET /media/c/<ratio>/<width>/<format>/<key>  a 16x9, 4x3 or 1x1 crop around the focal point, rendered on first request
 * Keys are unique and files never change, so originals and variants are
 * cacheable forever. A crop's URL stays the same when the focal point moves,
 * so crops are cached for a day and carry `Surrogate-Key: media:<id>`.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../lib/errors.js';
import { Type } from '../../lib/schema.js';
import { VARIANT_FORMATS, VARIANT_WIDTHS, mimeOfKey } from './media.js';
import { CROP_RATIOS } from './media.crop.js';
import type { MediaService } from './media.service.js';
import { isMediaKey, type MediaStore } from './media.store.js';

export const MEDIA_CACHE_CONTROL = 'public, max-age=31536000, immutable';
export const CROP_CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800';

const noSuchFile = () => notFound('MEDIA_FILE_NOT_FOUND', 'There is no such media file.');

/** The key from a wildcard param, or undefined when it could name anything but a stored image. */
function keyFrom(raw: string | undefined): string | undefined {
  if (raw === undefined || !isMediaKey(raw) || !mimeOfKey(raw)) return undefined;
  return raw;
}

/** The content behind a key never changes, so a tag derived from the key is as strong as one from the bytes, and free. */
function etagOf(key: string): string {
  return `"${createHash('sha1').update(key).digest('base64url')}"`;
}

async function sendStored(
  store: MediaStore,
  key: string,
  request: FastifyRequest,
  reply: FastifyReply,
  cacheControl = MEDIA_CACHE_CONTROL,
): Promise<FastifyReply> {
  const mime = mimeOfKey(key);
  const size = await store.size(key);
  if (!mime || size === undefined) throw noSuchFile();
  const etag = etagOf(key);
  reply
    .header('content-type', mime)
    .header('cache-control', cacheControl)
    .header('etag', etag)
    .header('x-content-type-options', 'nosniff');
  const inm = request.headers['if-none-match'];
  if (typeof inm === 'string' && inm.split(/\s*,\s*/).some((t) => t === etag || t === `W/${etag}` || t === '*')) {
    return reply.code(304).send();
  }
  const stream = store.stream(key);
  if (!stream) throw noSuchFile();
  return reply.header('content-length', size).send(stream);
}

const VariantParams = Type.Object({
  width: Type.Integer({ minimum: 1, maximum: 100_000, description: `one of ${VARIANT_WIDTHS.join(', ')}` }),
  format: Type.String({ maxLength: 10, description: VARIANT_FORMATS.join(' | ') }),
  '*': Type.String({ maxLength: 200 }),
});

const CropParams = Type.Object({
  ratio: Type.String({ maxLength: 10, description: CROP_RATIOS.join(' | ') }),
  width: VariantParams.properties.width,
  format: VariantParams.properties.format,
  '*': VariantParams.properties['*'],
});

export function registerMediaFileRoutes(server: FastifyInstance, deps: { media: MediaService; mediaStore: MediaStore }): void {
  const { media, mediaStore } = deps;

  server.get<{ Params: { width: number; format: string; '*': string } }>(
    '/media/v/:width/:format/*',
    { schema: { tags: ['media files'], summary: 'A resized copy of an image (JPEG, WebP or AVIF), never wider than the original', params: VariantParams } },
    async (req, reply) => {
      const key = keyFrom(req.params['*']);
      if (!key || key.startsWith('variants/')) throw noSuchFile();
      const asset = await media.findByKey(key);
      if (!asset) throw noSuchFile();
      const variant = await media.variant(asset, req.params.width, req.params.format);
      return sendStored(mediaStore, variant.key, req, reply);
    },
  );

  server.get<{ Params: { ratio: string; width: number; format: string; '*': string } }>(
    '/media/c/:ratio/:width/:format/*',
    {
      schema: {
        tags: ['media files'],
        summary: 'A 16:9, 4:3 or 1:1 crop of an image around its focal point (JPEG, WebP or AVIF), never wider than the original',
        params: CropParams,
      },
    },
    async (req, reply) => {
      const key = keyFrom(req.params['*']);
      if (!key || key.startsWith('variants/')) throw noSuchFile();
      const asset = await media.findByKey(key);
      if (!asset) throw noSuchFile();
      const crop = await media.crop(asset, req.params.ratio, req.params.width, req.params.format);
      reply.header('surrogate-key', `media:${crop.assetId}`);
      return sendStored(mediaStore, crop.key, req, reply, CROP_CACHE_CONTROL);
    },
  );

  server.get<{ Params: { '*': string } }>(
    '/media/*',
    { schema: { tags: ['media files'], summary: 'A stored image file' } },
    async (req, reply) => {
      const key = keyFrom(req.params['*']);
      if (!key) throw noSuchFile();
      return sendStored(mediaStore, key, req, reply);
    },
  );
}
