/**
 * Sessions: pure rules. A session is a random 32-byte token in the
 * `dl_session` cookie; the database keeps only its sha256. The CSRF token is
 * an HMAC of the session token, so it needs no storage, is different for
 * every session, and cannot be computed without the HttpOnly cookie.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'dl_session';
/** A session ends after 12 hours without a request… */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** …and 14 days after sign-in whatever happens. */
export const SESSION_MAX_MS = 14 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reading pages does not mean writing rows. */
export const SESSION_TOUCH_MS = 60 * 1000;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function isSessionTokenShape(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('dateline csrf v1').digest('base64url');
}

export function csrfMatches(sessionToken: string, presented: unknown): boolean {
  if (typeof presented !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The dl_session value from a Cookie header (the first one, if a browser sends several), or undefined. */
export function readSessionCookie(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return isSessionTokenShape(value) ? value : undefined;
  }
  return undefined;
}

export interface CookieOptions {
  /** Send only over HTTPS: true when PUBLIC_URL is https. */
  secure: boolean;
}

export function sessionCookie(token: string, maxAgeSeconds: number, options: CookieOptions): string {
  return [`${SESSION_COOKIE}=${token}`, 'Path=/', `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`, 'HttpOnly', 'SameSite=Strict', ...(options.secure ? ['Secure'] : [])].join('; ');
}

export function clearedSessionCookie(options: CookieOptions): string {
  return [`${SESSION_COOKIE}=`, 'Path=/', 'Max-Age=0', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'HttpOnly', 'SameSite=Strict', ...(options.secure ? ['Secure'] : [])].join(
    '; ',
  );
}
