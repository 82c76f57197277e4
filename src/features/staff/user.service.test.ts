import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import { createSessionService } from './session.service.js';
import { createUserService } from './user.service.js';

const PASSWORD = 'a long enough password';

describeEachDb('staff users', (ctx) => {
  const clock = fixedClock('2026-11-28T10:00:00.000Z');
  const sessions = () => createSessionService({ db: ctx().db, clock });
  const users = () => createUserService({ db: ctx().db, clock, sessions: sessions() });
  let n = 0;
  const email = (who: string) => `${who}-${++n}@example.test`;

  it('creates an account with a lowercased email and never returns the password hash', async () => {
    const address = email('Meera').replace('meera', 'MEERA');
    const user = await users().create({ email: `  ${address} `, name: ' Meera   Nair ', role: 'editor', password: PASSWORD });
    expect(user).toEqual({ id: user.id, email: address.toLowerCase(), name: 'Meera Nair', role: 'editor', active: true, createdAt: clock.now().toISOString(), lastLoginAt: null });
    expect(Object.keys(user)).not.toContain('passwordHash');
    const row = await ctx().db.selectFrom('staff_users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('refuses a second account with the same email in any case', async () => {
    const address = email('dup');
    await users().create({ email: address, name: 'One', role: 'reporter', password: PASSWORD });
    await expect(users().create({ email: address.toUpperCase(), name: 'Two', role: 'reporter', password: PASSWORD })).rejects.toMatchObject({
      code: 'USER_EMAIL_TAKEN',
      field: 'email',
    });
  });

  it('names the field at fault in a new account', async () => {
    await expect(users().create({ email: 'not-an-email', name: 'X', role: 'reporter', password: PASSWORD })).rejects.toMatchObject({ code: 'USER_EMAIL_INVALID', field: 'email' });
    await expect(users().create({ email: email('x'), name: '  ', role: 'reporter', password: PASSWORD })).rejects.toMatchObject({ code: 'USER_NAME_INVALID', field: 'name' });
    await expect(users().create({ email: email('x'), name: 'X', role: 'emperor', password: PASSWORD })).rejects.toMatchObject({ code: 'ROLE_UNKNOWN', field: 'role' });
    await expect(users().create({ email: email('x'), name: 'X', role: 'reporter', password: 'short' })).rejects.toMatchObject({ code: 'PASSWORD_INVALID', field: 'password' });
    const address = email('self');
    await expect(users().create({ email: address, name: 'X', role: 'reporter', password: address.toUpperCase() })).rejects.toMatchObject({ code: 'PASSWORD_INVALID' });
  });

  it('never leaves the newsroom without an active administrator', async () => {
    // Other tests in this block may have made admins; start from a database where this one is the only active one.
    await ctx().db.updateTable('staff_users').set({ active: 0 }).where('role', '=', 'admin').execute();
    const admin = await users().create({ email: email('admin'), name: 'Only Admin', role: 'admin', password: PASSWORD });
    await expect(users().update(admin.id, { role: 'editor' })).rejects.toMatchObject({ code: 'LAST_ADMIN', field: 'role' });
    await expect(users().update(admin.id, { active: false })).rejects.toMatchObject({ code: 'LAST_ADMIN', field: 'active' });
    expect(await users().get(admin.id)).toMatchObject({ role: 'admin', active: true });

    const second = await users().create({ email: email('admin'), name: 'Second Admin', role: 'admin', password: PASSWORD });
    expect(await users().update(admin.id, { role: 'editor' })).toMatchObject({ role: 'editor' });
    await expect(users().update(second.id, { active: false })).rejects.toMatchObject({ code: 'LAST_ADMIN' });
    // Renaming the last administrator is fine.
    expect(await users().update(second.id, { name: 'Still Admin' })).toMatchObject({ name: 'Still Admin', role: 'admin' });
  });

  it('ends every session of a user who is deactivated or whose password is reset', async () => {
    const user = await users().create({ email: email('leaver'), name: 'Leaver', role: 'reporter', password: PASSWORD });
    const open = () => sessions().open({ userId: user.id, userAgent: 'test', ip: '127.0.0.1' });
    const a = await open();
    expect(await sessions().authenticate(a.token)).toBeDefined();
    await users().resetPassword(user.email.toUpperCase(), 'a brand new password');
    expect(await sessions().authenticate(a.token)).toBeUndefined();

    const b = await open();
    await users().update(user.id, { active: false });
    expect(await sessions().authenticate(b.token)).toBeUndefined();
    // Even a session opened by hand for a deactivated user is refused.
    const c = await open();
    expect(await sessions().authenticate(c.token)).toBeUndefined();
  });

  it('answers an unknown user as not found', async () => {
    await expect(users().update(987654, { name: 'Ghost' })).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
    await expect(users().resetPassword('nobody@example.test', PASSWORD)).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
  });
});

describeEachDb('staff sessions', (ctx) => {
  const clock = fixedClock('2026-11-28T10:00:00.000Z');
  const sessions = () => createSessionService({ db: ctx().db, clock });
  const users = () => createUserService({ db: ctx().db, clock, sessions: sessions() });

  it('ends after 12 idle hours, and after 14 days however busy', async () => {
    const user = await users().create({ email: 'busy@example.test', name: 'Busy', role: 'reporter', password: PASSWORD });
    const idle = await sessions().open({ userId: user.id, userAgent: 'test', ip: '127.0.0.1' });
    const busy = await sessions().open({ userId: user.id, userAgent: 'test', ip: '127.0.0.1' });
    clock.advance(11 * 3600_000);
    expect(await sessions().authenticate(busy.token)).toMatchObject({ principal: { kind: 'session', userId: user.id, name: 'Busy', role: 'reporter' } });
    clock.advance(3600_000);
    expect(await sessions().authenticate(idle.token)).toBeUndefined();
    // Used every 11 hours, the busy one lives until its 14th day.
    expect(await sessions().authenticate(busy.token)).toBeDefined();
    for (let hour = 12 + 11; hour < 14 * 24; hour += 11) {
      clock.advance(11 * 3600_000);
      expect(await sessions().authenticate(busy.token), `hour ${hour}`).toBeDefined();
    }
    clock.set(new Date(Date.parse(busy.session.createdAt) + 14 * 24 * 3600_000));
    expect(await sessions().authenticate(busy.token)).toBeUndefined();
  });

  it('writes last_seen_at at most once a minute', async () => {
    const user = await users().create({ email: 'reader@example.test', name: 'Reader', role: 'reporter', password: PASSWORD });
    const s = await sessions().open({ userId: user.id, userAgent: 'test', ip: '127.0.0.1' });
    const seen = async () =>
      (await ctx().db.selectFrom('staff_sessions').select('last_seen_at').where('id', '=', s.session.id).executeTakeFirstOrThrow()).last_seen_at;
    const opened = await seen();
    clock.advance(30_000);
    await sessions().authenticate(s.token);
    expect(await seen()).toBe(opened);
    clock.advance(30_000);
    await sessions().authenticate(s.token);
    expect(await seen()).toBe(clock.now().toISOString());
  });

  it('stores only a hash of the token', async () => {
    const user = await users().create({ email: 'hash@example.test', name: 'Hash', role: 'reporter', password: PASSWORD });
    const s = await sessions().open({ userId: user.id, userAgent: 'test', ip: '127.0.0.1' });
    const rows = await ctx().db.selectFrom('staff_sessions').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash.includes(s.token))).toBe(false);
    expect(rows.some((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });
});
