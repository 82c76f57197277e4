/**
 * Reader-facing ad endpoints at the server root, never cached by anyone:
 *   POST /ads/fill     the ads for the slots of one page view (sets the dl_ad reader cookie)
 *   POST /ads/beacon   a viewable impression (sendBeacon: JSON or text/plain) → 204
 *   GET  /ads/click    the signed click redirect → 302 to the creative's stored URL
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import secureJson from 'secure-json-parse';
import { invalid, isAppError } from '../../lib/errors.js';
import { html } from '../../lib/html.js';
import { errorResponses, type Static } from '../../lib/schema.js';
import { BeaconBody, ClickQuery, FillBody, FillResponse } from './ad.schemas.js';
import { READER_COOKIE, isReaderId, newReaderId, type AdsService } from './ad.service.js';

const NO_STORE = 'no-store';
const READER_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

function readerCookie(req: FastifyRequest): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === READER_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return isReaderId(value) ? value : undefined;
    }
  }
  return undefined;
}

function userAgent(req: FastifyRequest): string | undefined {
  const ua = req.headers['user-agent'];
  return typeof ua === 'string' ? ua : undefined;
}

/** Malformed fill requests answer AD_REQUEST_INVALID naming the field, whatever part of the edge noticed. */
function fillErrors(error: FastifyError & { field?: string }): never {
  if (isAppError(error)) throw error;
  if (error.validation) throw invalid('AD_REQUEST_INVALID', error.message, error.field === 'body' ? undefined : error.field);
  if ((error.statusCode ?? 500) < 500) throw invalid('AD_REQUEST_INVALID', 'Send the page and its slots as JSON.', 'body');
  throw error;
}

function clickErrorPage(reply: FastifyReply, status: number): FastifyReply {
  const page = html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>This ad link has expired</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}a{color:#0b57d0}</style></head>
<body><h1>This ad link has expired</h1><p>The advertisement you clicked is no longer available, or the link was not complete.</p><p><a href="/">Go to the front page</a></p></body></html>`;
  return reply.code(status).header('cache-control', NO_STORE).header('x-content-type-options', 'nosniff').type('text/html; charset=utf-8').send(page.toString());
}

export function registerAdPublicRoutes(server: FastifyInstance, deps: { ads: AdsService; secureCookies: boolean }): void {
  const { ads } = deps;
  const tags = ['ads'];

  void server.register((scope, _opts, done) => {
    // sendBeacon posts a string body as text/plain; it is parsed as JSON, strictly, like any JSON body.
    scope.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, parsed) => {
      try {
        parsed(null, secureJson.parse(body, undefined, { protoAction: 'error', constructorAction: 'error' }));
      } catch {
        parsed(Object.assign(new Error('The beacon is not valid JSON.'), { statusCode: 400, code: 'INVALID_JSON' }), undefined);
      }
    });
    scope.addHook('onSend', async (_req, reply, payload) => {
      reply.header('cache-control', NO_STORE);
      return payload;
    });

    scope.post<{ Body: Static<typeof FillBody> }>(
      '/ads/fill',
      {
        bodyLimit: 16 * 1024,
        errorHandler: fillErrors,
        schema: { tags, summary: 'The ads for the slots of one page view', body: FillBody, response: { 200: FillResponse, ...errorResponses(400) } },
      },
      async (req, reply) => {
        let readerId = readerCookie(req);
        if (!readerId) {
          readerId = newReaderId();
          reply.header(
            'set-cookie',
            [`${READER_COOKIE}=${readerId}`, 'Path=/', `Max-Age=${READER_COOKIE_MAX_AGE}`, 'SameSite=Lax', 'HttpOnly', ...(deps.secureCookies ? ['Secure'] : [])].join('; '),
          );
        }
        return { ads: await ads.fill(req.body, { readerId, userAgent: userAgent(req) }) };
      },
    );

    scope.post<{ Body: Static<typeof BeaconBody> }>(
      '/ads/beacon',
      {
        bodyLimit: 4096,
        schema: { tags, summary: 'A viewable impression (≥ 50 % in view for ≥ 1 s); counted once per serve token', body: BeaconBody, response: { ...errorResponses(400, 429) } },
      },
      async (req, reply) => {
        await ads.beacon(req.body, { address: req.ip, readerId: readerCookie(req), userAgent: userAgent(req) });
        return reply.code(204).send();
      },
    );

    scope.get<{ Querystring: Static<typeof ClickQuery> }>(
      '/ads/click',
      {
        // A HEAD (link checkers, previews) must not count as a click.
        exposeHeadRoute: false,
        errorHandler: (error: FastifyError, _req, reply) => {
          if (isAppError(error) && error.kind !== 'invalid' && error.kind !== 'not_found') throw error;
          if (!isAppError(error) && !error.validation) throw error;
          void clickErrorPage(reply, 400);
        },
        schema: { tags, summary: 'The click-through: 302 to the creative’s stored URL, counted once per serve token', querystring: ClickQuery },
      },
      async (req, reply) => {
        const url = await ads.click(req.query.t, { address: req.ip, readerId: readerCookie(req), userAgent: userAgent(req) });
        // The token stays ours: the advertiser sees where the reader came from, not the token.
        return reply.code(302).header('location', url).header('referrer-policy', 'origin').send();
      },
    );
    done();
  });
}
