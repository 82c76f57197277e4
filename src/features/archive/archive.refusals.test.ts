import { createHash } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDb, type TestDatabase } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import type { MediaStore } from '../media/index.js';
import { exportArchive, importArchive, type ArchiveDeps, type ArchiveErrorCode } from './index.js';
import { readEntries, removeTempDirs, seedNewsroom, snapshot, storeFiles, T0, tempDir, tempStore, writeTar } from './archive.fixtures.js';

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

type Entries = Map<string, Buffer>;
type Json = Record<string, unknown> & { tableSha256: Record<string, string>; tables: Record<string, number> };

const manifestOf = (e: Entries): Json => JSON.parse(e.get('manifest.json')!.toString('utf8')) as Json;
const withManifest = (e: Entries, m: Json): Entries => new Map(e).set('manifest.json', Buffer.from(JSON.stringify(m)));

/** Replaces a table file and keeps the manifest's checksum honest, so only the row check can catch it. */
function withTable(e: Entries, table: string, lines: string[]): Entries {
  const data = Buffer.from(lines.map((l) => `${l}\n`).join(''));
  const m = manifestOf(e);
  m.tableSha256[table] = sha(data);
  m.tables[table] = lines.length;
  return withManifest(new Map(e).set(`tables/${table}.ndjson`, data), m);
}

const linesOf = (e: Entries, table: string): string[] => e.get(`tables/${table}.ndjson`)!.toString('utf8').trim().split('\n');

