import type { Db } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import { noContentEvents, type ContentEvents } from '../../lib/events.js';
import { conflict, invalid, notFound, unprocessable } from '../../lib/errors.js';
import { isSlug, slugify } from '../../lib/slug.js';
import { AUTHOR_LIMITS, compactSocial, socialProblem, toAuthor, type Author, type AuthorSocial } from './author.js';
import * as q from './author.queries.js';

export interface AuthorInput {
  /** Derived from the name when omitted. */
  slug?: string;
  name: string;
  title?: string;
  bio?: string;
  photoId?: number | null;
  social?: AuthorSocial;
}

export interface AuthorPage {
  items: Author[];
  /** Opaque; pass back as `cursor` for the next page. Null on the last page. */
  nextCursor: string | null;
}

export const AUTHOR_PAGE_DEFAULT = 50;
export const AUTHOR_PAGE_MAX = 200;
/** A guard, not a feature: list() is for small sets; beyond this, page with listPage(). */
const ALL_AUTHORS_CAP = 10_000;

function encodeCursor(pos: q.AuthorPosition): string {
  return Buffer.from(JSON.stringify([pos.name, pos.id])).toString('base64url');
}

function decodeCursor(cursor: string): q.AuthorPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && Number.isSafeInteger(value[1])) {
      return { name: value[0], id: value[1] as number };
    }
  } catch {
    // fall through to the coded error below
  }
  throw invalid('CURSOR_INVALID', 'This cursor is not one we issued; start again without it.', 'cursor');
}

function notFoundId(id: number) {
  return notFound('AUTHOR_NOT_FOUND', `There is no author ${id}.`, 'id');
}

/** Field rules the HTTP schema also states; repeated here because importers call the service directly. */
function checkFields(input: Partial<AuthorInput>): void {
  if (input.name !== undefined && (input.name.trim() === '' || input.name.length > AUTHOR_LIMITS.name)) {
    throw invalid('AUTHOR_NAME_INVALID', `An author needs a name of 1 to ${AUTHOR_LIMITS.name} characters.`, 'name');
  }
  if (input.title !== undefined && input.title.length > AUTHOR_LIMITS.title) {
    throw invalid('AUTHOR_TITLE_TOO_LONG', `The title may have at most ${AUTHOR_LIMITS.title} characters.`, 'title');
  }
  if (input.bio !== undefined && input.bio.length > AUTHOR_LIMITS.bio) {
    throw invalid('AUTHOR_BIO_TOO_LONG', `The bio may have at most ${AUTHOR_LIMITS.bio} characters.`, 'bio');
  }
  if (input.slug !== undefined && !isSlug(input.slug)) {
    throw invalid('AUTHOR_SLUG_INVALID', 'A slug is lowercase words joined by hyphens.', 'slug');
  }
  if (input.social !== undefined) {
    const problem = socialProblem(compactSocial(input.social));
    if (problem) throw invalid('AUTHOR_SOCIAL_INVALID', problem.message, problem.field);
  }
}

