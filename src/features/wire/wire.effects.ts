/**
 * What wire items do to stories, always through the articles service and
 * after the item's own commit: a rule makes (and publishes or schedules) a
 * story, a newer version is applied to the story or flagged, a kill kills it.
 *
 * Crash safety: the ingest sets `pending_effects` in the item's transaction;
 * `settle` clears it only once the effects are done, and every step checks
 * the state first (a story already made from this agency id is linked, not
 * made again; a story already killed is left alone), so running `settle`
 * again after a crash finishes the work exactly once.
 */
import type { Db } from '../../db/index.js';
import { isAppError } from '../../lib/errors.js';
import type { Clock } from '../../lib/clock.js';
import { SYSTEM_ACTOR, type Actor, type ArticleInput, type ArticlePatch, type ArticleService, type ArticleView } from '../articles/index.js';
import { matchRule, parseRules, toWireItem, type WireEvent, type WireItem, type WireRule } from './wire.js';
import * as q from './wire.queries.js';

export interface TagFinder {
  findOrCreateByNames(names: readonly string[]): Promise<{ id: number }[]>;
}

export interface EffectDeps {
  db: Db;
  clock: Clock;
  articles: ArticleService;
  tags?: TagFinder | undefined;
  emit: (event: WireEvent) => void;
  /** Told about effects that failed for a reason other than a refusal (those are alerts). */
  onError?: ((err: unknown, wireItemId: number) => void) | undefined;
}

const MAX_TAGS = 20;

export function createWireEffects(deps: EffectDeps) {
  const { db, articles } = deps;

  async function tagIdsFor(item: WireItem): Promise<number[]> {
    if (!deps.tags || item.subjects.length === 0) return [];
    return (await deps.tags.findOrCreateByNames(item.subjects.slice(0, MAX_TAGS))).map((t) => t.id);
  }

  /** The story fields wire copy fills in (the same for Use, rules and updates). */
  function copyFields(item: WireItem): Omit<ArticleInput, 'headline'> & { headline: string } {
    return {
      headline: item.headline,
      standfirst: item.standfirst,
      body: item.body,
      datelinePlace: item.datelinePlace,
      datelineDate: item.datelineDate,
      agencyCredit: item.credit || item.agency,
      language: item.language,
      source: { agency: item.agency, guid: item.guid, version: String(item.version) },
      ...(item.pictureIds[0] !== undefined && { featuredImageId: item.pictureIds[0] }),
    };
  }

  async function load(id: number): Promise<WireItem | undefined> {
    const row = await q.findItemRow(db, id);
    return row ? toWireItem(row) : undefined;
  }

  /** A draft made from the item (Use, or a rule), not yet linked to it. */
  async function createStory(item: WireItem, sectionId: number | null, actor: Actor): Promise<ArticleView> {
    return articles.create(
      { ...copyFields(item), sectionId, tagIds: await tagIdsFor(item), ...(item.embargoUntil !== null && { embargoUntil: item.embargoUntil }) },
      actor,
    );
  }

  /** The latest version's copy into the linked story. An embargo is only carried while the story is not live. */
  async function applyToStory(item: WireItem, articleId: number, actor: Actor): Promise<ArticleView> {
    const story = await articles.get(articleId);
    const patch: ArticlePatch = { ...copyFields(item) };
    if (story.status !== 'published' && item.embargoUntil !== null) patch.embargoUntil = item.embargoUntil;
    // The desk may have chosen another picture; only fill an empty slot.
    if (story.featuredImageId !== null) delete patch.featuredImageId;
    const after = await articles.update(articleId, patch, actor);
    await q.updateItem(db, item.id, { update_available: 0 });
    return after;
  }

  /** Publishes now, or schedules for the embargo when it still holds. */
  async function goLive(story: ArticleView): Promise<void> {
    if (story.status === 'published' || story.status === 'scheduled' || story.status === 'killed') return;
    const now = deps.clock.now().toISOString();
    if (story.embargoUntil !== null && story.embargoUntil > now) await articles.schedule(story.id, story.embargoUntil, SYSTEM_ACTOR);
    else await articles.publish(story.id, SYSTEM_ACTOR);
  }

  async function applyRule(item: WireItem, rule: WireRule): Promise<void> {
    // A story from this agency id may exist already: made before a crash lost its link.
    const existing = await q.findArticleIdBySource(db, item.agency, item.guid);
    const story = existing !== undefined ? await articles.get(existing) : await createStory(item, rule.sectionId, SYSTEM_ACTOR);
    await q.linkArticle(db, item.id, story.id);
    if (rule.action === 'publish') await goLive(story);
  }

  async function sourceOf(item: WireItem): Promise<{ rules: WireRule[]; autoApplyUpdates: boolean }> {
    const row = item.sourceId === null ? undefined : await q.findSourceSettings(db, item.sourceId);
    return { rules: parseRules(row?.rules), autoApplyUpdates: row?.auto_apply_updates === 1 };
  }

  async function killStory(item: WireItem): Promise<void> {
    let articleId: number | null = null;
    const what = `${item.agency} ${item.pubStatus === 'withheld' ? 'withheld' : 'killed'} "${item.headline}" (version ${item.version})`;
    if (item.articleId !== null) {
      articleId = item.articleId;
      const story = await articles.get(item.articleId);
      // The note stays on the story, so whoever opens it later sees why it went down, not only who was watching the desk.
      if (story.status !== 'killed') await articles.takeDown(story.id, 'killed', SYSTEM_ACTOR, `${what}; the story was taken off the site.`);
    }
    deps.emit({ type: 'alert', wireItemId: item.id, articleId, message: `${what}${articleId !== null ? `; story ${articleId} was taken off the site` : ''}.` });
  }

  async function run(item: WireItem): Promise<void> {
    if (item.killed) return killStory(item);
    const source = await sourceOf(item);
    if (item.articleId === null) {
      // Rules act on an item as it first arrives, never on a later version of one the desk passed over.
      const rule = item.receivedAt === item.updatedAt ? matchRule(source.rules, item) : undefined;
      if (rule) await applyRule(item, rule);
      return;
    }
    const story = await articles.get(item.articleId);
    if (source.autoApplyUpdates && story.status !== 'killed') {
      if (story.source?.version !== String(item.version)) await applyToStory(item, story.id, SYSTEM_ACTOR);
      return;
    }
    if (item.updateAvailable) {
      deps.emit({
        type: 'alert',
        wireItemId: item.id,
        articleId: story.id,
        message: `${item.agency} sent ${item.isCorrection ? 'a correction' : 'version ' + item.version} of "${item.headline}", used in story ${story.id}: an update is available.`,
      });
    }
  }

  return {
    copyFields,
    createStory,
    applyToStory,
    load,

    /**
     * Finishes the story effects of one item and clears its pending mark. A
     * refusal by the articles service (a deleted section, a story someone
     * killed) is told to the desk as an alert and not retried; any other
     * failure leaves the mark for resumePending.
     */
    async settle(id: number): Promise<void> {
      const item = await load(id);
      if (!item || !item.pendingEffects) return;
      try {
        await run(item);
      } catch (err) {
        if (!isAppError(err)) {
          deps.onError?.(err, id);
          return;
        }
        deps.emit({ type: 'alert', wireItemId: id, articleId: item.articleId, message: `Could not act on "${item.headline}": ${err.message}` });
      }
      await q.clearPending(db, id);
    },
  };
}

export type WireEffects = ReturnType<typeof createWireEffects>;
