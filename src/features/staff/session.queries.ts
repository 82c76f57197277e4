import type { Insertable } from 'kysely';
import type { Db, StaffSessionRow, StaffSessionsTable, StaffUserRow } from '../../db/index.js';

export async function insertSession(db: Db, row: Insertable<StaffSessionsTable>): Promise<StaffSessionRow> {
  return db.insertInto('staff_sessions').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The unrevoked session for a token hash, with its user, in one query; expiry and the user's state are checked by the caller. */
export async function findSessionWithUser(db: Db, tokenHash: string): Promise<{ session: StaffSessionRow; user: StaffUserRow } | undefined> {
  const r = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', 'u.id', 's.user_id')
    .selectAll('s')
    .select([
      'u.email as u_email',
      'u.name as u_name',
      'u.role as u_role',
      'u.password_hash as u_password_hash',
      'u.active as u_active',
      'u.created_at as u_created_at',
      'u.updated_at as u_updated_at',
      'u.last_login_at as u_last_login_at',
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!r) return undefined;
  const { u_email, u_name, u_role, u_password_hash, u_active, u_created_at, u_updated_at, u_last_login_at, ...session } = r;
  return {
    session,
    user: {
      id: session.user_id,
      email: u_email,
      name: u_name,
      role: u_role,
      password_hash: u_password_hash,
      active: u_active,
      created_at: u_created_at,
      updated_at: u_updated_at,
      last_login_at: u_last_login_at,
    },
  };
}

export async function touchSession(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('staff_sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

/** A user's sessions that are neither revoked nor past their absolute or idle end. */
export async function listLiveSessions(db: Db, userId: number, now: string, idleCutoff: string): Promise<StaffSessionRow[]> {
  return db
    .selectFrom('staff_sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', idleCutoff)
    .orderBy('last_seen_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Revokes one of a user's live sessions; returns whether one was revoked. */
export async function revokeSession(db: Db, id: number, at: string, userId?: number): Promise<boolean> {
  let q = db.updateTable('staff_sessions').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null);
  if (userId !== undefined) q = q.where('user_id', '=', userId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function revokeUserSessions(db: Db, userId: number, at: string, exceptId?: number): Promise<number> {
  let q = db.updateTable('staff_sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Forgets sessions that can no longer be used, so the table holds only live ones and recent tombstones. */
export async function deleteDeadSessions(db: Db, now: string, idleCutoff: string): Promise<void> {
  await db
    .deleteFrom('staff_sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCutoff), eb('revoked_at', 'is not', null)]))
    .execute();
}
