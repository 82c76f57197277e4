/**
 * All SQL of wire items, their versions and the refusals log (the sources'
 * SQL is in wire.sources.queries.ts). Functions take the db or a transaction
 * first, so the ingest composes them into one transaction per item.
 */
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db/index.js';
import type { WireItemsTable, WireItemVersionsTable, WireRefusalsTable } from '../../db/schema.wire.js';
import type { SummaryJoins, WireItemRow, WireItemState } from './wire.js';

export type NewWireItemRow = Insertable<WireItemsTable>;
export type WireItemUpdate = Updateable<WireItemsTable>;

/** The one lookup every ingested item makes: is this agency id known, at which version. */
export async function findItemKey(db: Db, agency: string, guid: string): Promise<{ id: number; version: number; article_id: number | null; killed_at: string | null } | undefined> {
  return db
    .selectFrom('wire_items')
    .select(['id', 'version', 'article_id', 'killed_at'])
    .where('agency', '=', agency)
    .where('guid', '=', guid)
    .executeTakeFirst();
}

export async function insertItem(db: Db, row: NewWireItemRow): Promise<number> {
  const r = await db.insertInto('wire_items').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Writes a newer version over the item, only if it is still older than that version (a racing ingest loses). */
export async function updateItemIfOlder(db: Db, id: number, version: number, set: WireItemUpdate): Promise<boolean> {
  const r = await db.updateTable('wire_items').set(set).where('id', '=', id).where('version', '<', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updateItem(db: Db, id: number, set: WireItemUpdate): Promise<void> {
  await db.updateTable('wire_items').set(set).where('id', '=', id).execute();
}

/** Links a story to the item unless one is linked already; false when another got there first. */
export async function linkArticle(db: Db, id: number, articleId: number): Promise<boolean> {
  const r = await db
    .updateTable('wire_items')
    .set({ article_id: articleId, update_available: 0 })
    .where('id', '=', id)
    .where('article_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertVersion(db: Db, row: Insertable<WireItemVersionsTable>): Promise<void> {
  await db.insertInto('wire_item_versions').values(row).execute();
}

function withJoins(db: Db) {
  return db
    .selectFrom('wire_items')
    .leftJoin('wire_sources', 'wire_sources.id', 'wire_items.source_id')
    .leftJoin('articles', 'articles.id', 'wire_items.article_id')
    .selectAll('wire_items')
    .select(['wire_sources.name as source_name', 'articles.status as article_status']);
}

export async function findItemRow(db: Db, id: number): Promise<(WireItemRow & SummaryJoins) | undefined> {
  return withJoins(db).where('wire_items.id', '=', id).executeTakeFirst();
}

export async function findItemRows(db: Db, ids: readonly number[]): Promise<(WireItemRow & SummaryJoins)[]> {
  if (ids.length === 0) return [];
  return withJoins(db).where('wire_items.id', 'in', ids).execute();
}

export interface WireListFilter {
  agency?: string | undefined;
  /** Lower-cased subject name; matched as a whole entry of the JSON list. */
  subject?: string | undefined;
  maxPriority?: number | undefined;
  /** Lower-cased words, each to appear in the headline or standfirst. */
  words?: readonly string[] | undefined;
  since?: string | undefined;
  until?: string | undefined;
  state?: WireItemState | undefined;
  after?: { at: string; id: number } | undefined;
  limit: number;
}

/** LIKE pattern that matches `text` literally (with ESCAPE '\'). */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The inbox: newest received first, keyset-paged on (received_at, id). */
export async function listItemRows(db: Db, f: WireListFilter): Promise<(WireItemRow & SummaryJoins)[]> {
  let q = withJoins(db);
  if (f.agency !== undefined) q = q.where('wire_items.agency', '=', f.agency);
  if (f.maxPriority !== undefined) q = q.where('wire_items.priority', '<=', f.maxPriority);
  if (f.since !== undefined) q = q.where('wire_items.received_at', '>=', f.since);
  if (f.until !== undefined) q = q.where('wire_items.received_at', '<', f.until);
  if (f.subject !== undefined) {
    const pattern = `%${likeLiteral(JSON.stringify(f.subject))}%`;
    q = q.where(sql<boolean>`lower(wire_items.subjects) like ${pattern} escape '\\'`);
  }
  for (const word of f.words ?? []) {
    const pattern = `%${likeLiteral(word)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(wire_items.headline)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(wire_items.standfirst)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  switch (f.state) {
    case 'new':
      q = q.where('wire_items.article_id', 'is', null).where('wire_items.killed_at', 'is', null);
      break;
    case 'used':
      q = q.where('wire_items.article_id', 'is not', null);
      break;
    case 'killed':
      q = q.where('wire_items.killed_at', 'is not', null);
      break;
    case 'update':
      q = q.where('wire_items.update_available', '=', 1);
      break;
    default:
      break;
  }
  if (f.after) {
    const { at, id } = f.after;
    q = q.where((eb) => eb.or([eb('wire_items.received_at', '<', at), eb.and([eb('wire_items.received_at', '=', at), eb('wire_items.id', '<', id)])]));
  }
  return q.orderBy('wire_items.received_at', 'desc').orderBy('wire_items.id', 'desc').limit(f.limit).execute();
}

export async function listVersionRows(db: Db, wireItemId: number) {
  return db
    .selectFrom('wire_item_versions')
    .select(['version', 'received_at', 'pub_status', 'is_correction'])
    .where('wire_item_id', '=', wireItemId)
    .orderBy('version', 'asc')
    .execute();
}

export async function findVersionSnapshot(db: Db, wireItemId: number, version: number): Promise<string | undefined> {
  const r = await db
    .selectFrom('wire_item_versions')
    .select('snapshot')
    .where('wire_item_id', '=', wireItemId)
    .where('version', '=', version)
    .executeTakeFirst();
  return r?.snapshot;
}

/** Items whose story effects a crash may have left undone. */
export async function pendingItemIds(db: Db, limit: number): Promise<number[]> {
  const rows = await db.selectFrom('wire_items').select('id').where('pending_effects', '=', 1).orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

export async function clearPending(db: Db, id: number): Promise<void> {
  await db.updateTable('wire_items').set({ pending_effects: 0 }).where('id', '=', id).execute();
}

/**
 * A story already made from this agency item (by a Use or rule whose link to
 * the item a crash lost). Reads the articles feature's wire-source columns,
 * which exist for exactly this question.
 */
export async function findArticleIdBySource(db: Db, agency: string, guid: string): Promise<number | undefined> {
  const r = await db
    .selectFrom('articles')
    .select('id')
    .where('source_agency', '=', agency)
    .where('source_guid', '=', guid)
    .orderBy('id')
    .executeTakeFirst();
  return r?.id;
}

export async function insertRefusal(db: Db, row: Insertable<WireRefusalsTable>): Promise<number> {
  const r = await db.insertInto('wire_refusals').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function listRefusalRows(db: Db, limit: number, ids?: readonly number[]) {
  let q = db
    .selectFrom('wire_refusals')
    .leftJoin('wire_sources', 'wire_sources.id', 'wire_refusals.source_id')
    .selectAll('wire_refusals')
    .select('wire_sources.name as source_name');
  if (ids) q = q.where('wire_refusals.id', 'in', ids.length > 0 ? ids : [-1]);
  return q.orderBy('wire_refusals.received_at', 'desc').orderBy('wire_refusals.id', 'desc').limit(limit).execute();
}

export async function distinctAgencies(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('wire_items').select('agency').distinct().orderBy('agency').execute();
  return rows.map((r) => r.agency);
}

/** Subject lists of the most recent items (the facet list is built from these). */
export async function recentSubjectLists(db: Db, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('wire_items').select('subjects').orderBy('received_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => r.subjects);
}

/** What the effects need of an item's source: its rules and whether updates go straight into stories. */
export async function findSourceSettings(db: Db, sourceId: number): Promise<{ rules: string; auto_apply_updates: number } | undefined> {
  return db.selectFrom('wire_sources').select(['rules', 'auto_apply_updates']).where('id', '=', sourceId).executeTakeFirst();
}
