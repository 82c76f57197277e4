/** First start of a real server with no staff: it prints a one-time link that creates the first administrator. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/app/server.js';
import { loadConfig } from '../src/config/index.js';

describe('the first-run setup link', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
  });

  it('is printed on a start with no staff, works once, and is not printed again', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dateline-first-run-'));
    dirs.push(dataDir);
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'silent', PUBLIC_URL: 'https://news.example.test' });

    const printed: string[] = [];
    const first = await startServer(config, { print: (line) => printed.push(line) });
    let token: string;
    try {
      expect(printed).toHaveLength(1);
      const m = /^First run: create the first administrator at https:\/\/news\.example\.test\/newsroom\/setup#token=([\w-]{43}) /.exec(printed[0]!);
      expect(m, printed[0]).not.toBeNull();
      token = m![1]!;
      const body = JSON.stringify({ token, name: 'Anita Desai', email: 'anita@example.test', password: 'first admin password' });
      const post = () => fetch(`${first.url}/api/auth/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const created = await post();
      expect(created.status).toBe(201);
      expect(created.headers.get('set-cookie')).toMatch(/^dl_session=/);
      expect((await post()).status).toBe(409);
    } finally {
      await first.stop();
    }

    printed.length = 0;
    const second = await startServer(config, { print: (line) => printed.push(line) });
    await second.stop();
    expect(printed).toEqual([]);
  }, 60_000);
});
