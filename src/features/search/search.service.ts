/**
 * Search use cases: reader search (live stories only), newsroom search (any
 * status), headline suggestions as the reader types, spelling suggestions,
 * and rebuilding the index.
 */
import type { Db, DialectName } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import type { StorySummary } from '../articles/index.js';
import type { WireItemSummary } from '../wire/index.js';
import { engineFor, type EngineQuery, type Matches } from './search.engine.js';
import { createSearchIndexer, sortKeyRange } from './search.index.js';
import { reindexAll, type ReindexReport } from './search.reindex.js';
import { createWireIndexQueue, wireKeyBounds } from './search.wire.js';
import { formatQuery, isEmptyQuery, parseQuery, positiveWords, type ParsedQuery } from './search.parse.js';
import * as q from './search.queries.js';
import { editDistance, fold, wordsOf } from './search.text.js';
import {
  MAX_RESULTS,
  RANK_WINDOW,
  dateWindow,
  pageOf,
  type DeskSearchRequest,
  type EngineFilter,
  type SearchPageInfo,
  type SearchRequest,
} from './search.js';

export interface SearchItem {
  story: StorySummary;
  headlineHtml: string;
  snippetHtml: string;
  score: number;
}

export interface SearchResults {
  /** The query as we understood it (canonical form); empty when nothing searchable was typed. */
  query: string;
  items: SearchItem[];
  page: SearchPageInfo;
  /** A corrected query that finds live stories, when this one found none. */
  suggestion: string | null;
}

/** A hit as `run` gives it: what is shown, its marks and its score. */
interface Hit<T> {
  item: T;
  headlineHtml: string;
  snippetHtml: string;
  score: number;
}
interface Results<T> extends Omit<SearchResults, 'items'> {
  items: Hit<T>[];
}

/** The newsroom's wire search: words, agency, arrival dates, language, sort and page (no story filters). */
export interface WireSearchRequest extends Pick<SearchRequest, 'q' | 'from' | 'to' | 'range' | 'sort' | 'language' | 'page' | 'limit'> {
  agency?: string | undefined;
}

export interface WireSearchItem {
  wire: WireItemSummary;
  headlineHtml: string;
  snippetHtml: string;
  score: number;
}

export interface WireSearchResults extends Omit<SearchResults, 'items'> {
  items: WireSearchItem[];
}

export interface SearchDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  /** Summaries (no bodies) of the stories on a page of results, in the order given, missing ones left out. */
  stories: { getSummaries(ids: readonly number[]): Promise<StorySummary[]> };
  /** Told when a batch of wire documents could not be written (it is tried again). */
  onError?: ((err: unknown) => void) | undefined;
  /** Summaries of wire items by id (missing ones left out), for the newsroom's wire search. */
  wire?: { getSummaries(ids: readonly number[]): Promise<WireItemSummary[]> };
}

const SUGGEST_LIMIT = 8;

/** Nothing searchable was typed: an empty first page, no query sent anywhere. */
function emptyResults(req: SearchRequest): SearchResults {
  const { page, pageSize } = pageOf(req.page, req.limit);
  return { query: '', items: [], page: { page, pageSize, total: 0, capped: false, hasMore: false }, suggestion: null };
}
/** How many times over the vocabulary's floor must pass the cap: it counts stories marked published, a few dated later. */
const VOCABULARY_MARGIN = 2;

/** Whether the filter is a reader's plain search (live stories, nothing else): what the vocabulary's counts are of. */
function countedByVocabulary(f: EngineFilter): boolean {
  const { liveAt, maxDocId, corpus, ...rest } = f;
  return liveAt !== undefined && corpus !== 'wire' && maxDocId !== undefined && Object.values(rest).every((v) => v === undefined);
}

