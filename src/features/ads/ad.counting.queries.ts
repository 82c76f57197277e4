import { sql } from 'kysely';
import type { Db } from '../../db/index.js';

/** The serve-token signing key, made on first use; every node reads the same row. */
export async function signingSecret(db: Db, fresh: string, nowIso: string): Promise<string> {
  await db
    .insertInto('ad_signing_keys')
    .values({ id: 1, secret: fresh, created_at: nowIso })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await db.selectFrom('ad_signing_keys').select('secret').where('id', '=', 1).executeTakeFirstOrThrow();
  return row.secret;
}

/**
 * Records beacon hashes in the dedupe ledger; answers the ones that were new
 * (a hash seen before — on this node or another, before a restart or not — is
 * not returned, so it is not counted again).
 */
export async function insertBeaconHashes(db: Db, rows: readonly { token_hash: string; kind: string; day: string }[]): Promise<Set<string>> {
  const fresh = new Set<string>();
  for (let i = 0; i < rows.length; i += 300) {
    const chunk = rows.slice(i, i + 300);
    const inserted = await db
      .insertInto('ad_beacons')
      .values([...chunk])
      .onConflict((oc) => oc.column('token_hash').doNothing())
      .returning('token_hash')
      .execute();
    for (const r of inserted) fresh.add(r.token_hash);
  }
  return fresh;
}

export interface StatDelta {
  campaign_id: number;
  creative_id: number;
  day: string;
  served: number;
  viewable: number;
  clicks: number;
}

/** Adds counts to the daily rows (portable upsert: ON CONFLICT works on SQLite ≥ 3.24 and PostgreSQL). */
export async function addDailyStats(db: Db, deltas: readonly StatDelta[]): Promise<void> {
  for (let i = 0; i < deltas.length; i += 300) {
    await db
      .insertInto('ad_daily_stats')
      .values(deltas.slice(i, i + 300))
      .onConflict((oc) =>
        oc.columns(['creative_id', 'day']).doUpdateSet({
          served: sql<number>`ad_daily_stats.served + excluded.served`,
          viewable: sql<number>`ad_daily_stats.viewable + excluded.viewable`,
          clicks: sql<number>`ad_daily_stats.clicks + excluded.clicks`,
        }),
      )
      .execute();
  }
}

/** Ledger rows older than `beforeDay` can go: their tokens expired long ago. */
export async function pruneBeacons(db: Db, beforeDay: string): Promise<void> {
  await db.deleteFrom('ad_beacons').where('day', '<', beforeDay).execute();
}

export interface StatRow {
  day: string;
  campaign_id: number;
  campaign_name: string;
  creative_id: number;
  creative_name: string;
  served: number;
  viewable: number;
  clicks: number;
}

/** Daily rows per creative for a report, with names; counts of deleted campaigns or creatives are left out. */
export async function reportRows(db: Db, opts: { campaignId?: number | undefined; from: string; to: string; limit: number }): Promise<StatRow[]> {
  let q = db
    .selectFrom('ad_daily_stats as s')
    .innerJoin('ad_creatives as cr', 'cr.id', 's.creative_id')
    .innerJoin('ad_campaigns as c', 'c.id', 's.campaign_id')
    .select(['s.day', 's.campaign_id', 'c.name as campaign_name', 's.creative_id', 'cr.name as creative_name', 's.served', 's.viewable', 's.clicks'])
    .where('s.day', '>=', opts.from)
    .where('s.day', '<=', opts.to);
  if (opts.campaignId !== undefined) q = q.where('s.campaign_id', '=', opts.campaignId);
  const rows = await q.orderBy('s.day').orderBy('s.campaign_id').orderBy('s.creative_id').limit(opts.limit).execute();
  return rows.map((r) => ({ ...r, served: Number(r.served), viewable: Number(r.viewable), clicks: Number(r.clicks) }));
}
