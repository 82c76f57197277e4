import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, sessionCookieOf, TEST_PASSWORD, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import { createLoginService } from './login.service.js';
import { ROLE_PERMISSIONS } from './permissions.js';

const T0 = '2026-11-28T10:00:00.000Z';

for (const kind of DIALECTS) {
  describe(`signing in and out [${kind}]`, () => {
    const clock = fixedClock(T0);
    let t: TestApp;
    beforeAll(async () => {
      // As behind the paper's proxy: client addresses come from X-Forwarded-For.
      t = await createTestApp(kind, { clock, env: { TRUST_PROXY: 'true' } });
    });
    afterAll(async () => {
      await t?.close();
    });

    const login = (email: string, password: string, headers: Record<string, string> = {}) =>
      t.server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });
    const me = (cookie?: string) => t.server.inject({ url: '/api/auth/me', headers: cookie ? { cookie } : {} });

    it('signs in with a strict, HttpOnly, Secure cookie and answers who I am', async () => {
      const user = await t.services.users.create({ email: 'meera@example.test', name: 'Meera Nair', role: 'editor', password: TEST_PASSWORD });
      const res = await login('Meera@Example.TEST', TEST_PASSWORD);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const setCookie = String(res.headers['set-cookie']);
      expect(setCookie).toMatch(/^dl_session=[\w-]{43}; Path=\/; Max-Age=1209600; HttpOnly; SameSite=Strict; Secure$/);
      const body = res.json<{ user: Record<string, unknown>; csrfToken: string }>();
      expect(body.user).toEqual({ id: user.id, email: 'meera@example.test', name: 'Meera Nair', role: 'editor', active: true, createdAt: T0, lastLoginAt: T0 });
      expect(body.csrfToken).toMatch(/^[\w-]{43}$/);

      const who = await me(sessionCookieOf(res));
      expect(who.statusCode).toBe(200);
      expect(who.json()).toEqual({ user: body.user, csrfToken: body.csrfToken, permissions: [...ROLE_PERMISSIONS.editor] });
    });

    it('gives one answer for an unknown email, a wrong password and a deactivated account', async () => {
      const gone = await t.services.users.create({ email: 'gone@example.test', name: 'Gone', role: 'reporter', password: TEST_PASSWORD });
      await t.services.users.update(gone.id, { active: false });
      await t.services.users.create({ email: 'known@example.test', name: 'Known', role: 'reporter', password: TEST_PASSWORD });
      const answers = [await login('nobody@example.test', TEST_PASSWORD), await login('known@example.test', 'not the password'), await login('gone@example.test', TEST_PASSWORD)];
      for (const res of answers) {
        expect(res.statusCode).toBe(401);
        expect(res.json()).toEqual({ error: { code: 'LOGIN_FAILED', message: 'Email or password is wrong.' } });
        expect(res.headers['set-cookie']).toBeUndefined();
      }
    });

    it('signs out: the cookie is cleared and the session stops working', async () => {
      const s = await loginAs(t, 'reporter');
      const noToken = await t.server.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
      expect(noToken.statusCode).toBe(403);
      expect(noToken.json()).toMatchObject({ error: { code: 'CSRF_INVALID' } });
      expect((await me(s.cookie)).statusCode).toBe(200);

      const out = await t.server.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
      expect(out.statusCode).toBe(204);
      expect(String(out.headers['set-cookie'])).toMatch(/^dl_session=; Path=\/; Max-Age=0/);
      const after = await me(s.cookie);
      expect(after.statusCode).toBe(401);
      expect(after.json()).toMatchObject({ error: { code: 'AUTH_REQUIRED' } });
      expect((await t.server.inject({ url: '/api/admin/articles', headers: { cookie: s.cookie } })).statusCode).toBe(401);
      // Signing out again, or without a session, is harmless.
      expect((await t.server.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers })).statusCode).toBe(204);
    });

    it('answers /me without a session, or with an API token, with 401', async () => {
      expect((await me()).json()).toMatchObject({ error: { code: 'AUTH_REQUIRED' } });
      expect((await t.server.inject({ url: '/api/auth/me', headers: t.auth })).statusCode).toBe(401);
    });

    it('locks an email after 5 failures for 15 minutes, counts tries while locked, and unlocks after', async () => {
      const email = 'locked@example.test';
      await t.services.users.create({ email, name: 'Locked', role: 'reporter', password: TEST_PASSWORD });
      for (let i = 0; i < 5; i++) expect((await login(email, `wrong guess ${i}`)).statusCode).toBe(401);
      const locked = await login(email, TEST_PASSWORD);
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({ error: { code: 'LOGIN_LOCKED', message: expect.stringMatching(/Try again in 15 minutes \(after 10:15 UTC\)/) as unknown } });
      expect(locked.headers['retry-after']).toBe('900');
      // Another address and another server process see the same lock: it lives in the database.
      expect((await login(email, TEST_PASSWORD, { 'x-forwarded-for': '198.51.100.7' })).statusCode).toBe(429);
      const otherProcess = createLoginService({ db: t.services.store.db, clock, sessions: t.services.sessions });
      await expect(otherProcess.login({ email, password: TEST_PASSWORD, ip: '192.0.2.1', userAgent: '' })).rejects.toMatchObject({ code: 'LOGIN_LOCKED' });
      // Other accounts are not affected.
      const bystander = await loginAs(t, 'reporter');
      expect(bystander.user.role).toBe('reporter');

      clock.advance(14 * 60_000);
      expect((await login(email, TEST_PASSWORD)).statusCode).toBe(429);
      clock.advance(60_000);
      const open = await login(email, TEST_PASSWORD);
      expect(open.statusCode, open.body).toBe(200);
      // A success clears the slate: four new mistakes do not lock.
      for (let i = 0; i < 4; i++) expect((await login(email, `typo ${i}`)).statusCode).toBe(401);
      expect((await login(email, TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('locks an email nobody uses exactly like a real one, so locks reveal no accounts', async () => {
      for (let i = 0; i < 5; i++) expect((await login('ghost@example.test', `guess ${i}`)).statusCode).toBe(401);
      expect((await login('ghost@example.test', 'guess 6')).statusCode).toBe(429);
    });

    it('caps failures from one address across emails', async () => {
      await t.services.users.create({ email: 'cap@example.test', name: 'Cap', role: 'reporter', password: TEST_PASSWORD });
      const ip = '203.0.113.50';
      const rows = Array.from({ length: 50 }, (_, i) => ({ email: `spray-${i}@example.test`, ip, created_at: clock.now().toISOString() }));
      await t.services.store.db.insertInto('login_failures').values(rows).execute();
      const res = await login('cap@example.test', TEST_PASSWORD, { 'x-forwarded-for': ip });
      expect(res.statusCode).toBe(429);
      expect(res.json()).toMatchObject({ error: { code: 'LOGIN_LOCKED', message: expect.stringContaining('from your network') as unknown } });
      expect((await login('cap@example.test', TEST_PASSWORD, { 'x-forwarded-for': '203.0.113.51' })).statusCode).toBe(200);
    });

    it('refuses a sign-in started by another site', async () => {
      await t.services.users.create({ email: 'origin@example.test', name: 'Origin', role: 'reporter', password: TEST_PASSWORD });
      const other: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'null' }, { referer: 'https://evil.example/login' }];
      for (const headers of other) {
        const res = await login('origin@example.test', TEST_PASSWORD, headers);
        expect(res.statusCode, JSON.stringify(headers)).toBe(403);
        expect(res.json()).toMatchObject({ error: { code: 'ORIGIN_REFUSED' } });
      }
      const ours: Record<string, string>[] = [{ origin: 'http://localhost:80' }, { origin: 'https://news.example.test' }, { referer: 'https://news.example.test/newsroom/' }];
      for (const headers of ours) {
        expect((await login('origin@example.test', TEST_PASSWORD, headers)).statusCode, JSON.stringify(headers)).toBe(200);
      }
    });

    it('asks for the CSRF token on cookie writes, not on reads or bearer writes', async () => {
      const editor = await loginAs(t, 'editor');
      const other = await loginAs(t, 'editor');
      const post = (headers: Record<string, string>, slug: string) =>
        t.server.inject({ method: 'POST', url: '/api/admin/sections', headers, payload: { slug, name: slug } });
      expect((await t.server.inject({ url: '/api/admin/sections', headers: { cookie: editor.cookie } })).statusCode).toBe(200);
      const forged: Record<string, string>[] = [{ cookie: editor.cookie }, { cookie: editor.cookie, 'x-csrf-token': other.csrfToken }, { cookie: editor.cookie, 'x-csrf-token': '' }];
      for (const headers of forged) {
        const res = await post(headers, 'forged');
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({ error: { code: 'CSRF_INVALID' } });
      }
      expect((await post(editor.headers, 'with-token')).statusCode).toBe(201);
      expect((await post(t.auth, 'by-script')).statusCode).toBe(201);
    });

    it('refuses an unknown or ended session cookie on staff routes and clears it', async () => {
      const res = await t.server.inject({ url: '/api/admin/articles', headers: { cookie: `dl_session=${'A'.repeat(43)}` } });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'AUTH_INVALID' } });
      expect(String(res.headers['set-cookie'])).toContain('Max-Age=0');
    });

    it('publishes each staff route permission in the API document', async () => {
      const doc = (await t.server.inject({ url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { 'x-permission'?: string }>> }>();
      expect(doc.paths['/api/admin/users']?.['post']?.['x-permission']).toBe('users:manage');
      expect(doc.paths['/api/admin/account/sessions']?.['get']?.['x-permission']).toBe('account:self');
      expect(doc.paths['/api/auth/login']?.['post']).toBeDefined();
    });
  });
}
