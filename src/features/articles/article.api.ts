/** Article routes: the public content API (/api/v1/articles) and the staff admin API (/api/admin/articles). */
import type { FastifyInstance } from 'fastify';
import { IdParams, SlugParams, Type, errorResponses, Page, type Static } from '../../lib/schema.js';
import { requirePermission } from '../staff/index.js';
import { renderBody } from './body/index.js';
import type { ArticleView } from './article.hydrate.js';
import type { ArticleService } from './article.service.js';
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

type Summary = Static<typeof ArticleSummary>;
type Full = Static<typeof ArticleFull>;
type Staff = Static<typeof ArticleStaff>;

export function articleSummaryResponse(a: ArticleView): Summary {
  return {
    id: a.id,
    slug: a.slug,
    url: a.url,
    kind: a.kind,
    headline: a.headline,
    standfirst: a.standfirst,
    section: a.section,
    authors: a.authors,
    agencyCredit: a.agencyCredit,
    tags: a.tags,
    featuredImage: a.featuredImage && {
      id: a.featuredImage.id,
      src: a.featuredImage.src,
      width: a.featuredImage.width,
      height: a.featuredImage.height,
      caption: a.featuredImage.caption,
      credit: a.featuredImage.credit,
      altText: a.featuredImage.altText,
      focalX: a.featuredImage.focalX,
      focalY: a.featuredImage.focalY,
    },
    dateline: { place: a.datelinePlace, date: a.datelineDate ?? a.publishedAt?.slice(0, 10) ?? null },
    language: a.language,
    publishedAt: a.publishedAt,
    updatedAt: a.updatedAt,
  };
}

export function articleFullResponse(a: ArticleView): Full {
  const bodyHtml = renderBody(a.body, {
    resolveMedia: (id) => {
      const img = a.bodyImages.get(id);
      return img && { src: img.src, width: img.width, height: img.height };
    },
  }).value;
  return {
    ...articleSummaryResponse(a),
    body: a.body,
    bodyHtml,
    breadcrumbs: a.breadcrumbs,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    corrections: a.corrections.map((c) => ({ id: c.id, kind: c.kind, text: c.text, createdAt: c.createdAt })),
  };
}

function articleStaffResponse(a: ArticleView): Staff {
  return {
    ...articleFullResponse(a),
    status: a.status,
    priority: a.priority,
    source: a.source,
    createdAt: a.createdAt,
    modifiedAt: a.modifiedAt,
    revision: a.revision,
  };
}

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
  const one = { 200: Type.Ref('ArticleStaff'), ...errorResponses(400, 404, 409, 422) };
  app.get<{ Querystring: Static<typeof DeskListQuery> }>(
    '/articles',
    { config: { permission: 'content:read' }, schema: { tags, summary: 'Stories in any status, most recently changed first', querystring: DeskListQuery, response: { 200: StaffPage, ...errorResponses(400) } } },
    async (req) => {
      const { status, ...rest } = req.query;
      const page = await deps.articles.listForDesk({ ...rest, ...(status && { statuses: [status] }), ...(rest.kind && { kinds: [rest.kind] }) });
      return { items: page.items.map(articleStaffResponse), nextCursor: page.nextCursor };
    },
  );
  app.post<{ Body: Static<typeof ArticleCreate> }>(
    '/articles',
    { config: { permission: 'articles:write' }, schema: { tags, summary: 'Create a story', body: ArticleCreate, response: { 201: Type.Ref('ArticleStaff'), ...errorResponses(400, 403, 409, 422) } } },
    async (req, reply) => {
      // Creating a story already live is publishing: it needs the publish permission too.
      if (req.body.status === 'published') requirePermission(req.principal, 'articles:publish');
      return reply.code(201).send(articleStaffResponse(await deps.articles.create(req.body)));
    },
  );
  app.get<{ Params: Static<typeof IdParams> }>(
    '/articles/:id',
    { config: { permission: 'content:read' }, schema: { tags, params: IdParams, response: one } },
    async (req) => articleStaffResponse(await deps.articles.get(req.params.id)),
  );
  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof ArticlePatch> }>(
    '/articles/:id',
    { config: { permission: 'articles:write' }, schema: { tags, summary: 'Edit a story (send `revision` to refuse overwriting a newer save)', params: IdParams, body: ArticlePatch, response: one } },
    async (req) => {
      const { revision, ...patch } = req.body;
      return articleStaffResponse(await deps.articles.update(req.params.id, patch, revision));
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
  app.post<{ Params: Static<typeof IdParams> }>(
    '/articles/:id/publish',
    { config: { permission: 'articles:publish' }, schema: { tags, summary: 'Publish now', params: IdParams, response: one } },
    async (req) => articleStaffResponse(await deps.articles.publish(req.params.id)),
  );
  app.post<{ Params: Static<typeof IdParams> }>(
    '/articles/:id/unpublish',
    { config: { permission: 'articles:publish' }, schema: { tags, summary: 'Take off the site (its URL answers 410)', params: IdParams, response: one } },
    async (req) => articleStaffResponse(await deps.articles.takeDown(req.params.id, 'unpublished')),
  );
  app.post<{ Params: Static<typeof IdParams> }>(
    '/articles/:id/kill',
    { config: { permission: 'articles:publish' }, schema: { tags, summary: 'Kill (legal or agency kill): off the site for good', params: IdParams, response: one } },
    async (req) => articleStaffResponse(await deps.articles.takeDown(req.params.id, 'killed')),
  );
  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof CorrectionCreate> }>(
    '/articles/:id/corrections',
    { config: { permission: 'articles:publish' }, schema: { tags, summary: 'Append a correction or update note', params: IdParams, body: CorrectionCreate, response: { 201: Type.Ref('ArticleStaff'), ...errorResponses(400, 404) } } },
    async (req, reply) => reply.code(201).send(articleStaffResponse(await deps.articles.addCorrection(req.params.id, req.body))),
  );
}
