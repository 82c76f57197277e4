import type { Db } from '../../db/index.js';

export async function insertSetupToken(db: Db, row: { token_hash: string; created_at: string; expires_at: string }): Promise<void> {
  await db.insertInto('setup_tokens').values({ ...row, used_at: null }).execute();
}

/** Marks an unused, unexpired token used; returns whether it was. (Row locks make a parallel use of the same token find nothing.) */
export async function consumeSetupToken(db: Db, tokenHash: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('setup_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Once the first administrator exists, no other setup link may work. */
export async function retireSetupTokens(db: Db, now: string): Promise<void> {
  await db.updateTable('setup_tokens').set({ used_at: now }).where('used_at', 'is', null).execute();
}
