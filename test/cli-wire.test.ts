/** `dateline wire ingest` as an operator uses it, on SQLite and PostgreSQL. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './db.js';

async function run(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l), env: { LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...env } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const item = (uri: string, headline: string, version = 1) =>
  JSON.stringify({ uri, version: String(version), pubstatus: 'usable', headline, body_html: `<p>${headline}, officials said on Saturday.</p>` });

for (const kind of DIALECTS) {
  describe(`dateline wire ingest [${kind}]`, () => {
    let dir: string;
    let drop: string;
    let pg: TestDatabase | undefined;
    let env: Record<string, string>;
    beforeAll(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dateline-cli-wire-'));
      drop = path.join(dir, 'drop');
      await fs.mkdir(path.join(drop, 'today'), { recursive: true });
      await fs.mkdir(path.join(drop, 'processed', '2026-11-28'), { recursive: true });
      await fs.mkdir(path.join(drop, 'quarantine'), { recursive: true });
      await fs.writeFile(path.join(drop, 'a.json'), item('urn:cli:a', 'Port strike ends'));
      await fs.writeFile(path.join(drop, 'today', 'b.json'), item('urn:cli:b', 'Rail fares rise'));
      await fs.writeFile(path.join(drop, 'today', 'photo.jpg'), 'not a wire file');
      await fs.writeFile(path.join(drop, 'processed', '2026-11-28', 'old.json'), item('urn:cli:old', 'Already done'));
      await fs.writeFile(path.join(drop, 'quarantine', 'bad.json'), '{ broken');
      if (kind === 'postgres') {
        pg = await createTestDatabase('postgres', { migrate: false });
        await pg.store.close();
      }
      env = { DATA_DIR: path.join(dir, 'paper'), ...(pg?.url !== undefined && { DATABASE_URL: pg.url }) };
    });
    afterAll(async () => {
      await fs.rm(dir, { recursive: true, force: true });
      await pg?.drop().catch(() => undefined);
    });

    it('ingests a folder recursively, skipping processed/ and quarantine/, then finds nothing new', async () => {
      const first = await run(['wire', 'ingest', drop, '--agency', 'AFP'], env);
      expect(first.code).toBe(0);
      expect(first.out).toMatch(/ingested\s+\S*a\.json: 1 new/);
      expect(first.out).toMatch(/ingested\s+\S*b\.json: 1 new/);
      expect(first.out).not.toMatch(/old\.json|bad\.json|photo\.jpg/);
      expect(first.out).toContain('2 files: 2 ingested, 0 unchanged, 0 refused (2 items).');
      const again = await run(['wire', 'ingest', drop, '--agency', 'AFP'], env);
      expect(again.code).toBe(0);
      expect(again.out).toContain('2 files: 0 ingested, 2 unchanged, 0 refused (2 items).');
    });

    it('exits 1 naming the reason when a file is refused, and still ingests the others', async () => {
      const bad = path.join(dir, 'bad.xml');
      await fs.writeFile(bad, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><newsItem>&e;</newsItem>');
      const good = path.join(dir, 'c.json');
      await fs.writeFile(good, item('urn:cli:c', 'Monsoon session opens'));
      const r = await run(['wire', 'ingest', bad, good, '--agency', 'AFP'], env);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/refused\s+\S*bad\.xml: WIRE_DOCTYPE/);
      expect(r.out).toMatch(/ingested\s+\S*c\.json: 1 new/);
      expect(r.out).toContain('2 files: 1 ingested, 0 unchanged, 1 refused (1 items).');
    });

    it('explains its usage', async () => {
      const r = await run(['wire', 'ingest'], env);
      expect(r.code).toBe(2);
      expect(r.err).toContain('Usage: dateline wire ingest PATH');
    });
  });
}
