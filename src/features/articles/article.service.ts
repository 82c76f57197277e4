/**
 * Story use cases: reading, creating, saving and deleting stories, and the
 * composition of the rest (workflow actions, revisions, preview links). Each
 * write is one transaction: the article row, its author and tag links, its
 * corrections and its revision record change together or not at all.
 */
import { AppError, conflict, invalid, notFound, unprocessable } from '../../lib/errors.js';
import { roleHas } from '../staff/index.js';
import { GONE_STATUSES, decodeCursor, embargoProblem, encodeCursor, isLive, publishProblems, type ArticleKind, type ArticleStatus } from './article.js';
import { createArticleActions } from './article.actions.js';
import { createArticleContext, normaliseInstant, type ArticleDeps } from './article.context.js';
import { staleRevision } from './article.errors.js';
import { hydrate, sectionAndDescendants, summarise, type ArticleView, type StorySummary } from './article.hydrate.js';
import { applyPatch, type ArticleInput, type ArticlePatch } from './article.patch.js';
import { createPreviewLinks } from './article.preview.js';
import { createArticleRevisions } from './article.revisions.js';
import { assertAllowed, type Actor } from './article.workflow.js';
import * as q from './article.queries.js';

export type { ArticleIndexer, ArticleDeps } from './article.context.js';
export type { ArticleInput, ArticlePatch } from './article.patch.js';

export interface PublicListQuery {
  sectionId?: number;
  authorId?: number;
  tagId?: number;
  kinds?: ArticleKind[];
  cursor?: string;
  limit?: number;
}

export interface DeskListQuery extends PublicListQuery {
  statuses?: ArticleStatus[];
}

export interface ArticlePage {
  items: ArticleView[];
  nextCursor: string | null;
}

const MAX_PAGE = 100;

