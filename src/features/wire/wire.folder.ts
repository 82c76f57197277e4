/**
 * Drop-folder scanning. An agency's FTP/SFTP deposit lands in a folder; each
 * scan reads the wire files that have finished arriving, hands each to the
 * ingest, and only once the ingest has resolved (its data committed) moves
 * the file away:
 *
 *   <folder>/processed/YYYY-MM-DD/<name>       read (new, updated or already known)
 *   <folder>/quarantine/<name>                 refused, with <name>.reason.txt beside it
 *
 * A crash between the commit and the move leaves the file where it was; the
 * next scan finds its items unchanged and moves it then. Names already taken
 * get a suffix (story-1.xml); nothing is ever overwritten.
 *
 * Picture files (.jpg, .png, …) are not wire files: the scan leaves them where
 * they are, for the items that refer to them (see docs/wire-sources.md).
 */
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../../lib/clock.js';
import type { IngestFileResult, WireIngestSource } from './wire.js';

/** A file is read once its size held over two looks, or once it is this old. */
export const STABLE_AGE_MS = 2_000;
export const PROCESSED_DIR = 'processed';
export const QUARANTINE_DIR = 'quarantine';

const PICTURE = /\.(jpe?g|png|webp|gif|tiff?|avif|heic|bmp)$/i;
/** Names uploaders give files still in transfer (and editors' backups). */
const IN_TRANSFER = /(\.(tmp|temp|part|partial|filepart|crdownload|uploading|lock)|~)$/i;

export interface FolderIngest {
  ingestFile(bytes: Buffer, ctx: { source: WireIngestSource | null; filename: string; baseDir?: string }): Promise<IngestFileResult>;
  /** Records a file refused before it was read (too large). */
  recordRefusal(r: { sourceId: number | null; filename: string; code: string; message: string; quarantinePath?: string | null }): Promise<unknown>;
}

export interface FolderLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface FolderScanReport {
  files: IngestFileResult[];
  /** Files seen still arriving: worth another look in a moment. */
  pending: number;
  /** Set when the folder could not be read or the ingest failed (the file stays for the next scan). */
  error: string | null;
}

/** Whether the scan should consider this name at all. */
export function isWireFileName(name: string): boolean {
  return (
    name !== PROCESSED_DIR && name !== QUARANTINE_DIR && !name.startsWith('.') && !IN_TRANSFER.test(name) && !PICTURE.test(name) && !name.endsWith('.reason.txt')
  );
}

function splitName(name: string): { stem: string; ext: string } {
  const ext = path.extname(name);
  return ext === '' || ext === name ? { stem: name, ext: '' } : { stem: name.slice(0, -ext.length), ext };
}

const errCode = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | null)?.code;

/**
 * Moves `src` into `dir` under its own name, or name-1, name-2 … when taken.
 * Never overwrites: a hard link fails on an existing name (with an exclusive
 * copy where links are not supported), then the original is removed.
 */
export async function moveWithoutOverwrite(src: string, dir: string, name: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const { stem, ext } = splitName(name);
  for (let i = 0; i < 10_000; i++) {
    const candidate = path.join(dir, i === 0 ? name : `${stem}-${i}${ext}`);
    try {
      await fs.link(src, candidate);
    } catch (err) {
      if (errCode(err) === 'EEXIST') continue;
      if (!['EPERM', 'ENOTSUP', 'EXDEV', 'ENOSYS', 'EOPNOTSUPP'].includes(errCode(err) ?? '')) throw err;
      try {
        await fs.copyFile(src, candidate, fsConstants.COPYFILE_EXCL);
      } catch (copyErr) {
        if (errCode(copyErr) === 'EEXIST') continue;
        throw copyErr;
      }
    }
    await fs.unlink(src);
    return candidate;
  }
  throw new Error(`no free name for ${name} in ${dir}`);
}

async function readUnlessGone(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (err) {
    if (errCode(err) === 'ENOENT') return null;
    throw err;
  }
}

export function reasonText(r: { code: string; message: string }, ctx: { filename: string; sourceName: string | null; at: Date }): string {
  return [
    `file: ${ctx.filename}`,
    `refused: ${ctx.at.toISOString()}`,
    ...(ctx.sourceName ? [`source: ${ctx.sourceName}`] : []),
    `code: ${r.code}`,
    `reason: ${r.message}`,
    '',
  ].join('\n');
}

