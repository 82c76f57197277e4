import type { Db } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import { noContentEvents, type ContentEvents } from '../../lib/events.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import { isSlug, slugify } from '../../lib/slug.js';
import { TAG_NAME_MAX, cleanTagName, tagSlugFor, toTag, type Tag } from './tag.js';
import * as q from './tag.queries.js';

export interface TagInput {
  /** Derived from the name when omitted. */
  slug?: string;
  name: string;
}

export const TAG_LIST_DEFAULT = 100;
export const TAG_LIST_MAX = 500;
/** More names than any one story should carry; importers with more are sending junk. */
export const FIND_OR_CREATE_MAX = 200;

function notFoundId(id: number) {
  return notFound('TAG_NOT_FOUND', `There is no tag ${id}.`, 'id');
}

function checkName(name: string): string {
  const clean = cleanTagName(name);
  if (clean === '' || name.trim().length > TAG_NAME_MAX) {
    throw invalid('TAG_NAME_INVALID', `A tag needs a name of 1 to ${TAG_NAME_MAX} characters.`, 'name');
  }
  return clean;
}

function checkSlug(slug: string): void {
  if (!isSlug(slug)) throw invalid('TAG_SLUG_INVALID', 'A slug is lowercase words joined by hyphens.', 'slug');
}

export function createTagService(deps: { db: Db; clock: Clock; events?: ContentEvents }) {
  const { db, clock } = deps;
  const events = deps.events ?? noContentEvents;

  async function checkSlugFree(trx: Db, slug: string, exceptId?: number): Promise<void> {
    const existing = await q.findTagRowBySlug(trx, slug);
    if (existing !== undefined && existing.id !== exceptId) {
      throw conflict('TAG_SLUG_TAKEN', `Another tag already uses the slug "${slug}".`, 'slug');
    }
  }

  async function get(id: number, trx: Db = db): Promise<Tag> {
    const row = await q.findTagRow(trx, id);
    if (!row) throw notFoundId(id);
    return toTag(row);
  }

  /** The batch behind findOrCreateByNames, on a given transaction. */
  async function findOrCreate(trx: Db, names: readonly string[]): Promise<Tag[]> {
    const wanted = new Map<string, string>(); // slug → name, first spelling wins
    for (const raw of names) {
      const name = cleanTagName(raw);
      if (name === '') continue;
      const slug = tagSlugFor(name);
      if (!wanted.has(slug)) wanted.set(slug, name);
    }
    if (wanted.size > FIND_OR_CREATE_MAX) {
      throw invalid('TAGS_TOO_MANY', `At most ${FIND_OR_CREATE_MAX} tags at once.`, 'tags');
    }
    const slugs = [...wanted.keys()];
    const existing = new Set((await q.findTagRowsBySlugs(trx, slugs)).map((r) => r.slug));
    const now = clock.now().toISOString();
    await q.insertTagsIfAbsent(
      trx,
      slugs.filter((s) => !existing.has(s)).map((slug) => ({ slug, name: wanted.get(slug) ?? slug, created_at: now })),
    );
    const bySlug = new Map((await q.findTagRowsBySlugs(trx, slugs)).map((r) => [r.slug, toTag(r)]));
    return slugs.flatMap((s) => bySlug.get(s) ?? []);
  }

  return {
    /** Tags by name; `q` keeps those whose name starts with it (for the editor's tag picker). */
    async list(opts: { q?: string | undefined; limit?: number | undefined } = {}): Promise<Tag[]> {
      const limit = Math.min(Math.max(opts.limit ?? TAG_LIST_DEFAULT, 1), TAG_LIST_MAX);
      const prefix = opts.q?.trim();
      return (await q.listTagRows(db, { prefix, limit })).map(toTag);
    },

    get: (id: number): Promise<Tag> => get(id),

    async getBySlug(slug: string): Promise<Tag> {
      const row = await q.findTagRowBySlug(db, slug);
      if (!row) throw notFound('TAG_NOT_FOUND', `There is no tag "${slug}".`, 'slug');
      return toTag(row);
    },

    /** Batch lookup: tags in the order of `ids`, unknown ids skipped, duplicates once. */
    async findByIds(ids: readonly number[], trx: Db = db): Promise<Tag[]> {
      const unique = [...new Set(ids)];
      const byId = new Map((await q.findTagRowsByIds(trx, unique)).map((r) => [r.id, toTag(r)]));
      return unique.flatMap((id) => byId.get(id) ?? []);
    },

    /**
     * For importers and the wire desk: the tags with these names, creating the
     * missing ones. Names are matched by slug, so "Monsoon" and "monsoon" are one
     * tag. Blank names are ignored. Result follows the order of first mention.
     * Pass `trx` to make it part of a larger transaction.
     */
    async findOrCreateByNames(names: readonly string[], trx?: Db): Promise<Tag[]> {
      if (trx) return findOrCreate(trx, names);
      return db.transaction().execute((t) => findOrCreate(t, names));
    },

    async create(input: TagInput): Promise<Tag> {
      const name = checkName(input.name);
      const slug = input.slug ?? slugify(name);
      if (slug === '') throw invalid('TAG_SLUG_REQUIRED', 'This name gives no Latin-letter slug; please supply one.', 'slug');
      checkSlug(slug);
      return db.transaction().execute(async (trx) => {
        await checkSlugFree(trx, slug);
        const id = await q.insertTag(trx, { slug, name, created_at: clock.now().toISOString() });
        return get(id, trx);
      });
    },

    async update(id: number, patch: Partial<TagInput>): Promise<Tag> {
      const name = patch.name === undefined ? undefined : checkName(patch.name);
      if (patch.slug !== undefined) checkSlug(patch.slug);
      const updated = await db.transaction().execute(async (trx) => {
        if (!(await q.findTagRow(trx, id))) throw notFoundId(id);
        if (patch.slug !== undefined) await checkSlugFree(trx, patch.slug, id);
        if (patch.slug !== undefined || name !== undefined) {
          await q.updateTagRow(trx, id, { ...(patch.slug !== undefined && { slug: patch.slug }), ...(name !== undefined && { name }) });
        }
        return get(id, trx);
      });
      events.emit({ keys: [`tag:${id}`] });
      return updated;
    },

    /** Deletes the tag and takes it off every story, in one transaction. */
    async remove(id: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if (!(await q.findTagRow(trx, id))) throw notFoundId(id);
        await q.deleteTagAndLinks(trx, id);
      });
      events.emit({ keys: [`tag:${id}`] });
    },
  };
}

export type TagService = ReturnType<typeof createTagService>;
