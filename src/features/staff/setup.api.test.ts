import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sessionCookieOf, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';

for (const kind of DIALECTS) {
  describe(`first-run setup [${kind}]`, () => {
    const clock = fixedClock('2026-11-28T10:00:00.000Z');
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind, { clock });
    });
    afterAll(async () => {
      await t?.close();
    });

    const setup = (payload: object, headers: Record<string, string> = {}) => t.server.inject({ method: 'POST', url: '/api/auth/setup', payload, headers });
    const admin = { name: 'Anita Desai', email: 'anita@example.test', password: 'first admin password' };

    it('refuses a wrong or expired setup token and creates nobody', async () => {
      const wrong = await setup({ ...admin, token: 'not-the-token' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json()).toMatchObject({ error: { code: 'SETUP_TOKEN_INVALID', field: 'token' } });
      const old = await t.services.setup.issueIfNoStaff();
      clock.advance(24 * 3600_000);
      expect((await setup({ ...admin, token: old!.token })).json()).toMatchObject({ error: { code: 'SETUP_TOKEN_INVALID' } });
      expect(await t.services.users.count()).toBe(0);
    });

    it('refuses a weak password or a request from another site, and the token still works after', async () => {
      const { token } = (await t.services.setup.issueIfNoStaff())!;
      expect((await setup({ ...admin, token, password: 'short' })).json()).toMatchObject({ error: { code: 'PASSWORD_INVALID', field: 'password' } });
      expect((await setup({ ...admin, token }, { origin: 'https://evil.example' })).statusCode).toBe(403);
      const done = await setup({ ...admin, token });
      expect(done.statusCode, done.body).toBe(201);
      expect(done.json()).toMatchObject({ user: { email: 'anita@example.test', name: 'Anita Desai', role: 'admin', active: true }, csrfToken: expect.any(String) as unknown });
      const cookie = sessionCookieOf(done)!;
      expect(String(done.headers['set-cookie'])).toContain('HttpOnly; SameSite=Strict; Secure');
      const me = await t.server.inject({ url: '/api/auth/me', headers: { cookie } });
      expect(me.json()).toMatchObject({ user: { role: 'admin' }, permissions: expect.arrayContaining(['users:manage']) as unknown });
    });

    it('is refused for good once any staff user exists, and no new link is made', async () => {
      const again = await setup({ ...admin, email: 'second@example.test', token: 'whatever-token' });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ error: { code: 'SETUP_DONE' } });
      expect(await t.services.setup.issueIfNoStaff()).toBeNull();
      expect(await t.services.users.count()).toBe(1);
    });
  });
}
