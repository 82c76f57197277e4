import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRequest, createTestApp, loginAs, sessionCookieOf, TEST_PASSWORD, type TestApp, type TestSession } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';

for (const kind of DIALECTS) {
  describe(`one's own account and staff accounts [${kind}]`, () => {
    const clock = fixedClock('2026-11-28T10:00:00.000Z');
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind, { clock });
    });
    afterAll(async () => {
      await t?.close();
    });

    const as = (s: TestSession, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
      t.server.inject({ method, url: `/api/admin${url}`, headers: s.headers, ...(payload && { payload }) });
    const signIn = async (email: string, password = TEST_PASSWORD) => {
      const res = await t.server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
      const cookie = sessionCookieOf(res);
      return { res, cookie, headers: { cookie: cookie ?? '', 'x-csrf-token': res.json<{ csrfToken?: string }>().csrfToken ?? '' } };
    };
    const works = async (cookie: string) => (await t.server.inject({ url: '/api/admin/articles', headers: { cookie } })).statusCode === 200;

    it('records the connecting address, not a forged X-Forwarded-For, when no proxy is trusted', async () => {
      const me = await loginAs(t, 'reporter');
      const forged = await t.server.inject({ method: 'POST', url: '/api/auth/login', payload: { email: me.email, password: TEST_PASSWORD }, headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(forged.statusCode).toBe(200);
      const items = (await as(me, 'GET', '/account/sessions')).json<{ items: { ip: string }[] }>().items;
      expect(items.map((i) => i.ip)).toEqual(['127.0.0.1', '127.0.0.1']);
    });

    it('lists my sessions, marks this one, and signs out another', async () => {
      const laptop = await loginAs(t, 'reporter');
      clock.advance(60_000);
      const phone = await signIn(laptop.email);
      const list = await as(laptop, 'GET', '/account/sessions');
      expect(list.statusCode).toBe(200);
      const items = list.json<{ items: { id: number; current: boolean; ip: string; userAgent: string; lastSeenAt: string }[] }>().items;
      expect(items).toHaveLength(2);
      expect(items.filter((i) => i.current)).toHaveLength(1);
      expect(items[0]).toMatchObject({ current: false, ip: '127.0.0.1', userAgent: 'lightMyRequest' });
      expect(await works(phone.cookie!)).toBe(true);

      expect((await as(laptop, 'DELETE', `/account/sessions/${items[0]!.id}`)).statusCode).toBe(204);
      expect(await works(phone.cookie!)).toBe(false);
      expect(await works(laptop.cookie)).toBe(true);
    });

    it("answers someone else's session as not found and leaves it alone", async () => {
      const me = await loginAs(t, 'reporter');
      const them = await loginAs(t, 'reporter');
      const theirs = (await as(them, 'GET', '/account/sessions')).json<{ items: { id: number }[] }>().items[0]!.id;
      const res = await as(me, 'DELETE', `/account/sessions/${theirs}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'SESSION_NOT_FOUND' } });
      expect(await works(them.cookie)).toBe(true);
    });

    it('tells an API token that it has no account', async () => {
      const res = await adminRequest(t, 'GET', '/account/sessions');
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'SESSION_REQUIRED' } });
    });

    it('changes my password after checking the current one, and signs out my other sessions', async () => {
      const desk = await loginAs(t, 'sub-editor');
      const home = await signIn(desk.email);
      const wrong = await as(desk, 'POST', '/account/password', { currentPassword: 'not my password', newPassword: 'a new desk password' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json()).toMatchObject({ error: { code: 'PASSWORD_WRONG', field: 'currentPassword' } });
      const weak = await as(desk, 'POST', '/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
      expect(weak.json()).toMatchObject({ error: { code: 'PASSWORD_INVALID', field: 'newPassword' } });

      expect((await as(desk, 'POST', '/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'a new desk password' })).statusCode).toBe(204);
      expect(await works(home.cookie!)).toBe(false);
      expect(await works(desk.cookie)).toBe(true);
      expect((await signIn(desk.email)).res.statusCode).toBe(401);
      expect((await signIn(desk.email, 'a new desk password')).res.statusCode).toBe(200);
    });

    it('lets an administrator create, list, re-role and deactivate staff, never showing a password hash', async () => {
      const admin = await loginAs(t, 'admin');
      const created = await as(admin, 'POST', '/users', { email: 'Priya@Example.test', name: 'Priya Sharma', role: 'reporter', password: 'priya password 1' });
      expect(created.statusCode, created.body).toBe(201);
      const priya = created.json<{ id: number }>();
      expect(created.json()).toMatchObject({ email: 'priya@example.test', role: 'reporter', active: true, lastLoginAt: null });
      const dup = await as(admin, 'POST', '/users', { email: 'priya@example.test', name: 'Again', role: 'reporter', password: 'priya password 1' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json()).toMatchObject({ error: { code: 'USER_EMAIL_TAKEN', field: 'email' } });

      const list = await as(admin, 'GET', '/users');
      expect(list.body).not.toMatch(/scrypt|password/i);
      expect(list.json<{ items: { email: string }[] }>().items.map((u) => u.email)).toContain('priya@example.test');

      const session = await signIn('priya@example.test', 'priya password 1');
      expect((await t.server.inject({ method: 'POST', url: '/api/admin/sections', headers: session.headers, payload: { slug: 'x', name: 'X' } })).statusCode).toBe(403);
      expect((await as(admin, 'PATCH', `/users/${priya.id}`, { role: 'editor' })).json()).toMatchObject({ role: 'editor' });
      // The new role applies to the session she already has.
      expect((await t.server.inject({ method: 'POST', url: '/api/admin/sections', headers: session.headers, payload: { slug: 'priyas', name: 'Priya’s' } })).statusCode).toBe(201);

      expect((await as(admin, 'PATCH', `/users/${priya.id}`, { active: false })).json()).toMatchObject({ active: false });
      expect(await works(session.cookie!)).toBe(false);
      expect((await signIn('priya@example.test', 'priya password 1')).res.json()).toMatchObject({ error: { code: 'LOGIN_FAILED' } });
    });

    it('lets an administrator set a password, which signs that person out everywhere', async () => {
      const admin = await loginAs(t, 'admin');
      const reporter = await loginAs(t, 'reporter');
      expect((await as(admin, 'PATCH', `/users/${reporter.user.id}`, { password: 'set by the admin' })).statusCode).toBe(200);
      expect(await works(reporter.cookie)).toBe(false);
      expect((await signIn(reporter.email, 'set by the admin')).res.statusCode).toBe(200);
      expect(await works(admin.cookie)).toBe(true);
    });

    it('refuses to demote or deactivate the last active administrator', async () => {
      await t.services.store.db.updateTable('staff_users').set({ active: 0 }).where('role', '=', 'admin').execute();
      const admin = await loginAs(t, 'admin');
      for (const patch of [{ role: 'editor' }, { active: false }]) {
        const res = await as(admin, 'PATCH', `/users/${admin.user.id}`, patch);
        expect(res.statusCode).toBe(409);
        expect(res.json()).toMatchObject({ error: { code: 'LAST_ADMIN' } });
      }
      expect((await as(admin, 'GET', '/users')).statusCode).toBe(200);
    });
  });
}
