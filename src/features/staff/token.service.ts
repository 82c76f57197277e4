/**
 * API tokens for machines and scripts. A token is shown once at creation;
 * only its sha256 is stored, so a leaked database does not leak tokens.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import { invalid, notFound } from '../../lib/errors.js';
import { isRole, type Role } from './permissions.js';
import * as q from './token.queries.js';

export interface ApiToken {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Who is making a staff request: a signed-in person (session) or a machine (API token). */
export interface Principal {
  kind: 'token' | 'session';
  /** The token's or the session's id. */
  id: number;
  /** The staff user behind a session; null for API tokens. */
  userId: number | null;
  /** Shown in revision history and logs: the person's name, or the token's name. */
  name: string;
  role: Role;
}

const TOKEN_PREFIX = 'dl_';
// Don't write last_used_at on every request: once a minute is enough for an operator.
const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createTokenService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  return {
    async create(input: { name: string; role?: string }): Promise<{ token: string; record: ApiToken }> {
      const name = input.name.trim();
      if (name === '' || name.length > 100) throw invalid('TOKEN_NAME_INVALID', 'A token needs a name of 1 to 100 characters.', 'name');
      const role = input.role ?? 'admin';
      if (!isRole(role)) throw invalid('ROLE_UNKNOWN', `Unknown role "${role}".`, 'role');
      const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
      const row = await q.insertToken(db, {
        name,
        token_hash: hashToken(token),
        token_prefix: token.slice(0, 10),
        role,
        created_at: clock.now().toISOString(),
      });
      return { token, record: toApiToken(row) };
    },

    async list(): Promise<ApiToken[]> {
      return (await q.listTokens(db)).map(toApiToken);
    },

    async revoke(by: { id?: number; name?: string }): Promise<number> {
      const n = await q.revokeTokens(db, by, clock.now().toISOString());
      if (n === 0) throw notFound('TOKEN_NOT_FOUND', 'No active token matches.', by.id !== undefined ? 'id' : 'name');
      return n;
    },

    /** The principal for a presented token, or undefined when it is unknown or revoked. */
    async authenticate(token: string): Promise<Principal | undefined> {
      if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return undefined;
      const row = await q.findActiveTokenByHash(db, hashToken(token));
      if (!row || !isRole(row.role)) return undefined;
      const now = clock.now();
      if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_INTERVAL_MS) {
        await q.touchToken(db, row.id, now.toISOString());
      }
      return { kind: 'token', id: row.id, userId: null, name: row.name, role: row.role };
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;

function toApiToken(row: {
  id: number;
  name: string;
  token_prefix: string;
  role: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.token_prefix,
    role: isRole(row.role) ? row.role : 'contributor',
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
