/**
 * The wire desk's use cases: ingest files (wire.ingest.ts), the inbox and
 * its filters, one item with its versions and pictures, the diff of two
 * versions, Use (a draft linked to the item), applying an update to the
 * linked story, the refusals log, and finishing effects a crash left undone.
 */
import type { Db } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import { invalid } from '../../lib/errors.js';
import { renderBody, type Actor, type ArticleService } from '../articles/index.js';
import type { MediaService } from '../media/index.js';
import { diffVersions, type WireVersionDiff } from './wire.diff.js';
import { createWireEffects, type TagFinder } from './wire.effects.js';
import { wireAlreadyUsed, wireCursorInvalid, wireItemKilled, wireItemNotFound, wireNotUsed, wireVersionNotFound } from './wire.errors.js';
import { createWireEvents, type WireEvents, type WireListener } from './wire.events.js';
import { createWireIngest, type IngestContext } from './wire.ingest.js';
import { createWireRefusals, type RefusalInput } from './wire.refusals.js';
import { createPictureImporter, type FetchImpl, type PictureOptions } from './wire.pictures.js';
import {
  decodeWireCursor,
  encodeWireCursor,
  parseJsonStrings,
  parseSnapshot,
  toSummary,
  toWireItem,
  type IngestFileResult,
  type WireItem,
  type WireItemState,
  type WireItemSummary,
  type WireRefusalView,
  type WireIndexer,
} from './wire.js';
import * as q from './wire.queries.js';

export interface WireListQuery {
  agency?: string | undefined;
  subject?: string | undefined;
  maxPriority?: number | undefined;
  q?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  state?: WireItemState | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface WireItemDetail extends WireItemSummary {
  bodyHtml: string;
  keywords: string[];
  language: string;
  pictures: { mediaId: number; url: string; caption: string; credit: string }[];
  versions: { version: number; receivedAt: string; pubStatus: string; isCorrection: boolean }[];
}

export interface WireServiceDeps {
  db: Db;
  clock: Clock;
  articles: ArticleService;
  media: Pick<MediaService, 'upload' | 'findByIds' | 'url'>;
  /** The desk's live bus; one is made when not given. */
  events?: WireEvents | undefined;
  /** Maps subjects to tags on stories made from wire copy; subjects are not mapped without it. */
  tags?: TagFinder | undefined;
  fetchImpl?: FetchImpl | undefined;
  pictures?: Partial<PictureOptions> | undefined;
  /** Largest wire file read, in bytes (default 10 MB). */
  maxFileBytes?: number | undefined;
  /** Told about failures that are not the input's fault (a story effect that will be retried). */
  onError?: ((err: unknown, context: string) => void) | undefined;
  /** Keeps the newsroom's search in step: told of each item written, after its commit (search feature). */
  indexer?: WireIndexer | undefined;
}

export const WIRE_PAGE_DEFAULT = 50;
export const WIRE_PAGE_MAX = 200;
const FACET_WINDOW = 2000;
const RESUME_BATCH = 100;

function instantOf(value: string | undefined, field: 'since' | 'until'): string | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw invalid('WIRE_TIME_INVALID', `${field} must be a date and time (ISO 8601).`, field);
  return d.toISOString();
}

