/**
 * First run: while there is no staff user at all, the server prints a
 * one-time link (valid 24 hours) that lets whoever reads the server's output
 * create the first administrator. Once any staff user exists, setup is
 * refused for good (409 SETUP_DONE).
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, invalid } from '../../lib/errors.js';
import type { Caller, SignedIn } from './login.service.js';
import type { SessionService } from './session.service.js';
import { hashToken } from './token.service.js';
import { insertNewUser, newUserRow } from './user.service.js';
import * as q from './setup.queries.js';
import * as uq from './user.queries.js';

export const SETUP_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

function setupDone() {
  return conflict('SETUP_DONE', 'This newspaper already has staff accounts; sign in instead.');
}

export function createSetupService(deps: { db: Db; clock: Clock; sessions: SessionService }) {
  const { db, clock, sessions } = deps;
  return {
    /** A new one-time setup token when there is no staff user yet; null otherwise. */
    async issueIfNoStaff(): Promise<{ token: string; expiresAt: string } | null> {
      if ((await uq.countUsers(db)) > 0) return null;
      const now = clock.now();
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + SETUP_TOKEN_TTL_MS).toISOString();
      await q.insertSetupToken(db, { token_hash: hashToken(token), created_at: now.toISOString(), expires_at: expiresAt });
      return { token, expiresAt };
    },

    /** Creates the first administrator from a setup token and signs them in. */
    async complete(input: { token: string; name: string; email: string; password: string } & Caller): Promise<SignedIn> {
      if ((await uq.countUsers(db)) > 0) throw setupDone();
      const now = clock.now().toISOString();
      const row = await newUserRow({ email: input.email, name: input.name, role: 'admin', password: input.password }, now);
      return db.transaction().execute(async (trx) => {
        if ((await uq.countUsers(trx)) > 0) throw setupDone();
        if (!(await q.consumeSetupToken(trx, hashToken(input.token), now))) {
          throw invalid('SETUP_TOKEN_INVALID', 'This setup link is not valid: it was used, has expired, or was mistyped. Restart the server for a new one.', 'token');
        }
        await q.retireSetupTokens(trx, now);
        const user = await insertNewUser(trx, { ...row, last_login_at: now });
        const opened = await sessions.open({ userId: user.id, ip: input.ip, userAgent: input.userAgent }, trx);
        return { ...opened, user };
      });
    },
  };
}

export type SetupService = ReturnType<typeof createSetupService>;
