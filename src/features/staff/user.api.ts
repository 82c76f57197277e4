/** /api/admin/users: staff accounts (permission users:manage, administrators only). */
import type { FastifyInstance } from 'fastify';
import { IdParams, errorResponses, type Static } from '../../lib/schema.js';
import { StaffUserResponse, UserCreateBody, UserList, UserPatchBody, staffUserResponse } from './staff.schemas.js';
import type { UserService } from './user.service.js';

type IdRoute = { Params: Static<typeof IdParams> };

export function registerUserRoutes(app: FastifyInstance, deps: { users: UserService }): void {
  const tags = ['users'];
  const config = { permission: 'users:manage' } as const;
  app.get('/users', { config, schema: { tags, summary: 'Staff accounts', response: { 200: UserList } } }, async () => ({
    items: (await deps.users.list()).map(staffUserResponse),
  }));
  app.get<IdRoute>(
    '/users/:id',
    { config, schema: { tags, summary: 'One staff account', params: IdParams, response: { 200: StaffUserResponse, ...errorResponses(400, 404) } } },
    async (req) => staffUserResponse(await deps.users.get(req.params.id)),
  );
  app.post<{ Body: Static<typeof UserCreateBody> }>(
    '/users',
    {
      config,
      schema: { tags, summary: 'Create a staff account', body: UserCreateBody, response: { 201: StaffUserResponse, ...errorResponses(400, 409) } },
    },
    async (req, reply) => reply.code(201).send(staffUserResponse(await deps.users.create(req.body))),
  );
  app.patch<IdRoute & { Body: Static<typeof UserPatchBody> }>(
    '/users/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Rename, change role, deactivate or set a new password (their sessions end)',
        params: IdParams,
        body: UserPatchBody,
        response: { 200: StaffUserResponse, ...errorResponses(400, 404, 409) },
      },
    },
    async (req) => {
      const actorSession = req.principal?.kind === 'session' ? req.principal.id : undefined;
      return staffUserResponse(await deps.users.update(req.params.id, req.body, actorSession));
    },
  );
}
