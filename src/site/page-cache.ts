/**
 * The in-memory page cache: rendered reader pages by normalised URL and
 * variant, purged by surrogate key whenever content changes (see
 * src/lib/events.ts), with a pre-compressed copy of each body so a hit costs
 * no rendering and no compression.
 *
 * - Bounded LRU: by number of entries and by total bytes (bodies plus their
 *   gzip and brotli copies); the least recently used entries go first.
 * - Purge is O(affected entries): an index maps each surrogate key to the
 *   entries carrying it. `all` empties the cache. Every purge also drops the
 *   cached 404s, because any new story, section, author, tag or page may be
 *   exactly what a 404 said was missing, and a 404 knows no key to be purged by.
 * - Single flight: concurrent misses for one key render once and share the
 *   result. A purge during a render drops that render's result instead of
 *   storing it (it may have read the old content), and later requests do not
 *   join it, so an edit is visible on the very next request.
 * - TTL: each entry lives `maxAgeSeconds`; content changes purge at once, so
 *   the TTL only bounds what changes with time alone (see DEFAULT_PAGE_TTL).
 *
 * Pure of HTTP: serve.ts turns requests into keys and entries into replies.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/**
 * Seconds a page stays in the cache when the page does not say otherwise.
 * Content changes purge pages at once, so this bounds only what changes with
 * the clock: a story whose publication time passes (it appears on home and
 * section pages), the date in the masthead at midnight, "2 hours ago"-style
 * times. A minute is as late as a reader may see those; a busy home page is
 * still rendered at most once a minute.
 */
export const DEFAULT_PAGE_TTL = 60;

/** Statuses worth keeping: the page itself, and the site's not-found and removed pages. */
const CACHEABLE_STATUSES: ReadonlySet<number> = new Set([200, 404, 410]);
const CACHEABLE_TYPE = /^(text\/html|application\/xhtml\+xml|text\/xml|application\/(?:[\w.+-]+\+)?xml)\b/i;

/** Below this size compression saves less than its headers cost. */
const COMPRESS_MIN_BYTES = 1024;
/** Fixed per-entry overhead counted against maxBytes (key strings, maps, object headers). */
const ENTRY_OVERHEAD = 512;

export interface PageToCache {
  status: number;
  body: string;
  contentType: string;
  /** Surrogate keys the page depends on. */
  keys: readonly string[];
  /** How long the cache may keep it. */
  maxAgeSeconds: number;
  /** Redirect target (redirects are shared by simultaneous requests, never stored). */
  location?: string | undefined;
}

export interface CachedPage {
  readonly status: number;
  readonly body: Buffer;
  /** Compressed copies, made once; null when the body is small, or when the page is not stored. */
  readonly gzip: Buffer | null;
  readonly br: Buffer | null;
  readonly etag: string;
  readonly contentType: string;
  readonly keys: readonly string[];
  readonly maxAgeSeconds: number;
  readonly location: string | null;
  /** Epoch milliseconds when it was rendered. */
  readonly createdAt: number;
  /** What it counts against the byte budget. */
  readonly bytes: number;
}

export interface LoadResult {
  page: CachedPage;
  /** Served from the cache without rendering. */
  hit: boolean;
}

export interface PageCacheOptions {
  maxEntries?: number;
  maxBytes?: number;
  /** Epoch milliseconds; injected so tests control time. */
  now?: () => number;
}

