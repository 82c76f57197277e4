/**
 * Staff routes of the editorial workflow (/api/admin/articles/:id/…):
 * status moves, revision history with diff and restore, and preview links.
 * The route's permission is the coarse check; the service refuses what the
 * story's status does not allow (409) or the role may not do from it (403).
 */
import type { FastifyInstance } from 'fastify';
import { IdParams, Type, errorResponses, type Static } from '../../lib/schema.js';
import type { Permission } from '../staff/index.js';
import type { ArticleView } from './article.hydrate.js';
import type { ArticleService } from './article.service.js';
import { actorOf, answeringConflicts, articleStaffResponse } from './article.responses.js';
import type { Actor } from './article.workflow.js';
import {
  ArticleConflict,
  DiffQuery,
  PreviewLink,
  PreviewLinkBody,
  RestoreBody,
  RevisionDiff,
  RevisionList,
  RevisionOne,
  RevisionParams,
  ScheduleBody,
  SendBackBody,
} from './article.workflow.schemas.js';

type Id = Static<typeof IdParams>;

export function registerArticleWorkflowRoutes(app: FastifyInstance, deps: { articles: ArticleService }): void {
  const { articles } = deps;
  const tags = ['articles'];
  const one = { 200: Type.Ref('ArticleStaff'), ...errorResponses(400, 403, 404, 409, 422) };

  /** A status move without a body. */
  const move = (path: string, permission: Permission, summary: string, run: (id: number, actor: Actor) => Promise<ArticleView>) =>
    app.post<{ Params: Id }>(`/articles/:id/${path}`, { config: { permission }, schema: { tags, summary, params: IdParams, response: one } }, async (req) => {
      const actor = actorOf(req);
      return articleStaffResponse(await run(req.params.id, actor), actor.role);
    });

  move('submit', 'articles:write', 'Submit a draft to the desk', (id, actor) => articles.submit(id, actor));
  move('take', 'articles:edit', 'Take a submitted story into edit', (id, actor) => articles.take(id, actor));
  move('ready', 'articles:edit', 'Mark a story ready for publication', (id, actor) => articles.ready(id, actor));
  move('publish', 'articles:publish', 'Publish now (refused before the embargo: 409 ARTICLE_EMBARGOED)', (id, actor) => articles.publish(id, actor));
  move('unschedule', 'articles:publish', 'Cancel a scheduled publication (back to ready)', (id, actor) => articles.unschedule(id, actor));
  move('unpublish', 'articles:publish', 'Take off the site (its URL answers 410); may be republished', (id, actor) => articles.takeDown(id, 'unpublished', actor));
  move('kill', 'articles:publish', 'Kill (legal or agency kill): off the site for good', (id, actor) => articles.takeDown(id, 'killed', actor));

  app.post<{ Params: Id; Body: Static<typeof SendBackBody> }>(
    '/articles/:id/send-back',
    { config: { permission: 'articles:edit' }, schema: { tags, summary: 'Send back to the writer as a draft, with a note', params: IdParams, body: SendBackBody, response: one } },
    async (req) => {
      const actor = actorOf(req);
      return articleStaffResponse(await articles.sendBack(req.params.id, req.body.note, actor), actor.role);
    },
  );

  app.post<{ Params: Id; Body: Static<typeof ScheduleBody> }>(
    '/articles/:id/schedule',
    { config: { permission: 'articles:publish' }, schema: { tags, summary: 'Publish at a later time (not before the embargo)', params: IdParams, body: ScheduleBody, response: one } },
    async (req) => {
      const actor = actorOf(req);
      return articleStaffResponse(await articles.schedule(req.params.id, req.body.at, actor), actor.role);
    },
  );

  app.get<{ Params: Id }>(
    '/articles/:id/revisions',
    { config: { permission: 'content:read' }, schema: { tags, summary: 'The story’s history, newest first', params: IdParams, response: { 200: RevisionList, ...errorResponses(400, 404) } } },
    async (req) => ({ items: await articles.listRevisions(req.params.id) }),
  );

  app.get<{ Params: Static<typeof RevisionParams> }>(
    '/articles/:id/revisions/:rev',
    { config: { permission: 'content:read' }, schema: { tags, summary: 'One revision with its snapshot', params: RevisionParams, response: { 200: RevisionOne, ...errorResponses(400, 404) } } },
    async (req) => articles.getRevision(req.params.id, req.params.rev),
  );

  app.get<{ Params: Id; Querystring: Static<typeof DiffQuery> }>(
    '/articles/:id/diff',
    {
      config: { permission: 'content:read' },
      schema: { tags, summary: 'What changed between two revisions: fields, and a word diff of the body', params: IdParams, querystring: DiffQuery, response: { 200: RevisionDiff, ...errorResponses(400, 404) } },
    },
    async (req) => articles.diffRevisions(req.params.id, req.query),
  );

  app.post<{ Params: Static<typeof RevisionParams>; Body: Static<typeof RestoreBody> }>(
    '/articles/:id/revisions/:rev/restore',
    {
      config: { permission: 'articles:write' },
      schema: { tags, summary: 'Put back the copy of an old revision, as a new revision', params: RevisionParams, body: RestoreBody, response: { ...one, 409: ArticleConflict } },
    },
    async (req) => {
      const actor = actorOf(req);
      const { id, rev } = req.params;
      return answeringConflicts(articles, id, actor.role, () => articles.restore(id, rev, actor, req.body.revision));
    },
  );

  app.post<{ Params: Id; Body: Static<typeof PreviewLinkBody> }>(
    '/articles/:id/preview-link',
    {
      // articles:write, not content:read: a preview link carries unpublished copy out of the newsroom, which read-only business roles may not do.
      config: { permission: 'articles:write' },
      // Every field is optional, so a request without a body means the defaults.
      preValidation: (req, _reply, done) => {
        req.body ??= {};
        done();
      },
      schema: { tags, summary: 'A secret link showing the saved story as readers would see it, until it expires', params: IdParams, body: PreviewLinkBody, response: { 201: PreviewLink, ...errorResponses(400, 404) } },
    },
    async (req, reply) => reply.code(201).send(await articles.createPreviewLink(req.params.id, actorOf(req), req.body.hours)),
  );
}
