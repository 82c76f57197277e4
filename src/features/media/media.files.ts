/**
 * Public media files at the server root:
 *   GET /media/<key>                        a stored file (cleaned original or cached variant)
 *   GET /media/v/<width>/<format>/<key>     a resized copy of the original <key>, rendered on first request
 * Keys are unique and files never change, so answers are cacheable forever.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../lib/errors.js';
import { Type } from '../../lib/schema.js';
import { VARIANT_FORMATS, VARIANT_WIDTHS, mimeOfKey } from './media.js';
import type { MediaService } from './media.service.js';
import { isMediaKey, type MediaStore } from './media.store.js';

export const MEDIA_CACHE_CONTROL = 'public, max-age=31536000, immutable';

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

async function sendStored(store: MediaStore, key: string, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const mime = mimeOfKey(key);
  const size = await store.size(key);
  if (!mime || size === undefined) throw noSuchFile();
  const etag = etagOf(key);
  reply
    .header('content-type', mime)
    .header('cache-control', MEDIA_CACHE_CONTROL)
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