/**
 * A scanner for the folders of one runner. It remembers the size of each
 * file it saw still arriving, so the next look can tell whether it grew.
 */
export function createFolderScanner(deps: { ingest: FolderIngest; clock: Clock; log: FolderLog; maxFileBytes: number }) {
  const { ingest, clock, log, maxFileBytes } = deps;
  const looks = new Map<string, { size: number; mtimeMs: number }>();
  /** Files read but not movable (permissions): skipped until they change, so they are not refused again every scan. */
  const stuck = new Map<string, { signature: string; problem: string }>();

  async function quarantine(file: string, folder: string, name: string, refusal: { code: string; message: string }, source: WireIngestSource): Promise<string> {
    const dest = await moveWithoutOverwrite(file, path.join(folder, QUARANTINE_DIR), name);
    await fs.writeFile(`${dest}.reason.txt`, reasonText(refusal, { filename: name, sourceName: source.name ?? null, at: clock.now() }));
    return dest;
  }

  /** One pass over the folder; never throws. */
  async function scan(folder: string, source: WireIngestSource): Promise<FolderScanReport> {
    const report: FolderScanReport = { files: [], pending: 0, error: null };
    let names: string[];
    try {
      const entries = await fs.readdir(folder, { withFileTypes: true });
      // Only plain files at the top: not processed/ and quarantine/, and not symbolic links, which could point anywhere.
      names = entries.filter((e) => e.isFile() && isWireFileName(e.name)).map((e) => e.name).sort();
    } catch (err) {
      report.error = `The drop folder ${folder} cannot be read (${errCode(err) ?? String(err)}).`;
      return report;
    }
    const present = new Set(names.map((n) => path.join(folder, n)));
    for (const key of looks.keys()) if (path.dirname(key) === folder && !present.has(key)) looks.delete(key);

    for (const name of names) {
      const file = path.join(folder, name);
      const stat = await fs.stat(file).catch(() => null);
      if (!stat?.isFile()) continue;
      const signature = `${stat.size}:${stat.mtimeMs}`;
      const stuckProblem = stuck.get(file);
      if (stuckProblem?.signature === signature) {
        report.error ??= stuckProblem.problem; // still shown on the source until someone fixes it
        continue;
      }
      stuck.delete(file);
      const before = looks.get(file);
      const settled = before !== undefined && before.size === stat.size && before.mtimeMs === stat.mtimeMs;
      if (!settled && clock.now().getTime() - stat.mtimeMs < STABLE_AGE_MS) {
        looks.set(file, { size: stat.size, mtimeMs: stat.mtimeMs });
        report.pending++;
        continue;
      }
      looks.delete(file);
      try {
        if (stat.size > maxFileBytes) {
          const refusal = { code: 'WIRE_TOO_LARGE', message: `The file is ${stat.size} bytes; a wire file may be at most ${maxFileBytes}.` };
          const dest = await quarantine(file, folder, name, refusal, source);
          await ingest.recordRefusal({ sourceId: source.id, filename: name, ...refusal, quarantinePath: dest });
          report.files.push({ status: 'refused', filename: name, items: [], refusal });
          continue;
        }
        const bytes = await readUnlessGone(file);
        if (bytes === null) continue; // taken away meanwhile
        const result = await ingest.ingestFile(bytes, { source, filename: name, baseDir: folder });
        report.files.push(result);
        // Committed: only now does the file leave the drop folder.
        try {
          if (result.status === 'refused') {
            await quarantine(file, folder, name, result.refusal ?? { code: 'WIRE_REFUSED', message: 'Refused.' }, source);
          } else {
            await moveWithoutOverwrite(file, path.join(folder, PROCESSED_DIR, clock.now().toISOString().slice(0, 10)), name);
          }
        } catch (err) {
          const problem = `${name} cannot be moved (${errCode(err) ?? String(err)}): check the folder's permissions.`;
          stuck.set(file, { signature, problem });
          log.error({ err, folder, filename: name }, 'a wire file was read but cannot be moved out of the drop folder; it is skipped until it changes');
          report.error = problem;
        }
      } catch (err) {
        // The ingest or a move failed (database away, disk full): the file stays and is tried again next scan.
        log.error({ err, folder, filename: name }, 'a wire file could not be handled; it stays in the drop folder for the next scan');
        report.error = `${name}: ${err instanceof Error ? err.message : String(err)}`;
        break;
      }
    }
    return report;
  }

  return { scan };
}

export type FolderScanner = ReturnType<typeof createFolderScanner>;
