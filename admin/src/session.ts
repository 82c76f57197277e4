/**
 * Who is signed in. The shell loads the session once (GET /api/auth/me) and
 * provides it to every screen; the CSRF token it carries goes to api.ts so
 * every change the app sends is accepted.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { api, ApiError, setCsrfToken } from './api.js';

export interface StaffUser {
  id: number;
  name: string;
  email: string;
  role: string;
  active?: boolean;
  createdAt?: string;
  lastLoginAt?: string | null;
}

export interface Session {
  user: StaffUser;
  permissions: string[];
}

interface MeResponse {
  user: StaffUser;
  csrfToken: string;
  permissions: string[];
}

/** The server's rule for new passwords (src/features/staff/password.ts), checked here first to save a round trip. */
export const PASSWORD_MIN = 10;
export const PASSWORD_HINT = `At least ${PASSWORD_MIN} characters, not your email address.`;

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() is only available inside the signed-in newsroom');
  return session;
}

export function can(session: Session, permission: string): boolean {
  return session.permissions.includes(permission);
}

/** The current session, or null when nobody is signed in. Other failures (server down) are thrown. */
export async function loadSession(): Promise<Session | null> {
  try {
    const me = await api<MeResponse>('GET', '/auth/me');
    setCsrfToken(me.csrfToken);
    return { user: me.user, permissions: me.permissions };
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken('');
      return null;
    }
    throw err;
  }
}

export async function signIn(email: string, password: string): Promise<Session> {
  const res = await api<{ csrfToken: string }>('POST', '/auth/login', { email, password });
  setCsrfToken(res.csrfToken);
  const session = await loadSession();
  if (!session) throw new ApiError(401, 'AUTH_REQUIRED', 'Signed in, but the browser did not keep the session cookie. Allow cookies for this site.', undefined, undefined);
  return session;
}

export async function setUp(fields: { token: string; name: string; email: string; password: string }): Promise<Session> {
  const res = await api<{ csrfToken: string }>('POST', '/auth/setup', fields);
  setCsrfToken(res.csrfToken);
  const session = await loadSession();
  if (!session) throw new ApiError(401, 'AUTH_REQUIRED', 'Account created, but the browser did not keep the session cookie. Sign in.', undefined, undefined);
  return session;
}

export async function signOut(): Promise<void> {
  try {
    await api('POST', '/auth/logout');
  } finally {
    setCsrfToken('');
  }
}
