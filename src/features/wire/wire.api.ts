/**
 * The wire desk's item routes under /api/admin (permission wire:read): the
 * inbox, one item, the diff of two versions, Use, apply an update, the
 * refusals log, the filter facets, and the live event stream (SSE).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.js';
import { IdParams, errorResponses, type Static } from '../../lib/schema.js';
import type { Actor } from '../articles/index.js';
import {
  ArticleIdResponse,
  DiffQuery,
  DiffResponse,
  FacetsResponse,
  RefusalsQuery,
  RefusalsResponse,
  UseConflict,
  WireItemDetailResponse,
  WireListQuery,
  WireListResponse,
  diffResponse,
  refusalResponse,
  wireItemDetailResponse,
  wireItemSummaryResponse,
} from './wire.schemas.js';
import type { WireService } from './wire.service.js';
import type { WireEvent } from './wire.js';

/** A comment line this often keeps proxies from closing an idle stream. */
export const SSE_HEARTBEAT_MS = 25_000;
/** Bytes a stream may have waiting for a slow reader before it is dropped. */
const SSE_MAX_BUFFER = 1024 * 1024;

function actorOf(req: FastifyRequest): Actor {
  const p = req.principal;
  if (!p) throw new AppError('unauthenticated', 'AUTH_REQUIRED', 'Sign in first.');
  return { userId: p.userId, name: p.name, role: p.role };
}

/** The event's data as sent: the same allowlists as the JSON routes. */
export function eventData(e: WireEvent): unknown {
  switch (e.type) {
    case 'item':
      return wireItemSummaryResponse(e.item);
    case 'refusal':
      return refusalResponse(e.refusal);
    case 'alert':
      return { message: e.message, wireItemId: e.wireItemId, articleId: e.articleId };
  }
}

type IdRoute = { Params: Static<typeof IdParams> };

export function registerWireItemRoutes(app: FastifyInstance, deps: { wire: WireService; heartbeatMs?: number }): void {
  const { wire } = deps;
  const tags = ['wire'];
  const config = { permission: 'wire:read' as const };

  app.get<{ Querystring: Static<typeof WireListQuery> }>(
    '/wire/items',
    { config, schema: { tags, summary: 'The wire inbox, newest first', querystring: WireListQuery, response: { 200: WireListResponse, ...errorResponses(400) } } },
    async (req) => {
      const page = await wire.list(req.query);
      return { items: page.items.map(wireItemSummaryResponse), nextCursor: page.nextCursor };
    },
  );
  app.get<IdRoute>(
    '/wire/items/:id',
    { config, schema: { tags, summary: 'One wire item with its versions and pictures', params: IdParams, response: { 200: WireItemDetailResponse, ...errorResponses(400, 404) } } },
    async (req) => wireItemDetailResponse(await wire.get(req.params.id)),
  );
  app.get<IdRoute & { Querystring: Static<typeof DiffQuery> }>(
    '/wire/items/:id/diff',
    {
      config,
      schema: { tags, summary: 'What changed between two versions', params: IdParams, querystring: DiffQuery, response: { 200: DiffResponse, ...errorResponses(400, 404) } },
    },
    async (req) => diffResponse(await wire.diff(req.params.id, req.query.from, req.query.to)),
  );
  app.post<IdRoute>(
    '/wire/items/:id/use',
    {
      config,
      schema: {
        tags,
        summary: 'Make a draft story from the item, linked to it (409 WIRE_ALREADY_USED with articleId when one exists)',
        params: IdParams,
        response: { 201: ArticleIdResponse, ...errorResponses(400, 404), 409: UseConflict },
      },
    },
    async (req, reply) => reply.code(201).send(await wire.use(req.params.id, actorOf(req))),
  );
  app.post<IdRoute>(
    '/wire/items/:id/apply-update',
    {
      config,
      schema: { tags, summary: "Copy the item's latest version into its story", params: IdParams, response: { 200: ArticleIdResponse, ...errorResponses(400, 403, 404, 409, 422) } },
    },
    async (req) => wire.applyUpdate(req.params.id, actorOf(req)),
  );
  app.get<{ Querystring: Static<typeof RefusalsQuery> }>(
    '/wire/refusals',
    { config, schema: { tags, summary: 'Files the ingest refused, newest first', querystring: RefusalsQuery, response: { 200: RefusalsResponse, ...errorResponses(400) } } },
    async (req) => ({ items: (await wire.refusals(req.query.limit)).map(refusalResponse) }),
  );
  app.get(
    '/wire/facets',
    { config, schema: { tags, summary: 'Agencies and subjects to filter the inbox by', response: { 200: FacetsResponse } } },
    async () => wire.facets(),
  );

  // Open event streams, ended when the server closes so shutdown never waits on a browser.
  const streams = new Set<() => void>();
  app.addHook('preClose', (done) => {
    for (const end of [...streams]) end();
    done();
  });
  app.get(
    '/wire/events',
    {
      config,
      schema: { tags, summary: 'Live desk events (text/event-stream): item, refusal, alert; a comment ping every 25 s' },
    },
    (_req, reply) => {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        // Tell nginx-style proxies not to buffer the stream.
        'x-accel-buffering': 'no',
      });
      res.write('retry: 5000\n: connected\n\n');
      let ended = false;
      const send = (text: string): void => {
        if (ended) return;
        // A browser that stopped reading is dropped (it reconnects and reloads) rather than buffered without end.
        if (res.writableLength > SSE_MAX_BUFFER) end();
        else res.write(text);
      };
      const unsubscribe = wire.subscribe((e) => send(`event: ${e.type}\ndata: ${JSON.stringify(eventData(e))}\n\n`));
      const ping = setInterval(() => send(': ping\n\n'), deps.heartbeatMs ?? SSE_HEARTBEAT_MS);
      const end = (): void => {
        if (ended) return;
        ended = true;
        clearInterval(ping);
        unsubscribe();
        streams.delete(end);
        if (!res.writableEnded) res.end();
      };
      streams.add(end);
      // The response closes when the browser goes away (the request's own 'close' fires too early to use).
      res.on('close', end);
      res.on('error', end);
    },
  );
}
