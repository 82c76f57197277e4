/**
 * Wire items in the newsroom's search. The wire feature calls the indexer
 * inside the transaction that writes an item (a new item, a newer version, a
 * kill), so the desk finds the item's current text and nothing else. Wire
 * documents are never live: readers' searches and the vocabulary leave them
 * out, and their ids sit below every story's (WIRE_KEY_BASE).
 */
import type { Db } from '../../db/index.js';
import type { IndexedText, SearchEngine } from './search.engine.js';
import { facetsOf } from './search.facets.js';
import { changes, plainBody } from './search.index.js';
import * as q from './search.queries.js';
import * as w from './search.wire.queries.js';
import { cleanText } from './search.text.js';
import { SORT_KEY_LOW_BITS, WIRE_KEY_BASE, sortKeyRange } from './search.js';

/** Status and kind of every wire document. */
export const WIRE_DOC = 'wire';

/** What the wire feature calls inside its write transactions (it defines the same shape). */
export interface WireSearchIndexer {
  upsert(trx: Db, wireItemId: number): Promise<void>;
  /** A new item's document, from the values just written (no read-back, no look-up: the ingest's hot path). */
  insertNew(trx: Db, item: w.WireSource): Promise<void>;
}

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
    facets: facetsOf({ section_id: null, language, status: WIRE_DOC, kind: WIRE_DOC, authorIds: [], tagIds: [] }),
  };
}

/** Writes the documents of these wire items (inserting, or updating what changed); items gone take theirs with them. */
export async function indexWireBatch(trx: Db, engine: SearchEngine, wireItemIds: readonly number[]): Promise<number> {
  const [sources, docs] = await Promise.all([w.wireSources(trx, wireItemIds), w.wireDocumentsOf(trx, wireItemIds)]);
  const existing = new Map(docs.map((d) => [d.wire_item_id, d]));
  const retext: IndexedText[] = [];
  const fresh: q.DocumentValues[] = [];
  for (const src of sources) {
    const next = wireDocumentOf(src);
    const old = existing.get(src.id);
    if (!old) {
      fresh.push(next);
      continue;
    }
    const { set, text } = changes(old, next);
    if (Object.keys(set).length > 0) await q.updateDocument(trx, old.id, set);
    if (text) retext.push(next);
  }
  await engine.insertDocuments(trx, fresh);
  await engine.indexText(trx, retext);
  return sources.length;
}

export function createWireSearchIndexer(engine: SearchEngine): WireSearchIndexer {
  return {
    async upsert(trx, wireItemId) {
      await indexWireBatch(trx, engine, [wireItemId]);
    },
    async insertNew(trx, item) {
      await engine.insertDocuments(trx, [wireDocumentOf(item)]);
    },
  };
}
