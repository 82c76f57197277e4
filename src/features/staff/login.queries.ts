import type { Db } from '../../db/index.js';

export type FailureKey = { email: string } | { ip: string };

export async function insertFailure(db: Db, row: { email: string; ip: string; created_at: string }): Promise<void> {
  await db.insertInto('login_failures').values(row).execute();
}

/** How many failures for this email or address happened after `since`. */
export async function countFailures(db: Db, key: FailureKey, since: string): Promise<number> {
  let q = db.selectFrom('login_failures').select((eb) => eb.fn.countAll<number>().as('n')).where('created_at', '>', since);
  q = 'email' in key ? q.where('email', '=', key.email) : q.where('ip', '=', key.ip);
  const r = await q.executeTakeFirstOrThrow();
  return Number(r.n);
}

/** When the n-th most recent failure (1 = the latest) for this key happened, or undefined when there are fewer. */
export async function nthRecentFailureAt(db: Db, key: FailureKey, since: string, n: number): Promise<string | undefined> {
  let q = db.selectFrom('login_failures').select('created_at').where('created_at', '>', since);
  q = 'email' in key ? q.where('email', '=', key.email) : q.where('ip', '=', key.ip);
  const r = await q.orderBy('created_at', 'desc').limit(1).offset(n - 1).executeTakeFirst();
  return r?.created_at;
}

export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom('login_failures').where('email', '=', email).execute();
}

/** Failures older than the window no longer count for anything. */
export async function deleteFailuresBefore(db: Db, before: string): Promise<void> {
  await db.deleteFrom('login_failures').where('created_at', '<=', before).execute();
}