export function createArticleService(deps: ArticleDeps) {
  const c = createArticleContext(deps);
  const { db, publicUrl, nowIso } = c;

  function limitOf(limit: number | undefined): number {
    return Math.min(Math.max(limit ?? 20, 1), MAX_PAGE);
  }

  function cursorOf(cursor: string | undefined): { at: string; id: number } | undefined {
    if (cursor === undefined) return undefined;
    const decoded = decodeCursor(cursor);
    if (!decoded) throw invalid('CURSOR_INVALID', 'This page cursor is not valid; start again from the first page.', 'cursor');
    return decoded;
  }

  async function page(rows: Awaited<ReturnType<typeof q.listArticleRows>>, limit: number, by: 'published_at' | 'modified_at'): Promise<ArticlePage> {
    const more = rows.length > limit;
    const items = await hydrate(db, more ? rows.slice(0, limit) : rows, publicUrl);
    const last = items[items.length - 1];
    const at = last ? (by === 'published_at' ? last.publishedAt : last.modifiedAt) : null;
    return { items, nextCursor: more && last && at ? encodeCursor(at, last.id) : null };
  }

  /** The readers' view of one story: live, or 410 when it was taken down. */
  function publicOrGone(view: ArticleView): ArticleView {
    if (GONE_STATUSES.includes(view.status)) throw new AppError('gone', 'ARTICLE_GONE', 'This story has been removed.');
    if (!isLive(view, c.clock.now())) throw notFound('ARTICLE_NOT_FOUND', 'There is no such story.');
    return view;
  }

  const reads = {
    get: (id: number): Promise<ArticleView> => c.loadOne(db, id),

    /** Stories by id in the order given, any status, missing ones left out (search results hydrate through this). */
    async getMany(ids: readonly number[]): Promise<ArticleView[]> {
      const rows = await q.findArticleRows(db, ids);
      const views = new Map((await hydrate(db, rows, publicUrl)).map((v) => [v.id, v]));
      return ids.flatMap((id) => views.get(id) ?? []);
    },

    /**
     * Summaries (no body) of stories by id in the order given, any status, missing ones left out: what search
     * results and story cards show, for a fraction of getMany's work.
     */
    getSummaries: (ids: readonly number[]): Promise<StorySummary[]> => summarise(db, ids, publicUrl),

    async getPublished(id: number): Promise<ArticleView> {
      return publicOrGone(await c.loadOne(db, id));
    },

    async getPublishedBySlug(slug: string): Promise<ArticleView> {
      const row = await q.findArticleRowBySlug(db, slug);
      if (!row) throw notFound('ARTICLE_NOT_FOUND', 'There is no such story.', 'slug');
      return publicOrGone(await c.loadOne(db, row.id));
    },

    /** Turns slug filters (?section=world) into ids; an unknown slug is a 404 naming the filter. */
    async resolvePublicFilters(query: {
      section?: string; sectionId?: number; tag?: string; tagId?: number; author?: string; authorId?: number;
      kind?: ArticleKind; cursor?: string; limit?: number;
    }): Promise<PublicListQuery> {
      const resolve = async (table: 'sections' | 'tags' | 'authors', slug: string | undefined, id: number | undefined, field: string) => {
        if (slug === undefined) return id;
        const found = await q.idBySlug(db, table, slug);
        if (found === undefined) throw notFound(`${table.slice(0, -1).toUpperCase()}_NOT_FOUND`, `There is no ${table.slice(0, -1)} "${slug}".`, field);
        return found;
      };
      const sectionId = await resolve('sections', query.section, query.sectionId, 'section');
      const tagId = await resolve('tags', query.tag, query.tagId, 'tag');
      const authorId = await resolve('authors', query.author, query.authorId, 'author');
      return {
        ...(sectionId !== undefined && { sectionId }),
        ...(tagId !== undefined && { tagId }),
        ...(authorId !== undefined && { authorId }),
        ...(query.kind && { kinds: [query.kind] }),
        ...(query.cursor !== undefined && { cursor: query.cursor }),
        ...(query.limit !== undefined && { limit: query.limit }),
      };
    },

    async listPublished(query: PublicListQuery): Promise<ArticlePage> {
      const limit = limitOf(query.limit);
      const rows = await q.listArticleRows(db, {
        statuses: ['published'],
        publishedUntil: nowIso(),
        ...(query.sectionId !== undefined && { sectionIds: await sectionAndDescendants(db, query.sectionId) }),
        ...(query.authorId !== undefined && { authorId: query.authorId }),
        ...(query.tagId !== undefined && { tagId: query.tagId }),
        ...(query.kinds && { kinds: query.kinds }),
        orderBy: 'published_at',
        ...(query.cursor !== undefined && { after: cursorOf(query.cursor) }),
        limit: limit + 1,
      });
      return page(rows, limit, 'published_at');
    },

    /** Published stories whose headline or standfirst contain every word. Replaced by the search feature's index. */
    async searchPublished(text: string, limit = 30): Promise<ArticleView[]> {
      const words = text.toLowerCase().split(/\s+/).filter((w) => w.length > 0).slice(0, 8).map((w) => w.slice(0, 50));
      if (words.length === 0) return [];
      return hydrate(db, await q.searchPublishedRows(db, words, nowIso(), Math.min(limit, MAX_PAGE)), publicUrl);
    },

    async listForDesk(query: DeskListQuery): Promise<ArticlePage> {
      const limit = limitOf(query.limit);
      const rows = await q.listArticleRows(db, {
        ...(query.statuses && { statuses: query.statuses }),
        ...(query.sectionId !== undefined && { sectionIds: await sectionAndDescendants(db, query.sectionId) }),
        ...(query.authorId !== undefined && { authorId: query.authorId }),
        ...(query.tagId !== undefined && { tagId: query.tagId }),
        ...(query.kinds && { kinds: query.kinds }),
        orderBy: 'modified_at',
        ...(query.cursor !== undefined && { after: cursorOf(query.cursor) }),
        limit: limit + 1,
      });
      return page(rows, limit, 'modified_at');
    },
  };

  const writes = {
    async create(input: ArticleInput, actor: Actor): Promise<ArticleView> {
      const status = input.status ?? 'draft';
      // Creating a story already live is publishing.
      if (status === 'published' && !roleHas(actor.role, 'articles:publish')) {
        throw new AppError('forbidden', 'PERMISSION_DENIED', `Your role (${actor.role}) may not publish a story (needs articles:publish).`);
      }
      const body = c.validBody(input.body);
      const authorIds = [...new Set(input.authorIds ?? [])];
      const tagIds = [...new Set(input.tagIds ?? [])];
      c.checkCredit(authorIds, input.agencyCredit);
      const embargoUntil = input.embargoUntil == null ? null : normaliseInstant(input.embargoUntil, 'embargoUntil');
      const created = await db.transaction().execute(async (trx) => {
        await c.checkReferences(trx, input);
        const now = nowIso();
        if (status === 'published') {
          const problem = publishProblems({ headline: input.headline, sectionId: input.sectionId ?? null, body })[0];
          if (problem) throw unprocessable(problem.code, problem.message, problem.field);
          const embargoed = embargoProblem({ embargoUntil }, now);
          if (embargoed) throw conflict(embargoed.code, embargoed.message, embargoed.field);
        }
        const publishedAt = input.publishedAt === undefined ? now : normaliseInstant(input.publishedAt, 'publishedAt');
        const newId = await q.insertArticleRow(trx, {
          slug: await c.uniqueSlug(trx, input.slug, input.headline),
          section_id: input.sectionId ?? null,
          kind: input.kind ?? 'news',
          status,
          headline: input.headline,
          standfirst: input.standfirst ?? '',
          body: JSON.stringify(body),
          dateline_place: input.datelinePlace ?? '',
          dateline_date: input.datelineDate ?? null,
          agency_credit: input.agencyCredit ?? null,
          featured_image_id: input.featuredImageId ?? null,
          language: input.language ?? 'en',
          priority: input.priority ?? 0,
          seo_title: input.seoTitle ?? '',
          seo_description: input.seoDescription ?? '',
          source_agency: input.source?.agency ?? null,
          source_guid: input.source?.guid ?? null,
          source_version: input.source?.version ?? null,
          published_at: status === 'published' ? publishedAt : null,
          updated_at: status === 'published' ? publishedAt : null,
          created_at: now,
          modified_at: now,
          revision: 1,
          embargo_until: embargoUntil,
          scheduled_at: null,
          desk_note: null,
          last_edited_by: actor.name,
        });
        await q.replaceArticleAuthors(trx, newId, authorIds);
        await q.replaceArticleTags(trx, newId, tagIds);
        const view = await c.loadOne(trx, newId);
        await c.recordRevision(trx, null, view, actor, 'create');
        await c.indexer.upsert(trx, newId);
        return view;
      });
      c.announce(null, created);
      return created;
    },

    /** Saves changes to the copy. With `expectedRevision`, refuses (409) if someone saved in between. */
    async update(id: number, patch: ArticlePatch, actor: Actor, expectedRevision?: number): Promise<ArticleView> {
      const { after } = await c.edit(id, actor, 'save', async (trx, current) => {
        assertAllowed(current, actor.role, 'edit');
        if (expectedRevision !== undefined && expectedRevision !== current.revision) throw staleRevision(current.revision);
        await applyPatch(c, trx, current, patch, actor);
      });
      return after;
    },

    async remove(id: number): Promise<void> {
      const removed = await db.transaction().execute(async (trx) => {
        const current = await c.loadOne(trx, id);
        await c.indexer.remove(trx, id);
        await q.deleteArticleRow(trx, id);
        return current;
      });
      c.announce(removed, null);
    },
  };

  return {
    ...reads,
    ...writes,
    ...createArticleActions(c),
    ...createArticleRevisions(c),
    ...createPreviewLinks(c),
  };
}

export type ArticleService = ReturnType<typeof createArticleService>;
