/** SQL of the wire items' search documents (the newsroom's wire search; see search.wire.ts). */
import type { Db } from '../../db/index.js';
import type { SearchDocumentRow } from '../../db/schema.js';

export interface WireSource {
  id: number;
  language: string;
  agency: string;
  received_at: string;
  updated_at: string;
  headline: string;
  standfirst: string;
  /** The normalised body as stored JSON. */
  body: string;
  killed_at: string | null;
}

export async function wireSources(db: Db, ids: readonly number[]): Promise<WireSource[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('wire_items')
    .select(['id', 'language', 'agency', 'received_at', 'updated_at', 'headline', 'standfirst', 'body', 'killed_at'])
    .where('id', 'in', ids)
    .execute();
}

export async function wireDocumentsOf(db: Db, wireItemIds: readonly number[]): Promise<SearchDocumentRow[]> {
  if (wireItemIds.length === 0) return [];
  return db.selectFrom('search_documents').selectAll().where('wire_item_id', 'in', wireItemIds).execute();
}

/** Wire items after `afterId` whose search document is missing or older than the item, in id order. */
export async function staleWireIds(db: Db, afterId: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('wire_items as w')
    .leftJoin('search_documents as d', 'd.wire_item_id', 'w.id')
    .select('w.id')
    .where('w.id', '>', afterId)
    .where((eb) => eb.or([eb('d.id', 'is', null), eb('d.modified_at', '<>', eb.ref('w.updated_at'))]))
    .orderBy('w.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