export function strongEtag(body: string | Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

export function isCacheablePage(page: Pick<PageToCache, 'status' | 'contentType'>): boolean {
  return CACHEABLE_STATUSES.has(page.status) && CACHEABLE_TYPE.test(page.contentType);
}

export type PageCache = ReturnType<typeof createPageCache>;

export function createPageCache(options: PageCacheOptions = {}) {
  const maxEntries = options.maxEntries ?? 5_000;
  const maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
  const now = options.now ?? Date.now;

  /** Insertion order is recency order: a hit moves its entry to the end. */
  const entries = new Map<string, CachedPage>();
  /** Surrogate key → cache keys of the entries carrying it. */
  const byKey = new Map<string, Set<string>>();
  const notFound = new Set<string>();
  const inFlight = new Map<string, Promise<LoadResult>>();
  let totalBytes = 0;
  /** Bumped by every purge; a render that saw a bump while running is not stored. */
  let generation = 0;

  function remove(cacheKey: string): void {
    const entry = entries.get(cacheKey);
    if (!entry) return;
    entries.delete(cacheKey);
    notFound.delete(cacheKey);
    totalBytes -= entry.bytes;
    for (const key of entry.keys) {
      const set = byKey.get(key);
      set?.delete(cacheKey);
      if (set?.size === 0) byKey.delete(key);
    }
  }

  function clear(): void {
    entries.clear();
    byKey.clear();
    notFound.clear();
    totalBytes = 0;
  }

  function evictOverflow(): void {
    while (entries.size > maxEntries || totalBytes > maxBytes) {
      const oldest = entries.keys().next();
      if (oldest.done) return;
      remove(oldest.value);
    }
  }

  function fresh(entry: CachedPage): boolean {
    return now() - entry.createdAt < entry.maxAgeSeconds * 1000;
  }

  function get(cacheKey: string): CachedPage | undefined {
    const entry = entries.get(cacheKey);
    if (!entry) return undefined;
    if (!fresh(entry)) {
      remove(cacheKey);
      return undefined;
    }
    entries.delete(cacheKey);
    entries.set(cacheKey, entry);
    return entry;
  }

  function store(cacheKey: string, entry: CachedPage): void {
    remove(cacheKey);
    if (entry.bytes > maxBytes) return;
    entries.set(cacheKey, entry);
    totalBytes += entry.bytes;
    for (const key of entry.keys) {
      let set = byKey.get(key);
      if (!set) byKey.set(key, (set = new Set()));
      set.add(cacheKey);
    }
    if (entry.status === 404) notFound.add(cacheKey);
    evictOverflow();
  }

  /** A page ready to serve; compressed copies only when it will be stored and is big enough to gain. */
  async function prepare(page: PageToCache, compress: boolean): Promise<CachedPage> {
    const body = Buffer.from(page.body, 'utf8');
    let gz: Buffer | null = null;
    let br: Buffer | null = null;
    if (compress && body.length >= COMPRESS_MIN_BYTES) {
      // Off the event loop (zlib's thread pool); brotli 5 is ~1 ms for a story page and close to the best ratio.
      [gz, br] = await Promise.all([
        gzip(body, { level: 6 }),
        brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
      ]);
      if (gz.length >= body.length) gz = null;
      if (br.length >= body.length) br = null;
    }
    const keys = [...new Set(page.keys)];
    return {
      status: page.status,
      body,
      gzip: gz,
      br,
      etag: strongEtag(body),
      contentType: page.contentType,
      keys,
      maxAgeSeconds: page.maxAgeSeconds,
      location: page.location ?? null,
      createdAt: now(),
      bytes: body.length + (gz?.length ?? 0) + (br?.length ?? 0) + ENTRY_OVERHEAD + keys.reduce((n, k) => n + k.length, 0),
    };
  }

  return {
    get,

    /** Renders (once, however many ask at the same time) unless a fresh copy is cached. */
    load(cacheKey: string, render: () => Promise<PageToCache>): Promise<LoadResult> {
      const cached = get(cacheKey);
      if (cached) return Promise.resolve({ page: cached, hit: true });
      const pending = inFlight.get(cacheKey);
      if (pending) return pending;
      const startedAt = generation;
      const job = (async (): Promise<LoadResult> => {
        const rendered = await render();
        const keep = isCacheablePage(rendered) && rendered.maxAgeSeconds > 0;
        const page = await prepare(rendered, keep);
        if (keep && generation === startedAt) store(cacheKey, page);
        return { page, hit: false };
      })().finally(() => {
        if (inFlight.get(cacheKey) === job) inFlight.delete(cacheKey);
      });
      inFlight.set(cacheKey, job);
      return job;
    },

    /** Drops every entry carrying any of these keys (`all`: everything), and every cached 404. */
    purge(keys: readonly string[]): void {
      generation++;
      // Renders already running may have read the old content: later requests must not wait for them.
      inFlight.clear();
      if (keys.includes('all')) {
        clear();
        return;
      }
      const doomed = new Set(notFound);
      for (const key of keys) for (const cacheKey of byKey.get(key) ?? []) doomed.add(cacheKey);
      for (const cacheKey of doomed) remove(cacheKey);
    },

    clear,

    get size(): number {
      return entries.size;
    },

    get bytes(): number {
      return totalBytes;
    },
  };
}

export type Encoding = 'br' | 'gzip' | 'identity';

/** The best encoding the client accepts that we hold a copy in: brotli, then gzip, else the plain body. */
export function pickEncoding(acceptEncoding: string | undefined, available: { br: boolean; gzip: boolean }): Encoding {
  if (!acceptEncoding || (!available.br && !available.gzip)) return 'identity';
  let br: number | undefined;
  let gz: number | undefined;
  let star = 0;
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    const weight = Number.isFinite(q) ? q : 0;
    if (name === 'br') br = weight;
    else if (name === 'gzip' || name === 'x-gzip') gz = Math.max(gz ?? 0, weight);
    else if (name === '*') star = weight;
  }
  // "*" speaks for every coding not named.
  br ??= star;
  gz ??= star;
  if (available.br && br > 0 && br >= gz) return 'br';
  if (available.gzip && gz > 0) return 'gzip';
  if (available.br && br > 0) return 'br';
  return 'identity';
}

/**
 * The cache key of a request: the path with duplicate and trailing slashes
 * folded (the router treats them alike), plus only the query parameters the
 * page reads, sorted by name — so `?utm_source=…` variants share one entry —
 * and the variant (e.g. a language), empty by default.
 */
export function pageCacheKey(url: string, queryNames: readonly string[], variant = ''): string {
  const q = url.indexOf('?');
  let path = (q < 0 ? url : url.slice(0, q)).replace(/\/{2,}/g, '/');
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  let query = '';
  if (q >= 0 && queryNames.length > 0) {
    const params = new URLSearchParams(url.slice(q + 1));
    const kept: [string, string][] = [];
    for (const [name, value] of params) if (queryNames.includes(name)) kept.push([name, value]);
    // Stable sort: repeated parameters keep their order, which may matter to the page.
    kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    query = kept.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join('&');
  }
  return `${variant}|${path}${query ? `?${query}` : ''}`;
}
