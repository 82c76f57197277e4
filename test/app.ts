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

export async function createTestApp(kind: DialectName, options: { clock?: Clock; role?: string } = {}): Promise<TestApp> {
  const tdb = await createTestDatabase(kind);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dateline-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'https://news.example.test', SEED_DEMO: 'false', LOG_LEVEL: 'silent' });
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
