/**
 * Story use cases. Each action is one transaction: the article row, its
 * author and tag links and its corrections change together or not at all.
 */
import type { Db } from '../../db/index.js';
import type { ArticleUpdate } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { noContentEvents, type ContentEvents } from '../../lib/events.js';
import { AppError, conflict, invalid, notFound, unprocessable } from '../../lib/errors.js';
import { slugify } from '../../lib/slug.js';
import { emptyBody, parseBody, type BodyDocument } from './body/index.js';
import {
  GONE_STATUSES,
  decodeCursor,
  encodeCursor,
  publishProblems,
  type ArticleKind,
  type ArticleStatus,
  type CorrectionKind,
  type WireSource,
} from './article.js';
import { hydrate, sectionAndDescendants, type ArticleView } from './article.hydrate.js';
import { storyChangeKeys } from './article.keys.js';
import * as q from './article.queries.js';

export interface ArticleInput {
  headline: string;
  slug?: string;
  standfirst?: string;
  body?: unknown;
  sectionId?: number | null;
  kind?: ArticleKind;
  datelinePlace?: string;
  datelineDate?: string | null;
  agencyCredit?: string | null;
  authorIds?: number[];
  tagIds?: number[];
  featuredImageId?: number | null;
  language?: string;
  priority?: number;
  seoTitle?: string;
  seoDescription?: string;
  source?: WireSource | null;
  /** Only 'draft' or 'published' at creation; the newsroom workflow moves stories after that. */
  status?: 'draft' | 'published';
  /** For importers and the demo: when the story first went live. */
  publishedAt?: string;
}

export type ArticlePatch = Partial<Omit<ArticleInput, 'status' | 'publishedAt'>>;

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

/**
 * Keeps a derived index (search) in step: called inside every write
 * transaction, so the index changes together with the story or not at all.
 */
export interface ArticleIndexer {
  upsert(trx: Db, articleId: number): Promise<void>;
  remove(trx: Db, articleId: number): Promise<void>;
}

const noIndexer: ArticleIndexer = { upsert: () => Promise.resolve(), remove: () => Promise.resolve() };

