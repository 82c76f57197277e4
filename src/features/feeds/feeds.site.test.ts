import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { createPageCache } from '../../site/page-cache.js';
import { installPageCache } from '../../site/serve.js';
import { registerMediaFileRoutes } from '../media/index.js';
import { registerFeedRoutes } from './feeds.site.js';
import { buildFeedWorld, PUBLIC_URL, type FeedWorld } from './feeds.test-world.js';
import { all, one, parseStrictXml, text } from './feeds.test-xml.js';

// The app wires these routes in src/app/routes.ts; here they stand alone on a bare server with the page cache.
for (const kind of DIALECTS) {
  describe(`feed and sitemap routes [${kind}]`, () => {
    let tdb: TestDatabase;
    let world: FeedWorld;
    let server: FastifyInstance;
    beforeAll(async () => {
      tdb = await createTestDatabase(kind);
      world = await buildFeedWorld(tdb.store);
      server = Fastify({ logger: false });
      installPageCache(server, { cache: createPageCache() });
      registerMediaFileRoutes(server, { media: world.deps.media, mediaStore: world.mediaStore });
      registerFeedRoutes(server, world.deps);
      await server.ready();
    });
    afterAll(async () => {
      await server?.close();
      await world?.cleanup();
      await tdb?.drop();
    });

    const get = (url: string, headers: Record<string, string> = {}) => server.inject({ url, headers });

    it('serves the RSS feed with its content type, cache headers and surrogate key', async () => {
      const res = await get('/feed.xml');
      expect(res.statusCode).toBe(200);
      expect(res.headers).toMatchObject({ 'content-type': 'application/rss+xml; charset=utf-8', 'x-content-type-options': 'nosniff' });
      expect(String(res.headers['surrogate-key'])).toMatch(/^feeds author:\d+ tag:\d+ media:\d+$/);
      expect(String(res.headers['cache-control'])).toMatch(/^public, .*s-maxage=\d+/);
      expect(all(parseStrictXml(res.body), 'item')).toHaveLength(3);
    });

    it('serves the Atom feed', async () => {
      const res = await get('/atom.xml');
      expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      expect(all(parseStrictXml(res.body), 'entry')).toHaveLength(3);
    });

    it('answers from the page cache the second time, and 304 to a client that has it', async () => {
      const first = await get('/atom.xml?utm_source=x');
      const second = await get('/atom.xml');
      expect(second.headers['x-cache']).toBe('hit');
      expect(second.body).toBe(first.body);
      expect((await get('/atom.xml', { 'if-none-match': String(second.headers.etag) })).statusCode).toBe(304);
    });

    it('encloses an image whose declared length and type are what the server sends', async () => {
      const enclosure = one(parseStrictXml((await get('/feed.xml')).body), 'enclosure').attribs;
      const file = await get(enclosure['url']!.slice(PUBLIC_URL.length));
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe(enclosure['type']);
      expect(file.rawPayload.length).toBe(Number(enclosure['length']));
    });

    it('serves the sitemap index and each sitemap it names as XML', async () => {
      const index = await get('/sitemap.xml');
      expect(index.headers).toMatchObject({ 'content-type': 'application/xml; charset=utf-8', 'surrogate-key': 'sitemaps' });
      const locs = all(parseStrictXml(index.body), 'loc').map(text);
      expect(locs).toEqual([`${PUBLIC_URL}/sitemaps/sections.xml`, `${PUBLIC_URL}/sitemaps/news.xml`, `${PUBLIC_URL}/sitemaps/articles-1.xml`]);
      for (const loc of locs) {
        const res = await get(loc.slice(PUBLIC_URL.length));
        expect(res.statusCode, loc).toBe(200);
        expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
        expect(all(parseStrictXml(res.body), 'url').length, loc).toBeGreaterThan(0);
      }
    });

    it('answers 404 for sitemap files that do not exist or are misnamed', async () => {
      for (const url of ['/sitemaps/articles-9.xml', '/sitemaps/articles-0.xml', '/sitemaps/articles-01.xml', '/sitemaps/articles-99999999999.xml', '/sitemaps/other.xml', '/sitemaps/articles-1.xml.bak']) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      }
    });

    it('serves robots.txt as plain text naming the sitemap index', async () => {
      const res = await get('/robots.txt');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.body).toContain('Disallow: /api/admin/');
      expect(res.body).toContain(`Sitemap: ${PUBLIC_URL}/sitemap.xml`);
    });

    it('answers HEAD without a body', async () => {
      const res = await server.inject({ method: 'HEAD', url: '/feed.xml' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe('');
    });
  });
}
