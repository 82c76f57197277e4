import type { Db } from '../../db/index.js';

export async function findSettingValue(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** Insert or replace one settings document (portable upsert: ON CONFLICT works on SQLite ≥ 3.24 and PostgreSQL). */
export async function upsertSetting(db: Db, key: string, value: string, updatedAt: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: updatedAt })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: updatedAt }))
    .execute();
}

export async function mediaExists(db: Db, id: number): Promise<boolean> {
  const row = await db.selectFrom('media').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
