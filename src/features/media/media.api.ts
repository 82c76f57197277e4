/** Staff routes of the media library (/api/admin/media): upload raw image bytes, list, search, edit, delete. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../../lib/errors.js';
import { IdParams, Text, Timestamp, Type, errorResponses, type Static } from '../../lib/schema.js';
import { MAX_UPLOAD_BYTES, TEXT_LIMITS, type MediaAsset } from './media.js';
import type { MediaService } from './media.service.js';

export const MediaAssetResponse = Type.Object({
  id: Type.Integer(),
  url: Type.String({ description: 'path of the cleaned original, e.g. /media/2026/11/3f9a2c81d0e4a7b6.jpg' }),
  storageKey: Type.String(),
  originalName: Type.String(),
  mimeType: Type.String(),
  byteSize: Type.Integer(),
  width: Type.Integer(),
  height: Type.Integer(),
  sha256: Type.String(),
  caption: Type.String(),
  credit: Type.String(),
  altText: Type.String(),
  focalX: Type.Number(),
  focalY: Type.Number(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

/** Explicit allowlist of what leaves the server. */
export function mediaResponse(media: MediaService, a: MediaAsset): Static<typeof MediaAssetResponse> {
  return {
    id: a.id,
    url: media.url(a),
    storageKey: a.storageKey,
    originalName: a.originalName,
    mimeType: a.mimeType,
    byteSize: a.byteSize,
    width: a.width,
    height: a.height,
    sha256: a.sha256,
    caption: a.caption,
    credit: a.credit,
    altText: a.altText,
    focalX: a.focalX,
    focalY: a.focalY,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

const UploadQuery = Type.Object(
  {
    filename: Type.Optional(Text(TEXT_LIMITS.originalName)),
    caption: Type.Optional(Text(TEXT_LIMITS.caption)),
    credit: Type.Optional(Text(TEXT_LIMITS.credit)),
    alt: Type.Optional(Text(TEXT_LIMITS.altText)),
  },
  { additionalProperties: false },
);

const ListQuery = Type.Object(
  {
    q: Type.Optional(Text(200)),
    cursor: Type.Optional(Text(200)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

const MediaPatchBody = Type.Object(
  {
    caption: Type.Optional(Text(TEXT_LIMITS.caption)),
    credit: Type.Optional(Text(TEXT_LIMITS.credit)),
    altText: Type.Optional(Text(TEXT_LIMITS.altText)),
    focalX: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    focalY: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

const MediaPage = Type.Object({ items: Type.Array(MediaAssetResponse), nextCursor: Type.Union([Type.String(), Type.Null()]) });

const notAnImageBody = (): AppError =>
  new AppError(
    'unsupported',
    'MEDIA_UNSUPPORTED',
    'Send the image itself as the request body, with Content-Type image/jpeg, image/png, image/webp, image/avif, image/gif or application/octet-stream.',
    'file',
  );

export function registerMediaAdminRoutes(admin: FastifyInstance, deps: { media: MediaService }): void {
  const { media } = deps;
  const tags = ['media'];
  const toResponse = (a: MediaAsset) => mediaResponse(media, a);

  // Its own scope, so the raw-bytes body parsers apply to these routes only.
  void admin.register((scope, _opts, done) => {
    // The content type is only a transport hint: what the file is gets decided from its bytes.
    const raw = (_req: unknown, body: string | Buffer, done: (err: null, body: Buffer) => void): void => done(null, typeof body === 'string' ? Buffer.from(body) : body);
    scope.addContentTypeParser(/^image\/[\w.+-]+$/i, { parseAs: 'buffer' }, raw);
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, raw);

    scope.post<{ Querystring: Static<typeof UploadQuery> }>(
      '/media',
      {
        config: { permission: 'media:write' },
        // One byte over the limit reaches the service, which refuses it with MEDIA_TOO_LARGE.
        bodyLimit: MAX_UPLOAD_BYTES + 1,
        errorHandler: (error: FastifyError) => {
          if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
            throw new AppError('too_large', 'MEDIA_TOO_LARGE', `Images may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`, 'file');
          }
          throw error;
        },
        schema: {
          tags,
          summary: 'Upload an image (raw bytes as the body; metadata in the query string)',
          querystring: UploadQuery,
          response: { 201: MediaAssetResponse, ...errorResponses(400, 413, 415, 422) },
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body)) throw notAnImageBody();
        const asset = await media.upload({
          data: req.body,
          originalName: req.query.filename,
          caption: req.query.caption,
          credit: req.query.credit,
          altText: req.query.alt,
        });
        return reply.code(201).send(toResponse(asset));
      },
    );
    done();
  });

  admin.get<{ Querystring: Static<typeof ListQuery> }>(
    '/media',
    {
      config: { permission: 'content:read' },
      schema: { tags, summary: 'The media library, newest first; q searches caption, credit, alt text and file name', querystring: ListQuery, response: { 200: MediaPage, ...errorResponses(400) } },
    },
    async (req) => {
      const page = await media.list({ q: req.query.q, cursor: req.query.cursor, limit: req.query.limit });
      return { items: page.items.map(toResponse), nextCursor: page.nextCursor };
    },
  );

  admin.get<{ Params: Static<typeof IdParams> }>(
    '/media/:id',
    { config: { permission: 'content:read' }, schema: { tags, summary: 'One media item', params: IdParams, response: { 200: MediaAssetResponse, ...errorResponses(400, 404) } } },
    async (req) => toResponse(await media.get(req.params.id)),
  );

  admin.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof MediaPatchBody> }>(
    '/media/:id',
    {
      config: { permission: 'media:write' },
      schema: { tags, summary: 'Change caption, credit, alt text or focal point', params: IdParams, body: MediaPatchBody, response: { 200: MediaAssetResponse, ...errorResponses(400, 404, 422) } },
    },
    async (req) => toResponse(await media.update(req.params.id, req.body)),
  );

  admin.delete<{ Params: Static<typeof IdParams> }>(
    '/media/:id',
    {
      config: { permission: 'media:write' },
      schema: { tags, summary: 'Delete an unused media item and its files', params: IdParams, response: { 204: Type.Null(), ...errorResponses(400, 404, 409) } },
    },
    async (req, reply) => {
      await media.remove(req.params.id);
      return reply.code(204).send();
    },
  );
}