export function createArticleService(deps: { db: Db; clock: Clock; publicUrl: string; events?: ContentEvents; indexer?: ArticleIndexer }) {
  const { db, clock, publicUrl } = deps;
  const events = deps.events ?? noContentEvents;
  const indexer = deps.indexer ?? noIndexer;
  const nowIso = (): string => clock.now().toISOString();

  /** Announces the reader pages a committed change touched; called only after the commit. */
  function announce(before: ArticleView | null, after: ArticleView | null): void {
    const keys = storyChangeKeys(before, after);
    if (keys.length > 0) events.emit({ keys });
  }

  /**
   * One edit of an existing story in one transaction: `action` gets the story
   * as it was; the story as it now is is read in the same transaction, and the
   * change is announced once the commit has succeeded. An action that throws
   * rolls back and announces nothing.
   */
  async function edit(id: number, action: (trx: Db, current: ArticleView) => Promise<void>): Promise<ArticleView> {
    const { before, after } = await db.transaction().execute(async (trx) => {
      const current = await loadOne(trx, id);
      await action(trx, current);
      await indexer.upsert(trx, id);
      return { before: current, after: await loadOne(trx, id) };
    });
    announce(before, after);
    return after;
  }

  function validBody(body: unknown): BodyDocument {
    if (body === undefined) return emptyBody();
    const parsed = parseBody(body);
    if (!parsed.ok) throw unprocessable(parsed.error.code, parsed.error.message, parsed.error.field);
    return parsed.value;
  }

  async function checkReferences(trx: Db, input: ArticlePatch): Promise<void> {
    const check = async (table: 'authors' | 'tags' | 'media' | 'sections', ids: readonly number[], field: string, code: string) => {
      const found = await q.existingIds(trx, table, ids);
      const missing = ids.find((id) => !found.has(id));
      if (missing !== undefined) throw unprocessable(code, `There is no ${table === 'media' ? 'image' : table.slice(0, -1)} with id ${missing}.`, field);
    };
    if (input.sectionId != null) await check('sections', [input.sectionId], 'sectionId', 'ARTICLE_SECTION_NOT_FOUND');
    if (input.featuredImageId != null) await check('media', [input.featuredImageId], 'featuredImageId', 'ARTICLE_IMAGE_NOT_FOUND');
    if (input.authorIds) await check('authors', input.authorIds, 'authorIds', 'ARTICLE_AUTHOR_NOT_FOUND');
    if (input.tagIds) await check('tags', input.tagIds, 'tagIds', 'ARTICLE_TAG_NOT_FOUND');
  }

  function checkCredit(authorIds: readonly number[], agencyCredit: string | null | undefined): void {
    if (authorIds.length > 0 && agencyCredit) {
      throw unprocessable('ARTICLE_CREDIT_AMBIGUOUS', 'A story is signed by its authors or by an agency credit, not both.', 'agencyCredit');
    }
  }

  async function uniqueSlug(trx: Db, wanted: string | undefined, headline: string, selfId?: number): Promise<string> {
    if (wanted !== undefined) {
      const taken = (await q.slugsTaken(trx, [wanted])).get(wanted);
      if (taken !== undefined && taken !== selfId) throw conflict('ARTICLE_SLUG_TAKEN', `Another story already uses the slug "${wanted}".`, 'slug');
      return wanted;
    }
    const base = slugify(headline) || `story-${clock.now().getTime().toString(36)}`;
    const candidates = [base, ...Array.from({ length: 20 }, (_, i) => `${base}-${i + 2}`)];
    const taken = await q.slugsTaken(trx, candidates);
    const free = candidates.find((c) => !taken.has(c) || taken.get(c) === selfId);
    return free ?? `${base}-${clock.now().getTime().toString(36)}`;
  }

  async function loadOne(trx: Db, id: number): Promise<ArticleView> {
    const row = await q.findArticleRow(trx, id);
    if (!row) throw notFound('ARTICLE_NOT_FOUND', `There is no story ${id}.`, 'id');
    const [view] = await hydrate(trx, [row], publicUrl, { bodyMedia: true });
    if (!view) throw notFound('ARTICLE_NOT_FOUND', `There is no story ${id}.`, 'id');
    return view;
  }

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
    if (view.status !== 'published' || !view.publishedAt || view.publishedAt > nowIso()) {
      throw notFound('ARTICLE_NOT_FOUND', 'There is no such story.');
    }
    return view;
  }

  return {
    get: (id: number): Promise<ArticleView> => loadOne(db, id),

    /** Stories by id in the order given, any status, missing ones left out (search results hydrate through this). */
    async getMany(ids: readonly number[]): Promise<ArticleView[]> {
      const rows = await q.findArticleRows(db, ids);
      const views = new Map((await hydrate(db, rows, publicUrl)).map((v) => [v.id, v]));
      return ids.flatMap((id) => views.get(id) ?? []);
    },

    async getPublished(id: number): Promise<ArticleView> {
      return publicOrGone(await loadOne(db, id));
    },

    async getPublishedBySlug(slug: string): Promise<ArticleView> {
      const row = await q.findArticleRowBySlug(db, slug);
      if (!row) throw notFound('ARTICLE_NOT_FOUND', 'There is no such story.', 'slug');
      return publicOrGone(await loadOne(db, row.id));
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

    async create(input: ArticleInput): Promise<ArticleView> {
      const body = validBody(input.body);
      const authorIds = [...new Set(input.authorIds ?? [])];
      const tagIds = [...new Set(input.tagIds ?? [])];
      checkCredit(authorIds, input.agencyCredit);
      const created = await db.transaction().execute(async (trx) => {
        await checkReferences(trx, input);
        const now = nowIso();
        const status = input.status ?? 'draft';
        if (status === 'published') {
          const problems = publishProblems({ headline: input.headline, sectionId: input.sectionId ?? null, body });
          if (problems[0]) throw unprocessable(problems[0].code, problems[0].message, problems[0].field);
        }
        const newId = await q.insertArticleRow(trx, {
          slug: await uniqueSlug(trx, input.slug, input.headline),
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
          published_at: status === 'published' ? (input.publishedAt ?? now) : null,
          updated_at: status === 'published' ? (input.publishedAt ?? now) : null,
          created_at: now,
          modified_at: now,
          revision: 1,
        });
        await q.replaceArticleAuthors(trx, newId, authorIds);
        await q.replaceArticleTags(trx, newId, tagIds);
        await indexer.upsert(trx, newId);
        return loadOne(trx, newId);
      });
      announce(null, created);
      return created;
    },

    /** Edits content fields. With `expectedRevision`, refuses (409) if someone saved in between. */
    async update(id: number, patch: ArticlePatch, expectedRevision?: number): Promise<ArticleView> {
      const body = patch.body !== undefined ? validBody(patch.body) : undefined;
      return edit(id, async (trx, current) => {
        if (expectedRevision !== undefined && expectedRevision !== current.revision) {
          throw conflict('ARTICLE_REVISION_CONFLICT', `Someone else saved this story (revision ${current.revision}); reload to see their changes.`, 'revision');
        }
        await checkReferences(trx, patch);
        checkCredit(patch.authorIds ?? current.authorIds, patch.agencyCredit !== undefined ? patch.agencyCredit : current.agencyCredit);
        const now = nowIso();
        const set: ArticleUpdate = {
          ...(patch.headline !== undefined && { headline: patch.headline }),
          ...(patch.slug !== undefined && { slug: await uniqueSlug(trx, patch.slug, patch.headline ?? current.headline, id) }),
          ...(patch.standfirst !== undefined && { standfirst: patch.standfirst }),
          ...(body !== undefined && { body: JSON.stringify(body) }),
          ...(patch.sectionId !== undefined && { section_id: patch.sectionId }),
          ...(patch.kind !== undefined && { kind: patch.kind }),
          ...(patch.datelinePlace !== undefined && { dateline_place: patch.datelinePlace }),
          ...(patch.datelineDate !== undefined && { dateline_date: patch.datelineDate }),
          ...(patch.agencyCredit !== undefined && { agency_credit: patch.agencyCredit }),
          ...(patch.featuredImageId !== undefined && { featured_image_id: patch.featuredImageId }),
          ...(patch.language !== undefined && { language: patch.language }),
          ...(patch.priority !== undefined && { priority: patch.priority }),
          ...(patch.seoTitle !== undefined && { seo_title: patch.seoTitle }),
          ...(patch.seoDescription !== undefined && { seo_description: patch.seoDescription }),
          ...(patch.source !== undefined && {
            source_agency: patch.source?.agency ?? null,
            source_guid: patch.source?.guid ?? null,
            source_version: patch.source?.version ?? null,
          }),
          modified_at: now,
          ...(current.status === 'published' && { updated_at: now }),
        };
        if (current.status === 'published') {
          const next = { headline: patch.headline ?? current.headline, sectionId: patch.sectionId !== undefined ? patch.sectionId : current.sectionId, body: body ?? current.body };
          const problems = publishProblems(next);
          if (problems[0]) throw unprocessable(problems[0].code, problems[0].message, problems[0].field);
        }
        if (!(await q.updateArticleRow(trx, id, current.revision, set))) {
          throw conflict('ARTICLE_REVISION_CONFLICT', 'Someone else saved this story at the same moment; reload and try again.', 'revision');
        }
        if (patch.authorIds) await q.replaceArticleAuthors(trx, id, [...new Set(patch.authorIds)]);
        if (patch.tagIds) await q.replaceArticleTags(trx, id, [...new Set(patch.tagIds)]);
      });
    },

    /** Moves a story live now (or keeps its first publication time when republished). */
    async publish(id: number): Promise<ArticleView> {
      return edit(id, async (trx, current) => {
        const problems = publishProblems(current);
        if (problems[0]) throw unprocessable(problems[0].code, problems[0].message, problems[0].field);
        if (current.status === 'killed') throw unprocessable('ARTICLE_KILLED', 'A killed story cannot be published again; make a new one.', 'status');
        const now = nowIso();
        await q.updateArticleRow(trx, id, current.revision, {
          status: 'published',
          published_at: current.publishedAt ?? now,
          updated_at: now,
          modified_at: now,
        });
      });
    },

    /** Takes a story off the site: 'unpublished' (can return) or 'killed' (legal/agency kill; never returns). */
    async takeDown(id: number, how: 'unpublished' | 'killed'): Promise<ArticleView> {
      return edit(id, async (trx, current) => {
        await q.updateArticleRow(trx, id, current.revision, { status: how, modified_at: nowIso() });
      });
    },

    /** Appends a correction or update note; readers see it and dateModified moves. */
    async addCorrection(id: number, note: { kind: CorrectionKind; text: string }): Promise<ArticleView> {
      return edit(id, async (trx, current) => {
        const now = nowIso();
        await q.insertCorrection(trx, { article_id: id, kind: note.kind, text: note.text, created_at: now });
        await q.updateArticleRow(trx, id, current.revision, { modified_at: now, ...(current.status === 'published' && { updated_at: now }) });
      });
    },

    async remove(id: number): Promise<void> {
      const removed = await db.transaction().execute(async (trx) => {
        const current = await loadOne(trx, id);
        await indexer.remove(trx, id);
        await q.deleteArticleRow(trx, id);
        return current;
      });
      announce(removed, null);
    },
  };
}

export type ArticleService = ReturnType<typeof createArticleService>;
