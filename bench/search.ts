/**
 * `npm run bench:search [-- --stories N --engines sqlite,postgres --keep]`
 * `npm run bench:search -- --db <sqlite file | postgres URL> [--reindex]`
 *
 * For each engine: a fresh database (a temporary SQLite file; a PostgreSQL
 * database created and dropped here), N generated stories written straight
 * into the tables in batches, the search index built by the same reindex the
 * CLI runs (timed, with the database size), then a fixed mix of 200 reader
 * queries through the search service — parse, match, rank, count, highlight
 * and hydrate, i.e. everything /api/v1/search does but HTTP — and the latency
 * percentiles, overall and per kind of query.
 *
 * `--keep` leaves the database behind; `--db` runs the queries again on such a
 * database (migrating it first, and rebuilding the index with `--reindex`),
 * which saves regenerating 100,000 stories while tuning.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { connect, migrateToLatest, type DialectName, type NewArticleRow, type Store } from '../src/db/index.js';
import { bodyFromParagraphs, createArticleService } from '../src/features/articles/index.js';
import { createSearchService, type SearchRequest } from '../src/features/search/index.js';
import { fixedClock } from '../src/lib/clock.js';
import { createCorpus, prng, type Corpus } from './search-corpus.js';
import { openFreshDb } from './fresh-db.js';

const { values } = parseArgs({
  options: {
    stories: { type: 'string', default: '100000' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    queries: { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
    db: { type: 'string' },
    reindex: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '1' },
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

/** The kinds of query in the mix, one in ten each. */
const KINDS = ['common word', 'mid word', 'rare word', 'two words', 'phrase', 'section + year', 'newest first', 'OR + exclusion', 'place + author', 'misspelling'] as const;

