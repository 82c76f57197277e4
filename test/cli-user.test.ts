/** `dateline user …`: staff accounts from the command line, passwords never in argv. */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { Stdin } from '../src/cli/password-input.js';

const root = path.resolve(import.meta.dirname, '..');

async function run(args: string[], env: Record<string, string>, stdin?: Stdin) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...env },
    ...(stdin && { stdin }),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const piped = (text: string): Stdin => Readable.from([Buffer.from(text)]);

/** A stand-in terminal: raw mode is recorded, keystrokes arrive as typed. */
function terminal(...keystrokes: string[]): Stdin & { rawModes: boolean[] } {
  const stream = new PassThrough() as unknown as Stdin & { rawModes: boolean[] };
  stream.isTTY = true;
  stream.rawModes = [];
  stream.setRawMode = (mode: boolean) => stream.rawModes.push(mode);
  let i = 0;
  stream.on('resume', () => {
    const next = keystrokes[i++];
    if (next !== undefined) setImmediate(() => (stream as unknown as PassThrough).write(next));
  });
  return stream;
}

describe('dateline user', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dateline-cli-user-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  const env = () => ({ DATA_DIR: path.join(dir, 'paper') });

  it('creates an account with the password from the first line of stdin, and lists it', async () => {
    const created = await run(['user', 'create', '--email', 'Anita@Example.test', '--name', 'Anita Desai', '--role', 'admin'], env(), piped('first admin password\nignored second line\n'));
    expect(created.code, created.err).toBe(0);
    expect(created.out).toMatch(/^Created admin Anita Desai <anita@example\.test> \(id \d+\)\.$/);
    const listed = await run(['user', 'list'], env());
    expect(listed.out).toMatch(/anita@example\.test\tAnita Desai\tadmin\tactive\tlast sign-in never/);
    expect(listed.out).not.toContain('first admin password');
  });

  it('refuses a password on the command line, saying why and what to do instead', async () => {
    for (const flag of [['--password', 'hunter2hunter2'], ['--password=hunter2hunter2']]) {
      const res = await run(['user', 'create', '--email', 'x@example.test', '--name', 'X', '--role', 'reporter', ...flag], env());
      expect(res.code).toBe(2);
      expect(res.err).toMatch(/never taken on the command line/);
      expect(res.err).toMatch(/stdin/);
    }
    expect((await run(['user', 'list'], env())).out).not.toContain('x@example.test');
  });

  it('asks in a terminal without echo, twice, and refuses two different answers', async () => {
    const tty = terminal('a typed password\r', 'a typed password\r');
    const ok = await run(['user', 'create', '--email', 'tty@example.test', '--name', 'Typist', '--role', 'reporter'], env(), tty);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.err).toMatch(/not shown/);
    expect(ok.err).not.toContain('a typed password');
    expect(tty.rawModes).toEqual([true, false, true, false]);

    const differ = await run(['user', 'create', '--email', 'tty2@example.test', '--name', 'Typo', '--role', 'reporter'], env(), terminal('one password here\r', 'another password\r'));
    expect(differ.code).toBe(2);
    expect(differ.err).toMatch(/differ/);
  });

  it('resets a password by email', async () => {
    const res = await run(['user', 'password', '--email', 'ANITA@example.test'], env(), piped('a second admin password\n'));
    expect(res.code, res.err).toBe(0);
    expect(res.out).toBe('Changed the password of anita@example.test; their sessions were signed out.');
    const unknown = await run(['user', 'password', '--email', 'nobody@example.test'], env(), piped('a second admin password\n'));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('USER_NOT_FOUND');
  });

  it('explains what is missing: options, a password, a good password', async () => {
    expect((await run(['user', 'create', '--email', 'a@example.test'], env())).code).toBe(2);
    const none = await run(['user', 'create', '--email', 'a@example.test', '--name', 'A', '--role', 'reporter'], env(), piped(''));
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/No password on stdin/);
    const weak = await run(['user', 'create', '--email', 'a@example.test', '--name', 'A', '--role', 'reporter'], env(), piped('short\n'));
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('PASSWORD_INVALID');
    const role = await run(['user', 'create', '--email', 'a@example.test', '--name', 'A', '--role', 'emperor'], env(), piped('long enough password\n'));
    expect(role.err).toContain('ROLE_UNKNOWN');
    expect((await run(['user', 'frobnicate'], env())).code).toBe(2);
  });

  it('reads a piped password in the real command and exits', async () => {
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = execFile(
        process.execPath,
        [path.join(root, 'bin', 'dateline.js'), 'user', 'create', '--email', 'piped@example.test', '--name', 'Piped', '--role', 'editor'],
        { cwd: root, env: { PATH: process.env['PATH'] ?? '', DATA_DIR: path.join(dir, 'paper'), LOG_LEVEL: 'silent', SEED_DEMO: 'false' }, timeout: 60_000 },
        (err, out, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(out)),
      );
      child.stdin?.end('a piped password\n');
    });
    expect(stdout).toMatch(/Created editor Piped <piped@example\.test>/);
  }, 90_000);
});
