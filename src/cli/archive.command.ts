import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Services } from '../app/services.js';
import { exportArchive, importArchive, type Progress } from '../features/archive/index.js';
import type { Io } from './main.js';
import { progressBar } from './search.command.js';

/** Progress on stderr, at most one line per table per 10%, so long runs show they are alive. */
function progressPrinter(io: Io): Progress {
  const last = new Map<string, number>();
  return (e) => {
    const key = `${e.phase}:${e.table ?? ''}`;
    const pct = e.total === 0 ? 100 : Math.floor((e.done / e.total) * 10) * 10;
    if (last.get(key) === pct) return;
    last.set(key, pct);
    io.err(`${e.phase}${e.table ? ` ${e.table}` : ''}: ${e.done}/${e.total}`);
  };
}

function describe(summary: { tables: Record<string, number>; mediaFiles: number; bytes: number }): string {
  const rows = Object.entries(summary.tables)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  return `${rows || 'no rows'}; ${summary.mediaFiles} media files; ${(summary.bytes / 1024 / 1024).toFixed(1)} MB`;
}

export async function exportCommand(s: Services, args: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    io.err('Usage: dateline export FILE   (e.g. dateline export paper-2026-11-28.tar.gz)');
    return 2;
  }
  const deps = { db: s.store.db, dialect: s.store.dialect, mediaStore: s.mediaStore, clock: s.clock };
  const summary = await exportArchive(deps, path.resolve(file), progressPrinter(io));
  io.out(`Exported to ${file}: ${describe(summary)}.`);
  return 0;
}

export async function importCommand(s: Services, args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    options: { replace: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    io.err('Usage: dateline import FILE [--replace]');
    return 2;
  }
  const deps = { db: s.store.db, dialect: s.store.dialect, mediaStore: s.mediaStore, clock: s.clock };
  const summary = await importArchive(deps, path.resolve(file), { replace: values.replace, onProgress: progressPrinter(io) });
  // An archive holds content, not the derived search index: rebuild it from what was just imported.
  await s.search.reindex(progressBar(io, 'documents indexed'));
  io.out(`Imported ${file} into ${s.store.describe}: ${describe(summary)}.`);
  return 0;
}
