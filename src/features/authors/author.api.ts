/** Author routes: public read-only (/api/v1/authors) and staff CRUD (/api/admin/authors). */
import type { FastifyInstance } from 'fastify';
import { IdParams, Nullable, Slug, SlugParams, Text, Timestamp, Type, errorResponses, type Static } from '../../lib/schema.js';
import { AUTHOR_LIMITS, type Author } from './author.js';
import { AUTHOR_PAGE_MAX, type AuthorService } from './author.service.js';

const WebUrl = Type.String({ pattern: '^https?://\\S+$', maxLength: AUTHOR_LIMITS.url, description: 'absolute http(s) URL' });

const Social = Type.Object(
  {
    x: Type.Optional(WebUrl),
    facebook: Type.Optional(WebUrl),
    instagram: Type.Optional(WebUrl),
    linkedin: Type.Optional(WebUrl),
    website: Type.Optional(WebUrl),
    email: Type.Optional(Type.String({ format: 'email', maxLength: AUTHOR_LIMITS.email })),
  },
  { additionalProperties: false },
);

export const AuthorResponse = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  name: Type.String(),
  title: Type.String(),
  bio: Type.String(),
  photoId: Nullable(Type.Integer({ description: 'media-library id of the head shot' })),
  social: Social,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const AuthorCreate = Type.Object(
  {
    slug: Type.Optional(Slug),
    name: Text(AUTHOR_LIMITS.name, { minLength: 1 }),
    title: Type.Optional(Text(AUTHOR_LIMITS.title)),
    bio: Type.Optional(Text(AUTHOR_LIMITS.bio)),
    photoId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    social: Type.Optional(Social),
  },
  { additionalProperties: false },
);
const AuthorPatch = Type.Partial(AuthorCreate, { additionalProperties: false, minProperties: 1 });

const ListQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: AUTHOR_PAGE_MAX })),
  },
  { additionalProperties: false },
);
const ListResponse = Type.Object({
  items: Type.Array(AuthorResponse),
  nextCursor: Nullable(Type.String({ description: 'pass as ?cursor= to get the next page' })),
});

/** Explicit allowlist of what leaves the server. */
export function authorResponse(a: Author): Static<typeof AuthorResponse> {
  return {
    id: a.id,
    slug: a.slug,
    name: a.name,
    title: a.title,
    bio: a.bio,
    photoId: a.photoId,
    social: { ...a.social },
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

type ListRoute = { Querystring: Static<typeof ListQuery> };
type IdRoute = { Params: Static<typeof IdParams> };

export function registerAuthorPublicRoutes(app: FastifyInstance, deps: { authors: AuthorService }): void {
  const tags = ['content'];
  app.get<ListRoute>(
    '/authors',
    { schema: { tags, summary: 'Authors by name, a page at a time', querystring: ListQuery, response: { 200: ListResponse, ...errorResponses(400) } } },
    async (req) => {
      const page = await deps.authors.listPage(req.query);
      return { items: page.items.map(authorResponse), nextCursor: page.nextCursor };
    },
  );
  app.get<IdRoute>(
    '/authors/:id',
    { schema: { tags, summary: 'One author', params: IdParams, response: { 200: AuthorResponse, ...errorResponses(400, 404) } } },
    async (req) => authorResponse(await deps.authors.get(req.params.id)),
  );
  app.get<{ Params: Static<typeof SlugParams> }>(
    '/authors/by-slug/:slug',
    { schema: { tags, summary: 'One author, by slug', params: SlugParams, response: { 200: AuthorResponse, ...errorResponses(400, 404) } } },
    async (req) => authorResponse(await deps.authors.getBySlug(req.params.slug)),
  );
}

export function registerAuthorAdminRoutes(app: FastifyInstance, deps: { authors: AuthorService }): void {
  const tags = ['authors'];
  app.get<ListRoute>(
    '/authors',
    {
      config: { permission: 'content:read' },
      schema: { tags, summary: 'List authors', querystring: ListQuery, response: { 200: ListResponse, ...errorResponses(400) } },
    },
    async (req) => {
      const page = await deps.authors.listPage(req.query);
      return { items: page.items.map(authorResponse), nextCursor: page.nextCursor };
    },
  );
  app.get<IdRoute>(
    '/authors/:id',
    { config: { permission: 'content:read' }, schema: { tags, params: IdParams, response: { 200: AuthorResponse, ...errorResponses(400, 404) } } },
    async (req) => authorResponse(await deps.authors.get(req.params.id)),
  );
  app.post<{ Body: Static<typeof AuthorCreate> }>(
    '/authors',
    {
      config: { permission: 'authors:manage' },
      schema: { tags, summary: 'Add an author', body: AuthorCreate, response: { 201: AuthorResponse, ...errorResponses(400, 409, 422) } },
    },
    async (req, reply) => reply.code(201).send(authorResponse(await deps.authors.create(req.body))),
  );
  app.patch<IdRoute & { Body: Static<typeof AuthorPatch> }>(
    '/authors/:id',
    {
      config: { permission: 'authors:manage' },
      schema: { tags, summary: 'Change an author', params: IdParams, body: AuthorPatch, response: { 200: AuthorResponse, ...errorResponses(400, 404, 409, 422) } },
    },
    async (req) => authorResponse(await deps.authors.update(req.params.id, req.body)),
  );
  app.delete<IdRoute>(
    '/authors/:id',
    {
      config: { permission: 'authors:manage' },
      schema: { tags, summary: 'Delete an author with no bylines', params: IdParams, response: { 204: Type.Null(), ...errorResponses(400, 404, 409) } },
    },
    async (req, reply) => {
      await deps.authors.remove(req.params.id);
      return reply.code(204).send();
    },
  );
}
