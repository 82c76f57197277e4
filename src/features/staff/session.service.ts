/**
 * Opening, checking, listing and ending staff sessions. A session works
 * while it is unrevoked, younger than 14 days, used within the last 12 hours,
 * and its user is active; the user's role is read on every request, so a
 * change of role applies at once.
 */
import type { Db, StaffSessionRow } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, notFound } from '../../lib/errors.js';
import { hashToken, type Principal } from './token.service.js';
import { csrfTokenFor, isSessionTokenShape, newSessionToken, SESSION_IDLE_MS, SESSION_MAX_MS, SESSION_TOUCH_MS } from './session.js';
import { toStaffUser, type StaffUser } from './user.js';
import * as q from './session.queries.js';

export interface StaffSession {
  id: number;
  userId: number;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string;
  ip: string;
}

export interface OpenedSession {
  /** The cookie value: shown to the browser once, never stored. */
  token: string;
  csrfToken: string;
  session: StaffSession;
}

export interface AuthenticatedSession {
  session: StaffSession;
  user: StaffUser;
  csrfToken: string;
  principal: Principal;
}

function toSession(row: StaffSessionRow): StaffSession {
  return {
    id: row.id,
    userId: row.user_id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    userAgent: row.user_agent,
    ip: row.ip,
  };
}

/** Only `account:self` routes use this: they are about a person, and an API token is not one. */
export function sessionRequired(): AppError {
  return new AppError('forbidden', 'SESSION_REQUIRED', 'Only a signed-in person has an account; API tokens cannot use this.');
}

export function createSessionService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  const idleCutoff = (now: Date): string => new Date(now.getTime() - SESSION_IDLE_MS).toISOString();

  return {
    /** Starts a session for a user who has just proved who they are. Pass `trx` to make it part of a larger change. */
    async open(input: { userId: number; userAgent: string; ip: string }, trx: Db = db): Promise<OpenedSession> {
      const now = clock.now();
      await q.deleteDeadSessions(trx, now.toISOString(), idleCutoff(now));
      const token = newSessionToken();
      const row = await q.insertSession(trx, {
        user_id: input.userId,
        token_hash: hashToken(token),
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: new Date(now.getTime() + SESSION_MAX_MS).toISOString(),
        revoked_at: null,
        user_agent: input.userAgent.slice(0, 300),
        ip: input.ip.slice(0, 100),
      });
      return { token, csrfToken: csrfTokenFor(token), session: toSession(row) };
    },

    /** The session and user for a cookie token, or undefined when it is unknown, ended, expired or its user deactivated. */
    async authenticate(token: string): Promise<AuthenticatedSession | undefined> {
      if (!isSessionTokenShape(token)) return undefined;
      const found = await q.findSessionWithUser(db, hashToken(token));
      if (!found) return undefined;
      const now = clock.now();
      const { session, user } = found;
      if (session.expires_at <= now.toISOString() || session.last_seen_at <= idleCutoff(now) || user.active !== 1) return undefined;
      if (now.getTime() - Date.parse(session.last_seen_at) >= SESSION_TOUCH_MS) {
        session.last_seen_at = now.toISOString();
        await q.touchSession(db, session.id, session.last_seen_at);
      }
      const staff = toStaffUser(user);
      return {
        session: toSession(session),
        user: staff,
        csrfToken: csrfTokenFor(token),
        principal: { kind: 'session', id: session.id, userId: staff.id, name: staff.name, role: staff.role },
      };
    },

    /** A user's live sessions, most recently used first. */
    async list(userId: number): Promise<StaffSession[]> {
      const now = clock.now();
      return (await q.listLiveSessions(db, userId, now.toISOString(), idleCutoff(now))).map(toSession);
    },

    /** Ends one of the user's own sessions; someone else's session is answered as not found. */
    async revokeOwn(userId: number, sessionId: number): Promise<void> {
      const live = await this.list(userId);
      if (!live.some((s) => s.id === sessionId) || !(await q.revokeSession(db, sessionId, clock.now().toISOString(), userId))) {
        throw notFound('SESSION_NOT_FOUND', 'You have no active session with this id.', 'id');
      }
    },

    /** Sign-out: ends this session. */
    async end(sessionId: number): Promise<void> {
      await q.revokeSession(db, sessionId, clock.now().toISOString());
    },

    /** Ends every session of a user, except `exceptId` (the one making the change) when given. */
    async revokeAllForUser(userId: number, options: { exceptId?: number | undefined; trx?: Db } = {}): Promise<number> {
      return q.revokeUserSessions(options.trx ?? db, userId, clock.now().toISOString(), options.exceptId);
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
