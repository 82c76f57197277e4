/**
 * The wire runner of one server process: watches every enabled drop folder
 * (fs.watch, plus a rescan every 10 s and one at start, which picks up what
 * arrived while the server was down) and polls feeds when their next_run_at
 * comes. Sources are re-read every tick, so changes made on the admin screen
 * take effect within one tick.
 *
 * One folder is never scanned twice at once: a scan asked for while one runs
 * is run once more after it. A poll is claimed in the database before it
 * runs, so of several servers exactly one polls a feed. stop() waits for work
 * in flight.
 */
import fs from 'node:fs';
import type { Clock } from '../../lib/clock.js';
import { createFolderScanner, type FolderIngest } from './wire.folder.js';
import { pollSource, type FetchImpl } from './wire.poll.js';
import type { WireSource } from './wire-source.js';
import type { WireRunReport, WireSourceService } from './wire-source.service.js';

export const RESCAN_INTERVAL_MS = 10_000;
/** A file seen still arriving is looked at again after this long. */
const SETTLE_MS = 2_000;
/** Bursts of watch events (an upload, our own moves) make one scan. */
const WATCH_DEBOUNCE_MS = 150;

export interface WireRunnerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface WireRunner {
  /** One pass: re-read sources, follow folder changes, scan every folder, poll what is due. */
  tick(): Promise<void>;
  /** Scans or polls one source now (the admin's "run now"); waits for a scan already running first. */
  runNow(id: number): Promise<WireRunReport>;
  start(): void;
  stop(): Promise<void>;
}

export interface WireRunnerDeps {
  wire: FolderIngest & { resumePending(): Promise<unknown> };
  sources: Pick<WireSourceService, 'enabledSources' | 'source' | 'claimRun' | 'recordRun' | 'attachRunner'>;
  clock: Clock;
  log: WireRunnerLog;
  maxFileBytes: number;
  fetchImpl?: FetchImpl;
  pollTimeoutMs?: number;
  /** Rescan period; tests shorten it. */
  tickMs?: number;
  /** Set false to rely on ticks alone (filesystems where fs.watch does not work, e.g. some network mounts). */
  watch?: boolean;
}

