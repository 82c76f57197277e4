/**
 * `npm run bench:site [-- --stories N --duration S --connections C]`
 *
 * Generates a paper of N stories (default 10,000) into a fresh SQLite
 * database in a temporary DATA_DIR, starts the real server (in a child
 * process, so the load generator does not share its event loop) with the
 * page cache on and then off, and measures with autocannon on 127.0.0.1:
 * cached article, home and section pages; uncached article (rotating over
 * many stories), home and section pages; and a bare node:http server
 * answering the cached article's exact bytes and headers — the ceiling.
 * Prints one table. See docs/performance.md.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../src/app/build-app.js';
import { openStore } from '../src/app/server.js';
import { loadConfig } from '../src/config/index.js';
import { migrateToLatest } from '../src/db/index.js';
import { articlePath } from '../src/features/articles/index.js';
import { generatePaper } from './generate.js';
import type { RecordedResponse } from './site-server.js';

interface Options {
  stories: number;
  duration: number;
  warmup: number;
  connections: number;
  rounds: number;
  logLevel: string;
  keep: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { stories: 10_000, duration: 10, warmup: 2, connections: 10, rounds: 2, logLevel: 'warn', keep: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const num = (min: number, max: number): number => {
      const n = Number(value);
      if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${flag} needs a number from ${min} to ${max}`);
      i++;
      return n;
    };
    if (flag === '--stories') o.stories = Math.floor(num(10, 1_000_000));
    else if (flag === '--duration') o.duration = num(1, 120);
    else if (flag === '--warmup') o.warmup = num(0, 30);
    else if (flag === '--connections') o.connections = Math.floor(num(1, 1000));
    else if (flag === '--rounds') o.rounds = Math.floor(num(1, 10));
    else if (flag === '--log-level' && value) {
      o.logLevel = value;
      i++;
    } else if (flag === '--keep') o.keep = true;
    else throw new Error(`unknown option ${String(flag)} (try --stories N --duration S --warmup S --rounds R --connections C --log-level L --keep)`);
  }
  return o;
}

interface Row {
  target: string;
  rps: number;
  p50: number;
  p99: number;
  bytes: number;
  non200: number;
  errors: number;
  /** Server CPU time (user + system) per response, in microseconds. */
  cpuUs: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** One autocannon run; `paths` rotates over many URLs (one shared counter across connections). */
async function load(server: Server, paths: readonly string[], o: Options, seconds: number, target: string): Promise<Row> {
  const { origin } = server;
  let next = 0;
  const latencies: number[] = [];
  let bytes = 0;
  let non200 = 0;
  const first = paths[0] ?? '/';
  const instance = autocannon({
    url: origin + first,
    connections: o.connections,
    duration: seconds,
    ...(paths.length > 1 && {
      requests: [
        {
          method: 'GET',
          path: first,
          setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] ?? first }),
        },
      ],
    }),
  });
  instance.on('response', (_client: unknown, status: number, resBytes: number, responseTime: number) => {
    latencies.push(responseTime);
    bytes += resBytes;
    if (status !== 200) non200++;
  });
  const cpuBefore = await server.cpu();
  const result = await instance;
  const cpu = (await server.cpu()) - cpuBefore;
  const sorted = Float64Array.from(latencies).sort();
  return {
    target,
    rps: latencies.length / result.duration,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    bytes: latencies.length > 0 ? bytes / latencies.length : 0,
    non200,
    errors: result.errors,
    cpuUs: latencies.length > 0 ? cpu / latencies.length : NaN,
  };
}

interface Target {
  server: Server;
  paths: readonly string[];
  target: string;
}

/**
 * Measures each target `rounds` times, interleaved (a, b, c, a, b, c), and
 * keeps each target's best round: other work on the machine only ever slows
 * a run down, so the best round is the closest to what the server can do.
 */
async function bestOf(o: Options, targets: readonly Target[]): Promise<Row[]> {
  const best = new Map<string, Row>();
  for (let round = 0; round < o.rounds; round++) {
    for (const t of targets) {
      if (o.warmup > 0) await load(t.server, t.paths, o, o.warmup, `${t.target} (warm-up)`);
      const row = await load(t.server, t.paths, o, o.duration, t.target);
      console.log(`  ${t.target}: ${Math.round(row.rps)} req/s, p50 ${row.p50.toFixed(2)} ms, server CPU ${Math.round(row.cpuUs)} µs/req`);
      const kept = best.get(t.target);
      if (!kept || row.rps > kept.rps) best.set(t.target, row);
    }
  }
  return [...best.values()];
}

