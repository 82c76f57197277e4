/**
 * /api/auth: sign in, sign out, who am I, and first-run setup. Not in the
 * admin scope (these are how one gets into it) and never cached. Sign-in and
 * setup refuse a request whose Origin or Referer names another site, so a
 * hostile page cannot sign a browser in to an account of its choosing.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.js';
import { Type, errorResponses, type Static } from '../../lib/schema.js';
import { LoginLockedError } from './login.js';
import type { LoginService, SignedIn } from './login.service.js';
import { ROLE_PERMISSIONS } from './permissions.js';
import { clearedSessionCookie, csrfMatches, readSessionCookie, sessionCookie, SESSION_MAX_MS, type CookieOptions } from './session.js';
import type { SessionService } from './session.service.js';
import type { SetupService } from './setup.service.js';
import { LoginBody, MeResponse, SetupBody, SignedInResponse, staffUserResponse } from './staff.schemas.js';

export interface AuthRouteDeps {
  login: LoginService;
  setup: SetupService;
  sessions: SessionService;
  /** The site's public origin; a sign-in from it is accepted even when a proxy rewrote Host. */
  publicUrl: string;
}

export const CSRF_HEADER = 'x-csrf-token';

export function cookieOptions(publicUrl: string): CookieOptions {
  return { secure: publicUrl.startsWith('https:') };
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' };

/** Host name and port of an absolute URL, the port spelled out even when it is the scheme's default. */
function hostAndPort(url: URL): { hostname: string; port: string } {
  return { hostname: url.hostname, port: url.port || (DEFAULT_PORTS[url.protocol] ?? '') };
}

/** True unless the request's Origin (or, lacking it, Referer) names a host other than this server's. */
export function fromOurOrigin(request: FastifyRequest, publicUrl: string): boolean {
  const claimed = request.headers.origin ?? request.headers.referer;
  if (claimed === undefined) return true; // not a browser form or fetch: scripts and curl send neither
  let origin: { hostname: string; port: string };
  try {
    origin = hostAndPort(new URL(claimed));
  } catch {
    return false; // includes Origin: null (sandboxed frames, file: pages)
  }
  const ours = hostAndPort(new URL(publicUrl));
  if (origin.hostname === ours.hostname && origin.port === ours.port) return true;
  // The Host header may leave out the port; then any port of the same host name is this server.
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(request.host);
  return m !== null && m[1]?.toLowerCase() === origin.hostname && (m[2] === undefined || m[2] === origin.port);
}

function refuseForeignOrigin(request: FastifyRequest, publicUrl: string): void {
  if (!fromOurOrigin(request, publicUrl)) {
    throw new AppError('forbidden', 'ORIGIN_REFUSED', 'This request came from another site and was refused.');
  }
}

export function callerOf(request: FastifyRequest): { ip: string; userAgent: string } {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' };
}

function signedIn(reply: FastifyReply, status: 200 | 201, s: SignedIn, cookie: CookieOptions): FastifyReply {
  return reply
    .code(status)
    .header('set-cookie', sessionCookie(s.token, SESSION_MAX_MS / 1000, cookie))
    .send({ user: staffUserResponse(s.user), csrfToken: s.csrfToken });
}

export function registerAuthRoutes(app: FastifyInstance, deps: AuthRouteDeps): void {
  const tags = ['auth'];
  const cookie = cookieOptions(deps.publicUrl);

  app.addHook('onRequest', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
  // Runs before the error handler writes the body, so a lockout carries Retry-After.
  app.addHook('onError', async (_request, reply, error) => {
    if (error instanceof LoginLockedError) reply.header('retry-after', String(error.retryAfterSeconds));
  });

  app.post<{ Body: Static<typeof LoginBody> }>(
    '/login',
    {
      schema: {
        tags,
        summary: 'Sign in with email and password; sets the dl_session cookie',
        body: LoginBody,
        response: { 200: SignedInResponse, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (req, reply) => {
      refuseForeignOrigin(req, deps.publicUrl);
      return signedIn(reply, 200, await deps.login.login({ ...req.body, ...callerOf(req) }), cookie);
    },
  );

  app.post(
    '/logout',
    { schema: { tags, summary: 'Sign out: ends this session and clears the cookie', response: { 204: Type.Null(), ...errorResponses(403) } } },
    async (req, reply) => {
      const token = readSessionCookie(req.headers.cookie);
      const current = token === undefined ? undefined : await deps.sessions.authenticate(token);
      if (token !== undefined && current !== undefined) {
        if (!csrfMatches(token, req.headers[CSRF_HEADER])) throw csrfInvalid();
        await deps.sessions.end(current.session.id);
      }
      return reply.code(204).header('set-cookie', clearedSessionCookie(cookie)).send();
    },
  );

  app.get(
    '/me',
    { schema: { tags, summary: 'The signed-in user, their CSRF token and permissions', response: { 200: MeResponse, ...errorResponses(401) } } },
    async (req, reply) => {
      const token = readSessionCookie(req.headers.cookie);
      const current = token === undefined ? undefined : await deps.sessions.authenticate(token);
      if (!current) {
        if (req.headers.cookie?.includes('dl_session=')) reply.header('set-cookie', clearedSessionCookie(cookie));
        throw new AppError('unauthenticated', 'AUTH_REQUIRED', 'You are not signed in.');
      }
      return { user: staffUserResponse(current.user), csrfToken: current.csrfToken, permissions: [...ROLE_PERMISSIONS[current.user.role]] };
    },
  );

  app.post<{ Body: Static<typeof SetupBody> }>(
    '/setup',
    {
      schema: {
        tags,
        summary: 'First run: create the first administrator with the one-time setup token',
        body: SetupBody,
        response: { 201: SignedInResponse, ...errorResponses(400, 403, 409) },
      },
    },
    async (req, reply) => {
      refuseForeignOrigin(req, deps.publicUrl);
      return signedIn(reply, 201, await deps.setup.complete({ ...req.body, ...callerOf(req) }), cookie);
    },
  );
}

export function csrfInvalid(): AppError {
  return new AppError('forbidden', 'CSRF_INVALID', 'This request needs the x-csrf-token header from your sign-in; reload the page and try again.');
}
