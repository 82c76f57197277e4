import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { insertArticle } from '../../../test/factories.js';
import { ASSET_CACHE_CONTROL, newsroomBuildDir, registerNewsroomRoutes } from './index.js';

const NOT_BUILT = 'dist/admin is missing: the test run builds it (test/global-setup.ts → node bin/build-newsroom.js); see its output';

describe('the newsroom app at /newsroom', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => t.server.inject({ url, headers });

  async function scriptPath(): Promise<string> {
    const shell = await get('/newsroom');
    expect(shell.statusCode, NOT_BUILT).toBe(200);
    const src = /<script type="module"[^>]*src="([^"]+)"/.exec(shell.body)?.[1];
    expect(src, 'the shell loads its script from /newsroom/assets').toMatch(/^\/newsroom\/assets\/[\w.-]+\.js$/);
    return src as string;
  }

  it('answers every app address with the shell, never cached, under a strict content security policy', async () => {
    for (const url of ['/newsroom', '/newsroom/', '/newsroom/login', '/newsroom/stories/42', '/newsroom/media?q=flood']) {
      const res = await get(url);
      expect(res.statusCode, `${url}: ${NOT_BUILT}`).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('<div id="app">');
      expect(res.headers['cache-control'], url).toBe('no-store');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("img-src 'self' data: blob:");
      expect(csp).toContain("frame-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
      // Not a reader page: the page cache and shared caches never see it.
      expect(res.headers['surrogate-key']).toBeUndefined();
      expect(res.headers['x-cache']).toBeUndefined();
    }
  });

  it('serves the hashed script and stylesheet for a year, compressed when the browser accepts it', async () => {
    const src = await scriptPath();
    const plain = await get(src);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe(ASSET_CACHE_CONTROL);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1000);

    const gz = await get(src, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['vary']).toBe('accept-encoding');
    expect(gz.rawPayload.length).toBeLessThan(plain.rawPayload.length);

    const css = /<link rel="stylesheet"[^>]*href="([^"]+)"/.exec((await get('/newsroom')).body)?.[1] ?? '';
    const sheet = await get(css);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(sheet.headers['cache-control']).toBe(ASSET_CACHE_CONTROL);

    const again = await get(src, { 'if-none-match': String(plain.headers['etag']) });
    expect(again.statusCode).toBe(304);
  });

  it('answers an unknown or malformed asset name with 404, not the app', async () => {
    for (const url of ['/newsroom/assets/index-nothere.js', '/newsroom/assets/..%2Fpackage.json', '/newsroom/assets/.vite', '/newsroom/assets/sub/x.js']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('<div id="app">');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('keeps the newsroom off reader pages', async () => {
    await insertArticle(t.services.store.db, { headline: 'Rains reach the coast', status: 'published', published_at: new Date(Date.now() - 60_000).toISOString() });
    const list = await get('/api/v1/articles');
    const url = list.json<{ items: { url: string }[] }>().items[0]?.url ?? '';
    const storyPath = new URL(url).pathname;
    for (const page of ['/', storyPath, '/search?q=rains', '/no-such-page']) {
      const res = await get(page);
      expect(res.statusCode, page).toBeLessThan(500);
      expect(res.body, page).not.toContain('/newsroom/assets');
      expect(res.body, page).not.toContain('<div id="app">');
    }
  });
});

describe('the newsroom before its first build', () => {
  let dir: string;
  const server = Fastify();
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dateline-newsroom-'));
    registerNewsroomRoutes(server, { dir: path.join(dir, 'admin') });
    await server.ready();
  });
  afterAll(async () => {
    await server.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('says the app is not built yet and how to build it (503), still uncached and locked down', async () => {
    const res = await server.inject({ url: '/newsroom/stories/1' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm start');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await server.inject({ url: '/newsroom/assets/index-abc.js' })).statusCode).toBe(404);
  });

  it('finds dist/admin at the root of the installation, from the sources or from the server bundle', () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    expect(newsroomBuildDir(new URL('file://' + path.join(root, 'src/features/newsroom/newsroom.site.ts')).href)).toBe(path.join(root, 'dist', 'admin'));
    expect(newsroomBuildDir(new URL('file://' + path.join(root, 'dist/dateline.mjs')).href)).toBe(path.join(root, 'dist', 'admin'));
  });
});