export function createWireService(deps: WireServiceDeps) {
  const { db, clock, articles, media } = deps;
  const events = deps.events ?? createWireEvents();
  const effects = createWireEffects({
    db,
    clock,
    articles,
    tags: deps.tags,
    emit: (e) => events.emit(e),
    onError: (err, id) => deps.onError?.(err, `wire item ${id}: story effects (left for resumePending)`),
  });

  async function mustLoad(id: number): Promise<WireItem> {
    const item = await effects.load(id);
    if (!item) throw wireItemNotFound(id);
    return item;
  }

  async function announceItem(id: number): Promise<void> {
    if (events.size() === 0) return;
    const item = await effects.load(id);
    if (item) events.emit({ type: 'item', item: toSummary(item) });
  }

  const refusalLog = createWireRefusals({ db, clock, emit: (e) => events.emit(e) });

  const ingest = createWireIngest({
    db,
    clock,
    maxFileBytes: deps.maxFileBytes,
    indexer: deps.indexer,
    pictures: createPictureImporter({ media, fetchImpl: deps.fetchImpl ?? ((url, init) => fetch(url, init)), options: deps.pictures }),
    async afterCommit(id, pending) {
      if (pending) await effects.settle(id);
      await announceItem(id);
    },
    refuse: async (r) => {
      await refusalLog.record(r);
    },
  });

  return {
    /** Never throws for bad input: a refused file is recorded and announced, and answered as 'refused'. */
    ingestFile: (bytes: Buffer, ctx: IngestContext): Promise<IngestFileResult> => ingest.ingestFile(bytes, ctx),

    /** For a drop folder that refuses a file itself (e.g. one it cannot read from disk). */
    recordRefusal: (r: RefusalInput): Promise<WireRefusalView> => refusalLog.record(r),

    subscribe: (listener: WireListener): (() => void) => events.subscribe(listener),

    async list(query: WireListQuery = {}): Promise<{ items: WireItemSummary[]; nextCursor: string | null }> {
      const limit = Math.min(Math.max(query.limit ?? WIRE_PAGE_DEFAULT, 1), WIRE_PAGE_MAX);
      const after = query.cursor === undefined ? undefined : decodeWireCursor(query.cursor);
      if (query.cursor !== undefined && !after) throw wireCursorInvalid();
      const words = (query.q ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '').slice(0, 8).map((w) => w.slice(0, 50));
      const rows = await q.listItemRows(db, {
        agency: query.agency,
        subject: query.subject?.trim().toLowerCase() || undefined,
        maxPriority: query.maxPriority,
        words,
        since: instantOf(query.since, 'since'),
        until: instantOf(query.until, 'until'),
        state: query.state,
        after,
        limit: limit + 1,
      });
      const more = rows.length > limit;
      const items = (more ? rows.slice(0, limit) : rows).map((r) => toSummary(toWireItem(r)));
      const last = items[items.length - 1];
      return { items, nextCursor: more && last ? encodeWireCursor(last.receivedAt, last.id) : null };
    },

    /** Summaries of these items, in the order given, unknown ids left out (the newsroom's wire search). */
    async getSummaries(ids: readonly number[]): Promise<WireItemSummary[]> {
      const byId = new Map((await q.findItemRows(db, ids)).map((r) => [r.id, toSummary(toWireItem(r))]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    async get(id: number): Promise<WireItemDetail> {
      const item = await mustLoad(id);
      const [versions, assets] = await Promise.all([q.listVersionRows(db, id), media.findByIds(item.pictureIds)]);
      return {
        ...toSummary(item),
        bodyHtml: renderBody(item.body).value,
        keywords: item.keywords,
        language: item.language,
        pictures: assets.map((a) => ({ mediaId: a.id, url: media.url(a), caption: a.caption, credit: a.credit })),
        versions: versions.map((v) => ({ version: v.version, receivedAt: v.received_at, pubStatus: v.pub_status, isCorrection: v.is_correction === 1 })),
      };
    },

    /** What changed from version `from` to `to` (default: the one before the latest, and the latest). */
    async diff(id: number, from?: number, to?: number): Promise<WireVersionDiff> {
      const item = await mustLoad(id);
      const toV = to ?? item.version;
      const versions = (await q.listVersionRows(db, id)).map((v) => v.version);
      const fromV = from ?? [...versions].reverse().find((v) => v < toV) ?? toV;
      const [before, after] = await Promise.all([q.findVersionSnapshot(db, id, fromV), q.findVersionSnapshot(db, id, toV)]);
      if (before === undefined) throw wireVersionNotFound(fromV, 'from');
      if (after === undefined) throw wireVersionNotFound(toV, 'to');
      return diffVersions(fromV, parseSnapshot(before), toV, parseSnapshot(after));
    },

    /** A draft pre-filled from the item and linked to it; a second Use is refused (409 WIRE_ALREADY_USED). */
    async use(id: number, actor: Actor): Promise<{ articleId: number }> {
      const item = await mustLoad(id);
      if (item.articleId !== null) throw wireAlreadyUsed(item.articleId);
      if (item.killed) throw wireItemKilled();
      const story = await effects.createStory(item, null, actor);
      if (!(await q.linkArticle(db, id, story.id))) {
        // Someone else's Use won the race: this draft goes, theirs stays.
        await articles.remove(story.id);
        const winner = await mustLoad(id);
        throw wireAlreadyUsed(winner.articleId ?? story.id);
      }
      await announceItem(id);
      return { articleId: story.id };
    },

    /** Copies the latest version into the linked story (as `actor`, so the workflow's rules apply). */
    async applyUpdate(id: number, actor: Actor): Promise<{ articleId: number }> {
      const item = await mustLoad(id);
      if (item.articleId === null) throw wireNotUsed();
      if (item.killed) throw wireItemKilled();
      await effects.applyToStory(item, item.articleId, actor);
      await announceItem(id);
      return { articleId: item.articleId };
    },

    refusals: (limit?: number): Promise<WireRefusalView[]> => refusalLog.list(limit),

    /** Agencies, and the subjects of the latest items (most frequent first), for the inbox's filters. */
    async facets(): Promise<{ agencies: string[]; subjects: string[] }> {
      const [agencies, lists] = await Promise.all([q.distinctAgencies(db), q.recentSubjectLists(db, FACET_WINDOW)]);
      const counts = new Map<string, number>();
      for (const list of lists) for (const s of parseJsonStrings(list)) counts.set(s, (counts.get(s) ?? 0) + 1);
      const subjects = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s]) => s).slice(0, 200);
      return { agencies, subjects };
    },

    /** Finishes the story effects a crash left undone (at start and after each folder scan). Answers how many items it settled. */
    async resumePending(): Promise<number> {
      let settled = 0;
      const tried = new Set<number>();
      for (;;) {
        const ids = (await q.pendingItemIds(db, RESUME_BATCH)).filter((id) => !tried.has(id));
        if (ids.length === 0) return settled;
        for (const id of ids) {
          tried.add(id);
          await effects.settle(id);
          await announceItem(id);
          settled++;
        }
      }
    },
  };
}

export type WireService = ReturnType<typeof createWireService>;
