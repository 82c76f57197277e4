import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/index.js';
import type { AdCampaignRow, AdCampaignsTable, AdCreativeRow, AdCreativesTable } from '../../db/schema.ads.js';

export async function listCampaignRows(db: Db, opts: { statuses?: readonly string[] | undefined; limit: number }): Promise<AdCampaignRow[]> {
  let q = db.selectFrom('ad_campaigns').selectAll();
  if (opts.statuses && opts.statuses.length > 0) q = q.where('status', 'in', [...opts.statuses]);
  return q.orderBy('starts_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
}

export async function findCampaignRow(db: Db, id: number): Promise<AdCampaignRow | undefined> {
  return db.selectFrom('ad_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCampaignRowsByIds(db: Db, ids: readonly number[]): Promise<AdCampaignRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('ad_campaigns').selectAll().where('id', 'in', [...ids]).execute();
}

export async function insertCampaign(db: Db, row: Insertable<AdCampaignsTable>): Promise<number> {
  const r = await db.insertInto('ad_campaigns').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateCampaignRow(db: Db, id: number, patch: Updateable<AdCampaignsTable>): Promise<void> {
  await db.updateTable('ad_campaigns').set(patch).where('id', '=', id).execute();
}

/** The campaign, its creatives (cascade) and its counts. */
export async function deleteCampaignRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('ad_daily_stats').where('campaign_id', '=', id).execute();
  await db.deleteFrom('ad_creatives').where('campaign_id', '=', id).execute();
  await db.deleteFrom('ad_campaigns').where('id', '=', id).execute();
}

export async function creativeRowsOf(db: Db, campaignIds: readonly number[]): Promise<AdCreativeRow[]> {
  if (campaignIds.length === 0) return [];
  return db.selectFrom('ad_creatives').selectAll().where('campaign_id', 'in', [...campaignIds]).orderBy('id').execute();
}

export async function findCreativeRow(db: Db, id: number): Promise<AdCreativeRow | undefined> {
  return db.selectFrom('ad_creatives').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCreative(db: Db, row: Insertable<AdCreativesTable>): Promise<number> {
  const r = await db.insertInto('ad_creatives').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateCreativeRow(db: Db, id: number, patch: Updateable<AdCreativesTable>): Promise<void> {
  await db.updateTable('ad_creatives').set(patch).where('id', '=', id).execute();
}

export async function deleteCreativeRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('ad_creatives').where('id', '=', id).execute();
}

/** Totals per campaign over all days (delivery so far), for the given campaigns. */
export async function campaignTotals(db: Db, campaignIds: readonly number[]): Promise<{ campaign_id: number; served: number; viewable: number; clicks: number }[]> {
  if (campaignIds.length === 0) return [];
  const rows = await db
    .selectFrom('ad_daily_stats')
    .select((eb) => [
      'campaign_id',
      eb.fn.sum<number | string>('served').as('served'),
      eb.fn.sum<number | string>('viewable').as('viewable'),
      eb.fn.sum<number | string>('clicks').as('clicks'),
    ])
    .where('campaign_id', 'in', [...campaignIds])
    .groupBy('campaign_id')
    .execute();
  return rows.map((r) => ({ campaign_id: r.campaign_id, served: Number(r.served), viewable: Number(r.viewable), clicks: Number(r.clicks) }));
}

/**
 * The decision snapshot: campaigns that are active and not yet ended (those
 * not started yet are included: the decision checks the flight each time),
 * with their active creatives and viewable impressions delivered so far.
 */
export async function liveCampaignRows(db: Db, nowIso: string): Promise<{ campaigns: AdCampaignRow[]; creatives: AdCreativeRow[]; delivered: Map<number, number> }> {
  const campaigns = await db.selectFrom('ad_campaigns').selectAll().where('status', '=', 'active').where('ends_at', '>', nowIso).execute();
  const ids = campaigns.map((c) => c.id);
  if (ids.length === 0) return { campaigns, creatives: [], delivered: new Map() };
  const creatives: AdCreativeRow[] = [];
  const delivered = new Map<number, number>();
  // Chunked: SQLite caps bound parameters per statement.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    creatives.push(...(await db.selectFrom('ad_creatives').selectAll().where('campaign_id', 'in', chunk).where('active', '=', 1).execute()));
    for (const t of await campaignTotals(db, chunk)) delivered.set(t.campaign_id, t.viewable);
  }
  return { campaigns, creatives, delivered };
}

/** Which of these section ids exist (targeting may only name real sections). */
export async function existingSectionIds(db: Db, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('sections').select('id').where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}
