/**
 * `npm run bench:wire [-- --items N --db sqlite|postgres|both]`
 *
 * The wire desk's ingest as a drop folder drives it: N generated wire files
 * (default 10,000), one item each, a quarter each in ninjs, NewsML-G2 (XHTML
 * body), IPTC 7901 and RSS 2.0, with varied text (datelines and sign-offs to
 * lift, subjects, urgencies). Each file goes through the whole path —
 * detect, parse, normalise (HTML → story body), the (agency, guid) lookup,
 * the item + version rows in one transaction — one at a time, on a fresh
 * SQLite file and a fresh PostgreSQL database. A second pass ingests every
 * file again: all must come back 'unchanged'.
 *
 * Prints items/s and per-item p50/p99 (ms). See docs/wire.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildServices } from '../src/app/services.js';
import { loadConfig } from '../src/config/index.js';
import { migrateToLatest, type DialectName } from '../src/db/index.js';
import { systemClock } from '../src/lib/clock.js';
import { openFreshDb } from './fresh-db.js';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '10000' },
    db: { type: 'string', default: 'both' },
    pg: { type: 'string', default: process.env['BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const ITEMS = Number(values.items);
if (!Number.isInteger(ITEMS) || ITEMS < 10) throw new Error('--items needs a whole number ≥ 10');
const engines: DialectName[] = values.db === 'both' ? ['sqlite', 'postgres'] : [values.db as DialectName];

/** Deterministic pseudo-random numbers (mulberry32), so every run ingests the same copy. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'government minister monsoon rainfall farmers election parliament court verdict market shares rupee inflation ' +
  'cricket series wickets budget tax railway port strike hospital vaccine police protest summit talks climate ' +
  'ceasefire border river flood drought exports imports bank rates growth startup airline airport metro bridge ' +
  'school students university exam results festival film award music temple heritage tourism coast cyclone'
).split(' ');
const PLACES = ['NEW DELHI', 'MUMBAI', 'GENEVA', 'LONDON', 'KOLKATA', 'CHENNAI', 'DHAKA', 'NAIROBI', 'PARIS', 'TOKYO'];
const SUBJECTS = ['politics', 'economy', 'sport', 'weather', 'health', 'education', 'culture', 'world', 'crime', 'science'];

interface Copy { uri: string; headline: string; standfirst: string; paragraphs: string[]; place: string; subject: string; urgency: number }

function makeCopy(i: number, next: () => number): Copy {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const sentence = (n: number) => {
    const words = Array.from({ length: n }, () => pick(WORDS));
    const s = words.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + '.';
  };
  const place = pick(PLACES);
  const paragraphs = Array.from({ length: 3 + Math.floor(next() * 6) }, () => Array.from({ length: 2 + Math.floor(next() * 3) }, () => sentence(8 + Math.floor(next() * 14))).join(' '));
  return { uri: `urn:bench:${i}`, headline: sentence(6 + Math.floor(next() * 6)).slice(0, -1), standfirst: sentence(18), paragraphs, place, subject: pick(SUBJECTS), urgency: 1 + Math.floor(next() * 9) };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One file in the i-th format, with an agency dateline opening the body and a sign-off closing it. */
