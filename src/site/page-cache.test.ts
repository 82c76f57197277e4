import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createPageCache, isCacheablePage, pageCacheKey, pickEncoding, type PageToCache } from './page-cache.js';

const page = (body: string, keys: string[] = [], extra: Partial<PageToCache> = {}): PageToCache => ({
  status: 200,
  body,
  contentType: 'text/html; charset=utf-8',
  keys,
  maxAgeSeconds: 60,
  ...extra,
});

const rendering = (p: PageToCache) => () => Promise.resolve(p);

/** A page body of roughly `bytes` bytes that compresses well. */
const big = (bytes: number, word = 'monsoon ') => `<p>${word.repeat(Math.ceil(bytes / word.length))}</p>`;

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the page cache', () => {
  it('renders a page once and then serves it from memory', async () => {
    const cache = createPageCache();
    let renders = 0;
    const render = () => Promise.resolve(page(`<p>${++renders}</p>`));
    const first = await cache.load('|/world', render);
    const second = await cache.load('|/world', render);
    expect(first.hit).toBe(false);
    expect(second.hit).toBe(true);
    expect(second.page.body.toString()).toBe('<p>1</p>');
    expect(renders).toBe(1);
  });

  it('forgets the least recently used page beyond its entry limit', async () => {
    const cache = createPageCache({ maxEntries: 2 });
    await cache.load('a', rendering(page('a')));
    await cache.load('b', rendering(page('b')));
    cache.get('a');
    await cache.load('c', rendering(page('c')));
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('keeps its total size, compressed copies included, under the byte limit', async () => {
    const cache = createPageCache({ maxBytes: 50_000 });
    for (let i = 0; i < 10; i++) await cache.load(`p${i}`, rendering(page(big(10_000, `word${i} `))));
    expect(cache.bytes).toBeLessThanOrEqual(50_000);
    expect(cache.size).toBeGreaterThan(0);
    expect(cache.size).toBeLessThan(10);
    expect(cache.get('p9')).toBeDefined();
    expect(cache.get('p0')).toBeUndefined();
  });

  it('does not keep a single page bigger than the whole budget', async () => {
    const cache = createPageCache({ maxBytes: 1_000 });
    const result = await cache.load('huge', rendering(page(big(5_000))));
    expect(result.page.status).toBe(200);
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it('purges exactly the pages carrying a changed key', async () => {
    const cache = createPageCache();
    await cache.load('|/', rendering(page('home', ['home', 'article:1'])));
    await cache.load('|/world/monsoon', rendering(page('story 1', ['article:1', 'author:3'])));
    await cache.load('|/world/floods', rendering(page('story 2', ['article:2'])));
    await cache.load('|/author/meera', rendering(page('author', ['author:3'])));

    cache.purge(['article:1']);
    expect(cache.get('|/')).toBeUndefined();
    expect(cache.get('|/world/monsoon')).toBeUndefined();
    expect(cache.get('|/world/floods')).toBeDefined();
    expect(cache.get('|/author/meera')).toBeDefined();
    expect(cache.size).toBe(2);
  });

  it('empties itself on the key "all"', async () => {
    const cache = createPageCache();
    await cache.load('a', rendering(page('a', ['article:1'])));
    await cache.load('b', rendering(page('b', ['tag:2'])));
    cache.purge(['all']);
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it('drops cached not-found pages on any change, since new content may fill them', async () => {
    const cache = createPageCache();
    await cache.load('|/world/not-yet', rendering(page('missing', ['all'], { status: 404 })));
    await cache.load('|/world/floods', rendering(page('story 2', ['article:2'])));
    cache.purge(['article:99']);
    expect(cache.get('|/world/not-yet')).toBeUndefined();
    expect(cache.get('|/world/floods')).toBeDefined();
  });

  it('keeps only 200, 404 and 410 HTML or XML answers', async () => {
    expect(isCacheablePage({ status: 200, contentType: 'text/html; charset=utf-8' })).toBe(true);
    expect(isCacheablePage({ status: 410, contentType: 'text/html' })).toBe(true);
    expect(isCacheablePage({ status: 200, contentType: 'application/rss+xml; charset=utf-8' })).toBe(true);
    expect(isCacheablePage({ status: 200, contentType: 'application/atom+xml' })).toBe(true);
    expect(isCacheablePage({ status: 500, contentType: 'text/html' })).toBe(false);
    expect(isCacheablePage({ status: 301, contentType: 'text/html' })).toBe(false);
    expect(isCacheablePage({ status: 200, contentType: 'application/json' })).toBe(false);

    const cache = createPageCache();
    const failed = await cache.load('|/broken', rendering(page('oops', [], { status: 500 })));
    expect(failed.page.status).toBe(500);
    expect(cache.size).toBe(0);
  });

  it('renders again once a page is older than its time to live', async () => {
    let now = 1_000_000;
    const cache = createPageCache({ now: () => now });
    let renders = 0;
    const render = () => Promise.resolve(page(`v${++renders}`, [], { maxAgeSeconds: 60 }));
    await cache.load('k', render);
    now += 59_000;
    expect((await cache.load('k', render)).hit).toBe(true);
    now += 1_000;
    const again = await cache.load('k', render);
    expect(again.hit).toBe(false);
    expect(again.page.body.toString()).toBe('v2');
  });

  it('renders once for simultaneous misses of the same page', async () => {
    const cache = createPageCache();
    const gate = deferred<PageToCache>();
    let renders = 0;
    const render = () => {
      renders++;
      return gate.promise;
    };
    const waiting = Array.from({ length: 20 }, () => cache.load('|/', render));
    gate.resolve(page('home'));
    const results = await Promise.all(waiting);
    expect(renders).toBe(1);
    expect(new Set(results.map((r) => r.page)).size).toBe(1);
  });

  it('shares a failed render with those waiting for it, and tries again afterwards', async () => {
    const cache = createPageCache();
    const gate = deferred<PageToCache>();
    const failing = () => gate.promise.then(() => Promise.reject(new Error('database down')));
    const a = cache.load('|/', failing);
    const b = cache.load('|/', failing);
    gate.resolve(page('unused'));
    await expect(a).rejects.toThrow('database down');
    await expect(b).rejects.toThrow('database down');
    expect((await cache.load('|/', rendering(page('back')))).page.body.toString()).toBe('back');
  });

  it('does not store, or let later requests wait for, a render that a purge overtook', async () => {
    const cache = createPageCache();
    const gate = deferred<PageToCache>();
    const early = cache.load('|/world/monsoon', () => gate.promise);
    cache.purge(['article:1']);
    let laterRenders = 0;
    const later = cache.load('|/world/monsoon', () => {
      laterRenders++;
      return Promise.resolve(page('new headline', ['article:1']));
    });
    gate.resolve(page('old headline', ['article:1']));
    expect((await early).page.body.toString()).toBe('old headline');
    expect((await later).page.body.toString()).toBe('new headline');
    expect(laterRenders).toBe(1);
    expect(cache.get('|/world/monsoon')?.body.toString()).toBe('new headline');
  });

  it('keeps gzip and brotli copies of a page, made once, that decode to the same bytes', async () => {
    const cache = createPageCache();
    const body = big(20_000);
    const { page: p } = await cache.load('|/', rendering(page(body)));
    expect(p.gzip).not.toBeNull();
    expect(p.br).not.toBeNull();
    expect(gunzipSync(p.gzip!).toString()).toBe(body);
    expect(brotliDecompressSync(p.br!).toString()).toBe(body);
    expect(p.br!.length).toBeLessThan(body.length / 10);
    expect(p.etag).toMatch(/^"[\w-]+"$/);
    expect(cache.get('|/')?.gzip).toBe(p.gzip);
  });

  it('does not compress tiny pages', async () => {
    const { page: p } = await createPageCache().load('k', rendering(page('<p>short</p>')));
    expect(p.gzip).toBeNull();
    expect(p.br).toBeNull();
  });
});

describe('choosing a content encoding', () => {
  const both = { br: true, gzip: true };
  it('prefers brotli, then gzip, and honours q-values and "*"', () => {
    expect(pickEncoding('gzip, deflate, br, zstd', both)).toBe('br');
    expect(pickEncoding('gzip, deflate', both)).toBe('gzip');
    expect(pickEncoding('br;q=0.5, gzip;q=0.9', both)).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0', both)).toBe('identity');
    expect(pickEncoding('*', both)).toBe('br');
    expect(pickEncoding('*;q=0, gzip', both)).toBe('gzip');
    expect(pickEncoding(undefined, both)).toBe('identity');
    expect(pickEncoding('identity', both)).toBe('identity');
  });

  it('falls back to what the page has', () => {
    expect(pickEncoding('br', { br: false, gzip: true })).toBe('identity');
    expect(pickEncoding('br, gzip', { br: false, gzip: true })).toBe('gzip');
  });
});

describe('cache keys', () => {
  it('ignore query parameters the page does not read, and sort the ones it does', () => {
    expect(pageCacheKey('/world?utm_source=x&fbclid=y', ['page'])).toBe(pageCacheKey('/world', ['page']));
    expect(pageCacheKey('/world?page=2&utm_source=x', ['page'])).toBe('|/world?page=2');
    expect(pageCacheKey('/search?q=rain&page=2', ['page', 'q'])).toBe(pageCacheKey('/search?page=2&q=rain', ['page', 'q']));
    expect(pageCacheKey('/world?page=2', [])).toBe('|/world');
  });

  it('fold trailing and repeated slashes as the router does, and separate variants', () => {
    expect(pageCacheKey('/world/', [])).toBe('|/world');
    expect(pageCacheKey('//world//asia', [])).toBe('|/world/asia');
    expect(pageCacheKey('/', [])).toBe('|/');
    expect(pageCacheKey('/world', [], 'hi')).not.toBe(pageCacheKey('/world', [], 'en'));
  });

  it('encode values so a crafted parameter cannot forge another key', () => {
    expect(pageCacheKey('/search?q=a%26page%3D2', ['q', 'page'])).not.toBe(pageCacheKey('/search?q=a&page=2', ['q', 'page']));
  });
});
