/** /api/admin/account: a signed-in person's own sessions and password (permission account:self, every role). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, errorResponses, type Static } from '../../lib/schema.js';
import { callerOf } from './auth.api.js';
import type { LoginService } from './login.service.js';
import { sessionRequired, type SessionService } from './session.service.js';
import { PasswordChangeBody, SessionIdParams, SessionList, sessionItem } from './staff.schemas.js';

/** The person behind the request; API tokens have no account. */
function me(request: FastifyRequest): { userId: number; sessionId: number } {
  const p = request.principal;
  if (p?.kind !== 'session' || p.userId === null) throw sessionRequired();
  return { userId: p.userId, sessionId: p.id };
}

export function registerAccountRoutes(app: FastifyInstance, deps: { sessions: SessionService; login: LoginService }): void {
  const tags = ['account'];
  app.get(
    '/account/sessions',
    {
      config: { permission: 'account:self' },
      schema: { tags, summary: 'Your signed-in sessions, most recently used first', response: { 200: SessionList, ...errorResponses(403) } },
    },
    async (req) => {
      const { userId, sessionId } = me(req);
      return { items: (await deps.sessions.list(userId)).map((s) => sessionItem(s, sessionId)) };
    },
  );
  app.delete<{ Params: Static<typeof SessionIdParams> }>(
    '/account/sessions/:id',
    {
      config: { permission: 'account:self' },
      schema: { tags, summary: 'Sign out one of your sessions', params: SessionIdParams, response: { 204: Type.Null(), ...errorResponses(400, 403, 404) } },
    },
    async (req, reply) => {
      await deps.sessions.revokeOwn(me(req).userId, req.params.id);
      return reply.code(204).send();
    },
  );
  app.post<{ Body: Static<typeof PasswordChangeBody> }>(
    '/account/password',
    {
      config: { permission: 'account:self' },
      schema: {
        tags,
        summary: 'Change your password; your other sessions are signed out',
        body: PasswordChangeBody,
        response: { 204: Type.Null(), ...errorResponses(400, 403, 429) },
      },
    },
    async (req, reply) => {
      await deps.login.changePassword({ ...me(req), ...req.body, ip: callerOf(req).ip });
      return reply.code(204).send();
    },
  );
}
