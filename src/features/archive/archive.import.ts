/**
 * Import: unpack and verify the whole archive first, then write every row in
 * one transaction, then copy the media files into the store. A refused or
 * failed import leaves the database and the store as they were.
 */
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { CONTENT_TABLES, type Db } from '../../db/index.js';
import { AD_MEDIA_PREFIX } from '../ads/index.js';
import { isAppError } from '../../lib/errors.js';
import { ID_TABLES, type ArchiveDeps, type ArchiveSummary, type ContentTable, type Progress, type Row } from './archive.js';
import { archiveError } from './archive.errors.js';
import type { Manifest } from './archive.manifest.js';
import { countRows, deleteAllContent, insertRows } from './archive.queries.js';
import { readRows, verifyRows } from './archive.rows.js';
import { unpackArchive } from './archive.unpack.js';

const BATCH_SIZE = 200;

export interface ImportOptions {
  /** Delete the target's content (and media files the archive does not hold) instead of refusing. */
  replace?: boolean;
  onProgress?: Progress;
}

export async function importArchive(deps: ArchiveDeps, file: string, options: ImportOptions = {}): Promise<ArchiveSummary> {
  const { replace = false, onProgress } = options;
  // Cheap check first so an operator is not kept waiting for a verification that ends in a refusal.
  if (!replace) await refuseContent(deps.db);
  const size = await fsp.stat(file).then(
    (s) => s.size,
    (err: unknown) => {
      throw archiveError('ARCHIVE_UNREADABLE', `Cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
    },
  );
  const staging = await fsp.mkdtemp(path.join(os.tmpdir(), 'dateline-import-'));
  try {
    const manifest = await unpackArchive(file, staging, onProgress);
    const sections = await verifyRows(staging, manifest, onProgress);
    await writeRows(deps, staging, manifest, sections, replace, onProgress);
    await putMedia(deps, staging, manifest, replace, onProgress);
    return { tables: { ...manifest.tables }, mediaFiles: manifest.media.length, bytes: size };
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
  }
}

async function contentRows(db: Db): Promise<number> {
  let n = 0;
  for (const table of CONTENT_TABLES) n += await countRows(db, table);
  return n;
}

async function refuseContent(db: Db): Promise<void> {
  if ((await contentRows(db)) > 0) {
    throw archiveError(
      'ARCHIVE_TARGET_NOT_EMPTY',
      'This database already holds content. Import into an empty database, or pass replace to delete the current content first.',
    );
  }
}

async function writeRows(
  deps: ArchiveDeps,
  staging: string,
  manifest: Manifest,
  sections: Row[],
  replace: boolean,
  onProgress: Progress | undefined,
): Promise<void> {
  let table: ContentTable | undefined;
  try {
    await deps.db.transaction().execute(async (trx) => {
      if (replace) await deleteAllContent(trx, CONTENT_TABLES);
      else await refuseContent(trx);
      for (table of CONTENT_TABLES) {
        const total = manifest.tables[table];
        let done = 0;
        let batch: Row[] = [];
        const flush = async (): Promise<void> => {
          await insertRows(trx, table as ContentTable, batch);
          done += batch.length;
          batch = [];
          onProgress?.({ phase: 'tables', table, done, total });
        };
        // Sections were put parents-first during verification; every other table's parents are earlier tables.
        const rows = table === 'sections' ? sections : readRows(staging, table);
        for await (const row of rows) {
          batch.push(row);
          if (batch.length >= BATCH_SIZE) await flush();
        }
        if (batch.length > 0 || total === 0) await flush();
      }
      table = undefined;
      // The dialect speaks to any schema, hence its Kysely<unknown>; the transaction is the same connection.
      await deps.dialect.resetIdSequences(trx as unknown as Kysely<unknown>, ID_TABLES);
    });
  } catch (err) {
    if (isAppError(err)) throw err;
    const where = table ? ` while writing ${table}` : '';
    const message = err instanceof Error ? err.message : String(err);
    throw archiveError('ARCHIVE_WRITE_FAILED', `The database refused the archive's rows${where} (${message}); nothing was imported.`);
  }
}

/** Files go into the store only after the rows committed, so a refused import never leaves files behind. */
async function putMedia(deps: ArchiveDeps, staging: string, manifest: Manifest, replace: boolean, onProgress: Progress | undefined): Promise<void> {
  const total = manifest.media.length;
  onProgress?.({ phase: 'media', done: 0, total });
  let done = 0;
  for (const m of manifest.media) {
    try {
      await deps.mediaStore.put(m.key, await fsp.readFile(path.join(staging, 'media', m.key)));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw archiveError(
        'ARCHIVE_MEDIA_FAILED',
        `The rows were imported, but copying media file ${m.key} into the store failed (${message}). Fix the cause and import again with replace.`,
      );
    }
    done += 1;
    onProgress?.({ phase: 'media', done, total });
  }
  if (replace) {
    // The replaced content's files have no rows any more; leaving them would grow the store with every restore.
    // Ad creatives are not content (their rows are not in the archive, and stay): their files stay too.
    const keep = new Set(manifest.media.map((m) => m.key));
    const stale: string[] = [];
    for await (const key of deps.mediaStore.list()) if (!keep.has(key) && !key.startsWith(AD_MEDIA_PREFIX)) stale.push(key);
    for (const key of stale) await deps.mediaStore.remove(key);
  }
}
