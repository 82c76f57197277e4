import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, csrfMatches, csrfTokenFor, newSessionToken, readSessionCookie, sessionCookie } from './session.js';

describe('session cookies', () => {
  it('makes unguessable 32-byte tokens', () => {
    const a = newSessionToken();
    expect(a).toMatch(/^[\w-]{43}$/);
    expect(newSessionToken()).not.toBe(a);
  });

  it('sets an HttpOnly, SameSite=Strict cookie on the whole site, Secure over https', () => {
    const token = newSessionToken();
    expect(sessionCookie(token, 3600, { secure: true })).toBe(`dl_session=${token}; Path=/; Max-Age=3600; HttpOnly; SameSite=Strict; Secure`);
    expect(sessionCookie(token, 3600, { secure: false })).not.toContain('Secure');
    expect(clearedSessionCookie({ secure: true })).toMatch(/^dl_session=; Path=\/; Max-Age=0;.*HttpOnly; SameSite=Strict; Secure$/);
  });

  it('reads the session token among other cookies and ignores malformed ones', () => {
    const token = newSessionToken();
    expect(readSessionCookie(`theme=dark; dl_session=${token}; other=1`)).toBe(token);
    expect(readSessionCookie(`dl_session=${token}`)).toBe(token);
    expect(readSessionCookie('dl_session=short')).toBeUndefined();
    expect(readSessionCookie('xdl_session=' + token)).toBeUndefined();
    expect(readSessionCookie(undefined)).toBeUndefined();
  });
});

describe('CSRF tokens', () => {
  it('are derived from the session, differ per session, and must match exactly', () => {
    const a = newSessionToken();
    const b = newSessionToken();
    expect(csrfTokenFor(a)).not.toBe(csrfTokenFor(b));
    expect(csrfTokenFor(a)).toBe(csrfTokenFor(a));
    expect(csrfMatches(a, csrfTokenFor(a))).toBe(true);
    expect(csrfMatches(a, csrfTokenFor(b))).toBe(false);
    expect(csrfMatches(a, undefined)).toBe(false);
    expect(csrfMatches(a, [csrfTokenFor(a)])).toBe(false);
    expect(csrfMatches(a, csrfTokenFor(a).slice(0, -1))).toBe(false);
  });
});
