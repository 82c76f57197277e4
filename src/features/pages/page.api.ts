/** Static-page routes: readers get published pages (/api/v1/pages); staff manage all (/api/admin/pages). */
import type { FastifyInstance } from 'fastify';
import { IdParams, Slug, SlugParams, Text, Timestamp, Type, errorResponses, type Static } from '../../lib/schema.js';
import { renderBody } from '../articles/index.js';
import { PAGE_LIMITS, type Page, type PageSummary } from './page.js';
import type { PageService } from './page.service.js';

/** The envelope only: parseBody in the service does the deep, node-by-node validation. */
const BodyDocumentSchema = Type.Object(
  {
    type: Type.Literal('doc'),
    version: Type.Literal(1),
    content: Type.Array(Type.Unknown(), { maxItems: 2000 }),
  },
  { additionalProperties: false, description: 'story-body document (docs/story-body.md)' },
);
/** Keep in step with PAGE_STATUSES in page.ts. */
const Status = Type.Union([Type.Literal('draft'), Type.Literal('published')]);

export const PublicPageSummaryResponse = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  title: Type.String(),
  seoDescription: Type.String(),
  updatedAt: Timestamp,
});
export const PublicPageResponse = Type.Object({
  ...PublicPageSummaryResponse.properties,
  body: BodyDocumentSchema,
  bodyHtml: Type.String({ description: 'the body rendered to safe HTML' }),
});
export const PageSummaryResponse = Type.Object({
  ...PublicPageSummaryResponse.properties,
  status: Status,
  createdAt: Timestamp,
});
export const PageResponse = Type.Object({ ...PageSummaryResponse.properties, body: BodyDocumentSchema });

const PageCreate = Type.Object(
  {
    slug: Slug,
    title: Text(PAGE_LIMITS.title, { minLength: 1 }),
    body: BodyDocumentSchema,
    seoDescription: Type.Optional(Text(PAGE_LIMITS.seoDescription)),
    status: Type.Optional(Status),
  },
  { additionalProperties: false },
);
const PagePatch = Type.Partial(PageCreate, { additionalProperties: false, minProperties: 1 });

/** Explicit allowlists of what leaves the server. */
export function publicPageSummaryResponse(p: PageSummary): Static<typeof PublicPageSummaryResponse> {
  return { id: p.id, slug: p.slug, title: p.title, seoDescription: p.seoDescription, updatedAt: p.updatedAt };
}
export function publicPageResponse(p: Page): Static<typeof PublicPageResponse> {
  return { ...publicPageSummaryResponse(p), body: p.body, bodyHtml: renderBody(p.body).value };
}
export function pageSummaryResponse(p: PageSummary): Static<typeof PageSummaryResponse> {
  return { ...publicPageSummaryResponse(p), status: p.status, createdAt: p.createdAt };
}
export function pageResponse(p: Page): Static<typeof PageResponse> {
  return { ...pageSummaryResponse(p), body: p.body };
}

type IdRoute = { Params: Static<typeof IdParams> };

export function registerPagePublicRoutes(app: FastifyInstance, deps: { pages: PageService }): void {
  const tags = ['content'];
  app.get(
    '/pages',
    { schema: { tags, summary: 'Published static pages, by title', response: { 200: Type.Object({ items: Type.Array(PublicPageSummaryResponse) }) } } },
    async () => ({ items: (await deps.pages.list()).map(publicPageSummaryResponse) }),
  );
  app.get<{ Params: Static<typeof SlugParams> }>(
    '/pages/:slug',
    { schema: { tags, summary: 'One published page, with its body as HTML', params: SlugParams, response: { 200: PublicPageResponse, ...errorResponses(400, 404) } } },
    async (req) => publicPageResponse(await deps.pages.getPublished(req.params.slug)),
  );
}

export function registerPageAdminRoutes(app: FastifyInstance, deps: { pages: PageService }): void {
  const tags = ['pages'];
  app.get(
    '/pages',
    {
      config: { permission: 'content:read' },
      schema: { tags, summary: 'List pages, drafts included', response: { 200: Type.Object({ items: Type.Array(PageSummaryResponse) }) } },
    },
    async () => ({ items: (await deps.pages.list({ includeDrafts: true })).map(pageSummaryResponse) }),
  );
  app.get<IdRoute>(
    '/pages/:id',
    { config: { permission: 'content:read' }, schema: { tags, params: IdParams, response: { 200: PageResponse, ...errorResponses(400, 404) } } },
    async (req) => pageResponse(await deps.pages.get(req.params.id)),
  );
  app.post<{ Body: Static<typeof PageCreate> }>(
    '/pages',
    {
      config: { permission: 'pages:manage' },
      schema: { tags, summary: 'Create a page', body: PageCreate, response: { 201: PageResponse, ...errorResponses(400, 409, 422) } },
    },
    async (req, reply) => reply.code(201).send(pageResponse(await deps.pages.create(req.body))),
  );
  app.patch<IdRoute & { Body: Static<typeof PagePatch> }>(
    '/pages/:id',
    {
      config: { permission: 'pages:manage' },
      schema: { tags, summary: 'Change a page', params: IdParams, body: PagePatch, response: { 200: PageResponse, ...errorResponses(400, 404, 409, 422) } },
    },
    async (req) => pageResponse(await deps.pages.update(req.params.id, req.body)),
  );
  app.delete<IdRoute>(
    '/pages/:id',
    {
      config: { permission: 'pages:manage' },
      schema: { tags, summary: 'Delete a page', params: IdParams, response: { 204: Type.Null(), ...errorResponses(400, 404) } },
    },
    async (req, reply) => {
      await deps.pages.remove(req.params.id);
      return reply.code(204).send();
    },
  );
}
