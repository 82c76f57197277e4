/**
 * The page cache over HTTP, on the whole app: pages come from memory, and an
 * edit through the admin API is visible on the very next request. The reader
 * route here is a small one registered by the test, so the cache is tested
 * apart from how any particular page looks.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from './db.js';
import { buildApp } from '../src/app/build-app.js';
import type { Services } from '../src/app/services.js';
import { loadConfig } from '../src/config/index.js';
import { isAppError } from '../src/lib/errors.js';
import { escapeHtml } from '../src/lib/html.js';
import { SYSTEM_ACTOR, bodyFromParagraphs } from '../src/features/articles/index.js';
import { cachedPage } from '../src/site/serve.js';
import { createTestApp, type TestApp } from './app.js';

interface Harness {
  server: FastifyInstance;
  services: Services;
  auth: { authorization: string };
  renders: () => number;
  close(): Promise<void>;
}

async function harness(kind: (typeof DIALECTS)[number], pageCache: boolean): Promise<Harness> {
  const tdb: TestDatabase = await createTestDatabase(kind);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dateline-cache-'));
  const config = loadConfig({ DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'silent', PAGE_CACHE: String(pageCache) });
  const { server, services } = await buildApp({ config, store: tdb.store, logger: false });
  let renders = 0;
  server.get<{ Params: { id: string } }>('/cache-test/story/:id', (req, reply) =>
    cachedPage(req, reply, { query: ['page'] }, async () => {
      renders++;
      try {
        const story = await services.articles.getPublished(Number(req.params.id));
        // Long enough to be worth compressing.
        const filler = '<p>The rains reached the coast two weeks early this year.</p>'.repeat(40);
        return { status: 200, html: `<!doctype html><h1>${escapeHtml(story.headline)}</h1>${filler}`, keys: [`article:${story.id}`] };
      } catch (err) {
        if (isAppError(err) && err.kind === 'gone') return { status: 410, html: '<!doctype html><h1>Removed</h1>', keys: [`article:${req.params.id}`] };
        if (isAppError(err) && err.kind === 'not_found') return { status: 404, html: '<!doctype html><h1>Not found</h1>', keys: [] };
        throw err;
      }
    }),
  );
  await server.ready();
  const { token } = await services.tokens.create({ name: 'cache-test', role: 'admin' });
  return {
    server,
    services,
    auth: { authorization: `Bearer ${token}` },
    renders: () => renders,
    close: async () => {
      await server.close();
      await tdb.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function liveStory(h: Harness, headline: string): Promise<number> {
  const section = await h.services.sections.create({ slug: `s-${Math.random().toString(36).slice(2, 8)}`, name: 'World' });
  const story = await h.services.articles.create({ headline, sectionId: section.id, body: bodyFromParagraphs(['Text.']), status: 'published' }, SYSTEM_ACTOR);
  return story.id;
}

for (const kind of DIALECTS) {
  describe(`the page cache over HTTP [${kind}]`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await harness(kind, true);
    });
    afterAll(async () => {
      await h.close();
    });

    it('serves a page from memory after the first request, with its age and keys', async () => {
      const id = await liveStory(h, 'Monsoon arrives early');
      const before = h.renders();
      const first = await h.server.inject({ url: `/cache-test/story/${id}` });
      const second = await h.server.inject({ url: `/cache-test/story/${id}` });
      expect(first.headers['x-cache']).toBe('miss');
      expect(second.headers['x-cache']).toBe('hit');
      expect(second.headers['age']).toMatch(/^\d+$/);
      expect(second.headers['surrogate-key']).toBe(`article:${id}`);
      expect(second.headers['cache-control']).toContain('s-maxage=60');
      expect(second.headers['vary']).toBe('accept-encoding');
      expect(second.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(second.headers['etag']).toBe(first.headers['etag']);
      expect(second.body).toBe(first.body);
      expect(second.body).toContain('Monsoon arrives early');
      expect(h.renders() - before).toBe(1);
    });

    it('shows an edit made through the admin API on the very next request', async () => {
      const id = await liveStory(h, 'Rains reach the coast');
      await h.server.inject({ url: `/cache-test/story/${id}` });
      expect((await h.server.inject({ url: `/cache-test/story/${id}` })).headers['x-cache']).toBe('hit');

      const edit = await h.server.inject({ method: 'PATCH', url: `/api/admin/articles/${id}`, headers: h.auth, payload: { headline: 'Rains reach the coast two weeks early' } });
      expect(edit.statusCode).toBe(200);

      const next = await h.server.inject({ url: `/cache-test/story/${id}` });
      expect(next.headers['x-cache']).toBe('miss');
      expect(next.body).toContain('Rains reach the coast two weeks early');

      const killed = await h.server.inject({ method: 'POST', url: `/api/admin/articles/${id}/kill`, headers: h.auth });
      expect(killed.statusCode).toBe(200);
      expect((await h.server.inject({ url: `/cache-test/story/${id}` })).statusCode).toBe(410);
    });

    it('answers 304 from memory without rendering when the reader has the page', async () => {
      const id = await liveStory(h, 'Harbour reopens');
      const first = await h.server.inject({ url: `/cache-test/story/${id}` });
      const rendersBefore = h.renders();
      const again = await h.server.inject({ url: `/cache-test/story/${id}`, headers: { 'if-none-match': String(first.headers['etag']) } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers['x-cache']).toBe('hit');
      expect(h.renders()).toBe(rendersBefore);
    });

    it('answers HEAD from the same entry, with headers and no body', async () => {
      const id = await liveStory(h, 'Ferry timetable changes');
      const get = await h.server.inject({ url: `/cache-test/story/${id}` });
      const head = await h.server.inject({ method: 'HEAD', url: `/cache-test/story/${id}` });
      expect(head.statusCode).toBe(200);
      expect(head.headers['x-cache']).toBe('hit');
      expect(head.headers['etag']).toBe(get.headers['etag']);
      expect(head.body).toBe('');
    });

    it('sends the stored brotli or gzip copy to clients that accept it', async () => {
      const id = await liveStory(h, 'Budget passes');
      const plain = await h.server.inject({ url: `/cache-test/story/${id}` });
      const br = await h.server.inject({ url: `/cache-test/story/${id}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      const gz = await h.server.inject({ url: `/cache-test/story/${id}`, headers: { 'accept-encoding': 'gzip' } });
      expect(br.headers['content-encoding']).toBe('br');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
      expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
      expect(br.headers['etag']).toBe(plain.headers['etag']);
    });

    it('shares one entry among tracking-parameter variants of a URL, but not among pages', async () => {
      const id = await liveStory(h, 'Election dates set');
      await h.server.inject({ url: `/cache-test/story/${id}` });
      const tracked = await h.server.inject({ url: `/cache-test/story/${id}?utm_source=newsletter&fbclid=abc` });
      const paged = await h.server.inject({ url: `/cache-test/story/${id}?page=2` });
      expect(tracked.headers['x-cache']).toBe('hit');
      expect(paged.headers['x-cache']).toBe('miss');
    });

    it('never caches for staff: a token or a session cookie renders every time and is kept private', async () => {
      const id = await liveStory(h, 'Staff preview');
      await h.server.inject({ url: `/cache-test/story/${id}` });
      const before = h.renders();
      const withToken = await h.server.inject({ url: `/cache-test/story/${id}`, headers: h.auth });
      const withCookie = await h.server.inject({ url: `/cache-test/story/${id}`, headers: { cookie: 'theme=dark; dl_session=abc' } });
      const otherCookie = await h.server.inject({ url: `/cache-test/story/${id}`, headers: { cookie: 'theme=dark' } });
      expect(withToken.headers['x-cache']).toBe('miss');
      expect(withToken.headers['cache-control']).toBe('private, no-store');
      expect(withCookie.headers['x-cache']).toBe('miss');
      expect(otherCookie.headers['x-cache']).toBe('hit');
      expect(h.renders() - before).toBe(2);
    });

    it('caches a not-found page until anything changes', async () => {
      const missing = await h.server.inject({ url: '/cache-test/story/987654' });
      expect(missing.statusCode).toBe(404);
      expect((await h.server.inject({ url: '/cache-test/story/987654' })).headers['x-cache']).toBe('hit');
      await liveStory(h, 'Something new');
      expect((await h.server.inject({ url: '/cache-test/story/987654' })).headers['x-cache']).toBe('miss');
    });
  });
}

describe('with PAGE_CACHE off', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('sqlite', false);
  });
  afterAll(async () => {
    await h.close();
  });

  it('renders every request', async () => {
    const id = await liveStory(h, 'No cache here');
    const before = h.renders();
    const a = await h.server.inject({ url: `/cache-test/story/${id}` });
    const b = await h.server.inject({ url: `/cache-test/story/${id}` });
    expect([a.headers['x-cache'], b.headers['x-cache']]).toEqual(['miss', 'miss']);
    expect(b.headers['etag']).toBe(a.headers['etag']);
    expect(h.renders() - before).toBe(2);
    expect(h.services.pageCache).toBeNull();
  });
});

describe('the real reader pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => {
    await t.close();
  });

  it('show an edit made through the admin API on the very next request: story, section and home', async () => {
    const section = await t.services.sections.create({ slug: 'coast', name: 'Coast' });
    const story = await t.services.articles.create({ headline: 'Fishing fleet stays in port', sectionId: section.id, body: bodyFromParagraphs(['Text.']), status: 'published', publishedAt: new Date(Date.now() - 60_000).toISOString() }, SYSTEM_ACTOR);
    const pages = [story.path, '/coast', '/'];
    for (const url of pages) {
      const first = await t.server.inject({ url });
      expect(first.statusCode).toBe(200);
      expect(first.body).toContain('Fishing fleet stays in port');
      expect((await t.server.inject({ url })).headers['x-cache'], url).toBe('hit');
    }

    const edit = await t.server.inject({ method: 'PATCH', url: `/api/admin/articles/${story.id}`, headers: t.auth, payload: { headline: 'Fishing fleet sails after storm passes' } });
    expect(edit.statusCode).toBe(200);

    for (const url of pages) {
      const next = await t.server.inject({ url });
      expect(next.body, url).toContain('Fishing fleet sails after storm passes');
      expect(next.body, url).not.toContain('Fishing fleet stays in port');
      expect(next.headers['x-cache'], url).toBe('miss');
    }
  });
});
