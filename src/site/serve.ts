/**
 * The one way a reader page leaves the server: status, HTML, cache headers,
 * ETag/304 and the Surrogate-Key header listing what the page depends on.
 *
 * Site routes call `cachedPage(request, reply, { query: ['page'] }, render)`:
 * with the page cache installed (installPageCache, from the composition
 * root) an anonymous GET/HEAD is answered from memory when it can be, and
 * `render` runs only on a miss; otherwise it renders every time and answers
 * through `sendPage`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_PAGE_TTL, pageCacheKey, pickEncoding, strongEtag, type CachedPage, type PageCache } from './page-cache.js';
import { SESSION_COOKIE } from '../features/staff/index.js';

export interface RenderedPage {
  status: number;
  html: string;
  /** Surrogate keys this page depends on (see src/lib/events.ts). */
  keys: readonly string[];
  /** Extra headers (e.g. content type for feeds). */
  contentType?: string;
  /** Seconds shared caches (and the page cache) may keep it; default DEFAULT_PAGE_TTL (60). */
  sMaxAge?: number;
  /** For redirects (301 to a story's canonical path). */
  location?: string;
}

/** What of a request, besides its path, makes a different page. */
export interface PageKeyParts {
  /** Query parameters the page reads (e.g. `page`, `q`); all others are ignored, and so share the cached page. */
  query?: readonly string[];
}

export interface PageServing {
  cache: PageCache;
  /**
   * Splits one URL into cached variants (e.g. by Accept-Language, once the
   * site speaks more than one). Default: one variant.
   */
  variant?: (request: FastifyRequest) => string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The reader page cache, or null when PAGE_CACHE is off. */
    pageServing: PageServing | null;
  }
}

const HTML = 'text/html; charset=utf-8';

export const PAGE_CACHE_CONTROL = (sMaxAge: number): string =>
  `public, max-age=60, s-maxage=${sMaxAge}, stale-while-revalidate=600, stale-if-error=86400`;

export function etagFor(body: string): string {
  return strongEtag(body);
}

/** Makes the page cache (or null: render every time) available to every reader route. Call once, on the root instance. */
export function installPageCache(server: FastifyInstance, serving: PageServing | null): void {
  server.decorate('pageServing', serving);
}

function cacheControl(status: number, sMaxAge: number): string {
  if (status === 200 || status === 301) return PAGE_CACHE_CONTROL(sMaxAge);
  if (status === 404 || status === 410) return 'public, max-age=60, s-maxage=60';
  return 'no-store';
}

function matches(request: FastifyRequest, etag: string): boolean {
  const inm = request.headers['if-none-match'];
  if (typeof inm !== 'string') return false;
  return inm === '*' || inm.split(/\s*,\s*/).some((t) => t === etag || t === `W/${etag}`);
}

/** Staff carry a token or a session cookie: their pages are never cached, nor kept by proxies. */
const STAFF_COOKIE = new RegExp(`(?:^|;)\\s*${SESSION_COOKIE}=`);

function isStaff(request: FastifyRequest): boolean {
  if (request.headers.authorization !== undefined) return true;
  const cookie = request.headers.cookie;
  return typeof cookie === 'string' && STAFF_COOKIE.test(cookie);
}

function commonHeaders(reply: FastifyReply, status: number, contentType: string, keys: readonly string[], sMaxAge: number): void {
  reply
    .code(status)
    .type(contentType)
    .header('surrogate-key', keys.join(' '))
    .header('vary', 'accept-encoding')
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', cacheControl(status, sMaxAge));
}

export async function sendPage(request: FastifyRequest, reply: FastifyReply, page: RenderedPage): Promise<FastifyReply> {
  return writePage(request, reply, page, false);
}

function writePage(request: FastifyRequest, reply: FastifyReply, page: RenderedPage, staff: boolean): FastifyReply {
  const etag = etagFor(page.html);
  commonHeaders(reply, page.status, page.contentType ?? HTML, page.keys, page.sMaxAge ?? DEFAULT_PAGE_TTL);
  reply.header('etag', etag);
  // A page rendered for staff may one day show what readers must not see: no shared cache keeps it.
  if (staff) reply.header('cache-control', 'private, no-store');
  if (page.location) reply.header('location', page.location);
  if (page.status === 200 && matches(request, etag)) return reply.code(304).send();
  return reply.send(page.html);
}

/** The fixed headers of a cache entry, built once per entry rather than once per hit. */
const entryHeaders = new WeakMap<CachedPage, Record<string, string>>();

function headersOf(page: CachedPage): Record<string, string> {
  let headers = entryHeaders.get(page);
  if (!headers) {
    headers = {
      'content-type': page.contentType,
      'surrogate-key': page.keys.join(' '),
      vary: 'accept-encoding',
      'x-content-type-options': 'nosniff',
      'cache-control': cacheControl(page.status, page.maxAgeSeconds),
      etag: page.etag,
      ...(page.location !== null && { location: page.location }),
    };
    entryHeaders.set(page, headers);
  }
  return headers;
}

/** Answers from a cache entry: 304 when the client has it, else the body in the best encoding it accepts. */
function sendCached(request: FastifyRequest, reply: FastifyReply, page: CachedPage, hit: boolean): FastifyReply {
  reply
    .code(page.status)
    .headers(headersOf(page))
    .header('x-cache', hit ? 'hit' : 'miss')
    .header('age', String(Math.max(0, Math.floor((Date.now() - page.createdAt) / 1000))));
  if (page.status === 200 && matches(request, page.etag)) return reply.code(304).send();
  const encoding = pickEncoding(request.headers['accept-encoding'], { br: page.br !== null, gzip: page.gzip !== null });
  if (encoding === 'br' && page.br) return reply.header('content-encoding', 'br').send(page.br);
  if (encoding === 'gzip' && page.gzip) return reply.header('content-encoding', 'gzip').send(page.gzip);
  return reply.send(page.body);
}

/**
 * A reader page through the page cache: `render` runs only when no fresh copy
 * is cached (and once for simultaneous misses). Staff requests, other
 * methods, and a server without the cache render every time.
 */
export async function cachedPage(
  request: FastifyRequest,
  reply: FastifyReply,
  keyParts: PageKeyParts,
  render: () => Promise<RenderedPage>,
): Promise<FastifyReply> {
  const serving = request.server.pageServing as PageServing | null | undefined;
  const staff = isStaff(request);
  if (!serving || staff || (request.method !== 'GET' && request.method !== 'HEAD')) {
    const page = await render();
    return writePage(request, reply.header('x-cache', 'miss'), page, staff);
  }
  const key = pageCacheKey(request.url, keyParts.query ?? [], serving.variant?.(request) ?? '');
  const { page, hit } = await serving.cache.load(key, async () => {
    const rendered = await render();
    return {
      status: rendered.status,
      body: rendered.html,
      contentType: rendered.contentType ?? HTML,
      keys: rendered.keys,
      maxAgeSeconds: rendered.sMaxAge ?? DEFAULT_PAGE_TTL,
      location: rendered.location,
    };
  });
  return sendCached(request, reply, page, hit);
}
