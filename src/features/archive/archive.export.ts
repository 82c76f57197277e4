/**
 * Export: every content row and every media file into one .tar.gz. Rows are
 * read in keyset pages from one snapshot; files are staged beside the target
 * and packed at the end, so a half-written archive never carries the final name.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';
import { CONTENT_TABLES, LATEST_MIGRATION, type Db } from '../../db/index.js';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  checkRow,
  type ArchiveDeps,
  type ArchiveSummary,
  type ContentTable,
  type Progress,
} from './archive.js';
import type { Manifest, MediaEntry } from './archive.manifest.js';
import { openLineWriter, saveStream } from './archive.files.js';
import { countRows, readPage } from './archive.queries.js';
import { archiveError } from './archive.errors.js';

const PAGE_SIZE = 500;

export async function exportArchive(deps: ArchiveDeps, file: string, onProgress?: Progress): Promise<ArchiveSummary> {
  const target = path.resolve(file);
  const staging = await fsp.mkdtemp(path.join(path.dirname(target), '.dateline-export-'));
  const partial = `${staging}.tar.gz`;
  try {
    const { tables, tableSha256 } = await exportTables(deps, staging, onProgress);
    const media = await exportMedia(deps, staging, onProgress);
    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      createdAt: deps.clock.now().toISOString(),
      schemaVersion: LATEST_MIGRATION,
      dialect: deps.dialect.name,
      tables,
      tableSha256,
      media,
    };
    await fsp.writeFile(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    // The manifest goes first so a reader learns what to expect before the data.
    const entries = ['manifest.json', ...CONTENT_TABLES.map((t) => `tables/${t}.ndjson`), ...media.map((m) => `media/${m.key}`)];
    await tar.c({ gzip: true, file: partial, cwd: staging, portable: true, noDirRecurse: true }, entries);
    await fsp.rename(partial, target);
    const { size } = await fsp.stat(target);
    return { tables: { ...tables }, mediaFiles: media.length, bytes: size };
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
    await fsp.rm(partial, { force: true });
  }
}

async function exportTables(
  deps: ArchiveDeps,
  staging: string,
  onProgress: Progress | undefined,
): Promise<Pick<Manifest, 'tables' | 'tableSha256'>> {
  const tables = {} as Record<ContentTable, number>;
  const tableSha256 = {} as Record<ContentTable, string>;
  // One transaction gives every table the same snapshot, so references between them hold in the archive.
  let trx = deps.db.transaction();
  if (deps.dialect.name === 'postgres') trx = trx.setIsolationLevel('repeatable read').setAccessMode('read only');
  await trx.execute(async (tx) => {
    for (const table of CONTENT_TABLES) {
      const written = await exportTable(tx, table, path.join(staging, 'tables', `${table}.ndjson`), onProgress);
      tables[table] = written.rows;
      tableSha256[table] = written.sha256;
    }
  });
  return { tables, tableSha256 };
}

async function exportTable(
  db: Db,
  table: ContentTable,
  file: string,
  onProgress: Progress | undefined,
): Promise<{ rows: number; sha256: string }> {
  const total = await countRows(db, table);
  const out = await openLineWriter(file);
  let done = 0;
  onProgress?.({ phase: 'tables', table, done, total });
  for (let page = await readPage(db, table, undefined, PAGE_SIZE); page.length > 0; ) {
    for (const row of page) {
      // The same check import runs: an archive we write is one we can read back.
      try {
        checkRow(table, row, `${table} row ${done + 1}`);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        throw archiveError('ARCHIVE_EXPORT_FAILED', `Cannot export: ${message} Fix the row, then export again.`);
      }
      await out.write(JSON.stringify(row));
      done += 1;
    }
    onProgress?.({ phase: 'tables', table, done, total: Math.max(total, done) });
    page = page.length < PAGE_SIZE ? [] : await readPage(db, table, page[page.length - 1], PAGE_SIZE);
  }
  const { sha256 } = await out.close();
  return { rows: done, sha256 };
}

/** Every file in the store, variants included: they have no rows but pages link to them. */
async function exportMedia(deps: ArchiveDeps, staging: string, onProgress: Progress | undefined): Promise<MediaEntry[]> {
  const keys: string[] = [];
  for await (const key of deps.mediaStore.list()) keys.push(key);
  keys.sort();
  const media: MediaEntry[] = [];
  onProgress?.({ phase: 'media', done: 0, total: keys.length });
  for (const key of keys) {
    const source = deps.mediaStore.stream(key) ?? (await bufferSource(deps, key));
    // A file removed between listing and copying is simply no longer part of the store.
    if (source === undefined) continue;
    const saved = await saveStream(source, path.join(staging, 'media', key));
    media.push({ key, bytes: saved.bytes, sha256: saved.sha256 });
    onProgress?.({ phase: 'media', done: media.length, total: keys.length });
  }
  return media;
}

async function bufferSource(deps: ArchiveDeps, key: string): Promise<AsyncIterable<Buffer> | undefined> {
  const data = await deps.mediaStore.get(key);
  if (data === undefined) return undefined;
  return (async function* () {
    yield data;
  })();
}