function wireFile(i: number, c: Copy): { name: string; bytes: Buffer } {
  const first = `${c.place}, Nov 28 (AFP) - ${c.paragraphs[0] ?? ''}`;
  const rest = c.paragraphs.slice(1);
  switch (i % 4) {
    case 0:
      return {
        name: `${i}.json`,
        bytes: Buffer.from(JSON.stringify({
          uri: c.uri, version: '1', type: 'text', pubstatus: 'usable', urgency: c.urgency, versioncreated: '2026-11-28T09:00:00Z',
          headline: c.headline, description_text: c.standfirst, subject: [{ name: c.subject }],
          body_html: [first, ...rest].map((p) => `<p>${esc(p)}</p>`).join('') + '<p>-- AFP</p>',
        })),
      };
    case 1:
      return {
        name: `${i}.xml`,
        bytes: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${c.uri}" version="1" standard="NewsML-G2" standardversion="2.31">
  <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:AFP"/><versionCreated>2026-11-28T09:00:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
  <contentMeta><urgency>${c.urgency}</urgency><language tag="en"/><subject qcode="medtop:${i}"><name>${c.subject}</name></subject>
    <headline>${esc(c.headline)}</headline><description role="drol:summary">${esc(c.standfirst)}</description></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>
${[first, ...rest].map((p) => `<p>${esc(p)}</p>`).join('\n')}
  </body></html></inlineXML></contentSet>
</newsItem>`),
      };
    case 2: {
      const body = [`   ${c.place}, Nov 28 (PTI) ${c.paragraphs[0] ?? ''}`, ...rest.map((p) => `   ${p}`), '   PTI ABC DEF'].join('\n\n');
      const words = body.split(/\s+/).length;
      return { name: `${i}.txt`, bytes: Buffer.from(`\u0001a${String(i).padStart(4, '0')} r i BC-${c.subject}-${i} 11-28 ${String(words).padStart(4, '0')}\n\u0002\n   ${c.headline}\n\n${body}\n\u0003\u0004`) };
    }
    default:
      return {
        name: `${i}.rss`,
        bytes: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Press</title><link>https://press.example.gov/</link>
<item><title>${esc(c.headline)}</title><link>https://press.example.gov/r/${i}</link><guid isPermaLink="false">${c.uri}</guid>
<pubDate>Fri, 28 Nov 2026 09:30:00 +0530</pubDate><category>${c.subject}</category><description>${esc(c.standfirst)}</description>
<content:encoded><![CDATA[${c.paragraphs.map((p) => `<p>${p}</p>`).join('')}]]></content:encoded></item></channel></rss>`),
      };
  }
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

interface Row { db: string; pass: string; items: number; perSecond: number; p50: number; p99: number; cpuPerItem: number; outcomes: string }

async function run(kind: DialectName, files: { name: string; bytes: Buffer }[]): Promise<Row[]> {
  const { store, drop } = await openFreshDb(kind, values.pg);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-wire-'));
  try {
    await migrateToLatest(store.db, store.dialect);
    const services = buildServices({ config: loadConfig({ DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'silent' }), store, clock: systemClock });
    const rows: Row[] = [];
    for (const pass of ['first ingest', 're-ingest']) {
      const times: number[] = [];
      const outcomes = new Map<string, number>();
      const start = performance.now();
      const cpu = process.cpuUsage();
      for (const f of files) {
        const t = performance.now();
        const r = await services.wire.ingestFile(f.bytes, { source: null, filename: f.name, agency: 'AFP' });
        times.push(performance.now() - t);
        const key = r.refusal ? `refused:${r.refusal.code}` : (r.items[0]?.outcome ?? 'empty');
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      }
      // The items' search documents (written in batches after their commits) are part of ingesting them.
      await services.search.wireIndex.drain();
      const total = performance.now() - start;
      const used = process.cpuUsage(cpu);
      times.sort((a, b) => a - b);
      rows.push({
        db: kind,
        pass,
        items: files.length,
        perSecond: (files.length / total) * 1000,
        p50: pct(times, 50),
        p99: pct(times, 99),
        cpuPerItem: (used.user + used.system) / 1000 / files.length,
        outcomes: [...outcomes.entries()].map(([k, n]) => `${n} ${k}`).join(', '),
      });
    }
    return rows;
  } finally {
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const next = rng(20261129);
const files = Array.from({ length: ITEMS }, (_, i) => wireFile(i, makeCopy(i, next)));
const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
console.log(`${ITEMS.toLocaleString('en')} wire files (ninjs, NewsML-G2, IPTC 7901, RSS; ${(bytes / 1024 / 1024).toFixed(1)} MB), one item each, ingested one at a time.\n`);
const rows: Row[] = [];
for (const kind of engines) rows.push(...(await run(kind, files)));
const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
console.log(line(['db', 'pass', 'items', 'items/s', 'p50 ms', 'p99 ms', 'CPU ms/item', 'outcomes']));
console.log(line(['---', '---', '---:', '---:', '---:', '---:', '---:', '---']));
for (const r of rows) {
  console.log(line([r.db, r.pass, r.items.toLocaleString('en'), Math.round(r.perSecond).toLocaleString('en'), r.p50.toFixed(2), r.p99.toFixed(2), r.cpuPerItem.toFixed(2), r.outcomes]));
}
// On a shared machine wall time includes waiting for a core; CPU ms/item is this process's own cost (all threads).
console.log(`\nload average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
