/**
 * A story's history: every write left a revision (who, when, what action,
 * which fields, and a snapshot). Read it, compare any two revisions, and
 * restore an old one — which is itself a new revision; history is never
 * rewritten.
 */
import type { Db } from '../../db/index.js';
import type { ArticleRevisionRow } from '../../db/schema.js';
import { notFound } from '../../lib/errors.js';
import type { ArticleContext } from './article.context.js';
import type { ArticleView } from './article.hydrate.js';
import { applyPatch, type ArticlePatch } from './article.patch.js';
import { RESTORED_FIELDS, diffSnapshots, parseSnapshot, type SnapshotDiff, type StorySnapshot } from './article.snapshot.js';
import { assertAllowed, type Actor } from './article.workflow.js';
import { staleRevision } from './article.errors.js';
import * as q from './article.queries.js';
import * as rq from './revision.queries.js';

export interface RevisionSummary {
  revision: number;
  createdAt: string;
  /** Who made it: a person's name, an API token's name, or "Dateline" for the system. */
  by: string;
  byUserId: number | null;
  action: string;
  changed: string[];
}

export interface Revision extends RevisionSummary {
  story: StorySnapshot;
}

export interface RevisionDiff extends SnapshotDiff {
  from: number;
  to: number;
}

/** More than a story ever gathers in practice; a cap so a runaway autosave cannot make the list unbounded. */
const MAX_LISTED = 1000;

function summaryOf(row: Omit<ArticleRevisionRow, 'snapshot'>): RevisionSummary {
  let changed: string[] = [];
  try {
    const value: unknown = JSON.parse(row.changed);
    if (Array.isArray(value)) changed = value.filter((v): v is string => typeof v === 'string');
  } catch {
    // an unreadable list shows as "nothing recorded" rather than failing the history
  }
  return { revision: row.revision, createdAt: row.created_at, by: row.actor_name, byUserId: row.actor_user_id, action: row.action, changed };
}

/** The copy of a snapshot as a patch, leaving out references that no longer exist (a deleted section, image, author or tag). */
async function restorePatch(trx: Db, s: StorySnapshot): Promise<ArticlePatch> {
  const [sections, media, authors, tags] = await Promise.all([
    q.existingIds(trx, 'sections', s.sectionId !== null ? [s.sectionId] : []),
    q.existingIds(trx, 'media', s.featuredImageId !== null ? [s.featuredImageId] : []),
    q.existingIds(trx, 'authors', s.authorIds),
    q.existingIds(trx, 'tags', s.tagIds),
  ]);
  const copy = Object.fromEntries(RESTORED_FIELDS.map((f) => [f, s[f]])) as Pick<StorySnapshot, (typeof RESTORED_FIELDS)[number]>;
  return {
    ...copy,
    kind: copy.kind as ArticlePatch['kind'],
    sectionId: s.sectionId !== null && sections.has(s.sectionId) ? s.sectionId : null,
    featuredImageId: s.featuredImageId !== null && media.has(s.featuredImageId) ? s.featuredImageId : null,
    authorIds: s.authorIds.filter((id) => authors.has(id)),
    tagIds: s.tagIds.filter((id) => tags.has(id)),
  };
}

export function createArticleRevisions(c: ArticleContext) {
  async function rowsOf(db: Db, id: number, revisions: readonly number[]): Promise<Map<number, ArticleRevisionRow>> {
    return new Map((await rq.findRevisions(db, id, revisions)).map((r) => [r.revision, r]));
  }

  function missing(revision: number, field: string) {
    return notFound('ARTICLE_REVISION_NOT_FOUND', `This story has no revision ${revision}.`, field);
  }

  return {
    /** Newest first. */
    async listRevisions(id: number): Promise<RevisionSummary[]> {
      if (!(await q.findArticleRow(c.db, id))) throw notFound('ARTICLE_NOT_FOUND', `There is no story ${id}.`, 'id');
      return (await rq.listRevisions(c.db, id, MAX_LISTED)).map(summaryOf);
    },

    async getRevision(id: number, revision: number): Promise<Revision> {
      if (!(await q.findArticleRow(c.db, id))) throw notFound('ARTICLE_NOT_FOUND', `There is no story ${id}.`, 'id');
      const row = (await rowsOf(c.db, id, [revision])).get(revision);
      if (!row) throw missing(revision, 'rev');
      return { ...summaryOf(row), story: parseSnapshot(row.snapshot) };
    },

    /** What changed from revision `from` to `to` (default: the latest, and the one before it). */
    async diffRevisions(id: number, range: { from?: number; to?: number }): Promise<RevisionDiff> {
      const current = await q.findArticleRow(c.db, id);
      if (!current) throw notFound('ARTICLE_NOT_FOUND', `There is no story ${id}.`, 'id');
      const to = range.to ?? current.revision;
      const from = range.from ?? to - 1;
      const rows = await rowsOf(c.db, id, [from, to]);
      const before = rows.get(from);
      const after = rows.get(to);
      if (!before) throw missing(from, 'from');
      if (!after) throw missing(to, 'to');
      return { from, to, ...diffSnapshots(parseSnapshot(before.snapshot), parseSnapshot(after.snapshot)) };
    },

    /**
     * Puts back the copy of an old revision (not its slug or workflow state)
     * as a new revision. `expectedRevision` is the revision the caller is
     * looking at: a newer save in between is refused, as for any edit.
     */
    async restore(id: number, revision: number, actor: Actor, expectedRevision: number): Promise<ArticleView> {
      const { after } = await c.edit(id, actor, 'restore', async (trx, current) => {
        assertAllowed(current, actor.role, 'edit');
        if (expectedRevision !== current.revision) throw staleRevision(current.revision);
        const row = (await rowsOf(trx, id, [revision])).get(revision);
        if (!row) throw missing(revision, 'rev');
        await applyPatch(c, trx, current, await restorePatch(trx, parseSnapshot(row.snapshot)), actor);
      });
      return after;
    },
  };
}
