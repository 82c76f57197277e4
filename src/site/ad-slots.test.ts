/** Ad slots on reader pages: reserved, labelled, described for the ad script, and the same for every reader. */
import { Script } from 'node:vm';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Element } from 'domhandler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { SYSTEM_ACTOR } from '../features/articles/index.js';
import { AD_SLOTS, slotSizes } from '../features/ads/index.js';
import { AD_KIND_SIZES, adSlot, renderDocument, type FrameModel } from './frame.js';
import { ADS_JS } from './assets/ads-js.js';
import { buildSiteAssets, minifyJs } from './assets.js';

const para = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });
const body = (n: number) => ({ type: 'doc' as const, version: 1 as const, content: Array.from({ length: n }, (_, i) => para(`Paragraph ${i + 1}.`)) });

function dom(html: string) {
  const doc = parseDocument(html);
  const all = (pred: (e: Element) => boolean) => DomUtils.findAll(pred, doc.children);
  return { all, slots: all((e) => e.attribs['data-ad-slot'] !== undefined) };
}

function adContext(html: string): unknown {
  const meta = dom(html).all((e) => e.name === 'meta' && e.attribs['name'] === 'dl-ad-context')[0];
  return meta ? JSON.parse(meta.attribs['content'] ?? '') : undefined;
}

describe('ad slots on reader pages', () => {
  let t: TestApp;
  let sectionId: number;
  let storyPath: string;

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    const s = t.services;
    const business = await s.sections.create({ slug: 'business', name: 'Business', position: 1 });
    const sport = await s.sections.create({ slug: 'sport', name: 'Sport', position: 2 });
    await s.sections.create({ slug: 'city', name: 'City', position: 3 });
    sectionId = business.id;
    const tag = await s.tags.create({ name: 'Gold "prices" & <rates>' });
    const published = { status: 'published' as const, publishedAt: new Date(Date.now() - 3_600_000).toISOString() };
    const a = await s.articles.create({ headline: 'Gold climbs before Dhanteras', body: body(9), sectionId: business.id, tagIds: [tag.id], ...published }, SYSTEM_ACTOR);
    storyPath = a.path;
    await s.articles.create({ headline: 'Kohli scores a century', body: body(3), sectionId: sport.id, ...published }, SYSTEM_ACTOR);
  });
  afterAll(async () => {
    await t.close();
  });

  it('declares the sizes each slot may serve, as the advertising feature knows them', () => {
    expect(AD_KIND_SIZES.leaderboard).toEqual(AD_SLOTS.top.sizes);
    expect(AD_KIND_SIZES.rectangle).toEqual(AD_SLOTS.rail.sizes);
    expect(AD_KIND_SIZES.rectangle).toEqual(slotSizes('in-article-3'));
  });

  it('gives a story page a labelled top, rail and in-article slots with their sizes, and its context', async () => {
    const res = await t.server.inject({ url: storyPath });
    const { slots } = dom(res.body);
    expect(slots.map((e) => [e.attribs['data-ad-slot'], e.attribs['data-ad-sizes']])).toEqual([
      ['top', '728x90 320x50'],
      ['in-article-1', '300x250'],
      ['in-article-2', '300x250'],
      ['rail', '300x250'],
    ]);
    for (const slot of slots) expect(DomUtils.textContent(slot)).toMatch(/^Advertisement/);
    expect(adContext(res.body)).toEqual({ type: 'article', sectionId, language: 'en-in', keywords: ['Gold "prices" & <rates>'] });
    // The keyword is inside an attribute: escaped, never markup.
    expect(res.body).toContain('&quot;Gold \\&quot;prices\\&quot; &amp; &lt;rates&gt;&quot;');
  });

  it('bounds the context as the fill endpoint accepts it: keywords of at most 100 characters', async () => {
    const s = t.services;
    const long = await s.tags.create({ name: 'L'.repeat(120) });
    const a = await s.articles.create(
      { headline: 'A story with a long topic', body: body(2), sectionId, tagIds: [long.id], status: 'published', publishedAt: new Date(Date.now() - 60_000).toISOString() },
      SYSTEM_ACTOR,
    );
    expect(adContext((await t.server.inject({ url: a.path })).body)).toMatchObject({ keywords: ['L'.repeat(100)] });
  });

  it('says which page type and section each page is', async () => {
    expect(adContext((await t.server.inject({ url: '/' })).body)).toMatchObject({ type: 'home', sectionId: null });
    expect(adContext((await t.server.inject({ url: '/business' })).body)).toMatchObject({ type: 'section', sectionId, keywords: [] });
    expect(adContext((await t.server.inject({ url: '/search?q=gold' })).body)).toMatchObject({ type: 'other', sectionId: null });
    const home = dom((await t.server.inject({ url: '/' })).body);
    expect(home.slots.map((e) => e.attribs['data-ad-slot'])).toEqual(['top', 'home-1', 'home-2']);
  });

  it('loads the ad script deferred after the content, only on pages with slots', async () => {
    const { adsJsPath } = buildSiteAssets();
    const story = await t.server.inject({ url: storyPath });
    const scripts = dom(story.body).all((e) => e.name === 'script' && e.attribs['src'] === adsJsPath);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.attribs['defer']).toBe('');
    expect(story.body.indexOf(adsJsPath)).toBeGreaterThan(story.body.indexOf('class="site-footer"'));
    const missing = await t.server.inject({ url: '/no-such-page' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain('data-ad-slot');
    expect(missing.body).not.toContain(adsJsPath);
    expect(missing.body).not.toContain('dl-ad-context');
  });

  it('serves the ad script small and cached for a year, with no third-party host unless a slot needs it', async () => {
    const { adsJsPath } = buildSiteAssets();
    const res = await t.server.inject({ url: adsJsPath });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Buffer.byteLength(res.body)).toBeLessThanOrEqual(4096);
    expect(res.body).toContain("'/ads/fill'");
    expect(res.body).not.toMatch(/^\s*\/\//m);
    // Minified, it is still the same program: it parses.
    expect(() => new Script(res.body)).not.toThrow();
    // The network script is only ever added from inside the code path for a network ad.
    expect(ADS_JS.indexOf('securepubads')).toBeGreaterThan(ADS_JS.indexOf('function network('));
  });

  it('serves the same page to every reader: nothing in it depends on who asks', async () => {
    const a = await t.server.inject({ url: storyPath, headers: { cookie: 'dl_ad=reader-one', 'user-agent': 'Phone/1.0' } });
    const b = await t.server.inject({ url: storyPath, headers: { cookie: 'dl_ad=reader-two', 'user-agent': 'Desktop/2.0', 'accept-language': 'hi-IN' } });
    expect(a.statusCode).toBe(200);
    expect(b.body).toBe(a.body);
    expect(a.headers['cache-control']).toMatch(/^public/);
    expect(a.headers['set-cookie']).toBeUndefined();
  });
});

