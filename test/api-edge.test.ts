/** Malformed and hostile requests: every one gets a clear 4xx in our error shape, never a 500. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { PERMISSIONS, ROLES, roleHas, type Permission, type Role } from '../src/features/staff/index.js';
import { createTestApp, loginAs, type TestApp, type TestSession } from './app.js';

function expectError(res: LightMyRequestResponse, status: number, code?: string, field?: string): void {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<{ error: { code: string; message: string; field?: string } }>();
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message).not.toMatch(/\bat .+:\d+:\d+/); // no stack frames
  if (code) expect(body.error.code).toBe(code);
  if (field) expect(body.error.field).toBe(field);
}

describe('the API edge', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (url: string, payload: string | Buffer, headers: Record<string, string> = {}) =>
    t.server.inject({ method: 'POST', url, payload, headers: { ...t.auth, 'content-type': 'application/json', ...headers } });

  it('answers invalid JSON with 400 INVALID_JSON', async () => {
    expectError(await post('/api/admin/sections', '{"slug": "x", '), 400, 'INVALID_JSON');
  });

  it('answers a body that is not UTF-8 with 400 INVALID_ENCODING', async () => {
    expectError(await post('/api/admin/sections', Buffer.from([0x7b, 0x22, 0x73, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])), 400, 'INVALID_ENCODING');
  });

  it('answers an empty JSON body with 400', async () => {
    expectError(await post('/api/admin/sections', ''), 400);
  });

  it('answers a wrong content type with 415', async () => {
    expectError(await post('/api/admin/sections', 'slug=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectError(await post('/api/admin/sections', 'hello', { 'content-type': 'text/plain' }), 415);
  });

  it('answers a 10 MB body with 413 and keeps serving', async () => {
    const huge = JSON.stringify({ slug: 'big', name: 'x'.repeat(10 * 1024 * 1024) });
    expectError(await post('/api/admin/sections', huge), 413, 'BODY_TOO_LARGE');
    expect((await t.server.inject({ url: '/healthz' })).statusCode).toBe(200);
  });

  it('refuses prototype-poisoning keys', async () => {
    expectError(await post('/api/admin/sections', '{"slug":"p","name":"P","__proto__":{"admin":true}}'), 400);
  });

  it('names an unknown field', async () => {
    expectError(await post('/api/admin/sections', JSON.stringify({ slug: 'a', name: 'A', colour: 'red' })), 400, 'VALIDATION_FAILED', 'colour');
  });

  it('names a missing field', async () => {
    expectError(await post('/api/admin/articles', JSON.stringify({ standfirst: 'No headline' })), 400, 'VALIDATION_FAILED', 'headline');
  });

  it('does not coerce wrong types in a body', async () => {
    expectError(await post('/api/admin/articles', JSON.stringify({ headline: 12345 })), 400, 'VALIDATION_FAILED', 'headline');
    expectError(await post('/api/admin/articles', JSON.stringify({ headline: 'x', authorIds: '1' })), 400, 'VALIDATION_FAILED', 'authorIds');
    expectError(await post('/api/admin/articles', JSON.stringify({ headline: 'x', priority: '5' })), 400, 'VALIDATION_FAILED', 'priority');
  });

  it('refuses over-long text and bad slugs', async () => {
    expectError(await post('/api/admin/articles', JSON.stringify({ headline: 'h'.repeat(301) })), 400, 'VALIDATION_FAILED', 'headline');
    expectError(await post('/api/admin/sections', JSON.stringify({ slug: 'Not A Slug', name: 'x' })), 400, 'VALIDATION_FAILED', 'slug');
    expectError(await post('/api/admin/sections', JSON.stringify({ slug: '../etc', name: 'x' })), 400, 'VALIDATION_FAILED', 'slug');
  });

  it('answers a dangling reference with 422 and a duplicate with 409', async () => {
    expectError(await post('/api/admin/articles', JSON.stringify({ headline: 'x', sectionId: 424242 })), 422, 'ARTICLE_SECTION_NOT_FOUND', 'sectionId');
    expect((await post('/api/admin/sections', JSON.stringify({ slug: 'dup', name: 'Dup' }))).statusCode).toBe(201);
    expectError(await post('/api/admin/sections', JSON.stringify({ slug: 'dup', name: 'Dup' })), 409, 'SECTION_SLUG_TAKEN', 'slug');
  });

  it('answers absurd query strings with 400', async () => {
    for (const qs of ['limit=abc', 'limit=100000', 'limit=-1', 'cursor=' + 'x'.repeat(5000), 'section=a&section=b', 'bogus=1', 'section=%00', 'kind=rumour']) {
      const res = await t.server.inject({ url: `/api/v1/articles?${qs}` });
      expect(res.statusCode, qs).toBe(400);
    }
  });

  it('answers bad ids and bad percent-encoding in paths without a 500', async () => {
    for (const url of ['/api/v1/articles/abc', '/api/v1/articles/0', '/api/v1/articles/99999999999999999999', '/api/v1/articles/by-slug/%E0%A4%A', '/api/v1/articles/by-slug/' + 'a'.repeat(400), '/api/v1/%2e%2e/%2e%2e/etc/passwd']) {
      const res = await t.server.inject({ url });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
    }
  });

  it('answers unknown endpoints with a JSON 404', async () => {
    expectError(await t.server.inject({ url: '/api/v1/nothing-here' }), 404, 'ROUTE_NOT_FOUND');
    expectError(await t.server.inject({ url: '/api/admin/nothing-here', headers: t.auth }), 404);
  });
});

describe('staff authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses the admin API without a token', async () => {
    expectError(await t.server.inject({ url: '/api/admin/articles' }), 401, 'AUTH_REQUIRED');
  });

  it('refuses an unknown or revoked token', async () => {
    expectError(await t.server.inject({ url: '/api/admin/articles', headers: { authorization: 'Bearer dl_nope' } }), 401, 'AUTH_INVALID');
    const { token, record } = await t.services.tokens.create({ name: 'short-lived' });
    expect((await t.server.inject({ url: '/api/admin/articles', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    await t.services.tokens.revoke({ id: record.id });
    expectError(await t.server.inject({ url: '/api/admin/articles', headers: { authorization: `Bearer ${token}` } }), 401, 'AUTH_INVALID');
  });

  it('refuses a role without the permission', async () => {
    const { token } = await t.services.tokens.create({ name: 'contributor', role: 'contributor' });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    expectError(await t.server.inject({ method: 'POST', url: '/api/admin/sections', headers, payload: '{"slug":"x","name":"X"}' }), 403, 'PERMISSION_DENIED');
    const draft = await t.server.inject({ method: 'POST', url: '/api/admin/articles', headers, payload: '{"headline":"Draft by a contributor"}' });
    expect(draft.statusCode).toBe(201);
    expectError(await t.server.inject({ method: 'POST', url: '/api/admin/articles', headers, payload: '{"headline":"Sneaky","status":"published"}' }), 403);
  });
});

/**
 * The census: every admin route in the OpenAPI document, tried by every kind
 * of caller that must be refused. Refusals happen before the body is parsed
 * or validated, so an empty `{}` body is enough and nothing is changed.
 */
