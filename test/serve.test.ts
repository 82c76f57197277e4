/** `npm start` as an operator runs it: a real process, a real port, a clean stop on SIGTERM. */
import { execFile, spawn } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function cli(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(root, 'bin', 'dateline.js'), ...args], { cwd: root, env: { PATH: process.env['PATH'] ?? '', ...env } }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'dateline.js'), 'serve'], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Dateline is serving (http:\/\/[\d.]+:\d+)/.exec(output);
      if (m?.[1]) resolve(m[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited early (${String(code)}):\n${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url, exited, output: () => output };
}

describe('the server process', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
  });

  it('serves, then stops cleanly on SIGTERM and exits 0', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dateline-serve-'));
    dirs.push(dataDir);
    const token = await cli(['token', 'create', '--name', 'shutdown-test'], { DATA_DIR: dataDir, SEED_DEMO: 'false' });
    const server = start({ PORT: '0', DATA_DIR: dataDir, SEED_DEMO: 'false' });
    const url = await server.url;
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    // A save whose body is still arriving when the signal comes must finish and be stored.
    const payload = JSON.stringify({ slug: 'late-edition', name: 'Late edition' });
    const req = http.request(`${url}/api/admin/sections`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.trim()}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    });
    const answered = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
    });
    req.write(payload.slice(0, 10));
    await new Promise((r) => setTimeout(r, 200));
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    req.end(payload.slice(10));
    expect(await answered).toBe(201);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('shutting down');
    await expect(fs.stat(path.join(dataDir, 'dateline.sqlite'))).resolves.toBeTruthy();
  }, 60_000);

  it('loses no acknowledged save when the process is killed outright (SIGKILL) mid-edit', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dateline-kill-'));
    dirs.push(dataDir);
    const token = (await cli(['token', 'create', '--name', 'kill-test'], { DATA_DIR: dataDir, SEED_DEMO: 'false' })).trim();
    const env = { PORT: '0', DATA_DIR: dataDir, SEED_DEMO: 'false' };
    const call = async (url: string, method: string, route: string, body?: object) => {
      const res = await fetch(`${url}/api/admin${route}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body && { 'content-type': 'application/json' }) },
        ...(body && { body: JSON.stringify(body) }),
      });
      return { status: res.status, json: (await res.json()) as { id: number; revision: number; standfirst: string } };
    };
    const first = start(env);
    const url = await first.url;
    const section = await call(url, 'POST', '/sections', { slug: 'city', name: 'City' });
    const story = await call(url, 'POST', '/articles', { headline: 'Ring road night buses', sectionId: section.json.id });
    expect(story.status).toBe(201);
    // An autosave loop: each save is acknowledged before the next is sent, as the editor does.
    const acknowledged: { revision: number; standfirst: string }[] = [];
    let revision = story.json.revision;
    let killed = false;
    const saving = (async () => {
      for (let i = 1; !killed; i++) {
        try {
          const saved = await call(url, 'PATCH', `/articles/${story.json.id}`, { standfirst: `Draft pass ${i}`, revision });
          if (saved.status !== 200) throw new Error(`save answered ${saved.status}`);
          revision = saved.json.revision;
          acknowledged.push({ revision, standfirst: saved.json.standfirst });
        } catch (err) {
          if (!killed) throw err;
        }
      }
    })();
    while (acknowledged.length < 15) await new Promise((r) => setTimeout(r, 5));
    killed = true;
    first.child.kill('SIGKILL');
    await first.exited;
    await saving;

    const second = start(env);
    const again = await second.url;
    const last = acknowledged[acknowledged.length - 1]!;
    const now = await call(again, 'GET', `/articles/${story.json.id}`);
    // The last acknowledged save is there (or one sent after it that committed just before the kill).
    expect(now.json.revision).toBeGreaterThanOrEqual(last.revision);
    if (now.json.revision === last.revision) expect(now.json.standfirst).toBe(last.standfirst);
    const history = await fetch(`${again}/api/admin/articles/${story.json.id}/revisions`, { headers: { authorization: `Bearer ${token}` } });
    const kept = new Set(((await history.json()) as { items: { revision: number }[] }).items.map((r) => r.revision));
    for (const a of acknowledged) expect(kept.has(a.revision), `revision ${a.revision} was acknowledged`).toBe(true);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 90_000);

  it('refuses to start with invalid configuration, naming every bad key', async () => {
    const server = start({ PORT: 'abc', LOG_LEVEL: 'chatty' });
    expect(await server.exited).toBe(2);
    expect(server.output()).toMatch(/PORT:.*\n.*LOG_LEVEL:/);
    expect(server.output()).not.toMatch(/\bat .+\.ts:\d+/);
    await server.url.catch(() => undefined);
  }, 60_000);
});