export function createWireRunner(deps: WireRunnerDeps): WireRunner {
  const { wire, sources, clock, log } = deps;
  const tickMs = deps.tickMs ?? RESCAN_INTERVAL_MS;
  const scanner = createFolderScanner({ ingest: wire, clock, log, maxFileBytes: deps.maxFileBytes });
  const inFlight = new Map<string, Promise<WireRunReport>>();
  const rescanWanted = new Set<string>();
  const watchers = new Map<string, fs.FSWatcher>();
  /** The latest known source of each watched folder. */
  const folderSources = new Map<string, WireSource>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const pendingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const work = new Set<Promise<unknown>>();
  let interval: ReturnType<typeof setInterval> | undefined;
  let ticking: Promise<void> | undefined;
  let running = false;

  function track<T>(p: Promise<T>): Promise<T> {
    work.add(p);
    void p.finally(() => work.delete(p)).catch(() => undefined);
    return p;
  }

  function later(key: string, ms: number, fn: () => void): void {
    if (!running || pendingTimers.has(key)) return;
    const t = setTimeout(() => {
      pendingTimers.delete(key);
      timers.delete(t);
      if (running) fn();
    }, ms);
    t.unref();
    pendingTimers.set(key, t);
    timers.add(t);
  }

  async function scanOnce(source: WireSource): Promise<WireRunReport> {
    const folder = source.folderPath ?? '';
    const report = await scanner.scan(folder, source);
    for (const f of report.files) {
      log.info({ sourceId: source.id, filename: f.filename, status: f.status, code: f.refusal?.code }, `wire file ${f.status}`);
    }
    await sources.recordRun(source.id, { ok: report.error === null, error: report.error, nextInSeconds: Math.ceil(tickMs / 1000) });
    if (report.files.some((f) => f.status === 'ingested')) {
      // Finishes story effects a crash may have left (the ingest applies the usual ones itself).
      await wire.resumePending();
    }
    if (report.pending > 0) later(`settle:${folder}`, SETTLE_MS, () => rescan(folder));
    return { sourceId: source.id, outcome: report.error === null ? 'done' : 'failed', files: report.files, error: report.error };
  }

  /** Scans a folder unless a scan of it is running; then asks that one to go round again. */
  function scanFolder(source: WireSource): Promise<WireRunReport> {
    const key = `folder:${source.folderPath ?? ''}`;
    const current = inFlight.get(key);
    if (current) {
      rescanWanted.add(key);
      return current;
    }
    const p = (async () => {
      let merged: WireRunReport = { sourceId: source.id, outcome: 'done', files: [], error: null };
      do {
        rescanWanted.delete(key);
        const r = await scanOnce(folderSources.get(source.folderPath ?? '') ?? source);
        merged = { ...r, files: [...merged.files, ...r.files] };
      } while (rescanWanted.has(key) && running);
      return merged;
    })()
      .catch((err: unknown): WireRunReport => {
        log.error({ err, sourceId: source.id }, 'scanning a drop folder failed');
        return { sourceId: source.id, outcome: 'failed', files: [], error: err instanceof Error ? err.message : String(err) };
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, p);
    return track(p);
  }

  /** A timer's scan: only if the folder still belongs to an enabled source (as of the last tick). */
  function rescan(folder: string): void {
    const s = folderSources.get(folder);
    if (s) void scanFolder(s);
  }

  function poll(source: WireSource): Promise<WireRunReport> {
    const key = `poll:${source.id}`;
    const current = inFlight.get(key);
    if (current) return current;
    const p = pollSource(source, { ingest: wire, sources, fetchImpl: deps.fetchImpl, maxFileBytes: deps.maxFileBytes, timeoutMs: deps.pollTimeoutMs })
      .then((r) => {
        if (r.error) log.warn({ sourceId: source.id, problem: r.error }, 'polling a wire feed failed; backing off');
        for (const f of r.files) log.info({ sourceId: source.id, filename: f.filename, status: f.status }, `wire feed ${f.status}`);
        return r;
      })
      .catch((err: unknown): WireRunReport => {
        log.error({ err, sourceId: source.id }, 'polling a wire feed failed');
        return { sourceId: source.id, outcome: 'failed', files: [], error: err instanceof Error ? err.message : String(err) };
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, p);
    return track(p);
  }

  function watchFolder(folder: string): void {
    if (deps.watch === false || watchers.has(folder)) return;
    try {
      const w = fs.watch(folder, { persistent: false }, () => later(`watch:${folder}`, WATCH_DEBOUNCE_MS, () => rescan(folder)));
      w.on('error', (err) => {
        log.warn({ err, folder }, 'watching a drop folder stopped; the periodic rescan still reads it');
        w.close();
        watchers.delete(folder);
      });
      watchers.set(folder, w);
    } catch (err) {
      log.warn({ err, folder }, 'cannot watch a drop folder; the periodic rescan still reads it');
    }
  }

  /** Keeps watchers in step with the enabled folder sources. */
  function syncWatchers(list: readonly WireSource[]): void {
    const folders = new Set<string>();
    folderSources.clear();
    for (const s of list) {
      if (s.kind !== 'folder' || !s.folderPath) continue;
      folders.add(s.folderPath);
      folderSources.set(s.folderPath, s);
      if (running) watchFolder(s.folderPath);
    }
    for (const [folder, w] of watchers) {
      if (!folders.has(folder)) {
        w.close();
        watchers.delete(folder);
      }
    }
  }

  async function tick(): Promise<void> {
    const list = await sources.enabledSources();
    syncWatchers(list);
    const now = clock.now().toISOString();
    const jobs: Promise<unknown>[] = [];
    for (const s of list) {
      if (s.kind === 'folder' && s.folderPath) jobs.push(scanFolder(s));
      const due = s.kind === 'poll' && (s.nextRunAt === null || s.nextRunAt <= now) && !inFlight.has(`poll:${s.id}`);
      if (due) jobs.push(sources.claimRun(s.id).then((mine) => (mine ? poll(s) : undefined)));
    }
    await Promise.all(jobs);
  }

  function guardedTick(): Promise<void> {
    ticking ??= track(
      tick()
        .catch((err: unknown) => log.error({ err }, 'the wire runner could not read its sources; trying again next tick'))
        .finally(() => {
          ticking = undefined;
        }),
    );
    return ticking;
  }

  const runner: WireRunner = {
    tick: guardedTick,

    async runNow(id: number): Promise<WireRunReport> {
      const s = await sources.source(id);
      if (!s.enabled || s.kind === 'push') return { sourceId: id, outcome: 'skipped', files: [], error: null };
      if (s.kind === 'folder') {
        // A scan already running may have taken the files; its report counts as part of this run.
        const earlier = await inFlight.get(`folder:${s.folderPath ?? ''}`);
        const r = await scanFolder(s);
        return earlier ? { ...r, files: [...earlier.files, ...r.files] } : r;
      }
      await inFlight.get(`poll:${s.id}`);
      return poll(s);
    },

    start() {
      if (running) return;
      running = true;
      sources.attachRunner(runner);
      // A tick at once rescans: files that arrived while the server was down are read now.
      // (Story effects a crash left are finished by startServer's resumePending, before this starts.)
      void guardedTick();
      interval = setInterval(() => void guardedTick(), tickMs);
      interval.unref();
    },

    async stop() {
      running = false;
      sources.attachRunner(null);
      if (interval) clearInterval(interval);
      interval = undefined;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      pendingTimers.clear();
      for (const w of watchers.values()) w.close();
      watchers.clear();
      while (work.size > 0) await Promise.allSettled([...work]);
    },
  };
  return runner;
}
