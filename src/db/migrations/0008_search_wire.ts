/**
 * Wire items in the newsroom's search: a search document may index a wire
 * item instead of a story (its own reference column, deleted with the item).
 * Wire documents have ids below zero (see features/search/search.ts), so the
 * engines keep the two apart by id range as well as by column. Items received
 * before this migration are indexed at the next start (the wire index queue's
 * catch-up) or by `dateline search reindex`.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect/index.js';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('search_documents')
    .addColumn('wire_item_id', 'integer', (c) => c.references('wire_items.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('search_documents_wire_item_idx').on('search_documents').column('wire_item_id').unique().execute();
}
