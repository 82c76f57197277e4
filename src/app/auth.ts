/**
 * The one permission mechanism for staff routes. Every route registered in
 * the admin scope must declare `config.permission`; registering one without
 * it fails at start-up, so no staff route can ship unprotected.
 *
 * A caller is either a machine with `Authorization: Bearer <api token>` or a
 * person with the `dl_session` cookie. Browsers attach cookies to any request,
 * including ones a hostile page starts, so a cookie-authenticated write must
 * also carry the session's CSRF token in `x-csrf-token`; a bearer token is
 * never sent by a browser on its own and needs no such proof.
 *
 * This runs in onRequest, before the body is parsed or validated: a caller
 * without the permission learns nothing about what a valid body looks like.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  CSRF_HEADER,
  PERMISSIONS,
  clearedSessionCookie,
  csrfInvalid,
  csrfMatches,
  readSessionCookie,
  roleHas,
  type CookieOptions,
  type Permission,
  type Principal,
  type SessionService,
  type TokenService,
} from '../features/staff/index.js';
import { sendError } from './http.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every staff (admin) route. */
    permission?: Permission;
  }
  interface FastifyRequest {
    principal: Principal | undefined;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface StaffAuthDeps {
  tokens: TokenService;
  sessions: SessionService;
  cookie: CookieOptions;
}

export function installStaffAuth(scope: FastifyInstance, deps: StaffAuthDeps): void {
  scope.decorateRequest('principal', undefined);

  scope.addHook('onRoute', (route) => {
    const permission = (route.config as { permission?: unknown } | undefined)?.permission;
    if (typeof permission !== 'string' || !(PERMISSIONS as readonly string[]).includes(permission)) {
      throw new Error(`Staff route ${String(route.method)} ${route.url} must declare config.permission`);
    }
    // Published in the OpenAPI document, so API users (and the census test) see what each route needs.
    route.schema = { ...route.schema, 'x-permission': permission, security: [{ bearer: [] }, { session: [] }] } as typeof route.schema;
  });

  scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('cache-control', 'no-store');
    const principal = await authenticate(request, reply, deps);
    if (!principal) return reply; // an answer has been sent
    request.principal = principal;
    // An unknown staff URL is answered by the not-found handler (404) once the caller is known.
    if (request.is404) return;
    const permission = request.routeOptions.config.permission;
    if (!permission || !roleHas(principal.role, permission)) {
      return sendError(reply, 403, 'PERMISSION_DENIED', `Your role (${principal.role}) may not do this (needs ${permission ?? 'a permission'}).`);
    }
  });
}

/** The caller, or undefined after sending 401/403. */
async function authenticate(request: FastifyRequest, reply: FastifyReply, deps: StaffAuthDeps): Promise<Principal | undefined> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer !== undefined) {
    const principal = await deps.tokens.authenticate(bearer);
    if (!principal) sendError(reply, 401, 'AUTH_INVALID', 'This API token is unknown or has been revoked.');
    return principal;
  }
  const token = readSessionCookie(request.headers.cookie);
  if (token === undefined) {
    sendError(reply, 401, 'AUTH_REQUIRED', 'Sign in or send an API token: "Authorization: Bearer <token>".');
    return undefined;
  }
  const session = await deps.sessions.authenticate(token);
  if (!session) {
    reply.header('set-cookie', clearedSessionCookie(deps.cookie));
    sendError(reply, 401, 'AUTH_INVALID', 'Your session has ended. Sign in again.');
    return undefined;
  }
  if (!SAFE_METHODS.has(request.method) && !csrfMatches(token, request.headers[CSRF_HEADER])) {
    const refusal = csrfInvalid();
    sendError(reply, 403, refusal.code, refusal.message);
    return undefined;
  }
  return session.principal;
}
