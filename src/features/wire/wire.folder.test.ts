import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.js';
import type { IngestFileResult, WireIngestSource } from './wire.js';
import { createFolderScanner, moveWithoutOverwrite, type FolderIngest } from './wire.folder.js';

const source: WireIngestSource = { id: 4, name: 'AFP drop', agency: 'AFP', credit: 'AFP', rules: [], autoApplyUpdates: false };
const silent = { warn: () => undefined, error: () => undefined };

/** An ingest that refuses files containing "BAD", fails on "DBDOWN", and remembers what it was given. */
function fakeIngest() {
  const calls: { filename: string; text: string; baseDir: string | undefined }[] = [];
  const refusals: { filename: string; code: string; quarantinePath?: string | null }[] = [];
  let down = false;
  const ingest: FolderIngest = {
    ingestFile(bytes, ctx): Promise<IngestFileResult> {
      const text = bytes.toString('utf8');
      calls.push({ filename: ctx.filename, text, baseDir: ctx.baseDir });
      if (down) return Promise.reject(new Error('database unreachable'));
      if (text.includes('BAD')) {
        return Promise.resolve({ status: 'refused', filename: ctx.filename, items: [], refusal: { code: 'WIRE_MALFORMED', message: 'Line 1: unexpected end.' } });
      }
      return Promise.resolve({ status: 'ingested', filename: ctx.filename, items: [{ guid: 'g', version: 1, wireItemId: 1, outcome: 'new' }], refusal: null });
    },
    recordRefusal(r) {
      refusals.push(r);
      return Promise.resolve();
    },
  };
  return { ingest, calls, refusals, setDown: (d: boolean) => (down = d) };
}

