/** A staff user: a person who signs in to the newsroom. Pure rules and the row → domain mapper. */
import type { StaffUserRow } from '../../db/index.js';
import { invalid } from '../../lib/errors.js';
import { isRole, type Role } from './permissions.js';
import { passwordProblem } from './password.js';

export interface StaffUser {
  id: number;
  /** Lowercased; unique. */
  email: string;
  name: string;
  role: Role;
  /** A deactivated user cannot sign in, and their sessions stop working at once. */
  active: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export const EMAIL_MAX = 254;
export const USER_NAME_MAX = 100;

export function toStaffUser(row: StaffUserRow): StaffUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    // An unknown stored role (edited by hand, or a role since removed) gets the least power, never more.
    role: isRole(row.role) ? row.role : 'contributor',
    active: row.active === 1,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

/** Emails compare case-insensitively: we store and look them up lowercased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function checkEmail(raw: string): string {
  const email = normaliseEmail(raw);
  if (email.length > EMAIL_MAX || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw invalid('USER_EMAIL_INVALID', 'Give an email address like name@example.com.', 'email');
  }
  return email;
}

export function checkName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name === '' || name.length > USER_NAME_MAX) {
    throw invalid('USER_NAME_INVALID', `A name needs 1 to ${USER_NAME_MAX} characters.`, 'name');
  }
  return name;
}

export function checkRole(raw: string): Role {
  if (!isRole(raw)) throw invalid('ROLE_UNKNOWN', `Unknown role "${raw}".`, 'role');
  return raw;
}

export function checkPassword(password: string, email: string, field = 'password'): void {
  const problem = passwordProblem(password, email);
  if (problem) throw invalid('PASSWORD_INVALID', problem, field);
}
