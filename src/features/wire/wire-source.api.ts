/**
 * Wire-source routes: staff CRUD under /api/admin/wire/sources (permission
 * wire:manage), and the agencies' push endpoint POST /api/wire/push/:sourceId,
 * which has no session: the body's HMAC signature is its authentication.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { IdParams, Type, errorResponses, type Static } from '../../lib/schema.js';
import { AppError } from '../../lib/errors.js';
import type { Clock } from '../../lib/clock.js';
import type { IngestFileResult, WireIngestSource } from './wire.js';
import type { WireSource, WireSourceView } from './wire-source.js';
import type { WireRunReport, WireSourceService } from './wire-source.service.js';
import { FILENAME_HEADER, SIGNATURE_HEADER, pushFilename, signatureInvalid, signatureMatches, wireTooLarge } from './wire.push.js';
import {
  IngestFileResponse,
  PushParams,
  WireRunResponse,
  WireSecretResponse,
  WireSourceCreate,
  WireSourceList,
  WireSourcePatch,
  WireSourceResponse,
  type WireSourceCreateBody,
  type WireSourcePatchBody,
} from './wire-source.schemas.js';

/** Explicit allowlist of what leaves the server (the secret never does). */
export function wireSourceResponse(s: WireSourceView): Static<typeof WireSourceResponse> {
  return {
    id: s.id,
    name: s.name,
    agency: s.agency,
    credit: s.credit,
    kind: s.kind,
    folderPath: s.folderPath,
    feedUrl: s.feedUrl,
    pollIntervalSeconds: s.pollIntervalSeconds,
    enabled: s.enabled,
    rules: s.rules.map((r) => ({ subjects: r.subjects, maxUrgency: r.maxUrgency, sectionId: r.sectionId, action: r.action })),
    autoApplyUpdates: s.autoApplyUpdates,
    pushUrl: s.pushUrl,
    hasSecret: s.hasSecret,
    status: { lastRunAt: s.status.lastRunAt, nextRunAt: s.status.nextRunAt, failures: s.status.failures, lastError: s.status.lastError },
  };
}

export function ingestFileResponse(r: IngestFileResult): Static<typeof IngestFileResponse> {
  return {
    status: r.status,
    filename: r.filename,
    items: r.items.map((i) => ({ guid: i.guid, version: i.version, wireItemId: i.wireItemId, outcome: i.outcome })),
    refusal: r.refusal ? { code: r.refusal.code, message: r.refusal.message } : null,
  };
}

function runResponse(r: WireRunReport): Static<typeof WireRunResponse> {
  return { sourceId: r.sourceId, outcome: r.outcome, files: r.files.map(ingestFileResponse), error: r.error };
}

type IdRoute = { Params: Static<typeof IdParams> };

export function registerWireSourceAdminRoutes(app: FastifyInstance, deps: { wireSources: WireSourceService }): void {
  const tags = ['wire'];
  const permission = 'wire:manage' as const;
  const s = deps.wireSources;
  app.get(
    '/wire/sources',
    { config: { permission }, schema: { tags, summary: 'List wire sources', response: { 200: WireSourceList } } },
    async () => ({ items: (await s.list()).map(wireSourceResponse) }),
  );
  app.post<{ Body: WireSourceCreateBody }>(
    '/wire/sources',
    {
      config: { permission },
      schema: { tags, summary: 'Add a wire source (drop folder, feed poll or push)', body: WireSourceCreate, response: { 201: WireSourceResponse, ...errorResponses(400, 409) } },
    },
    async (req, reply) => reply.code(201).send(wireSourceResponse(await s.create(req.body))),
  );
  app.get<IdRoute>(
    '/wire/sources/:id',
    { config: { permission }, schema: { tags, summary: 'One wire source', params: IdParams, response: { 200: WireSourceResponse, ...errorResponses(400, 404) } } },
    async (req) => wireSourceResponse(await s.get(req.params.id)),
  );
  app.patch<IdRoute & { Body: WireSourcePatchBody }>(
    '/wire/sources/:id',
    {
      config: { permission },
      schema: { tags, summary: 'Change a wire source', params: IdParams, body: WireSourcePatch, response: { 200: WireSourceResponse, ...errorResponses(400, 404, 409) } },
    },
    async (req) => wireSourceResponse(await s.update(req.params.id, req.body)),
  );
  app.delete<IdRoute>(
    '/wire/sources/:id',
    {
      config: { permission },
      schema: { tags, summary: 'Remove a wire source (its items stay on the desk)', params: IdParams, response: { 204: Type.Null(), ...errorResponses(400, 404) } },
    },
    async (req, reply) => {
      await s.remove(req.params.id);
      return reply.code(204).send();
    },
  );
  app.post<IdRoute>(
    '/wire/sources/:id/secret',
    {
      config: { permission },
      schema: { tags, summary: 'Make a new push secret (shown this once; the old one stops working)', params: IdParams, response: { 200: WireSecretResponse, ...errorResponses(400, 404, 422) } },
    },
    async (req) => s.rotateSecret(req.params.id),
  );
  app.post<IdRoute>(
    '/wire/sources/:id/run',
    {
      config: { permission },
      schema: { tags, summary: 'Scan the folder or poll the feed now', params: IdParams, response: { 200: WireRunResponse, ...errorResponses(400, 404, 422) } },
    },
    async (req) => runResponse(await s.runNow(req.params.id)),
  );
}

