import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Services } from '../app/services.js';
import type { IngestFileResult, WireIngestSource } from '../features/wire/index.js';
import type { Io } from './main.js';

const USAGE = 'Usage: dateline wire ingest PATH… [--source ID | --agency NAME]';

/** Folders the drop-folder runner files things into: never read again. */
const SKIPPED_DIRS = new Set(['processed', 'quarantine']);
/** Pictures sit beside wire files; they are read through the items that name them, not as wire files. */
const PICTURE_EXT = /\.(?:jpe?g|png|gif|webp|avif|tiff?|bmp|heic)$/i;

/** Every wire file under `p` (a file, or a folder walked recursively), in name order. */
async function wireFiles(p: string): Promise<string[]> {
  const stat = await fs.stat(p);
  if (stat.isFile()) return [p];
  if (!stat.isDirectory()) return [];
  const found: string[] = [];
  const entries = (await fs.readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(p, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) found.push(...(await wireFiles(full)));
    } else if (e.isFile() && !e.name.startsWith('.') && !PICTURE_EXT.test(e.name) && !e.name.endsWith('.reason.txt')) {
      found.push(full);
    }
  }
  return found;
}

function describeResult(file: string, r: IngestFileResult): string {
  if (r.refusal) return `refused    ${file}: ${r.refusal.code} ${r.refusal.message}`;
  const counts = new Map<string, number>();
  for (const i of r.items) counts.set(i.outcome, (counts.get(i.outcome) ?? 0) + 1);
  const detail = [...counts.entries()].map(([o, n]) => `${n} ${o}`).join(', ') || 'no items';
  return `${r.status.padEnd(10)} ${file}: ${detail}`;
}

/**
 * `dateline wire ingest PATH…`: ingests files or folders once, as a drop
 * folder would (without moving anything). Exit 1 when any file was refused.
 */
export async function wireCommand(s: Services, args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    options: { source: { type: 'string' }, agency: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [sub, ...paths] = positionals;
  if (sub !== 'ingest' || paths.length === 0) {
    io.err(USAGE);
    return 2;
  }
  let source: WireIngestSource | null = null;
  if (values.source !== undefined) {
    const id = Number(values.source);
    if (!Number.isInteger(id) || id < 1) {
      io.err(`--source takes a source id (a whole number), got "${values.source}".`);
      return 2;
    }
    source = await s.wireSources.source(id);
  }
  const agency = values.agency?.trim() || undefined;
  const totals = { files: 0, ingested: 0, unchanged: 0, refused: 0, items: 0 };
  for (const given of paths) {
    let files: string[];
    try {
      files = await wireFiles(path.resolve(given));
    } catch (err) {
      io.err(`Cannot read ${given}: ${err instanceof Error ? err.message : String(err)}`);
      totals.refused++;
      continue;
    }
    for (const file of files) {
      const bytes = await fs.readFile(file);
      const r = await s.wire.ingestFile(bytes, { source, filename: path.basename(file), baseDir: path.dirname(file), agency });
      totals.files++;
      totals[r.status]++;
      totals.items += r.items.length;
      io.out(describeResult(path.relative(process.cwd(), file) || file, r));
    }
  }
  // Story effects an earlier crash left undone (the server does this at start too).
  await s.wire.resumePending();
  io.out(`${totals.files} files: ${totals.ingested} ingested, ${totals.unchanged} unchanged, ${totals.refused} refused (${totals.items} items).`);
  // The items' search documents are written in batches after their commits: all of them before the command ends.
  await s.search.wireIndex.drain();
  return totals.refused > 0 ? 1 : 0;
}
