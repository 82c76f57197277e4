/**
 * `npm run bench:ads [-- --campaigns N --ops N --seconds N --engine sqlite|postgres|both]`
 *
 * The ad decision and counting, on a paper with N active campaigns (default
 * 1,000) with varied targeting (sections, page types, devices, languages,
 * keywords, priorities, weights, goals and caps), on SQLite and PostgreSQL:
 *
 * - the decision for an article page's 5 slots, called directly (the
 *   in-memory snapshot: no query per request) — p50/p99 per request;
 * - the same through the whole HTTP stack in-process (`inject`: routing,
 *   validation, cookie, JSON) and over a socket with autocannon;
 * - view beacons: accepted per second (in-process and autocannon), and how
 *   fast a flush writes them (ledger insert + daily-row upserts).
 *
 * Prints one table. See docs/advertising.md → Performance.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { buildApp } from '../src/app/build-app.js';
import { loadConfig } from '../src/config/index.js';
import { migrateToLatest, type DialectName } from '../src/db/index.js';
import { openFreshDb } from './fresh-db.js';

const { values } = parseArgs({
  options: {
    campaigns: { type: 'string', default: '1000' },
    ops: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '5' },
    engine: { type: 'string', default: 'both' },
    pg: { type: 'string', default: process.env['BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const CAMPAIGNS = Number(values.campaigns);
const OPS = Number(values.ops);
const SECONDS = Number(values.seconds);
if (!Number.isInteger(CAMPAIGNS) || CAMPAIGNS < 10 || !Number.isInteger(OPS) || OPS < 50) throw new Error('--campaigns needs ≥ 10 and --ops ≥ 50');
const engines: DialectName[] = values.engine === 'both' ? ['sqlite', 'postgres'] : [values.engine as DialectName];

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const KEYWORDS = Array.from({ length: 60 }, (_, i) => `kw${i}`);
const PAGE_TYPES = ['home', 'section', 'article', 'other'] as const;
const DEVICES = ['phone', 'tablet', 'desktop'] as const;

/** Deterministic pseudo-random numbers, so every run builds the same paper. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const some = <T>(r: () => number, xs: readonly T[], p: number): T[] => (r() < p ? xs.filter(() => r() < 0.5) : []);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

interface Row { engine: string; what: string; p50: string; p99: string; rate: string }

async function timed(n: number, op: (i: number) => Promise<void>): Promise<{ p50: number; p99: number; perSecond: number }> {
  for (let i = 0; i < Math.min(50, n); i++) await op(i); // warm-up
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await op(i);
    times.push(performance.now() - t);
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  return { p50: pct(times, 50), p99: pct(times, 99), perSecond: (n / total) * 1000 };
}

async function run(kind: DialectName): Promise<Row[]> {
  const { store, drop } = await openFreshDb(kind, values.pg);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-ads-'));
  try {
    await migrateToLatest(store.db, store.dialect);
    const db = store.db;
    const now = new Date().toISOString();
    const sections: number[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await db.insertInto('sections').values({ slug: `s${i}`, name: `Section ${i}`, description: '', parent_id: null, position: i, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      sections.push(r.id);
    }
    process.stdout.write(`[${kind}] ${CAMPAIGNS.toLocaleString('en')} campaigns… `);
    const r = rng(7);
    const start = new Date(Date.now() - 86_400_000).toISOString();
    const end = new Date(Date.now() + 29 * 86_400_000).toISOString();
    const campaignRows = Array.from({ length: CAMPAIGNS }, (_, i) => ({
      name: `Campaign ${i}`,
      advertiser: `Advertiser ${i % 97}`,
      status: 'active',
      starts_at: start,
      ends_at: end,
      priority: 1 + Math.floor(r() * 10),
      weight: 1 + Math.floor(r() * 10),
      impression_goal: r() < 0.3 ? 1_000_000 : null,
      frequency_cap: r() < 0.3 ? 5 : null,
      targeting: JSON.stringify({
        sections: some(r, sections, 0.5).slice(0, 4),
        pageTypes: some(r, PAGE_TYPES, 0.4),
        devices: some(r, DEVICES, 0.3),
        languages: r() < 0.3 ? [pick(r, ['en', 'hi'])] : [],
        keywords: r() < 0.3 ? [pick(r, KEYWORDS), pick(r, KEYWORDS)] : [],
      }),
      created_at: now,
      updated_at: now,
    }));
    const ids: number[] = [];
    for (let i = 0; i < campaignRows.length; i += 200) {
      for (const row of await db.insertInto('ad_campaigns').values(campaignRows.slice(i, i + 200)).returning('id').execute()) ids.push(row.id);
    }
    const creatives = ids.flatMap((id) =>
      (['300x250', '728x90', '320x50'] as const)
        .filter((_, k) => k === 0 || r() < 0.5)
        .map((size) => {
          const [w, h] = size.split('x').map(Number);
          return { campaign_id: id, name: `${size}`, kind: 'html', size, storage_key: null, mime: null, width: w!, height: h!, html: `<p>Ad ${id}</p><a href="https://click.dateline.invalid/">Go</a>`, click_url: `https://advertiser.example/${id}`, alt_text: '', active: 1, created_at: now };
        }),
    );
    for (let i = 0; i < creatives.length; i += 200) await db.insertInto('ad_creatives').values(creatives.slice(i, i + 200)).execute();
    console.log(`${creatives.length.toLocaleString('en')} creatives`);

    const config = loadConfig({ DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://127.0.0.1:3000', PORT: '0', TRUST_PROXY: 'true' });
    const { server, services } = await buildApp({ config, store, logger: false });
    await server.ready();
    const ads = services.ads;
    const page = (i: number) => {
      const q = rng(i + 1000);
      return {
        page: { type: 'article' as const, sectionId: pick(q, sections), language: pick(q, ['en', 'hi', 'en-IN']), keywords: [pick(q, KEYWORDS), pick(q, KEYWORDS), pick(q, KEYWORDS)], path: `/story/${i}` },
        device: pick(q, DEVICES),
        slots: [
          { id: 'top', sizes: ['728x90' as const] },
          { id: 'rail', sizes: ['300x250' as const] },
          { id: 'in-article-1', sizes: ['300x250' as const] },
          { id: 'in-article-2', sizes: ['300x250' as const] },
          { id: 'in-article-3', sizes: ['300x250' as const] },
        ],
      };
    };
    const readerOf = (i: number) => `bench-reader-${String(i % 5000).padStart(9, '0')}`.slice(0, 22);
    const rows: Row[] = [];
    const ms = (x: number) => x.toFixed(3);

    const tokens: string[] = [];
    const direct = await timed(OPS, async (i) => {
      const filled = await ads.fill(page(i), { readerId: readerOf(i), userAgent: UA });
      for (const f of filled) if (f.token) tokens.push(f.token);
    });
    rows.push({ engine: kind, what: 'decision, 5 slots (direct)', p50: ms(direct.p50), p99: ms(direct.p99), rate: `${direct.perSecond.toFixed(0)} pages/s` });

    const inject = await timed(OPS, async (i) => {
      const res = await server.inject({ method: 'POST', url: '/ads/fill', headers: { 'user-agent': UA, cookie: `dl_ad=${readerOf(i)}` }, payload: page(i) });
      if (res.statusCode !== 200) throw new Error(`fill answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
    });
    rows.push({ engine: kind, what: 'POST /ads/fill, 5 slots (inject)', p50: ms(inject.p50), p99: ms(inject.p99), rate: `${inject.perSecond.toFixed(0)} req/s` });

    // Beacons from many addresses (X-Forwarded-For, TRUST_PROXY=true) so the per-address limit does not decide the figure.
    let next = 0;
    const beaconBody = (i: number) => JSON.stringify({ t: tokens[i % tokens.length], e: 'view' });
    const addr = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    await ads.flush();
    const beaconsInject = await timed(Math.min(OPS * 2, tokens.length), async (i) => {
      const res = await server.inject({ method: 'POST', url: '/ads/beacon', headers: { 'user-agent': UA, 'content-type': 'text/plain', 'x-forwarded-for': addr(i) }, payload: beaconBody(i) });
      if (res.statusCode !== 204) throw new Error(`beacon answered ${res.statusCode}`);
    });
    rows.push({ engine: kind, what: 'POST /ads/beacon (inject)', p50: ms(beaconsInject.p50), p99: ms(beaconsInject.p99), rate: `${beaconsInject.perSecond.toFixed(0)} beacons/s` });
    const f0 = performance.now();
    await ads.flush();
    const flushMs = performance.now() - f0;
    const counted = await db.selectFrom('ad_beacons').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    rows.push({ engine: kind, what: `flush of ${Number(counted.n).toLocaleString('en')} counted views`, p50: '', p99: '', rate: `${ms(flushMs)} ms (${((Number(counted.n) / flushMs) * 1000).toFixed(0)} views/s)` });

    if (SECONDS > 0) {
      const origin = await server.listen({ port: 0, host: '127.0.0.1' });
      const body = JSON.stringify(page(1));
      const cannon = async (what: string, opts: Parameters<typeof autocannon>[0], okStatus: number) => {
        const lat: number[] = [];
        let bad = 0;
        const inst = autocannon(opts);
        inst.on('response', (_c: unknown, status: number, _b: number, t: number) => {
          lat.push(t);
          if (status !== okStatus) bad++;
        });
        const res = await inst;
        const sorted = lat.sort((a, b) => a - b);
        rows.push({ engine: kind, what: `${what} (autocannon, 10 conns${bad ? `, ${bad} not ${okStatus}` : ''})`, p50: ms(pct(sorted, 50)), p99: ms(pct(sorted, 99)), rate: `${(lat.length / res.duration).toFixed(0)} req/s` });
      };
      await cannon('POST /ads/fill, 5 slots', { url: `${origin}/ads/fill`, connections: 10, duration: SECONDS, requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': UA, cookie: `dl_ad=${readerOf(next++)}` }, body }) }] }, 200);
      await cannon('POST /ads/beacon', { url: `${origin}/ads/beacon`, connections: 10, duration: SECONDS, requests: [{ method: 'POST', setupRequest: (req) => { const i = next++; return { ...req, method: 'POST', headers: { 'content-type': 'text/plain', 'user-agent': UA, 'x-forwarded-for': addr(i) }, body: beaconBody(i) }; } }] }, 204);
    }
    await ads.stop();
    await server.close();
    return rows;
  } finally {
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const all: Row[] = [];
for (const kind of engines) all.push(...(await run(kind)));
console.log(`\nAd decision and counting, ${CAMPAIGNS.toLocaleString('en')} active campaigns, ${OPS} requests each (load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})\n`);
console.log('| engine | what | p50 ms | p99 ms | rate |');
console.log('| --- | --- | ---: | ---: | ---: |');
for (const r of all) console.log(`| ${r.engine} | ${r.what} | ${r.p50} | ${r.p99} | ${r.rate} |`);