export function createAuthorService(deps: { db: Db; clock: Clock; events?: ContentEvents }) {
  const { db, clock } = deps;
  const events = deps.events ?? noContentEvents;

  async function checkSlugFree(trx: Db, slug: string, exceptId?: number): Promise<void> {
    const existing = await q.findAuthorIdBySlug(trx, slug);
    if (existing !== undefined && existing !== exceptId) {
      throw conflict('AUTHOR_SLUG_TAKEN', `Another author already uses the slug "${slug}".`, 'slug');
    }
  }

  async function checkPhoto(trx: Db, photoId: number | null | undefined): Promise<void> {
    if (photoId === null || photoId === undefined) return;
    if (!(await q.mediaExists(trx, photoId))) {
      throw unprocessable('AUTHOR_PHOTO_NOT_FOUND', `There is no media item ${photoId} to use as the photo.`, 'photoId');
    }
  }

  async function get(id: number, trx: Db = db): Promise<Author> {
    const row = await q.findAuthorRow(trx, id);
    if (!row) throw notFoundId(id);
    return toAuthor(row);
  }

  return {
    /** Every author in name order: for pickers and seeding, where a paper's few hundred authors fit in one answer. */
    async list(): Promise<Author[]> {
      return (await q.listAuthorRows(db, { limit: ALL_AUTHORS_CAP })).map(toAuthor);
    },

    /** One page of authors in name order (the HTTP lists). */
    async listPage(opts: { cursor?: string | undefined; limit?: number | undefined } = {}): Promise<AuthorPage> {
      const limit = Math.min(Math.max(opts.limit ?? AUTHOR_PAGE_DEFAULT, 1), AUTHOR_PAGE_MAX);
      const after = opts.cursor ? decodeCursor(opts.cursor) : undefined;
      // One extra row tells us whether a next page exists without a count query.
      const rows = await q.listAuthorRows(db, { limit: limit + 1, after });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(toAuthor),
        nextCursor: rows.length > limit && last ? encodeCursor({ name: last.name, id: last.id }) : null,
      };
    },

    get: (id: number): Promise<Author> => get(id),

    async getBySlug(slug: string): Promise<Author> {
      const row = await q.findAuthorRowBySlug(db, slug);
      if (!row) throw notFound('AUTHOR_NOT_FOUND', `There is no author "${slug}".`, 'slug');
      return toAuthor(row);
    },

    /** Batch lookup for bylines: authors in the order of `ids`, unknown ids skipped, duplicates once. */
    async findByIds(ids: readonly number[], trx: Db = db): Promise<Author[]> {
      const unique = [...new Set(ids)];
      const byId = new Map((await q.findAuthorRowsByIds(trx, unique)).map((r) => [r.id, toAuthor(r)]));
      return unique.flatMap((id) => byId.get(id) ?? []);
    },

    async create(input: AuthorInput): Promise<Author> {
      const slug = input.slug ?? slugify(input.name);
      if (slug === '') throw invalid('AUTHOR_SLUG_REQUIRED', 'This name gives no Latin-letter slug; please supply one.', 'slug');
      checkFields({ ...input, slug });
      return db.transaction().execute(async (trx) => {
        await checkSlugFree(trx, slug);
        await checkPhoto(trx, input.photoId);
        const now = clock.now().toISOString();
        const id = await q.insertAuthor(trx, {
          slug,
          name: input.name.trim(),
          title: input.title?.trim() ?? '',
          bio: input.bio?.trim() ?? '',
          photo_id: input.photoId ?? null,
          social: JSON.stringify(compactSocial(input.social ?? {})),
          created_at: now,
          updated_at: now,
        });
        return get(id, trx);
      });
    },

    /** Changes only the fields given; `social` replaces the whole set of links. */
    async update(id: number, patch: Partial<AuthorInput>): Promise<Author> {
      checkFields(patch);
      const updated = await db.transaction().execute(async (trx) => {
        if (!(await q.findAuthorRow(trx, id))) throw notFoundId(id);
        if (patch.slug !== undefined) await checkSlugFree(trx, patch.slug, id);
        await checkPhoto(trx, patch.photoId);
        await q.updateAuthorRow(trx, id, {
          ...(patch.slug !== undefined && { slug: patch.slug }),
          ...(patch.name !== undefined && { name: patch.name.trim() }),
          ...(patch.title !== undefined && { title: patch.title.trim() }),
          ...(patch.bio !== undefined && { bio: patch.bio.trim() }),
          ...(patch.photoId !== undefined && { photo_id: patch.photoId }),
          ...(patch.social !== undefined && { social: JSON.stringify(compactSocial(patch.social)) }),
          updated_at: clock.now().toISOString(),
        });
        return get(id, trx);
      });
      // The author page and every story page carrying the byline (they list author:<id> among their keys).
      events.emit({ keys: [`author:${id}`] });
      return updated;
    },

    /** Refuses while any story carries the author's byline: stories must not lose their credit silently. */
    async remove(id: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if (!(await q.findAuthorRow(trx, id))) throw notFoundId(id);
        const bylines = await q.countAuthorBylines(trx, id);
        if (bylines > 0) {
          throw conflict('AUTHOR_IN_USE', `This author is in the byline of ${bylines} story(ies); take them off those first.`, 'id');
        }
        await q.deleteAuthorRow(trx, id);
      });
      events.emit({ keys: [`author:${id}`] });
    },
  };
}

export type AuthorService = ReturnType<typeof createAuthorService>;
