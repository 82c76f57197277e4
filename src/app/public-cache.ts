/**
 * Cache headers for the public content API: shared caches may keep answers
 * for a few minutes and serve them stale while revalidating; every answer
 * carries a strong ETag so a client or proxy revalidates with a 304.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export const PUBLIC_API_CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400';

export function etagOf(payload: string | Buffer): string {
  return `"${createHash('sha1').update(payload).digest('base64url')}"`;
}

export function installPublicCaching(scope: FastifyInstance): void {
  scope.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
    if (reply.statusCode !== 200) {
      if (reply.statusCode === 404 || reply.statusCode === 410) reply.header('cache-control', 'public, max-age=30, s-maxage=60');
      return payload;
    }
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = etagOf(payload);
    reply.header('etag', etag);
    reply.header('cache-control', PUBLIC_API_CACHE_CONTROL);
    reply.header('vary', 'accept-encoding');
    const inm = request.headers['if-none-match'];
    if (typeof inm === 'string' && inm.split(/\s*,\s*/).some((t) => t === etag || t === `W/${etag}` || t === '*')) {
      reply.code(304);
      return '';
    }
    return payload;
  });
}
