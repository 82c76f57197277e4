/** The public content API as a reader app or partner site uses it, on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './db.js';
import { createTestApp, type TestApp } from './app.js';

interface Summary {
  id: number;
  slug: string;
  url: string;
  headline: string;
  section: { slug: string } | null;
  authors: { name: string }[];
  agencyCredit: string | null;
  tags: { slug: string }[];
}

for (const kind of DIALECTS) {
  describe(`content API [${kind}]`, () => {
    let t: TestApp;
    let ids: { world: number; asia: number; author: number; tag: number };

    const admin = async <T>(method: 'POST' | 'PATCH', url: string, payload: object): Promise<T> => {
      const res = await t.server.inject({ method, url: `/api/admin${url}`, headers: t.auth, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json<T>();
    };
    const body = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

    beforeAll(async () => {
      t = await createTestApp(kind);
      const world = await admin<{ id: number }>('POST', '/sections', { slug: 'world', name: 'World' });
      const asia = await admin<{ id: number }>('POST', '/sections', { slug: 'asia', name: 'Asia', parentId: world.id });
      const author = await admin<{ id: number }>('POST', '/authors', { slug: 'meera-nair', name: 'Meera Nair', title: 'Correspondent' });
      const tag = await admin<{ id: number }>('POST', '/tags', { slug: 'climate', name: 'Climate' });
      ids = { world: world.id, asia: asia.id, author: author.id, tag: tag.id };
      const stories = [
        { headline: 'Talks open in Geneva', sectionId: world.id, agencyCredit: 'AFP', publishedAt: '2026-11-20T06:00:00.000Z' },
        { headline: 'Monsoon data from Dhaka', sectionId: asia.id, authorIds: [author.id], tagIds: [tag.id], publishedAt: '2026-11-21T06:00:00.000Z' },
        { headline: 'Delta cities plan for floods', sectionId: asia.id, authorIds: [author.id], publishedAt: '2026-11-22T06:00:00.000Z' },
      ];
      for (const s of stories) await admin('POST', '/articles', { ...s, body: body(`Body of ${s.headline}.`), status: 'published' });
      await admin('POST', '/articles', { headline: 'Unfinished draft', sectionId: world.id, body: body('Secret.') });
    });
    afterAll(async () => {
      await t.close();
    });

    const get = (url: string, headers: Record<string, string> = {}) => t.server.inject({ url: `/api/v1${url}`, headers });

    it('lists only published stories, newest first, with their public URL', async () => {
      const res = await get('/articles');
      expect(res.statusCode).toBe(200);
      const items = res.json<{ items: Summary[] }>().items;
      expect(items.map((a) => a.headline)).toEqual(['Delta cities plan for floods', 'Monsoon data from Dhaka', 'Talks open in Geneva']);
      expect(items[0]!.url).toBe('https://news.example.test/world/asia/delta-cities-plan-for-floods');
    });

    it('filters by section (with subsections), tag and author', async () => {
      const headlines = async (qs: string) => (await get(`/articles?${qs}`)).json<{ items: Summary[] }>().items.map((a) => a.headline);
      expect(await headlines('section=world')).toHaveLength(3);
      expect(await headlines('section=asia')).toEqual(['Delta cities plan for floods', 'Monsoon data from Dhaka']);
      expect(await headlines(`sectionId=${ids.asia}`)).toHaveLength(2);
      expect(await headlines('tag=climate')).toEqual(['Monsoon data from Dhaka']);
      expect(await headlines(`authorId=${ids.author}`)).toHaveLength(2);
      expect(await headlines('author=meera-nair')).toHaveLength(2);
    });

    it('answers an unknown filter slug with 404 naming the filter', async () => {
      const res = await get('/articles?section=sport');
      expect(res.statusCode).toBe(404);
      expect(res.json<{ error: { field: string } }>().error.field).toBe('section');
    });

    it('pages with a cursor', async () => {
      const first = (await get('/articles?limit=2')).json<{ items: Summary[]; nextCursor: string }>();
      expect(first.items).toHaveLength(2);
      const second = (await get(`/articles?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)).json<{ items: Summary[]; nextCursor: string | null }>();
      expect(second.items.map((a) => a.headline)).toEqual(['Talks open in Geneva']);
      expect(second.nextCursor).toBeNull();
    });

    it('serves one story by id and by slug with its rendered body and the agency credit', async () => {
      const list = (await get('/articles?section=world')).json<{ items: Summary[] }>().items;
      const wire = list.find((a) => a.agencyCredit === 'AFP')!;
      const byId = await get(`/articles/${wire.id}`);
      expect(byId.statusCode).toBe(200);
      expect(byId.json<{ bodyHtml: string }>().bodyHtml).toBe('<p>Body of Talks open in Geneva.</p>');
      const bySlug = await get(`/articles/by-slug/${wire.slug}`);
      expect(bySlug.json<{ id: number }>().id).toBe(wire.id);
    });

    it('never shows a draft', async () => {
      const drafts = await t.services.articles.listForDesk({ statuses: ['draft'] });
      const res = await get(`/articles/${drafts.items[0]!.id}`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Secret');
    });

    it('answers 410 for a story that was taken down', async () => {
      const story = await admin<{ id: number; slug: string }>('POST', '/articles', { headline: 'Retracted', sectionId: ids.world, body: body('x'), status: 'published' });
      expect((await get(`/articles/${story.id}`)).statusCode).toBe(200);
      await admin('POST', `/articles/${story.id}/kill`, {});
      const gone = await get(`/articles/by-slug/${story.slug}`);
      expect(gone.statusCode).toBe(410);
      expect(gone.json<{ error: { code: string } }>().error.code).toBe('ARTICLE_GONE');
    });

    it('sends shared-cache headers and answers a matching If-None-Match with 304', async () => {
      const res = await get('/sections');
      expect(res.headers['cache-control']).toMatch(/s-maxage=\d+/);
      expect(res.headers['cache-control']).toMatch(/stale-while-revalidate=\d+/);
      const etag = res.headers.etag as string;
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await get('/sections', { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    });

    it('shows an edit on the very next request', async () => {
      const list = (await get('/articles?limit=1')).json<{ items: Summary[] }>().items;
      const before = await get(`/articles/${list[0]!.id}`);
      await admin('PATCH', `/articles/${list[0]!.id}`, { headline: 'Delta cities revise flood plans' });
      const after = await get(`/articles/${list[0]!.id}`, { 'if-none-match': before.headers.etag as string });
      expect(after.statusCode).toBe(200);
      expect(after.json<{ headline: string }>().headline).toBe('Delta cities revise flood plans');
    });

    it('lists sections with their paths, authors, tags and pages', async () => {
      const sections = (await get('/sections')).json<{ items: { slug: string; path: string }[] }>().items;
      expect(sections.find((s) => s.slug === 'asia')?.path).toBe('world/asia');
      expect((await get('/authors')).statusCode).toBe(200);
      expect((await get('/tags')).json<{ items: { slug: string }[] }>().items.map((x) => x.slug)).toContain('climate');
      expect((await get('/pages')).statusCode).toBe(200);
      expect((await get('/publication')).json<{ name: string }>().name).toBeTruthy();
    });

    it('keeps staff-only fields out of public answers', async () => {
      const list = (await get('/articles?limit=1')).json<{ items: Record<string, unknown>[] }>().items;
      const full = (await get(`/articles/${String(list[0]!.id)}`)).json<Record<string, unknown>>();
      for (const key of ['status', 'revision', 'source', 'modifiedAt', 'priority']) expect(full).not.toHaveProperty(key);
    });
  });
}

describe('service endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports health with the database checked', async () => {
    const res = await t.server.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'ok', dialect: 'sqlite' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('publishes an OpenAPI document covering both APIs', async () => {
    const doc = (await t.server.inject({ url: '/api/openapi.json' })).json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/articles', '/api/v1/articles/{id}', '/api/admin/articles', '/api/admin/media']));
  });

  it('renders readable API docs with every endpoint, escaped', async () => {
    const res = await t.server.inject({ url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('/api/v1/articles/{id}');
    expect(res.body).toContain('Staff admin API');
    expect(res.body).not.toContain('<script');
  });
});