interface Server {
  origin: string;
  proc: ChildProcess;
  /** The server process's CPU time so far, in microseconds. */
  cpu(): Promise<number>;
}

/** Starts bench/site-server.ts in its own process and waits for its port. */
async function child(args: string[]): Promise<Server> {
  const proc = fork(path.join(import.meta.dirname, 'site-server.ts'), args, {
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    proc.once('message', (m) => resolve((m as { port: number }).port));
    proc.once('exit', (code) => reject(new Error(`site-server ${args[0] ?? ''} exited early (${String(code)})`)));
  });
  const cpu = () =>
    new Promise<number>((resolve) => {
      proc.once('message', (m) => resolve((m as { cpu: number }).cpu));
      proc.send('cpu');
    });
  return { origin: `http://127.0.0.1:${port}`, proc, cpu };
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  proc.disconnect();
  const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function get(url: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

function table(rows: readonly Row[], ratio: (r: Row) => number): string {
  const header = ['target', 'req/s', 'p50 ms', 'p99 ms', 'bytes/resp', 'server CPU µs/req', '× bare'];
  const lines = rows.map((r) => [
    r.target,
    Math.round(r.rps).toLocaleString('en-US'),
    r.p50.toFixed(2),
    r.p99.toFixed(2),
    Math.round(r.bytes).toLocaleString('en-US'),
    Math.round(r.cpuUs).toLocaleString('en-US'),
    ratio(r).toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [fmt(header), `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`, ...lines.map(fmt)].join('\n');
}

async function renderTimes(dataDir: string, storyPaths: readonly string[]): Promise<{ story: number[]; home: number[] }> {
  const config = loadConfig({ DATA_DIR: dataDir, SEED_DEMO: 'false', PAGE_CACHE: 'false', LOG_LEVEL: 'silent' });
  const store = await openStore(config);
  try {
    const { server } = await buildApp({ config, store, logger: false });
    await server.ready();
    const time = async (url: string): Promise<number> => {
      const t = process.hrtime.bigint();
      const res = await server.inject({ url });
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    for (const p of storyPaths.slice(0, 200)) await time(p); // JIT warm-up
    const story: number[] = [];
    for (const p of storyPaths.slice(200, 1200)) story.push(await time(p));
    const home: number[] = [];
    for (let i = 0; i < 100; i++) home.push(await time('/'));
    await server.close();
    return { story, home };
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const runs = 9 * o.rounds;
  // Bounded: generation, the in-process render timing, and every run with its warm-up, plus slack.
  const budgetMs = (60 + o.stories / 200 + runs * (o.duration + o.warmup + 5)) * 1000;
  const children: ChildProcess[] = [];
  const guard = setTimeout(() => {
    console.error(`bench:site took longer than ${Math.round(budgetMs / 1000)} s; stopping.`);
    for (const c of children) c.kill('SIGKILL');
    process.exit(1);
  }, budgetMs);

  const load1 = os.loadavg()[0] ?? 0;
  if (load1 > os.cpus().length / 2) console.warn(`warning: the machine is busy (load average ${load1.toFixed(1)} on ${os.cpus().length} CPUs); figures will be low and noisy.`);

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dateline-bench-'));
  try {
    console.log(`Generating ${o.stories.toLocaleString('en-US')} stories into ${dataDir} …`);
    const config = loadConfig({ DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'silent' });
    const store = await openStore(config);
    let storyPaths: string[];
    let sectionPath: string;
    try {
      await migrateToLatest(store.db, store.dialect);
      const t = Date.now();
      const paper = await generatePaper(store.db, { stories: o.stories });
      const sectionById = new Map(paper.sections.map((s) => [s.id, s.path]));
      storyPaths = paper.storyRows.map((r) => articlePath(sectionById.get(r.sectionId) ?? null, r.slug));
      sectionPath = `/${paper.sections[1]?.path ?? 'world'}`;
      const size = (await fs.stat(path.join(dataDir, 'dateline.sqlite'))).size;
      console.log(`  done in ${((Date.now() - t) / 1000).toFixed(1)} s (${(size / 1e6).toFixed(0)} MB with WAL not yet merged)`);
    } finally {
      await store.close();
    }
    // Shuffle deterministically so the rotation jumps around the table, not along it.
    storyPaths = storyPaths.map((p, i) => ({ p, k: (i * 2654435761) % 4294967296 })).sort((a, b) => a.k - b.k).map((x) => x.p);
    const storyPath = storyPaths[0] ?? '/';

    console.log('Timing uncached renders in-process (server.inject, no socket, page cache off) …');
    const times = await renderTimes(dataDir, storyPaths);
    const sortedStory = Float64Array.from(times.story).sort();
    const sortedHome = Float64Array.from(times.home).sort();

    console.log('Page cache on, and the bare node:http ceiling beside it …');
    const cached = await child(['app', dataDir, 'on', o.logLevel]);
    children.push(cached.proc);
    const cachedTargets = [
      { url: storyPath, name: 'article' },
      { url: '/', name: 'home' },
      { url: sectionPath, name: 'section page' },
    ];
    // Each cached page's exact answer, for the bare server to repeat byte for byte: throughput over
    // loopback depends on the response size in odd ways, so each page is compared with its own twin.
    const recorded: Record<string, RecordedResponse> = {};
    for (const { url } of cachedTargets) {
      await get(cached.origin + url);
      const sample = await get(cached.origin + url);
      if (sample.status !== 200) throw new Error(`${url} answered ${sample.status}`);
      if (sample.headers['x-cache'] !== 'hit') console.warn(`  warning: ${url} is not served from the page cache (no "x-cache: hit"); do the site routes use cachedPage?`);
      recorded[url] = {
        status: sample.status,
        headers: Object.fromEntries(
          Object.entries(sample.headers).flatMap(([k, v]) => (['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(k) || v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v]])),
        ),
        bodyBase64: sample.body.toString('base64'),
      };
    }
    const file = path.join(dataDir, 'recorded.json');
    await fs.writeFile(file, JSON.stringify(recorded));
    const bare = await child(['bare', file]);
    children.push(bare.proc);

    // Interleaved, so a busy moment on the machine hits a page and its bare twin alike.
    const cachedRows = await bestOf(
      o,
      cachedTargets.flatMap(({ url, name }) => [
        { server: bare, paths: [url], target: `bare node:http, ${name} bytes` },
        { server: cached, paths: [url], target: `cached ${name}` },
      ]),
    );
    for (const { url } of cachedTargets) {
      const after = await get(cached.origin + url);
      if (after.headers['x-cache'] !== 'hit') console.warn(`  warning: ${url} is not served from the page cache after the runs (x-cache: ${String(after.headers['x-cache'])})`);
    }
    await stop(bare.proc);
    await stop(cached.proc);

    console.log('Page cache off …');
    const uncached = await child(['app', dataDir, 'off', o.logLevel]);
    children.push(uncached.proc);
    const uncachedRows = await bestOf(o, [
      { server: uncached, paths: storyPaths, target: `uncached article (${storyPaths.length.toLocaleString('en-US')} URLs)` },
      { server: uncached, paths: ['/'], target: 'uncached home' },
      { server: uncached, paths: [sectionPath], target: 'uncached section page' },
    ]);
    await stop(uncached.proc);

    const ceilingOf = (name: string): number => cachedRows.find((r) => r.target === `bare node:http, ${name} bytes`)?.rps ?? NaN;
    const articleCeiling = ceilingOf('article');
    // Each cached page against its own bare twin; uncached pages against the article's.
    const ratio = (r: Row): number => {
      const name = cachedTargets.find((t) => r.target === `cached ${t.name}` || r.target === `bare node:http, ${t.name} bytes`)?.name;
      return r.rps / (name ? ceilingOf(name) : articleCeiling);
    };
    const all = [...cachedRows, ...uncachedRows];
    console.log('');
    console.log(`${o.stories.toLocaleString('en-US')} stories, ${o.connections} connections, best of ${o.rounds} rounds of ${o.duration} s per target (after ${o.warmup} s warm-up), LOG_LEVEL=${o.logLevel}`);
    console.log(`${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}; load average before ${load1.toFixed(2)}, after ${(os.loadavg()[0] ?? 0).toFixed(2)}`);
    console.log('');
    console.log(table(all, ratio));
    console.log('');
    console.log(`Uncached story render in-process: p50 ${percentile(sortedStory, 50).toFixed(2)} ms, p99 ${percentile(sortedStory, 99).toFixed(2)} ms (${sortedStory.length} stories)`);
    console.log(`Uncached home render in-process:  p50 ${percentile(sortedHome, 50).toFixed(2)} ms, p99 ${percentile(sortedHome, 99).toFixed(2)} ms`);
    const bad = all.filter((r) => r.non200 > 0 || r.errors > 0);
    for (const r of bad) console.warn(`warning: ${r.target}: ${r.non200} non-200 answers, ${r.errors} errors`);
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    if (!o.keep) await fs.rm(dataDir, { recursive: true, force: true });
    else console.log(`Kept ${dataDir}`);
    clearTimeout(guard);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