/** The fixed mix: the same 200 queries (same seed) on every engine. */
function queryMix(corpus: Corpus, rnd: () => number, n: number): { kind: string; req: SearchRequest }[] {
  const v = corpus.vocabulary;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const common = () => v[100 + Math.floor(rnd() * 400)] ?? 'the';
  const mid = () => v[500 + Math.floor(rnd() * 4500)] ?? 'the';
  const rare = () => v[10_000 + Math.floor(rnd() * 19_000)] ?? 'the';
  const out: { kind: string; req: SearchRequest }[] = [];
  for (let i = 0; out.length < n; i++) {
    let req: SearchRequest;
    switch (i % 10) {
      case 0: req = { q: common() }; break;
      case 1: req = { q: mid() }; break;
      case 2: req = { q: rare() }; break;
      case 3: req = { q: `${mid()} ${mid()}` }; break;
      case 4: req = { q: `"${corpus.story().headline.split(' ').slice(1, 3).join(' ')}"` }; break;
      case 5: req = { q: common(), section: pick(SECTIONS), range: 'year' }; break;
      case 6: req = { q: `${common()} ${mid()}`, sort: 'newest' }; break;
      case 7: req = { q: `${mid()} OR ${rare()} -${common()}` }; break;
      case 8: req = { q: pick(corpus.places), author: `author-${Math.floor(rnd() * corpus.names.length)}` }; break;
      default: req = { q: `${mid().slice(0, -1)}x ${pick(corpus.names)}`, page: 1 + Math.floor(rnd() * 3) };
    }
    out.push({ kind: KINDS[i % 10] ?? '', req });
  }
  return out;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** An existing database given with --db (a file path or a postgres:// URL); kept afterwards. */
async function openExisting(target: string): Promise<{ store: Store; drop: () => Promise<void> }> {
  const store = target.startsWith('postgres') ? await connect({ databaseUrl: target }) : await connect({ sqliteFile: target });
  return { store, drop: () => store.close() };
}

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

/**
 * CPU time spent on a query, in ms: this process's (SQLite runs in it) plus,
 * when PostgreSQL runs on this machine, its backends' for this database (from
 * /proc/<pid>/schedstat, nanoseconds on CPU). Unlike latency it hardly moves
 * with the machine's load, so it shows the work a query costs on a busy box.
 */
async function cpuMeter(store: Store): Promise<() => number> {
  let pids: number[] = [];
  if (store.dialect.name === 'postgres') {
    const r = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(store.db);
    pids = r.rows.map((row) => Number(row.pid)).filter((pid) => fs.existsSync(`/proc/${pid}/schedstat`));
  }
  return () => {
    const own = process.cpuUsage();
    let serverNs = 0;
    for (const pid of pids) {
      try {
        serverNs += Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // a backend that went away: its time is no longer counted
      }
    }
    return (own.user + own.system) / 1000 + serverNs / 1e6;
  };
}

async function bench(kind: DialectName, existing?: string): Promise<Record<string, string>> {
  log(`\n== ${kind}: ${existing ?? `${STORIES.toLocaleString('en')} stories`} (load average ${load()})`);
  const { store, drop } = existing ? await openExisting(existing) : await openFreshDb(kind, values.pg);
  try {
    await migrateToLatest(store.db, store.dialect);
    const t0 = Date.now();
    if (!existing) await fill(store, createCorpus(prng(42)), prng(7));
    const fillSeconds = (Date.now() - t0) / 1000;
    const clock = fixedClock(NOW);
    const search = createSearchService({ db: store.db, dialect: store.dialect.name, clock, stories: { getSummaries: (ids) => articles.getSummaries(ids) } });
    const articles = createArticleService({ db: store.db, clock, publicUrl: 'https://bench.example', indexer: search.indexer });
    const stories = Number((await sql<{ n: number }>`select count(*) as n from articles`.execute(store.db)).rows[0]?.n ?? 0);
    const sizeBefore = await store.dialect.databaseSize(store.db as never);
    const t1 = Date.now();
    if (!existing || values.reindex) {
      let last = 0;
      await search.reindex((done, total) => {
        if (done - last >= 10_000 || done === total) {
          last = done;
          log(`  indexed ${done}/${total} (${((Date.now() - t1) / 1000).toFixed(0)} s)`);
        }
      });
      // What autovacuum does after a bulk load: fresh statistics (the planner picks its plans by them) and the
      // GIN index's pending list merged (left alone, every search would scan it).
      if (kind === 'postgres') await sql`vacuum analyze`.execute(store.db);
    }
    const indexSeconds = (Date.now() - t1) / 1000;
    const sizeAfter = await store.dialect.databaseSize(store.db as never);
    const queries = queryMix(createCorpus(prng(42)), prng(99), Number(values.queries));
    // Warm caches, and open every pooled connection so the CPU meter sees all the backends.
    for (const q of queries.slice(0, 20)) await Promise.all([search.search(q.req), search.search(q.req)]);
    const cpu = await cpuMeter(store);
    // With --rounds N the mix runs N times and each query keeps its fastest time: on a shared machine that
    // filters out the milliseconds other jobs took, not the query's own work.
    const rounds = Math.max(1, Number(values.rounds));
    const times: number[] = queries.map(() => Infinity);
    const cpuTimes: number[] = queries.map(() => Infinity);
    let results = 0;
    const t2 = Date.now();
    for (let round = 0; round < rounds; round++) {
      for (const [i, q] of queries.entries()) {
        const c = cpu();
        const s = process.hrtime.bigint();
        const r = await search.search(q.req);
        const ms = Number(process.hrtime.bigint() - s) / 1e6;
        const used = cpu() - c;
        times[i] = Math.min(times[i] ?? Infinity, ms);
        cpuTimes[i] = Math.min(cpuTimes[i] ?? Infinity, used);
        if (round === 0) results += r.page.total;
        if (values.verbose) log(`    ${ms.toFixed(1).padStart(7)} ms  CPU ${used.toFixed(1).padStart(6)} ms  ${String(r.page.total).padStart(5)}  ${q.kind}: ${JSON.stringify(q.req)}`);
      }
    }
    const byKind = new Map<string, number[]>();
    const cpuByKind = new Map<string, number[]>();
    for (const [i, q] of queries.entries()) {
      byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), times[i] ?? 0]);
      cpuByKind.set(q.kind, [...(cpuByKind.get(q.kind) ?? []), cpuTimes[i] ?? 0]);
    }
    const wall = (Date.now() - t2) / 1000;
    const sorted = [...times].sort((a, b) => a - b);
    const cpuSorted = [...cpuTimes].sort((a, b) => a - b);
    for (const [k, list] of byKind) {
      const ks = [...list].sort((a, b) => a - b);
      const cs = [...(cpuByKind.get(k) ?? [])].sort((a, b) => a - b);
      const f = (n: number) => n.toFixed(1).padStart(6);
      log(`  ${k.padEnd(16)} p50 ${f(pct(ks, 50))} ms  p95 ${f(pct(ks, 95))} ms  max ${f(ks[ks.length - 1] ?? 0)} ms   CPU p50 ${f(pct(cs, 50))} ms  p95 ${f(pct(cs, 95))} ms`);
    }
    log(`  load average after the queries: ${load()}`);
    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
    return {
      engine: kind === 'sqlite' ? 'SQLite FTS5' : 'PostgreSQL FTS',
      stories: stories.toLocaleString('en'),
      'write stories': existing ? '(reused)' : `${fillSeconds.toFixed(1)} s`,
      'build index': existing && !values.reindex ? '(reused)' : `${indexSeconds.toFixed(1)} s`,
      'db size (before → after index)': `${mb(sizeBefore)} → ${mb(sizeAfter)}`,
      p50: `${pct(sorted, 50).toFixed(1)} ms`,
      p95: `${pct(sorted, 95).toFixed(1)} ms`,
      p99: `${pct(sorted, 99).toFixed(1)} ms`,
      'CPU per query p50 / p95': `${pct(cpuSorted, 50).toFixed(1)} / ${pct(cpuSorted, 95).toFixed(1)} ms`,
      'queries/s': ((queries.length * rounds) / wall).toFixed(0),
      'avg matches': (results / queries.length).toFixed(0),
    };
  } finally {
    if (values.keep && !existing) log(`  kept ${store.describe}`);
    await (values.keep || existing ? store.close() : drop());
  }
}

const rows: Record<string, string>[] = [];
if (values.db) rows.push(await bench(values.db.startsWith('postgres') ? 'postgres' : 'sqlite', values.db));
else for (const kind of values.engines.split(',') as DialectName[]) rows.push(await bench(kind));
const keys = Object.keys(rows[0] ?? {});
const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
process.stdout.write(`\n${line(['', ...rows.map((r) => r['engine'] ?? '')])}\n${line(['---', ...rows.map(() => '---')])}\n`);
for (const k of keys.slice(1)) process.stdout.write(`${line([k, ...rows.map((r) => r[k] ?? '')])}\n`);