describe('minifyJs', () => {
  it('drops comment lines, indentation and spaces between symbols, never inside strings or between words', () => {
    const src = "  // a comment\n  var a = 'x  y', b = \"p // q\";\n  if (a) { return typeof b; }\n";
    expect(minifyJs(src)).toBe("var a='x  y',b=\"p // q\";\nif(a){return typeof b;}");
  });

  it('leaves escaped quotes inside strings alone', () => {
    expect(minifyJs("var s = 'it\\'s  fine';")).toBe("var s='it\\'s  fine';");
  });
});

describe('renderDocument and ads', () => {
  const frame: FrameModel = {
    siteName: 'The Daily Lamp',
    tagline: '',
    lang: 'en-IN',
    today: { iso: '2026-11-29', label: 'Sunday, 29 November 2026' },
    utilityLinks: [],
    social: {},
    nav: [],
    bottomCurrent: null,
    css: '',
    jsPath: '/assets/site.x.js',
    adsJsPath: '/assets/ads.y.js',
    adContext: { type: 'other', sectionId: null, language: 'en-in', keywords: [] },
    iconPath: '/assets/icon.z.svg',
  };

  it('keeps the house promotions but loads no ad script when told not to fill (staff previews)', () => {
    const page = renderDocument(frame, { title: 'Preview' }, adSlot('rectangle', 'in-article-1'), { fillAds: false });
    expect(page).toContain('data-ad-slot="in-article-1"');
    expect(page).toContain('class="house"');
    expect(page).not.toContain('/assets/ads.y.js');
    expect(page).not.toContain('dl-ad-context');
    expect(renderDocument(frame, { title: 'Page' }, adSlot('rectangle', 'in-article-1'))).toContain('<script src="/assets/ads.y.js" defer></script>');
  });

  it('links "Advertise with us" from the footer once, whether or not the utility links have it', () => {
    const count = (html: string) => html.split('href="/advertise"').length - 1;
    expect(count(renderDocument(frame, { title: 'Page' }, adSlot('rectangle', 'home-1')))).toBe(1);
    const withLink = { ...frame, utilityLinks: [{ label: 'Advertise with us', href: '/advertise' }] };
    // Once in the utility bar, once in the footer's copy of the utility links.
    expect(count(renderDocument(withLink, { title: 'Page' }, adSlot('rectangle', 'home-1')))).toBe(2);
  });
});