export function createSearchService(deps: SearchDeps) {
  const { db, clock, stories } = deps;
  const engine = engineFor(deps.dialect);
  const indexer = createSearchIndexer(engine);
  const wireIndex = createWireIndexQueue({ db, engine, onError: deps.onError });

  async function resolveFilter(req: SearchRequest): Promise<EngineFilter> {
    const resolve = async (table: 'sections' | 'tags' | 'authors', slug: string | undefined) =>
      // An unknown slug matches nothing (an empty page, not an error page).
      slug === undefined || slug === '' ? undefined : ((await q.idBySlug(db, table, slug.slice(0, 120))) ?? -1);
    const wantsSection = req.section !== undefined && req.section !== '';
    const [sectionId, tagId, authorId, tree] = await Promise.all([
      resolve('sections', req.section),
      resolve('tags', req.tag),
      resolve('authors', req.author),
      wantsSection ? q.sectionTree(db) : [],
    ]);
    let sectionIds: number[] | undefined;
    if (sectionId !== undefined) {
      sectionIds = [sectionId];
      for (let i = 0; i < sectionIds.length; i++) for (const s of tree) if (s.parent_id === sectionIds[i] && !sectionIds.includes(s.id)) sectionIds.push(s.id);
    }
    const dates = dateWindow(req, clock.now());
    return {
      ...(dates.publishedFrom && { minDocId: sortKeyRange(dates.publishedFrom).min }),
      ...(dates.publishedBefore && { maxDocId: sortKeyRange(dates.publishedBefore).max }),
      ...(sectionIds && { sectionIds }),
      ...(tagId !== undefined && { tagId }),
      ...(authorId !== undefined && { authorId }),
      ...(req.language && { language: req.language }),
      ...dates,
    };
  }

  /** The query compiled for the engine and the filters resolved, side by side (each may be a round trip). */
  async function prepare(parsed: ParsedQuery, req: SearchRequest): Promise<[EngineQuery, EngineFilter]> {
    return Promise.all([engine.compile(db, parsed), resolveFilter(req)]);
  }

  /**
   * Finds, counts, orders, highlights and hydrates a page of matches; `hydrate` gives what each hit shows (a story,
   * a wire item) by its `ref`, leaving out what must not be shown.
   */
  async function run<T>(
    parsed: ParsedQuery,
    query: EngineQuery,
    req: SearchRequest,
    filter: EngineFilter,
    hydrate: (refs: readonly number[]) => Promise<Map<number, T>>,
    suggest: boolean,
  ): Promise<Results<T>> {
    const { page, pageSize, offset } = pageOf(req.page, req.limit);
    // One pass collects the matches newest first (and so counts them, up to the cap) and scores the newest;
    // relevance then reorders those, older matches following newest first.
    const relevance = (req.sort ?? 'relevance') === 'relevance' && offset < MAX_RESULTS;
    const rankWindow = relevance ? RANK_WINDOW : 0;
    // The newest matches the page is chosen from (the scored window, or the pages up to this one) come first when
    // the vocabulary knows the count is capped (thousands of live stories use the word: nothing more to look for),
    // or the engine says so (PostgreSQL walking the newest documents): the older ones, up to the cap, are then
    // counted on another connection, the walk carrying on, while the page is highlighted and hydrated.
    const head = relevance ? RANK_WINDOW : offset + pageSize;
    const knownCapped = countedByVocabulary(filter) && (query.atLeast ?? 0) > VOCABULARY_MARGIN * MAX_RESULTS;
    let found: Matches;
    let counting: Promise<Matches> | undefined;
    let beyondCap = false;
    if (offset + pageSize <= head && head <= MAX_RESULTS && (knownCapped || engine.countApart(query, filter))) {
      found = await engine.matches(db, query, filter, head, rankWindow);
      const last = found.candidates[head - 1];
      if (last && knownCapped) {
        beyondCap = true;
      } else if (last) {
        const older: EngineFilter = { ...filter, maxDocId: Math.min(filter.maxDocId ?? Infinity, last.docId - 1) };
        counting = engine.matches(db, query, older, MAX_RESULTS + 1 - head, 0);
      }
    } else {
      found = await engine.matches(db, query, filter, MAX_RESULTS + 1, rankWindow);
    }
    const candidates = found.candidates.slice(0, MAX_RESULTS);
    const scores = found.scores;
    let ordered = candidates;
    if (relevance && candidates.length > 1) {
      const window = candidates.slice(0, RANK_WINDOW);
      // Stable sort: equal scores stay newest first.
      ordered = [...window].sort((a, b) => (scores.get(b.docId) ?? 0) - (scores.get(a.docId) ?? 0)).concat(candidates.slice(RANK_WINDOW));
    }
    const pageHits = ordered.slice(offset, offset + pageSize);
    const [shown, marks, older] = await Promise.all([hydrate(pageHits.map((h) => h.ref)), engine.highlights(db, query, filter, pageHits), counting]);
    const matched = beyondCap ? MAX_RESULTS + 1 : found.candidates.length + (older?.candidates.length ?? 0);
    const total = Math.min(matched, MAX_RESULTS);
    const capped = matched > MAX_RESULTS;
    const items: Hit<T>[] = [];
    for (const hit of pageHits) {
      const item = shown.get(hit.ref);
      if (item === undefined) continue;
      const m = marks.get(hit.ref);
      items.push({ item, headlineHtml: m?.headlineHtml ?? '', snippetHtml: m?.snippetHtml ?? '', score: scores.get(hit.docId) ?? 0 });
    }
    const info: SearchPageInfo = { page, pageSize, total, capped, hasMore: offset + pageSize < total };
    const suggestion = total === 0 && suggest ? await spellingSuggestion(parsed, filter) : null;
    return { query: formatQuery(parsed), items, page: info, suggestion };
  }

  /** Stories' summaries by id; for readers, only those live now (belt and braces: index and story were written together). */
  async function storiesOf(ids: readonly number[], live: boolean): Promise<Map<number, StorySummary>> {
    const now = clock.now().toISOString();
    const views = await stories.getSummaries(ids);
    return new Map(views.filter((s) => !live || (s.status === 'published' && s.publishedAt !== null && s.publishedAt <= now)).map((s) => [s.id, s]));
  }

  const asStoryResults = (r: Results<StorySummary>): SearchResults => ({ ...r, items: r.items.map(({ item, ...marks }) => ({ story: item, ...marks })) });

  /** Replaces words the vocabulary does not know by close ones it does; offered only if the result finds live stories. */
  async function spellingSuggestion(parsed: ParsedQuery, filter: EngineFilter): Promise<string | null> {
    const words = positiveWords(parsed).slice(0, 6);
    const known = await q.termCounts(db, words);
    const replace = new Map<string, string>();
    for (const word of words) {
      const chars = [...word];
      if (known.has(word) || chars.length < 3 || !/^\p{L}/u.test(word)) continue;
      const max = chars.length <= 4 ? 1 : 2;
      let best: { term: string; d: number; docs: number } | undefined;
      for (const n of await q.termNeighbours(db, chars[0] ?? '', chars.length, max)) {
        const d = editDistance(word, n.term, max);
        if (d <= max && (!best || d < best.d || (d === best.d && n.docs > best.docs))) best = { term: n.term, d, docs: n.docs };
      }
      if (best) replace.set(word, best.term);
    }
    if (replace.size === 0) return null;
    const fix = (t: readonly string[]) => t.map((w) => replace.get(w) ?? w);
    const corrected: ParsedQuery = { groups: parsed.groups.map((g) => g.map(fix)), excluded: parsed.excluded };
    const check = await engine.matches(db, await engine.compile(db, corrected), filter, 1, 0);
    return check.candidates.length > 0 ? formatQuery(corrected) : null;
  }

  return {
    /** In-transaction index maintenance, for the articles feature. */
    indexer,
    /** The wire feature's items, indexed in batches after their commit (see search.wire.ts). */
    wireIndex,

    /** Readers: live stories only. */
    async search(req: SearchRequest): Promise<SearchResults> {
      const parsed = parseQuery(req.q);
      if (isEmptyQuery(parsed)) return emptyResults(req);
      const now = clock.now().toISOString();
      const [query, resolved] = await prepare(parsed, req);
      // Scheduled stories (keys after now) are skipped by range, not one by one.
      const filter: EngineFilter = { ...resolved, liveAt: now, maxDocId: Math.min(resolved.maxDocId ?? Infinity, sortKeyRange(now).max) };
      return asStoryResults(await run(parsed, query, req, filter, (ids) => storiesOf(ids, true), true));
    },

    /** The newsroom: every status (or those asked for), newest change first when sorted by date. */
    async searchDesk(req: DeskSearchRequest): Promise<SearchResults> {
      const parsed = parseQuery(req.q);
      if (isEmptyQuery(parsed)) return emptyResults(req);
      const [query, resolved] = await prepare(parsed, req);
      const filter = { ...resolved, ...(req.statuses?.length && { statuses: req.statuses }), ...(req.kind && { kind: req.kind }) };
      return asStoryResults(await run(parsed, query, req, { ...filter, corpus: 'stories', minDocId: Math.max(filter.minDocId ?? 0, 0) }, (ids) => storiesOf(ids, false), false));
    },

    /**
     * The newsroom's wire search: every wire item held (new, used, killed), by its current version's text; dates
     * are arrival dates, sorted newest first or by relevance. Needs the wire summaries (`deps.wire`).
     */
    async searchWire(req: WireSearchRequest): Promise<WireSearchResults> {
      const parsed = parseQuery(req.q);
      const { wire } = deps;
      if (isEmptyQuery(parsed) || !wire) return { ...emptyResults(req), items: [] };
      const dates = dateWindow(req, clock.now());
      const filter: EngineFilter = {
        corpus: 'wire',
        ...wireKeyBounds(dates.publishedFrom, dates.publishedBefore),
        ...(req.language && { language: req.language }),
        ...(req.agency?.trim() && { agency: req.agency.trim() }),
      };
      const query = await engine.compile(db, parsed);
      const r = await run(parsed, query, req, filter, async (ids) => new Map((await wire.getSummaries(ids)).map((w) => [w.id, w])), false);
      return { ...r, items: r.items.map(({ item, ...marks }) => ({ wire: item, ...marks })) };
    },

    /** Headlines of live stories for search-as-you-type: every word typed, the last one as a prefix. */
    async suggest(text: string, limit = SUGGEST_LIMIT): Promise<StorySummary[]> {
      const words = wordsOf(fold(text.slice(0, 100))).slice(0, 6).map((w) => w.slice(0, 40));
      const last = words[words.length - 1];
      if (!last || [...last].length < 2) return [];
      const now = clock.now().toISOString();
      const ids = await engine.headlinePrefix(db, words, { liveAt: now, maxDocId: sortKeyRange(now).max }, Math.min(Math.max(limit, 1), 10));
      const views = await stories.getSummaries(ids);
      return ids.flatMap((id) => views.find((v) => v.id === id) ?? []);
    },

    /**
     * Rebuilds every document, a batch of stories per transaction, so the
     * site keeps serving (and saving) meanwhile; then recounts the vocabulary.
     */
    reindex: (onProgress?: (done: number, total: number) => void): Promise<ReindexReport> => reindexAll(db, engine, onProgress),
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
