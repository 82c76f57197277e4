/**
 * `npm run bench:newsroom [-- --stories N --ops N --engine sqlite|postgres|both]`
 *
 * What a journalist waits for in the newsroom app, measured through the whole
 * server stack (routing, session cookie + CSRF check, validation, service,
 * database, JSON) with Fastify's in-process `inject`, one request at a time,
 * on a generated paper of N stories (default 10,000) on SQLite and on
 * PostgreSQL:
 *
 * - the reference: GET /healthz (one `select 1`), measured in the same run;
 * - the desk list (50 stories of one status), opening a story;
 * - an autosave (PATCH with the revision, writing a revision row, purge and
 *   search index update) — rotating over stories so no row stays hot;
 * - a revision diff, and sign-in (scrypt, deliberately slow).
 *
 * Prints one table (p50/p95/p99 in ms, requests/s). See docs/performance.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/app/build-app.js';
import { loadConfig } from '../src/config/index.js';
import { migrateToLatest, type DialectName } from '../src/db/index.js';
import { generatePaper } from './generate.js';
import { openFreshDb } from './fresh-db.js';

const { values } = parseArgs({
  options: {
    stories: { type: 'string', default: '10000' },
    ops: { type: 'string', default: '400' },
    engine: { type: 'string', default: 'both' },
    pg: { type: 'string', default: process.env['BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const STORIES = Number(values.stories);
const OPS = Number(values.ops);
if (!Number.isInteger(STORIES) || STORIES < 100 || !Number.isInteger(OPS) || OPS < 10) throw new Error('--stories needs ≥ 100 and --ops ≥ 10');
const engines: DialectName[] = values.engine === 'both' ? ['sqlite', 'postgres'] : [values.engine as DialectName];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

interface Row { engine: string; what: string; p50: number; p95: number; p99: number; perSecond: number }

async function measure(engine: string, what: string, n: number, op: (i: number) => Promise<void>): Promise<Row> {
  for (let i = 0; i < Math.min(20, n); i++) await op(i); // warm-up: statement caches, JIT
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await op(i);
    times.push(performance.now() - t);
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  return { engine, what, p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), perSecond: (n / total) * 1000 };
}

async function run(kind: DialectName): Promise<Row[]> {
  const { store, drop } = await openFreshDb(kind, values.pg);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-data-'));
  try {
    await migrateToLatest(store.db, store.dialect);
    process.stdout.write(`[${kind}] generating ${STORIES.toLocaleString('en')} stories… `);
    const t0 = Date.now();
    const paper = await generatePaper(store.db, { stories: STORIES });
    console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const config = loadConfig({ DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://127.0.0.1:3000' });
    const { server, services } = await buildApp({ config, store, logger: false });
    await server.ready();
    const password = 'benchmark password for the desk';
    await services.users.create({ email: 'desk@example.test', name: 'Desk Editor', role: 'editor', password });
    const login = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'desk@example.test', password } });
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    const headers = { cookie, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
    const ok = (res: { statusCode: number; body: string }, what: string) => {
      if (res.statusCode >= 300) throw new Error(`${what} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
    };
    // Stories spread over the table, so no one row or page stays hot.
    const ids = paper.storyRows.map((r) => r.id).filter((_, i) => i % Math.max(1, Math.floor(paper.storyRows.length / OPS)) === 0);
    const revisions = new Map<number, number>();
    const rows: Row[] = [];
    rows.push(await measure(kind, 'reference: GET /healthz', OPS, async () => ok(await server.inject({ url: '/healthz' }), 'healthz')));
    rows.push(
      await measure(kind, 'desk list, 50 published stories', OPS, async (i) =>
        ok(await server.inject({ url: `/api/admin/articles?status=published&limit=50&sectionId=${paper.sections[i % paper.sections.length]?.id ?? 1}`, headers }), 'list'),
      ),
    );
    rows.push(
      await measure(kind, 'open a story in the editor', OPS, async (i) => {
        const id = ids[i % ids.length] ?? 1;
        const res = await server.inject({ url: `/api/admin/articles/${id}`, headers });
        ok(res, 'open');
        revisions.set(id, res.json<{ revision: number }>().revision);
      }),
    );
    rows.push(
      await measure(kind, 'autosave (PATCH with revision)', OPS, async (i) => {
        const id = ids[i % ids.length] ?? 1;
        const res = await server.inject({
          method: 'PATCH',
          url: `/api/admin/articles/${id}`,
          headers,
          payload: { standfirst: `Revised standfirst, pass ${i}: the desk tightened the second sentence.`, revision: revisions.get(id) },
        });
        ok(res, 'save');
        revisions.set(id, res.json<{ revision: number }>().revision);
      }),
    );
    rows.push(await measure(kind, 'revision diff (last change)', OPS, async (i) => ok(await server.inject({ url: `/api/admin/articles/${ids[i % ids.length] ?? 1}/diff`, headers }), 'diff')));
    rows.push(
      await measure(kind, 'sign in (scrypt N=2^15)', 20, async () =>
        ok(await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'desk@example.test', password } }), 'login'),
      ),
    );
    await server.close();
    return rows;
  } finally {
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const all: Row[] = [];
for (const kind of engines) all.push(...(await run(kind)));
console.log(`\nNewsroom requests, one at a time, ${STORIES.toLocaleString('en')} stories, ${OPS} requests each (load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})\n`);
console.log('| engine | request | p50 ms | p95 ms | p99 ms | req/s |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const r of all) console.log(`| ${r.engine} | ${r.what} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.perSecond.toFixed(0)} |`);
