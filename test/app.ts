/** A whole app on a fresh database, for HTTP tests through `server.inject()`. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app/build-app.js';
import type { Services } from '../src/app/services.js';
import { loadConfig } from '../src/config/index.js';
import type { DialectName } from '../src/db/index.js';
import type { Clock } from '../src/lib/clock.js';
import { createTestDatabase } from './db.js';

export interface TestApp {
  server: FastifyInstance;
  services: Services;
  /** An admin API token: send as `authorization: Bearer ${token}`. */
  token: string;
  auth: { authorization: string };
  dataDir: string;
  close(): Promise<void>;
}

export async function createTestApp(kind: DialectName, options: { clock?: Clock; role?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  const tdb = await createTestDatabase(kind);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dateline-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'https://news.example.test', SEED_DEMO: 'false', LOG_LEVEL: 'silent', ...options.env });
  const { server, services } = await buildApp({
    config,
    store: tdb.store,
    logger: false,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await server.ready();
  const { token } = await services.tokens.create({ name: 'test', role: options.role ?? 'admin' });
  return {
    server,
    services,
    token,
    auth: { authorization: `Bearer ${token}` },
    dataDir,
    close: async () => {
      await server.close();
      await tdb.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** One admin API call with the test app's admin token. */
export function adminRequest(t: TestApp, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  return t.server.inject({ method, url: `/api/admin${url}`, headers: t.auth, ...(payload && { payload }) });
}

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestSession {
  user: { id: number; email: string; name: string; role: string };
  email: string;
  password: string;
  /** `dl_session=…`, ready for a Cookie header. */
  cookie: string;
  csrfToken: string;
  /** Headers for any request as this person: the cookie and the CSRF token. */
  headers: { cookie: string; 'x-csrf-token': string };
}

/** The `name=value` part of the dl_session cookie a response sets, or undefined. */
export function sessionCookieOf(res: { headers: Record<string, unknown> }): string | undefined {
  const raw = res.headers['set-cookie'];
  const all = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  return all.find((c) => c.startsWith('dl_session='))?.split(';')[0];
}

let staffCount = 0;

/** Creates a staff user with this role and signs them in through POST /api/auth/login. */
export async function loginAs(t: TestApp, role: string, options: { email?: string; name?: string } = {}): Promise<TestSession> {
  const email = options.email ?? `${role}-${++staffCount}@example.test`;
  await t.services.users.create({ email, name: options.name ?? `Test ${role}`, role, password: TEST_PASSWORD });
  const res = await t.server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login as ${role} failed: ${res.statusCode} ${res.body}`);
  const body = res.json<{ user: TestSession['user']; csrfToken: string }>();
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error('login set no dl_session cookie');
  return { user: body.user, email, password: TEST_PASSWORD, cookie, csrfToken: body.csrfToken, headers: { cookie, 'x-csrf-token': body.csrfToken } };
}
