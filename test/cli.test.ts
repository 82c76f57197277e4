/** The `dateline` command line as an operator uses it, against real databases and folders. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { createTestDatabase, type TestDatabase } from './db.js';

async function run(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l), env: { LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...env } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('dateline CLI', () => {
  let dir: string;
  let pg: TestDatabase;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dateline-cli-'));
    pg = await createTestDatabase('postgres', { migrate: false });
    await pg.store.close();
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
    await pg.drop().catch(() => undefined);
  });

  const sqliteEnv = () => ({ DATA_DIR: path.join(dir, 'paper') });
  const pgEnv = () => ({ DATA_DIR: path.join(dir, 'paper-pg'), DATABASE_URL: pg.url! });

  it('prints help and refuses an unknown command with exit code 2', async () => {
    expect((await run(['help'], sqliteEnv())).out).toContain('token create --name NAME');
    const bad = await run(['publish-everything'], sqliteEnv());
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Unknown command "publish-everything"');
  });

  it('refuses invalid configuration with exit code 2 and names the key', async () => {
    const bad = await run(['migrate'], { DATABASE_URL: 'mysql://nope' });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('DATABASE_URL');
  });

  it('migrates, then says the database is up to date', async () => {
    expect((await run(['migrate'], sqliteEnv())).out).toMatch(/Applied 0001_content/);
    expect((await run(['migrate'], sqliteEnv())).out).toMatch(/up to date/);
  });

  it('creates a token once, lists it without the secret, and revokes it', async () => {
    const created = await run(['token', 'create', '--name', 'wire importer', '--role', 'editor'], sqliteEnv());
    expect(created.code).toBe(0);
    const token = created.out.trim();
    expect(token).toMatch(/^dl_[\w-]{40,}$/);
    const listed = await run(['token', 'list'], sqliteEnv());
    expect(listed.out).toContain('wire importer');
    expect(listed.out).toContain('editor');
    expect(listed.out).not.toContain(token);
    expect((await run(['token', 'revoke', '--name', 'wire importer'], sqliteEnv())).out).toBe('Revoked 1 token.');
    const again = await run(['token', 'revoke', '--name', 'wire importer'], sqliteEnv());
    expect(again.code).toBe(1);
    expect(again.err).toContain('TOKEN_NOT_FOUND');
  });

  it('refuses a token without a name or with an unknown role', async () => {
    expect((await run(['token', 'create'], sqliteEnv())).code).toBe(2);
    const role = await run(['token', 'create', '--name', 'x', '--role', 'emperor'], sqliteEnv());
    expect(role.code).toBe(1);
    expect(role.err).toContain('ROLE_UNKNOWN');
  });

  it('loads the demo paper, moves it to PostgreSQL and back without losing anything', async () => {
    const demo = await run(['demo'], sqliteEnv());
    expect(demo.code, demo.err).toBe(0);
    expect(demo.out).toMatch(/Loaded the demo newspaper: (\d+) stories/);
    expect(Number(/(\d+) stories/.exec(demo.out)?.[1])).toBeGreaterThanOrEqual(40);
    expect((await run(['demo'], sqliteEnv())).code).toBe(1); // refuses a paper that has content

    const first = path.join(dir, 'first.tar.gz');
    const exported = await run(['export', first], sqliteEnv());
    expect(exported.code, exported.err).toBe(0);
    expect(exported.out).toMatch(/articles \d+/);

    const imported = await run(['import', first], pgEnv());
    expect(imported.code, imported.err).toBe(0);
    const second = path.join(dir, 'second.tar.gz');
    expect((await run(['export', second], pgEnv())).code).toBe(0);

    const back = { DATA_DIR: path.join(dir, 'paper-back') };
    expect((await run(['import', second], back)).code).toBe(0);
    const third = path.join(dir, 'third.tar.gz');
    expect((await run(['export', third], back)).code).toBe(0);

    // Same rows and files every time (the manifest's per-table checksums and media list agree).
    const manifests = await Promise.all([first, second, third].map(manifestOf));
    expect(manifests[1]).toEqual(manifests[0]);
    expect(manifests[2]).toEqual(manifests[0]);
  }, 180_000);

  it('refuses a damaged archive with a clear message and changes nothing', async () => {
    const junk = path.join(dir, 'junk.tar.gz');
    await fs.writeFile(junk, 'this is not an archive');
    const res = await run(['import', junk, '--replace'], sqliteEnv());
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/ARCHIVE_/);
    const listed = await run(['export', path.join(dir, 'after.tar.gz')], sqliteEnv());
    expect(listed.out).toMatch(/articles \d{2}/);
  });

  it('refuses an import into a paper that has content unless told to replace it', async () => {
    const res = await run(['import', path.join(dir, 'first.tar.gz')], sqliteEnv());
    expect(res.code).toBe(1);
    expect(res.err).toContain('ARCHIVE_TARGET_NOT_EMPTY');
  });
});

async function manifestOf(file: string): Promise<unknown> {
  const tar = await import('tar');
  let text = '';
  await tar.t({
    file,
    onReadEntry: (entry) => {
      if (entry.path === 'manifest.json') entry.on('data', (c: Buffer) => (text += c.toString()));
      else entry.resume();
    },
  });
  const m = JSON.parse(text) as { tables: unknown; media: unknown; tableSha256: unknown };
  return { tables: m.tables, media: m.media, tableSha256: m.tableSha256 };
}
