import type { Db } from '../../db/index.js';
import type { ApiTokenRow } from '../../db/schema.js';

export async function insertToken(
  db: Db,
  row: { name: string; token_hash: string; token_prefix: string; role: string; created_at: string },
): Promise<ApiTokenRow> {
  return db.insertInto('api_tokens').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findActiveTokenByHash(db: Db, hash: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();
}

export async function listTokens(db: Db): Promise<ApiTokenRow[]> {
  return db.selectFrom('api_tokens').selectAll().orderBy('id').execute();
}

export async function touchToken(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** Revokes by id or by name; returns how many tokens were revoked. */
export async function revokeTokens(db: Db, by: { id?: number; name?: string }, at: string): Promise<number> {
  let q = db.updateTable('api_tokens').set({ revoked_at: at }).where('revoked_at', 'is', null);
  if (by.id !== undefined) q = q.where('id', '=', by.id);
  else if (by.name !== undefined) q = q.where('name', '=', by.name);
  else return 0;
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
