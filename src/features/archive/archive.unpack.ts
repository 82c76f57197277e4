/**
 * Reading an archive: unpack it into a private staging folder, refusing
 * anything that is not a gzipped tar of the names we write, and check every
 * file against the manifest. Nothing outside the staging folder is touched.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Parser, type ReadEntry } from 'tar';
import { CONTENT_TABLES, LATEST_MIGRATION } from '../../db/index.js';
import { isContentTable, isMediaKey, type Progress } from './archive.js';
import { archiveError, ArchiveError } from './archive.errors.js';
import { saveStream } from './archive.files.js';
import { parseManifest, type Manifest } from './archive.manifest.js';

type Unpacked = Map<string, { sha256: string; bytes: number }>;

/** Where an entry may go, or a refusal. Directory entries are accepted and ignored. */
function placeOf(entry: ReadEntry): string | undefined {
  const name = entry.path.replace(/\/+$/, '');
  if (entry.type === 'Directory') {
    if (name === 'tables' || name === 'media' || (name.startsWith('media/') && isMediaKey(name.slice(6)))) return undefined;
  } else if (entry.type === 'File' || entry.type === 'OldFile') {
    if (name === 'manifest.json') return name;
    const table = /^tables\/([a-z_]+)\.ndjson$/.exec(name)?.[1];
    if (table !== undefined && isContentTable(table)) return name;
    if (name.startsWith('media/')) {
      if (!isMediaKey(name.slice(6))) {
        throw archiveError('ARCHIVE_BAD_MEDIA_KEY', `The archive holds a media file with an unsafe name: ${JSON.stringify(name)}.`);
      }
      return name;
    }
  }
  throw archiveError('ARCHIVE_UNEXPECTED_FILE', `The archive holds ${JSON.stringify(entry.path)} (${entry.type}), which is not part of a Dateline archive.`);
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await fsp.open(file, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** Unpacks every entry into `staging`, hashing as it goes. */
async function unpack(file: string, staging: string): Promise<Unpacked> {
  if (!(await isGzip(file))) {
    throw archiveError('ARCHIVE_NOT_GZIP', 'This file is not a Dateline archive: it is not gzip-compressed (.tar.gz).');
  }
  const files: Unpacked = new Map();
  const writes: Promise<void>[] = [];
  return new Promise<Unpacked>((resolve, reject) => {
    const input = fs.createReadStream(file);
    let settled = false;
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      input.destroy();
      reject(
        err instanceof ArchiveError
          ? err
          : archiveError('ARCHIVE_UNREADABLE', `The archive is damaged or truncated (${err instanceof Error ? err.message : String(err)}).`),
      );
    };
    const parser = new Parser({ strict: true });
    parser.on('entry', (entry: ReadEntry) => {
      try {
        const place = placeOf(entry);
        if (place === undefined) return entry.resume();
        if (files.has(place)) throw archiveError('ARCHIVE_UNEXPECTED_FILE', `The archive holds ${place} twice.`);
        files.set(place, { sha256: '', bytes: 0 });
        writes.push(
          saveStream(entry, path.join(staging, place)).then((saved) => {
            files.set(place, saved);
          }, fail),
        );
      } catch (err) {
        entry.resume();
        fail(err);
      }
    });
    parser.on('error', fail);
    parser.on('end', () => {
      Promise.all(writes).then(() => {
        if (settled) return;
        settled = true;
        resolve(files);
      }, fail);
    });
    input.on('error', fail);
    input.pipe(parser);
  });
}

function mismatch(name: string): never {
  throw archiveError('ARCHIVE_CHECKSUM_MISMATCH', `${name} in the archive does not match its checksum in the manifest: the file is damaged or was altered.`);
}

/** Every file the manifest lists is present and intact, and nothing else is there. */
function checkFiles(manifest: Manifest, files: Unpacked): void {
  const expected = new Set<string>(['manifest.json']);
  for (const table of CONTENT_TABLES) {
    const name = `tables/${table}.ndjson`;
    expected.add(name);
    const got = files.get(name);
    if (!got) throw archiveError('ARCHIVE_MISSING_FILE', `The archive has no ${name}, though its manifest lists the table.`);
    if (got.sha256 !== manifest.tableSha256[table]) mismatch(name);
  }
  for (const m of manifest.media) {
    const name = `media/${m.key}`;
    expected.add(name);
    const got = files.get(name);
    if (!got) throw archiveError('ARCHIVE_MISSING_FILE', `The archive has no ${name}, though its manifest lists it.`);
    if (got.sha256 !== m.sha256 || got.bytes !== m.bytes) mismatch(name);
  }
  for (const name of files.keys()) {
    if (!expected.has(name)) throw archiveError('ARCHIVE_UNEXPECTED_FILE', `The archive holds ${name}, which its manifest does not list.`);
  }
}

/** Unpacks `file` into `staging` and checks it file by file; rows are checked separately. */
export async function unpackArchive(file: string, staging: string, onProgress?: Progress): Promise<Manifest> {
  const files = await unpack(file, staging);
  if (!files.has('manifest.json')) {
    throw archiveError('ARCHIVE_BAD_MANIFEST', 'This file is not a Dateline archive: it has no manifest.json.');
  }
  const manifest = parseManifest(await fsp.readFile(path.join(staging, 'manifest.json'), 'utf8'), LATEST_MIGRATION);
  checkFiles(manifest, files);
  onProgress?.({ phase: 'verify', done: files.size, total: files.size });
  return manifest;
}
