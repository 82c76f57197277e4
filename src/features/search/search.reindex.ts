/**
 * Rebuilding the whole index (`dateline search reindex`, archive import):
 * every story's and wire item's document, a batch per transaction so the site
 * keeps serving and saving meanwhile; then the vocabulary recounted from the
 * live documents.
 */
import type { Db } from '../../db/index.js';
import type { SearchEngine } from './search.engine.js';
import { indexBatch, termsOf } from './search.index.js';
import * as q from './search.queries.js';
import { indexWireBatch } from './search.wire.js';

const REINDEX_BATCH = 500;

export interface ReindexReport {
  stories: number;
  wireItems: number;
  /** Documents whose story no longer exists (only after raw imports). */
  removed: number;
}

export async function reindexAll(db: Db, engine: SearchEngine, onProgress?: (done: number, total: number) => void): Promise<ReindexReport> {
  const [storyCount, wireCount] = await Promise.all([q.countRows(db, 'articles'), q.countRows(db, 'wire_items')]);
  const total = storyCount + wireCount;
  let done = 0;
  onProgress?.(0, total);
  const batches = async (next: (after: number) => Promise<number[]>, index: (trx: Db, ids: number[]) => Promise<number>): Promise<number> => {
    let indexed = 0;
    for (let after = 0; ; ) {
      const ids = await next(after);
      const last = ids[ids.length - 1];
      if (last === undefined) return indexed;
      const n = await db.transaction().execute((trx) => index(trx, ids));
      indexed += n;
      done += n;
      after = last;
      onProgress?.(Math.min(done, total), total);
    }
  };
  const stories = await batches((after) => q.idsAfter(db, 'articles', after, REINDEX_BATCH), (trx, ids) => indexBatch(trx, engine, ids, false));
  const wireItems = await batches((after) => q.idsAfter(db, 'wire_items', after, REINDEX_BATCH), (trx, ids) => indexWireBatch(trx, engine, ids));
  const orphans = await q.orphanDocumentIds(db);
  await db.transaction().execute(async (trx) => {
    await q.deleteDocuments(trx, orphans);
    await q.replaceTerms(trx, await recount(trx));
  });
  return { stories, wireItems, removed: orphans.length };
}

/** Counts, over all live documents, how many use each word. */
async function recount(db: Db): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let after = 0;
  for (;;) {
    const rows = await q.liveDocumentsAfter(db, after, REINDEX_BATCH);
    const last = rows[rows.length - 1];
    if (!last) break;
    for (const r of rows) for (const t of termsOf(r)) counts.set(t, (counts.get(t) ?? 0) + 1);
    after = last.id;
  }
  return counts;
}
