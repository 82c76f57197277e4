/** Tag routes: public read-only (/api/v1/tags) and staff CRUD (/api/admin/tags). */
import type { FastifyInstance } from 'fastify';
import { IdParams, Slug, SlugParams, Text, Timestamp, Type, errorResponses, type Static } from '../../lib/schema.js';
import { TAG_NAME_MAX, type Tag } from './tag.js';
import { TAG_LIST_MAX, type TagService } from './tag.service.js';

export const TagResponse = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  name: Type.String(),
  createdAt: Timestamp,
});

const TagCreate = Type.Object(
  {
    slug: Type.Optional(Slug),
    name: Text(TAG_NAME_MAX, { minLength: 1 }),
  },
  { additionalProperties: false },
);
const TagPatch = Type.Partial(TagCreate, { additionalProperties: false, minProperties: 1 });

const ListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: TAG_NAME_MAX, description: 'only tags whose name starts with this' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: TAG_LIST_MAX })),
  },
  { additionalProperties: false },
);
const ListResponse = Type.Object({ items: Type.Array(TagResponse) });

/** Explicit allowlist of what leaves the server. */
export function tagResponse(t: Tag): Static<typeof TagResponse> {
  return { id: t.id, slug: t.slug, name: t.name, createdAt: t.createdAt };
}

type ListRoute = { Querystring: Static<typeof ListQuery> };
type IdRoute = { Params: Static<typeof IdParams> };

export function registerTagPublicRoutes(app: FastifyInstance, deps: { tags: TagService }): void {
  const tags = ['content'];
  app.get<ListRoute>(
    '/tags',
    { schema: { tags, summary: 'Tags by name', querystring: ListQuery, response: { 200: ListResponse, ...errorResponses(400) } } },
    async (req) => ({ items: (await deps.tags.list(req.query)).map(tagResponse) }),
  );
  app.get<IdRoute>(
    '/tags/:id',
    { schema: { tags, summary: 'One tag', params: IdParams, response: { 200: TagResponse, ...errorResponses(400, 404) } } },
    async (req) => tagResponse(await deps.tags.get(req.params.id)),
  );
  app.get<{ Params: Static<typeof SlugParams> }>(
    '/tags/by-slug/:slug',
    { schema: { tags, summary: 'One tag, by slug', params: SlugParams, response: { 200: TagResponse, ...errorResponses(400, 404) } } },
    async (req) => tagResponse(await deps.tags.getBySlug(req.params.slug)),
  );
}

export function registerTagAdminRoutes(app: FastifyInstance, deps: { tags: TagService }): void {
  const tags = ['tags'];
  app.get<ListRoute>(
    '/tags',
    { config: { permission: 'content:read' }, schema: { tags, summary: 'List tags', querystring: ListQuery, response: { 200: ListResponse, ...errorResponses(400) } } },
    async (req) => ({ items: (await deps.tags.list(req.query)).map(tagResponse) }),
  );
  app.get<IdRoute>(
    '/tags/:id',
    { config: { permission: 'content:read' }, schema: { tags, params: IdParams, response: { 200: TagResponse, ...errorResponses(400, 404) } } },
    async (req) => tagResponse(await deps.tags.get(req.params.id)),
  );
  app.post<{ Body: Static<typeof TagCreate> }>(
    '/tags',
    {
      config: { permission: 'tags:manage' },
      schema: { tags, summary: 'Create a tag', body: TagCreate, response: { 201: TagResponse, ...errorResponses(400, 409) } },
    },
    async (req, reply) => reply.code(201).send(tagResponse(await deps.tags.create(req.body))),
  );
  app.patch<IdRoute & { Body: Static<typeof TagPatch> }>(
    '/tags/:id',
    {
      config: { permission: 'tags:manage' },
      schema: { tags, summary: 'Rename a tag', params: IdParams, body: TagPatch, response: { 200: TagResponse, ...errorResponses(400, 404, 409) } },
    },
    async (req) => tagResponse(await deps.tags.update(req.params.id, req.body)),
  );
  app.delete<IdRoute>(
    '/tags/:id',
    {
      config: { permission: 'tags:manage' },
      schema: { tags, summary: 'Delete a tag and take it off every story', params: IdParams, response: { 204: Type.Null(), ...errorResponses(400, 404) } },
    },
    async (req, reply) => {
      await deps.tags.remove(req.params.id);
      return reply.code(204).send();
    },
  );
}
