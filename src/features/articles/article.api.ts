/** Article routes: the public content API (/api/v1/articles) and the staff admin API (/api/admin/articles). */
import type { FastifyInstance } from 'fastify';
import { IdParams, SlugParams, Type, errorResponses, Page, type Static } from '../../lib/schema.js';
import { requirePermission } from '../staff/index.js';
import type { ArticleService } from './article.service.js';
import { isArticleStatus } from './article.js';
import { actorOf, answeringConflicts, articleFullResponse, articleStaffResponse, articleSummaryResponse } from './article.responses.js';
import { ArticleConflict } from './article.workflow.schemas.js';
import { registerArticleWorkflowRoutes } from './article.workflow.api.js';
import {
  ArticleCreate,
  ArticleFull,
  ArticlePatch,
  ArticleStaff,
  ArticleSummary,
  CorrectionCreate,
  DeskListQuery,
  PublicListQuery,
} from './article.schemas.js';

const PublicPage = Page(Type.Ref('ArticleSummary'));
const StaffPage = Page(Type.Ref('ArticleStaff'));

export function registerArticlePublicRoutes(app: FastifyInstance, deps: { articles: ArticleService }): void {
  app.addSchema(ArticleSummary);
  app.addSchema(ArticleFull);
  const tags = ['content'];
  app.get<{ Querystring: Static<typeof PublicListQuery> }>(
    '/articles',
    {
      schema: {
        tags,
        summary: 'Published stories, newest first, with filters and cursor pagination',
        querystring: PublicListQuery,
        response: { 200: PublicPage, ...errorResponses(400, 404) },
      },
    },
    async (req) => {
      const page = await deps.articles.listPublished(await deps.articles.resolvePublicFilters(req.query));
      return { items: page.items.map(articleSummaryResponse), nextCursor: page.nextCursor };
    },
  );
  app.get<{ Params: Static<typeof IdParams> }>(
    '/articles/:id',
    { schema: { tags, summary: 'One published story', params: IdParams, response: { 200: Type.Ref('Article'), ...errorResponses(400, 404, 410) } } },
    async (req) => articleFullResponse(await deps.articles.getPublished(req.params.id)),
  );
  app.get<{ Params: Static<typeof SlugParams> }>(
    '/articles/by-slug/:slug',
    { schema: { tags, summary: 'One published story by slug', params: SlugParams, response: { 200: Type.Ref('Article'), ...errorResponses(400, 404, 410) } } },
    async (req) => articleFullResponse(await deps.articles.getPublishedBySlug(req.params.slug)),
  );
}

export function registerArticleAdminRoutes(app: FastifyInstance, deps: { articles: ArticleService }): void {
  app.addSchema(ArticleStaff);
  const tags = ['articles'];
  const one = { 200: Type.Ref('ArticleStaff'), ...errorResponses(400, 403, 404, 409, 422) };
  app.get<{ Querystring: Static<typeof DeskListQuery> }>(
    '/articles',
    { config: { permission: 'content:read' }, schema: { tags, summary: 'Stories in any status, most recently changed first', querystring: DeskListQuery, response: { 200: StaffPage, ...errorResponses(400) } } },
    async (req) => {
      const { status, ...rest } = req.query;
      const page = await deps.articles.listForDesk({ ...rest, ...(status && { statuses: [...new Set(status.split(',').filter(isArticleStatus))] }), ...(rest.kind && { kinds: [rest.kind] }) });
      const role = actorOf(req).role;
      return { items: page.items.map((a) => articleStaffResponse(a, role)), nextCursor: page.nextCursor };
    },
  );
  app.post<{ Body: Static<typeof ArticleCreate> }>(
    '/articles',
    { config: { permission: 'articles:write' }, schema: { tags, summary: 'Create a story', body: ArticleCreate, response: { 201: Type.Ref('ArticleStaff'), ...errorResponses(400, 403, 409, 422) } } },
    async (req, reply) => {
      // Creating a story already live is publishing: it needs the publish permission too.
      if (req.body.status === 'published') requirePermission(req.principal, 'articles:publish');
      const actor = actorOf(req);
      return reply.code(201).send(articleStaffResponse(await deps.articles.create(req.body, actor), actor.role));
    },
  );
  app.get<{ Params: Static<typeof IdParams> }>(
    '/articles/:id',
    { config: { permission: 'content:read' }, schema: { tags, params: IdParams, response: one } },
    async (req) => articleStaffResponse(await deps.articles.get(req.params.id), actorOf(req).role),
  );
  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof ArticlePatch> }>(
    '/articles/:id',
    {
      config: { permission: 'articles:write' },
      schema: {
        tags,
        summary: 'Edit a story (send `revision` to refuse overwriting a newer save: 409 with the newer story as `current`)',
        description: 'Writers edit only drafts; once submitted, only the desk (articles:edit) edits the story.',
        params: IdParams,
        body: ArticlePatch,
        response: { ...one, 409: ArticleConflict },
      },
    },
    async (req) => {
      const { revision, ...patch } = req.body;
      const actor = actorOf(req);
      return answeringConflicts(deps.articles, req.params.id, actor.role, () => deps.articles.update(req.params.id, patch, actor, revision));
    },
  );
  app.delete<{ Params: Static<typeof IdParams> }>(
    '/articles/:id',
    { config: { permission: 'articles:delete' }, schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errorResponses(400, 404) } } },
    async (req, reply) => {
      await deps.articles.remove(req.params.id);
      return reply.code(204).send();
    },
  );
  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof CorrectionCreate> }>(
    '/articles/:id/corrections',
    {
      config: { permission: 'articles:publish' },
      schema: { tags, summary: 'Append a correction or update note to a published story', params: IdParams, body: CorrectionCreate, response: { 201: Type.Ref('ArticleStaff'), ...errorResponses(400, 403, 404, 409) } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send(articleStaffResponse(await deps.articles.addCorrection(req.params.id, req.body, actor), actor.role));
    },
  );
  registerArticleWorkflowRoutes(app, deps);
}
