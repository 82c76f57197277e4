/** The reader site through HTTP: every page answers with the right status and the page anatomy. */
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Element } from 'domhandler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/features/articles/index.js';
import { createTestApp, type TestApp } from './app.js';

const para = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });
const body = (n: number) => ({ type: 'doc' as const, version: 1 as const, content: Array.from({ length: n }, (_, i) => para(`Paragraph ${i + 1} of the story.`)) });

function dom(html: string) {
  const doc = parseDocument(html);
  const all = (pred: (e: Element) => boolean) => DomUtils.findAll(pred, doc.children);
  const byClass = (cls: string) => all((e) => (e.attribs['class'] ?? '').split(/\s+/).includes(cls));
  const text = (e: Element | undefined) => (e ? DomUtils.textContent(e).replace(/\s+/g, ' ').trim() : '');
  return { doc, all, byClass, text };
}

describe('reader site', () => {
  let t: TestApp;
  let story: { id: number; slug: string; path: string };
  let bare: { slug: string };

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    const s = t.services;
    const world = await s.sections.create({ slug: 'world', name: 'World', position: 1 });
    const asia = await s.sections.create({ slug: 'asia', name: 'Asia', parentId: world.id });
    await s.sections.create({ slug: 'opinion', name: 'Opinion', position: 5 });
    const author = await s.authors.create({ slug: 'meera-nair', name: 'Meera Nair', title: 'Asia Correspondent', bio: 'Covers South Asia.' });
    const tag = await s.tags.create({ slug: 'monsoon', name: 'Monsoon' });
    const image = await s.media.upload({ data: await (await import('sharp')).default({ create: { width: 1600, height: 900, channels: 3, background: '#369' } }).jpeg().toBuffer(), originalName: 'x.jpg', caption: 'Boats on the river at dawn.', credit: 'Photo: Anil Rao', altText: 'Boats on a river' });
    const a = await s.articles.create(
      {
        headline: 'Monsoon arrives early in Dhaka',
        standfirst: 'Forecasters say the rains came nine days ahead of schedule.',
        body: body(9),
        sectionId: asia.id,
        authorIds: [author.id],
        tagIds: [tag.id],
        featuredImageId: image.id,
        datelinePlace: 'Dhaka (Bangladesh)',
        status: 'published',
        publishedAt: new Date(Date.now() - 3_600_000).toISOString(),
      },
      SYSTEM_ACTOR,
    );
    await s.articles.addCorrection(a.id, { kind: 'correction', text: 'An earlier version gave the wrong date.' }, SYSTEM_ACTOR);
    story = { id: a.id, slug: a.slug, path: a.path };
    await s.articles.create({ headline: 'Second monsoon story', body: body(3), sectionId: asia.id, agencyCredit: 'AFP', tagIds: [tag.id], status: 'published', publishedAt: new Date(Date.now() - 7_200_000).toISOString() }, SYSTEM_ACTOR);
    const b = await s.articles.create({ headline: 'A story with nothing attached', body: body(2), status: 'draft' }, SYSTEM_ACTOR);
    // No section, no image, no author: published directly in the database, as an importer might leave it.
    await s.store.db.updateTable('articles').set({ status: 'published', published_at: new Date(Date.now() - 60_000).toISOString() }).where('id', '=', b.id).execute();
    bare = { slug: b.slug };
    await s.pages.create({ slug: 'about', title: 'About us', body: body(2), seoDescription: 'Who we are', status: 'published' });
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (url: string) => t.server.inject({ url });

  it('shows the story with every element of the page anatomy', async () => {
    const res = await get('/world/asia/monsoon-arrives-early-in-dhaka');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const d = dom(res.body);
    expect(d.all((e) => e.name === 'h1')).toHaveLength(1);
    expect(d.text(d.byClass('story__headline')[0])).toBe('Monsoon arrives early in Dhaka');
    expect(d.text(d.byClass('story__standfirst')[0])).toContain('nine days');
    expect(d.byClass('utility')).toHaveLength(1);
    expect(d.text(d.byClass('utility__links')[0])).toContain('Subscribe to print edition');
    expect(d.all((e) => e.name === 'form' && e.attribs['action'] === '/search')).not.toHaveLength(0);
    expect(d.byClass('masthead__date')[0]?.attribs['datetime']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(d.all((e) => e.name === 'a' && e.attribs['aria-current'] === 'page' && d.text(e) === 'World')).toHaveLength(1);
    expect(DomUtils.findAll((e) => e.name === 'a', d.byClass('breadcrumbs')).map((e) => d.text(e))).toEqual(['World', 'Asia']);
    const share = d.byClass('share')[0]!;
    expect(share.attribs['data-share-url']).toBe('https://news.example.test/world/asia/monsoon-arrives-early-in-dhaka');
    const wa = d.byClass('share__whatsapp')[0]!.attribs['href']!;
    expect(decodeURIComponent(wa)).toContain('Monsoon arrives early in Dhaka https://news.example.test/world/asia/monsoon-arrives-early-in-dhaka');
    expect(d.byClass('share__facebook')[0]!.attribs['href']).toContain(encodeURIComponent('https://news.example.test/world/asia/'));
    const img = d.all((e) => e.name === 'img' && e.attribs['fetchpriority'] === 'high')[0]!;
    expect(img.attribs).toMatchObject({ width: '1600', height: '900', alt: 'Boats on a river' });
    expect(d.all((e) => e.name === 'source' && e.attribs['type'] === 'image/avif')).not.toHaveLength(0);
    expect(d.text(d.byClass('caption')[0])).toBe('Boats on the river at dawn.');
    expect(d.text(d.byClass('credit')[0])).toBe('Photo: Anil Rao');
    const firstParagraph = d.all((e) => e.name === 'p' && e.parent !== null && (e.parent as Element).attribs?.['class'] === 'story__body')[0]!;
    expect(d.text(d.byClass('dateline')[0])).toMatch(/^Dhaka \(Bangladesh\), [A-Z][a-z]{2} \d{1,2}$/);
    expect(d.text(firstParagraph)).toMatch(/^Dhaka \(Bangladesh\), .* — Paragraph 1/);
    expect(d.all((e) => e.name === 'a' && e.attribs['rel'] === 'author' && e.attribs['href'] === '/author/meera-nair')).toHaveLength(1);
    expect(d.text(d.byClass('story__tags')[0])).toBe('Monsoon');
    expect(d.text(d.byClass('story__corrections')[0])).toContain('An earlier version gave the wrong date.');
    expect(d.text(d.byClass('related')[0])).toContain('Second monsoon story');
    expect(d.byClass('site-footer')).toHaveLength(1);
    expect(d.byClass('bottom-bar')).toHaveLength(1);
    const inArticle = d.all((e) => (e.attribs['data-ad-slot'] ?? '').startsWith('in-article-'));
    expect(inArticle.length).toBe(2);
    for (const slot of d.byClass('ad-slot')) expect(d.text(slot)).toMatch(/^Advertisement/);
  });

  it('signs agency copy with the agency credit', async () => {
    const res = await get('/world/asia/second-monsoon-story');
    expect(dom(res.body).text(dom(res.body).byClass('story__signoff')[0])).toBe('— AFP');
  });

  it('renders a story with no section, image or author cleanly', async () => {
    const res = await get(`/story/${bare.slug}`);
    expect(res.statusCode).toBe(200);
    const d = dom(res.body);
    expect(d.text(d.byClass('story__headline')[0])).toBe('A story with nothing attached');
    expect(d.byClass('story__image')).toHaveLength(0);
    expect(d.byClass('story__signoff')).toHaveLength(0);
  });

  it('redirects a story requested under the wrong section to its canonical URL', async () => {
    const res = await get('/world/monsoon-arrives-early-in-dhaka');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/world/asia/monsoon-arrives-early-in-dhaka');
  });

  it('answers 410 with the site page for a killed story', async () => {
    const killed = await t.services.articles.create({ headline: 'Story later killed', body: body(2), sectionId: (await t.services.sections.getBySlug('world')).id, status: 'published' }, SYSTEM_ACTOR);
    await t.services.articles.takeDown(killed.id, 'killed', SYSTEM_ACTOR);
    const res = await get(killed.path);
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('This story has been removed');
    expect(res.body).toContain('masthead__name');
  });

  it('lists a section with its subsections, newest first', async () => {
    const res = await get('/world');
    expect(res.statusCode).toBe(200);
    const d = dom(res.body);
    expect(d.text(d.all((e) => e.name === 'h1')[0])).toBe('World');
    const headlines = d.byClass('card__headline').map((e) => d.text(e));
    expect(headlines.slice(0, 2)).toEqual(['Monsoon arrives early in Dhaka', 'Second monsoon story']);
  });

  it('shows author, tag, static, home and search pages', async () => {
    for (const [url, text] of [
      ['/author/meera-nair', 'Covers South Asia.'],
      ['/tag/monsoon', 'Stories about Monsoon'],
      ['/about', 'Paragraph 1 of the story.'],
      ['/', 'Monsoon arrives early in Dhaka'],
      ['/search?q=monsoon+dhaka', '<mark>Monsoon</mark> arrives early in <mark>Dhaka</mark>'],
      ['/search?q=zebra', 'Nothing matched'],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain(text);
      expect(dom(res.body).all((e) => e.name === 'h1'), url).toHaveLength(1);
    }
  });

  it('answers odd and hostile URLs with the 404 page or a 4xx, never a 500', async () => {
    for (const url of ['/nope', '/world/asia/nope', '/author/nobody', '/tag/nothing', '/world/%E0%A4%A', '/world/..%2f..%2fetc%2fpasswd', '/../../etc/passwd', `/${'a'.repeat(2000)}`, '/world?page=0', '/world?page=abc', '/world?page=99999', '/world?page=40', '/WORLD', '/world/<script>', '/tag/%00']) {
      const res = await get(url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
      if (res.headers['content-type']?.toString().includes('html')) expect(res.body, url).not.toContain('<script>alert');
    }
    const notFound = await get('/nope');
    expect(notFound.statusCode).toBe(404);
    expect(notFound.body).toContain('Page not found');
    expect(notFound.body).toContain('masthead__name');
  });

  it('ignores tracking parameters', async () => {
    expect((await get('/world?utm_source=whatsapp&fbclid=x')).statusCode).toBe(200);
  });

  it('escapes what a reader types into search', async () => {
    const res = await get('/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert(1)');
    expect(res.body).toContain('&lt;script&gt;alert(1)');
  });

  it('sends cache headers with surrogate keys, and answers If-None-Match with 304', async () => {
    const res = await get(story.path);
    expect(res.headers['cache-control']).toMatch(/s-maxage=\d+/);
    expect(String(res.headers['surrogate-key'])).toContain(`article:${story.id}`);
    const again = await t.server.inject({ url: story.path, headers: { 'if-none-match': String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('serves the reader script with a long cache lifetime', async () => {
    const home = await get('/');
    const src = /<script src="(\/assets\/site\.[0-9a-f]+\.js)" defer>/.exec(home.body)?.[1];
    expect(src).toBeTruthy();
    const js = await get(src!);
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toContain('immutable');
    expect(js.body).toContain('navigator.share');
  });
});
