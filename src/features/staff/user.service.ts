/**
 * Staff accounts: create, list, change role or name, deactivate, reset a
 * password. One rule guards the newsroom from locking itself out: there is
 * always at least one active administrator.
 */
import type { Insertable } from 'kysely';
import type { Db, StaffUsersTable } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, notFound } from '../../lib/errors.js';
import type { Role } from './permissions.js';
import { hashPassword } from './password.js';
import type { SessionService } from './session.service.js';
import { checkEmail, checkName, checkPassword, checkRole, normaliseEmail, toStaffUser, type StaffUser } from './user.js';
import * as q from './user.queries.js';

export interface NewStaffUser {
  email: string;
  name: string;
  role: string;
  password: string;
}

export interface StaffUserPatch {
  name?: string | undefined;
  role?: string | undefined;
  active?: boolean | undefined;
  /** An administrator setting someone's password; their sessions end. */
  password?: string | undefined;
}

function notFoundId(id: number) {
  return notFound('USER_NOT_FOUND', `There is no staff user ${id}.`, 'id');
}

function emailTaken(email: string) {
  return conflict('USER_EMAIL_TAKEN', `Another staff user already signs in as ${email}.`, 'email');
}

/** Checks a new account and hashes its password (slow, so callers do it before opening a transaction). */
export async function newUserRow(input: NewStaffUser, now: string): Promise<Insertable<StaffUsersTable>> {
  const email = checkEmail(input.email);
  const name = checkName(input.name);
  const role = checkRole(input.role);
  checkPassword(input.password, email);
  return { email, name, role, password_hash: await hashPassword(input.password), active: 1, created_at: now, updated_at: now, last_login_at: null };
}

/** Inserts a checked account, answering a taken email with 409 even when a parallel request won the race. */
export async function insertNewUser(trx: Db, row: Insertable<StaffUsersTable>): Promise<StaffUser> {
  if (await q.findUserByEmail(trx, row.email)) throw emailTaken(row.email);
  try {
    return toStaffUser(await q.insertUser(trx, row));
  } catch (err) {
    if (await q.findUserByEmail(trx, row.email).catch(() => undefined)) throw emailTaken(row.email);
    throw err;
  }
}

export function createUserService(deps: { db: Db; clock: Clock; sessions: SessionService }) {
  const { db, clock, sessions } = deps;

  async function get(id: number, trx: Db = db): Promise<StaffUser> {
    const row = await q.findUserById(trx, id);
    if (!row) throw notFoundId(id);
    return toStaffUser(row);
  }

  return {
    get: (id: number): Promise<StaffUser> => get(id),

    async list(): Promise<StaffUser[]> {
      return (await q.listUsers(db)).map(toStaffUser);
    },

    async count(): Promise<number> {
      return q.countUsers(db);
    },

    async create(input: NewStaffUser): Promise<StaffUser> {
      const row = await newUserRow(input, clock.now().toISOString());
      return insertNewUser(db, row);
    },

    /**
     * Changes a user. Demoting or deactivating the last active administrator
     * is refused (409 LAST_ADMIN). Deactivating ends all their sessions; a new
     * password ends all but `actorSessionId` (the administrator's own, when
     * they set their own password here).
     */
    async update(id: number, patch: StaffUserPatch, actorSessionId?: number): Promise<StaffUser> {
      const name = patch.name === undefined ? undefined : checkName(patch.name);
      const role: Role | undefined = patch.role === undefined ? undefined : checkRole(patch.role);
      const current = await get(id);
      if (patch.password !== undefined) checkPassword(patch.password, current.email);
      const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
      return db.transaction().execute(async (trx) => {
        const before = await get(id, trx);
        const losesAdmin = before.role === 'admin' && before.active && ((role !== undefined && role !== 'admin') || patch.active === false);
        if (losesAdmin && (await q.countActiveAdmins(trx, id)) === 0) {
          throw conflict('LAST_ADMIN', 'This is the last active administrator: make someone else an administrator first.', role !== undefined ? 'role' : 'active');
        }
        await q.updateUser(trx, id, {
          ...(name !== undefined && { name }),
          ...(role !== undefined && { role }),
          ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
          ...(passwordHash !== undefined && { password_hash: passwordHash }),
          updated_at: clock.now().toISOString(),
        });
        if (patch.active === false) await sessions.revokeAllForUser(id, { trx });
        else if (passwordHash !== undefined) await sessions.revokeAllForUser(id, { exceptId: actorSessionId, trx });
        return get(id, trx);
      });
    },

    /** For the operator's CLI: sets a password by email and ends every session of that user. */
    async resetPassword(rawEmail: string, password: string): Promise<StaffUser> {
      const row = await q.findUserByEmail(db, normaliseEmail(rawEmail));
      if (!row) throw notFound('USER_NOT_FOUND', `No staff user signs in as ${normaliseEmail(rawEmail)}.`, 'email');
      return this.update(row.id, { password });
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
