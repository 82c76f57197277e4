/** Section routes: public read-only (/api/v1/sections) and staff CRUD (/api/admin/sections). */
import type { FastifyInstance } from 'fastify';
import { IdParams, Nullable, Slug, Text, Timestamp, Type, errorResponses, type Static } from '../../lib/schema.js';
import type { Section } from './section.js';
import type { SectionService } from './section.service.js';

export const SectionResponse = Type.Object(
  {
    id: Type.Integer(),
    slug: Type.String(),
    name: Type.String(),
    description: Type.String(),
    parentId: Nullable(Type.Integer()),
    position: Type.Integer(),
    path: Type.String({ description: 'URL path of the section page, e.g. "world/asia"' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Section' },
);

const SectionCreate = Type.Object(
  {
    slug: Slug,
    name: Text(120, { minLength: 1 }),
    description: Type.Optional(Text(2000)),
    parentId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);
const SectionPatch = Type.Partial(SectionCreate, { additionalProperties: false, minProperties: 1 });

/** Explicit allowlist of what leaves the server. */
export function sectionResponse(s: Section): Static<typeof SectionResponse> {
  return {
    id: s.id,
    slug: s.slug,
    name: s.name,
    description: s.description,
    parentId: s.parentId,
    position: s.position,
    path: s.path,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

const list = Type.Object({ items: Type.Array(Type.Ref('Section')) });

export function registerSectionPublicRoutes(app: FastifyInstance, deps: { sections: SectionService }): void {
  app.addSchema(SectionResponse);
  app.get('/sections', { schema: { tags: ['content'], summary: 'All sections, in order', response: { 200: list } } }, async () => ({
    items: (await deps.sections.list()).map(sectionResponse),
  }));
  app.get<{ Params: Static<typeof IdParams> }>(
    '/sections/:id',
    { schema: { tags: ['content'], summary: 'One section', params: IdParams, response: { 200: Type.Ref('Section'), ...errorResponses(400, 404) } } },
    async (req) => sectionResponse(await deps.sections.get(req.params.id)),
  );
}

export function registerSectionAdminRoutes(app: FastifyInstance, deps: { sections: SectionService }): void {
  app.addSchema(SectionResponse);
  const tags = ['sections'];
  app.get('/sections', { config: { permission: 'content:read' }, schema: { tags, summary: 'List sections', response: { 200: list } } }, async () => ({
    items: (await deps.sections.list()).map(sectionResponse),
  }));
  app.get<{ Params: Static<typeof IdParams> }>(
    '/sections/:id',
    { config: { permission: 'content:read' }, schema: { tags, params: IdParams, response: { 200: Type.Ref('Section'), ...errorResponses(400, 404) } } },
    async (req) => sectionResponse(await deps.sections.get(req.params.id)),
  );
  app.post<{ Body: Static<typeof SectionCreate> }>(
    '/sections',
    {
      config: { permission: 'sections:manage' },
      schema: { tags, summary: 'Create a section', body: SectionCreate, response: { 201: Type.Ref('Section'), ...errorResponses(400, 409, 422) } },
    },
    async (req, reply) => reply.code(201).send(sectionResponse(await deps.sections.create(req.body))),
  );
  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof SectionPatch> }>(
    '/sections/:id',
    {
      config: { permission: 'sections:manage' },
      schema: { tags, summary: 'Change a section', params: IdParams, body: SectionPatch, response: { 200: Type.Ref('Section'), ...errorResponses(400, 404, 409, 422) } },
    },
    async (req) => sectionResponse(await deps.sections.update(req.params.id, req.body)),
  );
  app.delete<{ Params: Static<typeof IdParams> }>(
    '/sections/:id',
    {
      config: { permission: 'sections:manage' },
      schema: { tags, summary: 'Delete an empty section', params: IdParams, response: { 204: Type.Null(), ...errorResponses(400, 404, 409) } },
    },
    async (req, reply) => {
      await deps.sections.remove(req.params.id);
      return reply.code(204).send();
    },
  );
}
