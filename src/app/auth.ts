/**
 * The one permission mechanism for staff routes. Every route registered in
 * the admin scope must declare `config.permission`; registering one without
 * it fails at start-up, so no staff route can ship unprotected.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PERMISSIONS, roleHas, type Permission, type Principal, type TokenService } from '../features/staff/index.js';
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

export function installStaffAuth(scope: FastifyInstance, deps: { tokens: TokenService }): void {
  scope.decorateRequest('principal', undefined);

  scope.addHook('onRoute', (route) => {
    const permission = (route.config as { permission?: unknown } | undefined)?.permission;
    if (typeof permission !== 'string' || !(PERMISSIONS as readonly string[]).includes(permission)) {
      throw new Error(`Staff route ${String(route.method)} ${route.url} must declare config.permission`);
    }
  });

  scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('cache-control', 'no-store');
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) {
      return sendError(reply, 401, 'AUTH_REQUIRED', 'Sign in or send an API token: "Authorization: Bearer <token>".');
    }
    const principal = await deps.tokens.authenticate(match[1]);
    if (!principal) return sendError(reply, 401, 'AUTH_INVALID', 'This API token is unknown or has been revoked.');
    request.principal = principal;
    // An unknown staff URL is answered by the not-found handler (404) once the caller is known.
    if (request.is404) return;
    const permission = request.routeOptions.config.permission;
    if (!permission || !roleHas(principal.role, permission)) {
      return sendError(reply, 403, 'PERMISSION_DENIED', `Your role (${principal.role}) may not do this (needs ${permission ?? 'a permission'}).`);
    }
  });
}
