/**
 * The machinery every story use case shares: loading a story, the one
 * transaction an edit runs in (revision history and search index written
 * inside it, cached pages purged after it commits), and the checks a write
 * makes on its input.
 */
import type { Db } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import { noContentEvents, type ContentEvents } from '../../lib/events.js';
import { conflict, invalid, notFound, unprocessable } from '../../lib/errors.js';
import { slugify } from '../../lib/slug.js';
import { emptyBody, parseBody, type BodyDocument } from './body/index.js';
import { hydrate, type ArticleView } from './article.hydrate.js';
import { storyChangeKeys } from './article.keys.js';
import { EMPTY_SNAPSHOT, changedFields, snapshotOf } from './article.snapshot.js';
import type { Actor } from './article.workflow.js';
import * as q from './article.queries.js';
import * as rq from './revision.queries.js';

/**
 * Keeps a derived index (search) in step: called inside every write
 * transaction, so the index changes together with the story or not at all.
 */
export interface ArticleIndexer {
  upsert(trx: Db, articleId: number): Promise<void>;
  remove(trx: Db, articleId: number): Promise<void>;
}

const noIndexer: ArticleIndexer = { upsert: () => Promise.resolve(), remove: () => Promise.resolve() };

export interface ArticleDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
  events?: ContentEvents;
  indexer?: ArticleIndexer;
}

/** What a revision records as having happened. */
export type RevisionAction =
  | 'create'
  | 'save'
  | 'restore'
  | 'submit'
  | 'take'
  | 'ready'
  | 'send-back'
  | 'publish'
  | 'publish-scheduled'
  | 'schedule'
  | 'schedule-failed'
  | 'unschedule'
  | 'unpublish'
  | 'kill'
  | 'correct'
  | 'baseline';

/** An edit's answer: nothing to do (false), done as asked (void), or done as another action (e.g. a failed scheduled publication). */
export type Applied = false | void | RevisionAction;

export function createArticleContext(deps: ArticleDeps) {
  const { db, clock, publicUrl } = deps;
  const events = deps.events ?? noContentEvents;
  const indexer = deps.indexer ?? noIndexer;
  const nowIso = (): string => clock.now().toISOString();

  /** Announces the reader pages a committed change touched; called only after the commit. */
  function announce(before: ArticleView | null, after: ArticleView | null): void {
    const keys = storyChangeKeys(before, after);
    if (keys.length > 0) events.emit({ keys });
  }

  async function loadOne(trx: Db, id: number): Promise<ArticleView> {
    const row = await q.findArticleRow(trx, id);
    if (!row) throw notFound('ARTICLE_NOT_FOUND', `There is no story ${id}.`, 'id');
    const [view] = await hydrate(trx, [row], publicUrl, { bodyMedia: true });
    if (!view) throw notFound('ARTICLE_NOT_FOUND', `There is no story ${id}.`, 'id');
    return view;
  }

  /**
   * Records one write in the story's history, in the writing transaction.
   * A story with no history yet (written before revisions existed, or
   * imported without them) first gets its previous state as a baseline, so
   * even its first recorded change can be compared and undone.
   */
  async function recordRevision(trx: Db, before: ArticleView | null, after: ArticleView, actor: Actor, action: RevisionAction): Promise<void> {
    const now = nowIso();
    if (before && (await rq.latestRevisionNumber(trx, after.id)) === undefined) {
      await rq.insertRevision(trx, {
        article_id: after.id,
        revision: before.revision,
        created_at: before.modifiedAt,
        actor_user_id: null,
        actor_name: before.lastEditedBy ?? 'Dateline',
        action: 'baseline',
        changed: '[]',
        snapshot: JSON.stringify(snapshotOf(before)),
      });
    }
    const snapshot = snapshotOf(after);
    await rq.insertRevision(trx, {
      article_id: after.id,
      revision: after.revision,
      created_at: now,
      actor_user_id: actor.userId,
      actor_name: actor.name,
      action,
      changed: JSON.stringify(changedFields(before ? snapshotOf(before) : EMPTY_SNAPSHOT, snapshot)),
      snapshot: JSON.stringify(snapshot),
    });
  }

  /**
   * One edit of an existing story in one transaction: `apply` gets the story
   * as it was and writes; the story as it now is is read in the same
   * transaction, its revision recorded and its index entry refreshed, and the
   * change is announced once the commit has succeeded. An `apply` that throws
   * rolls back and announces nothing; one that answers false wrote nothing.
   */
  async function edit(id: number, actor: Actor, action: RevisionAction, apply: (trx: Db, current: ArticleView) => Promise<Applied>): Promise<{ before: ArticleView; after: ArticleView; done: boolean }> {
    const result = await db.transaction().execute(async (trx) => {
      const current = await loadOne(trx, id);
      const applied = await apply(trx, current);
      if (applied === false) return { before: current, after: current, done: false };
      const after = await loadOne(trx, id);
      await recordRevision(trx, current, after, actor, applied ?? action);
      await indexer.upsert(trx, id);
      return { before: current, after, done: true };
    });
    if (result.done) announce(result.before, result.after);
    return result;
  }

  /** The usual write of an edit: refused (409) when someone saved in between. */
  async function writeRow(trx: Db, current: ArticleView, set: Parameters<typeof q.updateArticleRow>[3]): Promise<void> {
    if (!(await q.updateArticleRow(trx, current.id, current.revision, { modified_at: nowIso(), ...set }))) {
      throw conflict('ARTICLE_REVISION_CONFLICT', 'Someone else saved this story at the same moment; reload and try again.', 'revision');
    }
  }

  function validBody(body: unknown): BodyDocument {
    if (body === undefined) return emptyBody();
    const parsed = parseBody(body);
    if (!parsed.ok) throw unprocessable(parsed.error.code, parsed.error.message, parsed.error.field);
    return parsed.value;
  }

  async function checkReferences(trx: Db, input: { sectionId?: number | null; featuredImageId?: number | null; authorIds?: readonly number[]; tagIds?: readonly number[] }): Promise<void> {
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

  return { db, clock, publicUrl, indexer, nowIso, announce, loadOne, recordRevision, edit, writeRow, validBody, checkReferences, checkCredit, uniqueSlug };
}

export type ArticleContext = ReturnType<typeof createArticleContext>;

/** Timestamps from requests may carry any offset; stored ones are UTC with milliseconds so they compare as text. */
export function normaliseInstant(value: string, field: string): string {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw invalid('VALIDATION_FAILED', `"${field}" must be a date and time (ISO 8601).`, field);
  return new Date(t).toISOString();
}
