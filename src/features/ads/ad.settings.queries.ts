import type { Db } from '../../db/index.js';
import type { AdNetworkFallbackRow } from '../../db/schema.ads.js';

export async function networkFallbackRows(db: Db): Promise<AdNetworkFallbackRow[]> {
  return db.selectFrom('ad_network_fallbacks').selectAll().orderBy('slot').execute();
}

/** Replaces every slot's fallback at once (one transaction is the caller's). */
export async function replaceNetworkFallbacks(db: Db, rows: readonly AdNetworkFallbackRow[]): Promise<void> {
  await db.deleteFrom('ad_network_fallbacks').execute();
  if (rows.length > 0) await db.insertInto('ad_network_fallbacks').values([...rows]).execute();
}

/** A settings document by key (JSON text), e.g. the rate card. */
export async function findSetting(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function upsertSetting(db: Db, key: string, value: string, updatedAt: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: updatedAt })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: updatedAt }))
    .execute();
}
