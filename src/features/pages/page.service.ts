import type { Db } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import { noContentEvents, type ContentEvents } from '../../lib/events.js';
import { conflict, invalid, notFound, unprocessable } from '../../lib/errors.js';
import { isSlug } from '../../lib/slug.js';
import { parseBody, type BodyDocument } from '../articles/index.js';
import { PAGE_LIMITS, isPageStatus, toPage, toPageSummary, type Page, type PageStatus, type PageSummary } from './page.js';
import * as q from './page.queries.js';

export interface PageInput {
  slug: string;
  title: string;
  /** Untrusted story-body JSON; validated with parseBody. */
  body: unknown;
  seoDescription?: string;
  /** New pages start as drafts. */
  status?: PageStatus;
}

function notFoundId(id: number) {
  return notFound('PAGE_NOT_FOUND', `There is no page ${id}.`, 'id');
}

/** Field rules the HTTP schema also states; repeated because seeders and importers call the service directly. */
function checkFields(input: Partial<PageInput>): void {
  if (input.slug !== undefined && !isSlug(input.slug)) throw invalid('PAGE_SLUG_INVALID', 'A slug is lowercase words joined by hyphens.', 'slug');
  if (input.title !== undefined && (input.title.trim() === '' || input.title.length > PAGE_LIMITS.title)) {
    throw invalid('PAGE_TITLE_INVALID', `A page needs a title of 1 to ${PAGE_LIMITS.title} characters.`, 'title');
  }
  if (input.seoDescription !== undefined && input.seoDescription.length > PAGE_LIMITS.seoDescription) {
    throw invalid('PAGE_SEO_DESCRIPTION_TOO_LONG', `The description may have at most ${PAGE_LIMITS.seoDescription} characters.`, 'seoDescription');
  }
  if (input.status !== undefined && !isPageStatus(input.status)) {
    throw invalid('PAGE_STATUS_INVALID', 'A page is either "draft" or "published".', 'status');
  }
}

/** Validates and normalises the body; a broken document is well-formed JSON that breaks the body rules, hence 422. */
function checkedBody(input: unknown): BodyDocument {
  const parsed = parseBody(input);
  if (!parsed.ok) throw unprocessable(parsed.error.code, parsed.error.message, parsed.error.field);
  return parsed.value;
}

export function createPageService(deps: { db: Db; clock: Clock; events?: ContentEvents }) {
  const { db, clock } = deps;
  const events = deps.events ?? noContentEvents;
  const announce = (page: Page): Page => {
    events.emit({ keys: [`page:${page.id}`] });
    return page;
  };

  async function checkSlugFree(trx: Db, slug: string, exceptId?: number): Promise<void> {
    const existing = await q.findPageIdBySlug(trx, slug);
    if (existing !== undefined && existing !== exceptId) {
      throw conflict('PAGE_SLUG_TAKEN', `Another page already uses the slug "${slug}".`, 'slug');
    }
  }

  async function get(id: number, trx: Db = db): Promise<Page> {
    const row = await q.findPageRow(trx, id);
    if (!row) throw notFoundId(id);
    return toPage(row);
  }

  return {
    /** Pages by title, without bodies. Published only unless `includeDrafts` (staff). */
    async list(opts: { includeDrafts?: boolean } = {}): Promise<PageSummary[]> {
      const rows = await q.listPageSummaryRows(db, opts.includeDrafts ? {} : { status: 'published' });
      return rows.map(toPageSummary);
    },

    /** Any page, drafts included (staff). */
    get: (id: number): Promise<Page> => get(id),

    /** Any page by slug, drafts included (staff). */
    async getBySlug(slug: string): Promise<Page> {
      const row = await q.findPageRowBySlug(db, slug);
      if (!row) throw notFound('PAGE_NOT_FOUND', `There is no page "${slug}".`, 'slug');
      return toPage(row);
    },

    /** A published page by slug (readers). A draft answers exactly like a missing page, so drafts do not leak. */
    async getPublished(slug: string): Promise<Page> {
      const row = await q.findPageRowBySlug(db, slug);
      if (!row || row.status !== 'published') throw notFound('PAGE_NOT_FOUND', `There is no page "${slug}".`, 'slug');
      return toPage(row);
    },

    async create(input: PageInput): Promise<Page> {
      checkFields(input);
      const body = checkedBody(input.body);
      const created = await db.transaction().execute(async (trx) => {
        await checkSlugFree(trx, input.slug);
        const now = clock.now().toISOString();
        const id = await q.insertPage(trx, {
          slug: input.slug,
          title: input.title.trim(),
          body: JSON.stringify(body),
          seo_description: input.seoDescription?.trim() ?? '',
          status: input.status ?? 'draft',
          created_at: now,
          updated_at: now,
        });
        return get(id, trx);
      });
      return announce(created);
    },

    /** Changes only the fields given; `body` replaces the whole document. */
    async update(id: number, patch: Partial<PageInput>): Promise<Page> {
      checkFields(patch);
      const body = patch.body === undefined ? undefined : checkedBody(patch.body);
      const updated = await db.transaction().execute(async (trx) => {
        if (!(await q.findPageRow(trx, id))) throw notFoundId(id);
        if (patch.slug !== undefined) await checkSlugFree(trx, patch.slug, id);
        await q.updatePageRow(trx, id, {
          ...(patch.slug !== undefined && { slug: patch.slug }),
          ...(patch.title !== undefined && { title: patch.title.trim() }),
          ...(body !== undefined && { body: JSON.stringify(body) }),
          ...(patch.seoDescription !== undefined && { seo_description: patch.seoDescription.trim() }),
          ...(patch.status !== undefined && { status: patch.status }),
          updated_at: clock.now().toISOString(),
        });
        return get(id, trx);
      });
      return announce(updated);
    },

    async remove(id: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if (!(await q.findPageRow(trx, id))) throw notFoundId(id);
        await q.deletePageRow(trx, id);
      });
      events.emit({ keys: [`page:${id}`] });
    },
  };
}

export type PageService = ReturnType<typeof createPageService>;
