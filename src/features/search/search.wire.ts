/**
 * Wire items in the newsroom's search. The wire feature hands each item it
 * wrote (a new item, a newer version, a kill) to the index queue once its
 * transaction has committed; the queue writes the documents in batches, a
 * transaction each, a quarter of a second later. An agency's burst of items
 * then costs SQLite one full-text segment per batch rather than one per item
 * (written one by one they took about a third of an item's ingest time). What a crash leaves
 * unwritten, `catchUp` finds at the next start: items with no document, or
 * one older than the item. Wire documents are never live: readers' searches
 * and the vocabulary leave them out, and their ids sit below every story's
 * (WIRE_KEY_BASE).
 */
import type { Db } from '../../db/index.js';
import type { SearchEngine } from './search.engine.js';
import { facetToken, facetsOf } from './search.facets.js';
import { plainBody, writeDocuments } from './search.index.js';
import type * as q from './search.queries.js';
import * as w from './search.wire.queries.js';
import { cleanText } from './search.text.js';
import { SORT_KEY_LOW_BITS, WIRE_KEY_BASE, sortKeyRange } from './search.js';

/** Status and kind of every wire document. */
export const WIRE_DOC = 'wire';

/** What the wire feature calls after an item's commit (it defines the same shape). */
export interface WireIndexQueue {
  /** Index this item's current version soon: batched, a transaction a batch. */
  add(wireItemId: number): void;
  /** Writes everything queued now; resolves when written (shutdown, the CLI, tests). */
  drain(): Promise<void>;
  /**
   * Queues the items whose document is missing or older than the item (left by a crash, or received before the
   * upgrade that added wire search) and resolves, with how many, once they are written: at start.
   */
  catchUp(): Promise<number>;
}

/** Items per transaction. */
const BATCH = 200;
/** How long an item waits for others to share its batch. */
export const WIRE_INDEX_DELAY_MS = 250;
/** After a failed batch (the database away), its items are tried again this much later. */
const RETRY_MS = 5_000;

/** A wire item's sort key: its arrival's minute, then its id, less 2^53. */
export function wireSortKey(src: Pick<w.WireSource, 'id' | 'received_at'>): number {
  const minutes = Math.floor(Date.parse(src.received_at) / 60_000);
  return WIRE_KEY_BASE + (Number.isFinite(minutes) ? minutes : 0) * SORT_KEY_LOW_BITS + (src.id % SORT_KEY_LOW_BITS);
}

/** Document ids of wire items that arrived in [from, before): the engines skip the rest by range. */
export function wireKeyBounds(from: string | undefined, before: string | undefined): { minDocId: number; maxDocId: number } {
  return {
    minDocId: from !== undefined ? WIRE_KEY_BASE + sortKeyRange(from).min : WIRE_KEY_BASE,
    maxDocId: before !== undefined ? WIRE_KEY_BASE + sortKeyRange(before).min - 1 : -1,
  };
}

/** The language's primary subtag ("en-GB" → "en"), as stories carry it. */
const primaryLanguage = (code: string): string => (code.toLowerCase().split(/[-_]/)[0] ?? '').replace(/[^a-z]/g, '').slice(0, 10) || 'en';

export function wireDocumentOf(src: w.WireSource): q.DocumentValues {
  const language = primaryLanguage(src.language);
  return {
    id: wireSortKey(src),
    article_id: null,
    wire_item_id: src.id,
    language,
    status: WIRE_DOC,
    kind: WIRE_DOC,
    section_id: null,
    published_at: src.received_at,
    modified_at: src.updated_at,
    headline: cleanText(src.headline),
    standfirst: cleanText(src.standfirst),
    body: cleanText(plainBody(src.body)),
    facets: `${facetsOf({ section_id: null, language, status: WIRE_DOC, kind: WIRE_DOC, authorIds: [], tagIds: [] })} ${facetToken.agency(src.agency)}`,
  };
}

/** Writes the documents of these wire items (inserting, or updating what changed); items gone take theirs with them. */
export async function indexWireBatch(trx: Db, engine: SearchEngine, wireItemIds: readonly number[]): Promise<number> {
  const [sources, docs] = await Promise.all([w.wireSources(trx, wireItemIds), w.wireDocumentsOf(trx, wireItemIds)]);
  const existing = new Map(docs.map((d) => [d.wire_item_id, d]));
  await writeDocuments(trx, engine, sources.map((src) => ({ old: existing.get(src.id), next: wireDocumentOf(src) })));
  return sources.length;
}

export function createWireIndexQueue(deps: { db: Db; engine: SearchEngine; onError?: ((err: unknown) => void) | undefined }): WireIndexQueue {
  const { db, engine } = deps;
  const pending = new Set<number>();
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const schedule = (ms: number): void => {
    if (timer) return;
    timer = setTimeout(() => void flush(), ms);
    timer.unref();
  };

  /** The first `BATCH` ids queued, taken off the queue (without copying the rest: a catch-up can queue many). */
  function takeBatch(): number[] {
    const ids: number[] = [];
    for (const id of pending) {
      ids.push(id);
      if (ids.length === BATCH) break;
    }
    for (const id of ids) pending.delete(id);
    return ids;
  }

  /** Whether a write pass is queued behind the current one and not started: more calls then share it. */
  let queued = false;

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (queued) return writing;
    queued = true;
    // One writer at a time, in order: a drain waits for the batch already being written.
    writing = writing.then(async () => {
      queued = false;
      while (pending.size > 0) {
        const ids = takeBatch();
        try {
          await db.transaction().execute((trx) => indexWireBatch(trx, engine, ids));
        } catch (err) {
          deps.onError?.(err);
          for (const id of ids) pending.add(id);
          schedule(RETRY_MS);
          return;
        }
      }
    });
    return writing;
  }

  return {
    add(wireItemId) {
      pending.add(wireItemId);
      if (pending.size >= BATCH) void flush();
      else schedule(WIRE_INDEX_DELAY_MS);
    },
    drain: flush,
    async catchUp() {
      // Found a page at a time and queued: the one writer writes them in batches (a failed batch is retried like
      // any other), beside the items arriving meanwhile.
      let found = 0;
      for (let after = 0; ; ) {
        const ids = await w.staleWireIds(db, after, BATCH);
        const last = ids[ids.length - 1];
        if (last === undefined) break;
        for (const id of ids) pending.add(id);
        found += ids.length;
        void flush();
        after = last;
      }
      await flush();
      return found;
    },
  };
}
