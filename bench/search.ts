/**
 * `npm run bench:search [-- --stories N --engines sqlite,postgres]`
 *
 * For each engine: a fresh database (a temporary SQLite file; a PostgreSQL
 * database created and dropped here), N generated stories written straight
 * into the tables in batches, the search index built by the same reindex the
 * CLI runs (timed, with the database size), then a fixed mix of 200 reader
 * queries through the search service — parse, match, rank, count, highlight
 * and hydrate, i.e. everything /api/v1/search does but HTTP — and the latency
 * percentiles.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { connect, migrateToLatest, type DialectName, type NewArticleRow, type Store } from '../src/db/index.js';
import { bodyFromParagraphs, createArticleService } from '../src/features/articles/index.js';
import { createSearchService, type SearchRequest } from '../src/features/search/index.js';
import { fixedClock } from '../src/lib/clock.js';
import { createCorpus, prng, type Corpus } from './search-corpus.js';

const { values } = parseArgs({
  options: {
    stories: { type: 'string', default: '100000' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    queries: { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
    pg: { type: 'string', default: process.env['BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const STORIES = Number(values.stories);
const NOW = new Date('2026-11-28T10:00:00.000Z');
const SECTIONS = ['nation', 'world', 'business', 'sports', 'science', 'culture', 'opinion', 'videos'];
const log = (s: string) => process.stderr.write(s + '\n');

async function fill(store: Store, corpus: Corpus, rnd: () => number): Promise<void> {
  const db = store.db;
  const now = NOW.toISOString();
  await db.insertInto('sections').values(SECTIONS.map((slug, i) => ({ slug, name: slug[0]?.toUpperCase() + slug.slice(1), description: '', parent_id: null, position: i, created_at: now, updated_at: now }))).execute();
  await db.insertInto('authors').values(corpus.names.map((name, i) => ({ slug: `author-${i}`, name, title: 'Reporter', bio: '', photo_id: null, social: '{}', created_at: now, updated_at: now }))).execute();
  await db.insertInto('tags').values(Array.from({ length: 200 }, (_, i) => ({ slug: `tag-${i}`, name: `Tag ${i}`, created_at: now }))).execute();
  const batch = 500;
  const started = Date.now();
  for (let first = 1; first <= STORIES; first += batch) {
    const rows: NewArticleRow[] = [];
    const authors: { article_id: number; author_id: number; position: number }[] = [];
    const tags: { article_id: number; tag_id: number; position: number }[] = [];
    for (let id = first; id < first + batch && id <= STORIES; id++) {
      const s = corpus.story();
      // Five years of stories, written in id order with a few hours' jitter, as a newsroom creates them.
      const published = new Date(NOW.getTime() - ((STORIES - id) / STORIES) * 5 * 365 * 86_400_000 - Math.floor(rnd() * 6 * 3_600_000)).toISOString();
      const roll = rnd();
      const status = roll < 0.93 ? 'published' : roll < 0.97 ? 'draft' : roll < 0.99 ? 'unpublished' : 'killed';
      rows.push({
        id, slug: `story-${id}`, section_id: 1 + Math.floor(rnd() * SECTIONS.length), kind: 'news', status,
        headline: s.headline, standfirst: s.standfirst, body: JSON.stringify(bodyFromParagraphs(s.paragraphs)),
        dateline_place: '', dateline_date: null, agency_credit: null, featured_image_id: null, language: s.language, priority: 0,
        seo_title: '', seo_description: '', source_agency: null, source_guid: null, source_version: null,
        published_at: status === 'draft' ? null : published, updated_at: status === 'draft' ? null : published,
        created_at: published, modified_at: published, revision: 1,
      });
      authors.push({ article_id: id, author_id: 1 + Math.floor(rnd() * corpus.names.length), position: 0 });
      tags.push({ article_id: id, tag_id: 1 + Math.floor(rnd() * 200), position: 0 });
    }
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 100) await trx.insertInto('articles').values(rows.slice(i, i + 100)).execute();
      await trx.insertInto('article_authors').values(authors).execute();
      await trx.insertInto('article_tags').values(tags).execute();
    });
    if ((first - 1) % 20_000 === 0) log(`  wrote ${first - 1 + rows.length} stories (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  await store.dialect.resetIdSequences(db as never, ['articles']);
}

/** The fixed mix: the same 200 queries (same seed) on every engine. */
function queryMix(corpus: Corpus, rnd: () => number, n: number): SearchRequest[] {
  const v = corpus.vocabulary;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const common = () => v[100 + Math.floor(rnd() * 400)] ?? 'the';
  const mid = () => v[500 + Math.floor(rnd() * 4500)] ?? 'the';
  const rare = () => v[10_000 + Math.floor(rnd() * 19_000)] ?? 'the';
  const out: SearchRequest[] = [];
  for (let i = 0; out.length < n; i++) {
    switch (i % 10) {
      case 0: out.push({ q: common() }); break;
      case 1: out.push({ q: mid() }); break;
      case 2: out.push({ q: rare() }); break;
      case 3: out.push({ q: `${mid()} ${mid()}` }); break;
      case 4: out.push({ q: `"${corpus.story().headline.split(' ').slice(1, 3).join(' ')}"` }); break;
      case 5: out.push({ q: common(), section: pick(SECTIONS), range: 'year' }); break;
      case 6: out.push({ q: `${common()} ${mid()}`, sort: 'newest' }); break;
      case 7: out.push({ q: `${mid()} OR ${rare()} -${common()}` }); break;
      case 8: out.push({ q: pick(corpus.places), author: `author-${Math.floor(rnd() * corpus.names.length)}` }); break;
      default: out.push({ q: `${mid().slice(0, -1)}x ${pick(corpus.names)}`, page: 1 + Math.floor(rnd() * 3) });
    }
  }
  return out;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function openFresh(kind: DialectName): Promise<{ store: Store; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-'));
    const store = await connect({ sqliteFile: path.join(dir, 'bench.db') });
    return { store, drop: async () => { await store.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `dateline_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: values.pg });
    await c.connect();
    try { await c.query(text); } finally { await c.end(); }
  };
  await admin(`create database ${name}`);
  const u = new URL(values.pg);
  u.pathname = `/${name}`;
  const store = await connect({ databaseUrl: u.toString(), poolSize: 4 });
  return { store, drop: async () => { await store.close(); await admin(`drop database if exists ${name} with (force)`); } };
}

async function bench(kind: DialectName): Promise<Record<string, string>> {
  log(`\n== ${kind}: ${STORIES.toLocaleString('en')} stories`);
  const { store, drop } = await openFresh(kind);
  try {
    await migrateToLatest(store.db, store.dialect);
    const corpus = createCorpus(prng(42));
    const t0 = Date.now();
    await fill(store, corpus, prng(7));
    const fillSeconds = (Date.now() - t0) / 1000;
    const clock = fixedClock(NOW);
    const search = createSearchService({ db: store.db, dialect: store.dialect.name, clock, stories: { getMany: (ids) => articles.getMany(ids) } });
    const articles = createArticleService({ db: store.db, clock, publicUrl: 'https://bench.example', indexer: search.indexer });
    const sizeBefore = await store.dialect.databaseSize(store.db as never);
    const t1 = Date.now();
    let last = 0;
    await search.reindex((done, total) => {
      if (done - last >= 10_000 || done === total) {
        last = done;
        log(`  indexed ${done}/${total} (${((Date.now() - t1) / 1000).toFixed(0)} s)`);
      }
    });
    // Fresh statistics, as autovacuum would gather after a bulk load; the planner needs them to pick its plans.
    if (kind === 'postgres') await sql`analyze`.execute(store.db);
    const indexSeconds = (Date.now() - t1) / 1000;
    const sizeAfter = await store.dialect.databaseSize(store.db as never);
    const queries = queryMix(createCorpus(prng(42)), prng(99), Number(values.queries));
    for (const q of queries.slice(0, 20)) await search.search(q); // warm caches
    const times: number[] = [];
    let results = 0;
    const t2 = Date.now();
    for (const q of queries) {
      const s = process.hrtime.bigint();
      const r = await search.search(q);
      times.push(Number(process.hrtime.bigint() - s) / 1e6);
      results += r.page.total;
    }
    const wall = (Date.now() - t2) / 1000;
    const sorted = [...times].sort((a, b) => a - b);
    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
    return {
      engine: kind === 'sqlite' ? 'SQLite FTS5' : 'PostgreSQL FTS',
      stories: STORIES.toLocaleString('en'),
      'write stories': `${fillSeconds.toFixed(1)} s`,
      'build index': `${indexSeconds.toFixed(1)} s`,
      'db size (before → after index)': `${mb(sizeBefore)} → ${mb(sizeAfter)}`,
      p50: `${pct(sorted, 50).toFixed(1)} ms`,
      p95: `${pct(sorted, 95).toFixed(1)} ms`,
      p99: `${pct(sorted, 99).toFixed(1)} ms`,
      'queries/s': (queries.length / wall).toFixed(0),
      'avg matches': (results / queries.length).toFixed(0),
    };
  } finally {
    if (values.keep) log(`  kept ${store.describe}`);
    else await drop();
  }
}

const rows: Record<string, string>[] = [];
for (const kind of values.engines.split(',') as DialectName[]) rows.push(await bench(kind));
const keys = Object.keys(rows[0] ?? {});
const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
process.stdout.write(`\n${line(['', ...rows.map((r) => r['engine'] ?? '')])}\n${line(['---', ...rows.map(() => '---')])}\n`);
for (const k of keys.slice(1)) process.stdout.write(`${line([k, ...rows.map((r) => r[k] ?? '')])}\n`);