describe('drop-folder scanning', () => {
  let dir: string;
  const clock = fixedClock('2026-11-29T10:00:00.000Z');
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wire-drop-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** Writes a file and sets the clock `age` ms after its modification time. */
  async function drop(name: string, text: string, age = 10_000): Promise<string> {
    const file = path.join(dir, name);
    await fs.writeFile(file, text);
    clock.set(new Date((await fs.stat(file)).mtimeMs + age));
    return file;
  }
  const ls = async (sub = ''): Promise<string[]> => (await fs.readdir(path.join(dir, sub))).sort();

  it('reads a finished file with its folder as the picture base, then moves it to processed/ under the day', async () => {
    const f = fakeIngest();
    const scanner = createFolderScanner({ ingest: f.ingest, clock, log: silent, maxFileBytes: 1000 });
    await drop('story.xml', '<newsItem/>');
    const report = await scanner.scan(dir, source);
    expect(report).toMatchObject({ pending: 0, error: null, files: [{ status: 'ingested', filename: 'story.xml' }] });
    expect(f.calls).toEqual([{ filename: 'story.xml', text: '<newsItem/>', baseDir: dir }]);
    const day = clock.now().toISOString().slice(0, 10);
    expect(await ls()).toEqual(['processed']);
    expect(await ls(`processed/${day}`)).toEqual(['story.xml']);
  });

  it('does not read a file still being written: it waits until its size holds over two looks', async () => {
    const f = fakeIngest();
    const scanner = createFolderScanner({ ingest: f.ingest, clock, log: silent, maxFileBytes: 1000 });
    const file = await drop('big.json', '{"uri":"urn:1",', 0);
    expect((await scanner.scan(dir, source)).pending).toBe(1);
    await fs.appendFile(file, '"headline":"Half');
    clock.set(new Date((await fs.stat(file)).mtimeMs + 500));
    expect((await scanner.scan(dir, source)).pending).toBe(1);
    expect(f.calls).toEqual([]);
    await fs.appendFile(file, ' done"}');
    clock.set(new Date((await fs.stat(file)).mtimeMs + 500));
    await scanner.scan(dir, source);
    expect(f.calls).toEqual([]);
    // Unchanged since the last look: finished.
    const r = await scanner.scan(dir, source);
    expect(r.files).toHaveLength(1);
    expect(f.calls.map((c) => c.text)).toEqual(['{"uri":"urn:1","headline":"Half done"}']);
  });

  it('puts a refused file in quarantine/ with a reason file naming the code and message', async () => {
    const f = fakeIngest();
    const scanner = createFolderScanner({ ingest: f.ingest, clock, log: silent, maxFileBytes: 1000 });
    await drop('broken.xml', '<BAD');
    const r = await scanner.scan(dir, source);
    expect(r.files[0]).toMatchObject({ status: 'refused', refusal: { code: 'WIRE_MALFORMED' } });
    expect(await ls('quarantine')).toEqual(['broken.xml', 'broken.xml.reason.txt']);
    const reason = await fs.readFile(path.join(dir, 'quarantine', 'broken.xml.reason.txt'), 'utf8');
    expect(reason).toContain('code: WIRE_MALFORMED');
    expect(reason).toContain('reason: Line 1: unexpected end.');
    expect(reason).toContain('source: AFP drop');
    expect(await fs.readFile(path.join(dir, 'quarantine', 'broken.xml'), 'utf8')).toBe('<BAD');
  });

  it('refuses a file over the size limit without reading it, and records the refusal', async () => {
    const f = fakeIngest();
    const scanner = createFolderScanner({ ingest: f.ingest, clock, log: silent, maxFileBytes: 10 });
    await drop('huge.xml', 'x'.repeat(11));
    const r = await scanner.scan(dir, source);
    expect(r.files[0]).toMatchObject({ status: 'refused', refusal: { code: 'WIRE_TOO_LARGE' } });
    expect(f.calls).toEqual([]);
    expect(f.refusals).toEqual([expect.objectContaining({ filename: 'huge.xml', code: 'WIRE_TOO_LARGE', quarantinePath: path.join(dir, 'quarantine', 'huge.xml') })]);
    expect(await ls('quarantine')).toEqual(['huge.xml', 'huge.xml.reason.txt']);
  });

  it('never overwrites: a name already taken gets a suffix', async () => {
    const f = fakeIngest();
    const scanner = createFolderScanner({ ingest: f.ingest, clock, log: silent, maxFileBytes: 1000 });
    const day = clock.now().toISOString().slice(0, 10);
    await fs.mkdir(path.join(dir, 'processed', day), { recursive: true });
    await fs.writeFile(path.join(dir, 'processed', day, 'story.xml'), 'first');
    await fs.writeFile(path.join(dir, 'processed', day, 'story-1.xml'), 'second');
    await drop('story.xml', 'third');
    await scanner.scan(dir, source);
    const names = await ls(`processed/${clock.now().toISOString().slice(0, 10)}`);
    expect(names).toEqual(['story-1.xml', 'story-2.xml', 'story.xml']);
    expect(await fs.readFile(path.join(dir, 'processed', day, 'story.xml'), 'utf8')).toBe('first');
    expect(await fs.readFile(path.join(dir, 'processed', day, 'story-2.xml'), 'utf8')).toBe('third');
  });

  it('leaves a file in place when the ingest fails, and moves it once a later scan succeeds', async () => {
    const f = fakeIngest();
    const scanner = createFolderScanner({ ingest: f.ingest, clock, log: silent, maxFileBytes: 1000 });
    await drop('a.xml', 'A');
    f.setDown(true);
    const failed = await scanner.scan(dir, source);
    expect(failed.error).toContain('database unreachable');
    expect(await ls()).toEqual(['a.xml']);
    f.setDown(false);
    expect((await scanner.scan(dir, source)).files).toHaveLength(1);
    expect(await ls()).toEqual(['processed']);
  });

  it('skips pictures, files still in transfer, hidden files and sub-folders', async () => {
    const f = fakeIngest();
    const scanner = createFolderScanner({ ingest: f.ingest, clock, log: silent, maxFileBytes: 1000 });
    await fs.mkdir(path.join(dir, 'incoming'));
    for (const name of ['photo.JPG', 'pic.webp', 'story.xml.part', 'upload.tmp', '.hidden.xml', 'story.xml.filepart']) await drop(name, 'x');
    await drop('real.txt', 'ZCZC');
    await scanner.scan(dir, source);
    expect(f.calls.map((c) => c.filename)).toEqual(['real.txt']);
    expect(await ls()).toEqual(['.hidden.xml', 'incoming', 'photo.JPG', 'pic.webp', 'processed', 'story.xml.filepart', 'story.xml.part', 'upload.tmp']);
  });

  it('skips a file it read but cannot move until the file changes, instead of reading it every scan', async () => {
    const f = fakeIngest();
    const scanner = createFolderScanner({ ingest: f.ingest, clock, log: silent, maxFileBytes: 1000 });
    await fs.writeFile(path.join(dir, 'processed'), 'not a folder'); // processed/ cannot be made
    const file = await drop('story.xml', 'A');
    expect((await scanner.scan(dir, source)).error).toMatch(/story\.xml cannot be moved/);
    expect(await scanner.scan(dir, source)).toMatchObject({ files: [], error: expect.stringMatching(/story\.xml cannot be moved/) as string });
    expect(f.calls).toHaveLength(1);
    await fs.appendFile(file, 'B');
    clock.set(new Date((await fs.stat(file)).mtimeMs + 10_000));
    await scanner.scan(dir, source);
    expect(f.calls.map((c) => c.text)).toEqual(['A', 'AB']);
  });

  it('reports a folder it cannot read instead of throwing', async () => {
    const scanner = createFolderScanner({ ingest: fakeIngest().ingest, clock, log: silent, maxFileBytes: 1000 });
    expect((await scanner.scan(path.join(dir, 'gone'), source)).error).toMatch(/cannot be read \(ENOENT\)/);
  });

  it('moves without overwriting even when asked twice for one name', async () => {
    await fs.writeFile(path.join(dir, 'a.txt'), '1');
    await fs.writeFile(path.join(dir, 'b.txt'), '2');
    const dest = path.join(dir, 'out');
    expect(path.basename(await moveWithoutOverwrite(path.join(dir, 'a.txt'), dest, 'x.txt'))).toBe('x.txt');
    expect(path.basename(await moveWithoutOverwrite(path.join(dir, 'b.txt'), dest, 'x.txt'))).toBe('x-1.txt');
    expect(await fs.readFile(path.join(dest, 'x.txt'), 'utf8')).toBe('1');
  });
});