describe('the permission census', () => {
  let t: TestApp;
  const tokens = new Map<Role, string>();
  const sessions = new Map<Role, TestSession>();
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    for (const role of ROLES) {
      tokens.set(role, (await t.services.tokens.create({ name: `census ${role}`, role })).token);
      sessions.set(role, await loginAs(t, role));
    }
  });
  afterAll(async () => {
    await t.close();
  });

  type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
  function adminOperations(): { method: Method; path: string; url: string; permission: Permission }[] {
    const doc = t.server.swagger() as unknown as { paths: Record<string, Record<string, { 'x-permission'?: string }>> };
    return Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/admin/'))
      .flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => {
          const permission = op['x-permission'];
          if (!(PERMISSIONS as readonly string[]).includes(permission ?? '')) throw new Error(`${method} ${path} names no permission`);
          return { method: method.toUpperCase() as Method, path, url: path.replace(/\{[^}]+\}/g, '1'), permission: permission as Permission };
        }),
      );
  }
  const send = (method: Method, url: string, headers: Record<string, string>) =>
    t.server.inject({ method, url, headers, ...(method !== 'GET' && { payload: {} }) });

  it('covers every staff route, the accounts routes among them', () => {
    const ops = adminOperations();
    expect(ops.length).toBeGreaterThan(30);
    expect(ops.map((o) => `${o.method} ${o.path}`)).toEqual(expect.arrayContaining(['POST /api/admin/users', 'GET /api/admin/account/sessions']));
  });

  it('refuses every staff route to anonymous callers', async () => {
    for (const op of adminOperations()) {
      const res = await send(op.method, op.url, {});
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(401);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('AUTH_REQUIRED');
    }
  });

  it('refuses every staff route to every role without its permission, by token and by session', async () => {
    let refusals = 0;
    for (const op of adminOperations()) {
      const lacking = ROLES.filter((role) => !roleHas(role, op.permission));
      for (const role of lacking) {
        const res = await send(op.method, op.url, { authorization: `Bearer ${tokens.get(role)!}` });
        expect(res.statusCode, `${op.method} ${op.path} as ${role} (token)`).toBe(403);
        expect(res.json<{ error: { code: string } }>().error.code).toBe('PERMISSION_DENIED');
        refusals++;
      }
      const role = lacking[0];
      if (role === undefined) continue;
      const res = await send(op.method, op.url, sessions.get(role)!.headers);
      expect(res.statusCode, `${op.method} ${op.path} as ${role} (session)`).toBe(403);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('PERMISSION_DENIED');
    }
    expect(refusals).toBeGreaterThan(100);
  });

  it('refuses every staff write made with a session cookie but no CSRF token, even for an administrator', async () => {
    const admin = sessions.get('admin')!;
    for (const op of adminOperations().filter((o) => o.method !== 'GET')) {
      const res = await send(op.method, op.url, { cookie: admin.cookie });
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(403);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('CSRF_INVALID');
    }
  });

  it('checks the permission before it validates the body', async () => {
    const res = await t.server.inject({ method: 'POST', url: '/api/admin/sections', headers: { authorization: `Bearer ${tokens.get('reporter')!}` }, payload: { nonsense: true } });
    expect(res.statusCode).toBe(403);
    const admin = await t.server.inject({ method: 'POST', url: '/api/admin/sections', headers: { authorization: `Bearer ${tokens.get('admin')!}` }, payload: { nonsense: true } });
    expect(admin.statusCode).toBe(400);
  });
});

describe('the staff route guard', () => {
  it('refuses to start when a staff route does not declare its permission', async () => {
    const { default: Fastify } = await import('fastify');
    const { installStaffAuth } = await import('../src/app/auth.js');
    const app = Fastify();
    const boot = async () => {
      await app.register(async (admin) => {
        installStaffAuth(admin, { tokens: { authenticate: () => Promise.resolve(undefined) } as never, sessions: {} as never, cookie: { secure: false } });
        admin.get('/unguarded', async () => 'oops');
      });
      await app.ready();
    };
    await expect(boot()).rejects.toThrow(/must declare config.permission/);
    await app.close();
  });
});
