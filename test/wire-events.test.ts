/** The wire desk's live event stream must never hold up a graceful shutdown. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../src/app/server.js';
import { loadConfig } from '../src/config/index.js';
import http from 'node:http';

function openStream(url: string, headers: Record<string, string>) {
  let text = '';
  const req = http.get(url, { headers });
  const ready = new Promise<http.IncomingMessage>((resolve, reject) => {
    req.on('response', (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      resolve(res);
    });
    req.on('error', reject);
  });
  const ended = new Promise<void>((resolve) => req.on('close', () => resolve()));
  return { ready, ended, text: () => text };
}

describe('the wire event stream at shutdown', () => {
  it('does not keep the server from stopping: open streams are ended', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dateline-wire-sse-'));
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', LOG_LEVEL: 'silent' });
    const server = await startServer(config, { print: () => undefined });
    try {
      const { token } = await server.app.services.tokens.create({ name: 'sse', role: 'editor' });
      const stream = openStream(`${server.url}/api/admin/wire/events`, { authorization: `Bearer ${token}` });
      expect((await stream.ready).statusCode).toBe(200);
      await expect.poll(() => stream.text(), { timeout: 10_000 }).toContain(': connected');
      await server.stop();
      await stream.ended;
    } finally {
      await server.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