export interface WirePushDeps {
  wireSources: Pick<WireSourceService, 'pushSource'>;
  wire: { ingestFile(bytes: Buffer, ctx: { source: WireIngestSource | null; filename: string }): Promise<IngestFileResult> };
  clock: Clock;
  maxFileBytes: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    wireSource: WireSource | undefined;
  }
}

/**
 * POST /api/wire/push/:sourceId in a scope of its own: any content type is
 * kept as the raw bytes (the signature covers exactly them), up to the
 * configured wire-file size.
 */
export function registerWirePushRoutes(server: FastifyInstance, deps: WirePushDeps): void {
  void server.register(
    async (scope) => {
      scope.decorateRequest('wireSource', undefined);
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: deps.maxFileBytes }, (_req, body: Buffer, done) => done(null, body));
      scope.setErrorHandler((err: FastifyError) => {
        // Handled here so the agency sees the wire code; everything else goes to the app's handler.
        if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw wireTooLarge(deps.maxFileBytes);
        throw err;
      });
      scope.post<{ Params: Static<typeof PushParams>; Body: Buffer | undefined }>(
        '/push/:sourceId',
        {
          bodyLimit: deps.maxFileBytes,
          // Unknown or disabled source: refused before the body is read.
          onRequest: async (req) => {
            const id = Number((req.params as Record<string, unknown>)['sourceId']);
            if (!Number.isInteger(id) || id < 1) throw new AppError('not_found', 'WIRE_SOURCE_NOT_FOUND', 'There is no such push source.');
            req.wireSource = await deps.wireSources.pushSource(id);
          },
          schema: {
            tags: ['wire'],
            summary: 'An agency pushes one wire file (signed with the source’s secret)',
            description: `Authenticated by the ${SIGNATURE_HEADER} header: "sha256=" + hex HMAC-SHA256 of the raw body with the source's secret. Any content type; the body is the wire file. Optional ${FILENAME_HEADER} names it. A refused file is answered 422 (413 when too large) with the refusal's code.`,
            params: PushParams,
            response: { 202: IngestFileResponse, ...errorResponses(401, 404, 413, 422) },
          },
        },
        async (req, reply) => {
          const source = req.wireSource;
          if (!source) throw new AppError('not_found', 'WIRE_SOURCE_NOT_FOUND', 'There is no such push source.');
          const body = req.body ?? Buffer.alloc(0);
          if (!signatureMatches(source.pushSecret, body, req.headers[SIGNATURE_HEADER])) throw signatureInvalid();
          const filename = pushFilename(req.headers[FILENAME_HEADER], req.headers['content-type'], deps.clock.now());
          const result = await deps.wire.ingestFile(body, { source, filename });
          if (result.status === 'refused') {
            const code = result.refusal?.code ?? 'WIRE_REFUSED';
            throw new AppError(code === 'WIRE_TOO_LARGE' ? 'too_large' : 'unprocessable', code, result.refusal?.message ?? 'The file was refused.');
          }
          return reply.code(202).header('cache-control', 'no-store').send(ingestFileResponse(result));
        },
      );
    },
    { prefix: '/api/wire' },
  );
}