describeEachDb('archive import refuses a damaged or foreign archive', (ctx) => {
  let dir = '';
  let good: Entries;
  let source: TestDatabase;
  let store: MediaStore;
  let deps: ArchiveDeps;

  beforeAll(async () => {
    dir = await tempDir();
    source = await createTestDatabase('sqlite');
    const from = await tempStore();
    await seedNewsroom(source.store.db, from.store);
    const file = path.join(dir, 'good.tar.gz');
    await exportArchive({ db: source.store.db, dialect: source.store.dialect, mediaStore: from.store, clock: fixedClock(T0) }, file);
    good = await readEntries(file);
    // The target already holds a story and a file; every refusal below runs with replace, and must leave both alone.
    ({ store } = await tempStore());
    deps = { db: ctx().db, dialect: ctx().dialect, mediaStore: store, clock: fixedClock(T0) };
    await ctx().db.insertInto('tags').values({ id: 70, slug: 'keep-me', name: 'Keep me', created_at: T0 }).execute();
    await store.put('2020/01/keep.jpg', Buffer.from('keep'));
  });
  afterAll(async () => {
    await source.drop();
    await removeTempDirs();
  });

  async function refuses(name: string, contents: Buffer | Entries, code: ArchiveErrorCode, message?: RegExp): Promise<void> {
    const file = path.join(dir, `${name}.tar.gz`);
    if (Buffer.isBuffer(contents)) await fsp.writeFile(file, contents);
    else await writeTar(file, contents);
    const before = { rows: await snapshot(ctx().db), files: await storeFiles(store) };
    const err: unknown = await importArchive(deps, file, { replace: true }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code, kind: 'invalid' });
    if (message) expect((err as Error).message).toMatch(message);
    expect(await snapshot(ctx().db)).toEqual(before.rows);
    expect(await storeFiles(store)).toEqual(before.files);
  }

  it('accepts the untouched archive rebuilt by hand (so the refusals below are about the damage)', async () => {
    const file = path.join(dir, 'rebuilt.tar.gz');
    await writeTar(file, good);
    const t = await createTestDatabase('sqlite');
    const { store: s } = await tempStore();
    await importArchive({ db: t.store.db, dialect: t.store.dialect, mediaStore: s, clock: fixedClock(T0) }, file);
    expect(await snapshot(t.store.db)).toEqual(await snapshot(source.store.db));
    await t.drop();
  });

  it('refuses a file that is not there', async () => {
    await expect(importArchive(deps, path.join(dir, 'missing.tar.gz'), { replace: true })).rejects.toMatchObject({ code: 'ARCHIVE_UNREADABLE' });
  });

  it('refuses random bytes', () => refuses('random', Buffer.from('not an archive at all, just words'), 'ARCHIVE_NOT_GZIP', /not gzip/));

  it('refuses a plain tar without gzip', async () => {
    const file = path.join(dir, 'plain.tar');
    await writeTar(file, good, { gzip: false });
    await refuses('plain', await fsp.readFile(file), 'ARCHIVE_NOT_GZIP');
  });

  it('refuses gzipped bytes that are not a tar', () => refuses('gzipped-text', zlib.gzipSync(Buffer.alloc(4000, 'x')), 'ARCHIVE_UNREADABLE'));

  it('refuses a truncated file', async () => {
    const file = path.join(dir, 'whole.tar.gz');
    await writeTar(file, good);
    const whole = await fsp.readFile(file);
    await refuses('truncated', whole.subarray(0, Math.floor(whole.length / 2)), 'ARCHIVE_UNREADABLE', /damaged or truncated/);
  });

  it('refuses an archive without a manifest', () => {
    const e = new Map(good);
    e.delete('manifest.json');
    return refuses('no-manifest', e, 'ARCHIVE_BAD_MANIFEST', /no manifest/);
  });

  it('refuses a manifest of another format', () => refuses('foreign', withManifest(good, { ...manifestOf(good), format: 'wordpress' }), 'ARCHIVE_UNKNOWN_FORMAT'));

  it('refuses an archive of a newer schema with a clear message', () =>
    refuses('newer', withManifest(good, { ...manifestOf(good), schemaVersion: '9999_future' }), 'ARCHIVE_SCHEMA_NEWER', /newer Dateline/));

  it('refuses a manifest whose checksum does not match a table file', () => {
    const m = manifestOf(good);
    m.tableSha256['articles'] = '0'.repeat(64);
    return refuses('checksum', withManifest(good, m), 'ARCHIVE_CHECKSUM_MISMATCH', /articles\.ndjson/);
  });

  it('refuses a tampered media file', () =>
    refuses('tampered', new Map(good).set('media/2026/11/bbbb.jpg', Buffer.from('evil')), 'ARCHIVE_CHECKSUM_MISMATCH', /bbbb\.jpg/));

  it('refuses a row with an unknown column', () => {
    const [first, ...rest] = linesOf(good, 'tags');
    const row = { ...(JSON.parse(first!) as object), is_admin: true };
    return refuses('unknown-column', withTable(good, 'tags', [JSON.stringify(row), ...rest]), 'ARCHIVE_BAD_ROW', /unknown column "is_admin"/);
  });

  it('refuses a value of the wrong type', () => {
    const [first, ...rest] = linesOf(good, 'media');
    const row = { ...(JSON.parse(first!) as object), focal_x: '0.3' };
    return refuses('wrong-type', withTable(good, 'media', [JSON.stringify(row), ...rest]), 'ARCHIVE_BAD_ROW', /focal_x/);
  });

  it('refuses a row count that differs from the manifest', () => {
    const m = manifestOf(good);
    m.tables['pages'] = 5;
    return refuses('count', withManifest(good, m), 'ARCHIVE_ROW_COUNT');
  });

  it('refuses a story tagged with a tag the archive does not hold', () => {
    const lines = linesOf(good, 'article_tags');
    lines.push(JSON.stringify({ article_id: 1, tag_id: 404, position: 1 }));
    return refuses('orphan', withTable(good, 'article_tags', lines), 'ARCHIVE_ORPHAN', /tag_id 404/);
  });

  it('refuses an unknown table, in the manifest or as a file', async () => {
    const m = manifestOf(good);
    m.tables['users'] = 0;
    m.tableSha256['users'] = sha(Buffer.alloc(0));
    await refuses('table-in-manifest', withManifest(good, m), 'ARCHIVE_BAD_MANIFEST', /unknown table "users"/);
    await refuses('table-file', new Map(good).set('tables/api_tokens.ndjson', Buffer.alloc(0)), 'ARCHIVE_UNEXPECTED_FILE');
  });

  it('refuses a media name that climbs out of the store, and writes nothing outside', async () => {
    const m = manifestOf(good);
    const evil = Buffer.from('evil');
    (m['media'] as unknown[]).push({ key: '../escaped.txt', bytes: 4, sha256: sha(evil) });
    await refuses('climb-file', new Map(good).set('media/../escaped.txt', evil), 'ARCHIVE_BAD_MEDIA_KEY');
    await refuses('climb-manifest', withManifest(good, m), 'ARCHIVE_BAD_MEDIA_KEY');
    await expect(fsp.access(path.join(dir, '..', 'escaped.txt'))).rejects.toThrow();
  });

  it('rolls everything back when the database refuses a row (two tags with one slug), replace included', () => {
    const lines = linesOf(good, 'tags');
    lines.push(JSON.stringify({ id: 99, slug: 'election', name: 'Twin', created_at: T0 }));
    return refuses('unique', withTable(good, 'tags', lines), 'ARCHIVE_WRITE_FAILED', /writing tags/);
  });

  it('refuses sections that sit inside each other', () => {
    const lines = linesOf(good, 'sections').map((l) => {
      const row = JSON.parse(l) as { id: number; parent_id: number | null };
      return JSON.stringify(row.id === 1 ? { ...row, parent_id: 2 } : row);
    });
    return refuses('loop', withTable(good, 'sections', lines), 'ARCHIVE_BAD_ROW', /inside itself/);
  });
});
