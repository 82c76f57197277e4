/**
 * Signing in and changing one's own password: the two places a password is
 * checked, both behind the same lockout. Every attempt is recorded as a
 * failure *before* the password is checked, so a burst of parallel guesses
 * cannot slip past the limit; a success clears the email's failures.
 * Failures live in the database, so the lockout holds across restarts and
 * across server processes.
 */
import type { Db } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import { invalid, notFound } from '../../lib/errors.js';
import { EMAIL_FAILURE_LIMIT, IP_FAILURE_LIMIT, LOCK_WINDOW_MS, lockError, loginFailed } from './login.js';
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from './password.js';
import type { OpenedSession, SessionService } from './session.service.js';
import { checkPassword, EMAIL_MAX, normaliseEmail, toStaffUser, type StaffUser } from './user.js';
import * as fq from './login.queries.js';
import * as uq from './user.queries.js';

export interface SignedIn extends OpenedSession {
  user: StaffUser;
}

export interface Caller {
  ip: string;
  userAgent: string;
}

export function createLoginService(deps: { db: Db; clock: Clock; sessions: SessionService }) {
  const { db, clock, sessions } = deps;

  /** Records this attempt as a failure and throws LOGIN_LOCKED when the email or the address is over its limit. */
  async function countAttempt(email: string, ip: string): Promise<void> {
    const now = clock.now();
    const since = new Date(now.getTime() - LOCK_WINDOW_MS).toISOString();
    await fq.deleteFailuresBefore(db, since);
    await fq.insertFailure(db, { email, ip, created_at: now.toISOString() });
    const [byEmail, byIp] = await Promise.all([fq.countFailures(db, { email }, since), fq.countFailures(db, { ip }, since)]);
    if (byEmail > EMAIL_FAILURE_LIMIT) {
      const oldest = await fq.nthRecentFailureAt(db, { email }, since, EMAIL_FAILURE_LIMIT);
      throw lockError(oldest ?? now.toISOString(), now, 'account');
    }
    if (byIp > IP_FAILURE_LIMIT) {
      const oldest = await fq.nthRecentFailureAt(db, { ip }, since, IP_FAILURE_LIMIT);
      throw lockError(oldest ?? now.toISOString(), now, 'address');
    }
  }

  return {
    /** Checks an email and password and opens a session; one generic refusal for every kind of wrong. */
    async login(input: { email: string; password: string } & Caller): Promise<SignedIn> {
      const email = normaliseEmail(input.email).slice(0, EMAIL_MAX);
      await countAttempt(email, input.ip);
      const row = await uq.findUserByEmail(db, email);
      // Unknown emails still pay for one hash, so the answer's timing does not reveal which accounts exist.
      const ok = await verifyPassword(input.password, row?.password_hash ?? DUMMY_HASH);
      if (!row || !ok || row.active !== 1) throw loginFailed();
      const rehash = needsRehash(row.password_hash) ? await hashPassword(input.password) : undefined;
      return db.transaction().execute(async (trx) => {
        const now = clock.now().toISOString();
        await fq.clearFailures(trx, email);
        await uq.updateUser(trx, row.id, { last_login_at: now, ...(rehash !== undefined && { password_hash: rehash }) });
        const opened = await sessions.open({ userId: row.id, ip: input.ip, userAgent: input.userAgent }, trx);
        return { ...opened, user: toStaffUser({ ...row, last_login_at: now }) };
      });
    },

    /** A signed-in person changes their password: the current one must be right; every other session of theirs ends. */
    async changePassword(input: { userId: number; sessionId: number; currentPassword: string; newPassword: string; ip: string }): Promise<void> {
      const row = await uq.findUserById(db, input.userId);
      if (!row) throw notFound('USER_NOT_FOUND', 'Your account no longer exists.');
      await countAttempt(row.email, input.ip);
      if (!(await verifyPassword(input.currentPassword, row.password_hash))) {
        throw invalid('PASSWORD_WRONG', 'Your current password is wrong.', 'currentPassword');
      }
      await fq.clearFailures(db, row.email);
      checkPassword(input.newPassword, row.email, 'newPassword');
      const hash = await hashPassword(input.newPassword);
      await db.transaction().execute(async (trx) => {
        await uq.updateUser(trx, row.id, { password_hash: hash, updated_at: clock.now().toISOString() });
        await sessions.revokeAllForUser(row.id, { exceptId: input.sessionId, trx });
      });
    },
  };
}

export type LoginService = ReturnType<typeof createLoginService>;
