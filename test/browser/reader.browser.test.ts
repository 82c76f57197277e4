/**
 * A reader's journeys through the demo paper in a real browser: the page
 * anatomy of docs/site-anatomy.md, the phone layout, reading without
 * JavaScript, no layout shift, and error pages that still look like the paper.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, browserMissing, evalJson, launchBrowser, startDemoSite, watchProblems, type DemoSite, type Problems } from './browser.js';
import { expectBottomBar, expectFrame, expectNoSidewaysScroll, expectStoryAnatomy, expectVisible } from './anatomy.js';

/** A journey visits many pages, each checked element by element over CDP: well past vitest's 30 s default. */
const JOURNEY_MS = 180_000;

describe.skipIf(browserMissing())('the reader site in a browser', () => {
  let site: DemoSite;
  let browser: Browser;
  beforeAll(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  /** A fresh context per journey; every journey ends by asserting the browser saw no errors. */
  async function open(options: BrowserContextOptions): Promise<{ page: Page; problems: Problems; close(): Promise<void> }> {
    const context = await browser.newContext({ ...options, baseURL: site.url });
    // Pages are server-rendered: an element missing after load will not appear later, so fail fast.
    context.setDefaultTimeout(5_000);
    context.setDefaultNavigationTimeout(30_000);
    const problems = watchProblems(context);
    const page = await context.newPage();
    return { page, problems, close: () => context.close() };
  }
  async function visit(page: Page, path: string, status = 200): Promise<void> {
    const res = await page.goto(path, { waitUntil: 'load' });
    expect(res?.status(), `GET ${path}`).toBe(status);
  }
  /** Story URLs linked from the home page's cards, in page order, without duplicates. */
  async function storyLinks(page: Page): Promise<string[]> {
    const hrefs = await evalJson<string[]>(page, `return [...document.querySelectorAll('main article.card .card__headline a[href]')].map((a) => a.getAttribute('href'));`);
    return [...new Set(hrefs.filter((h) => h.startsWith('/')))];
  }

  it('opens home, follows a story, and shows every part of the frame and the story anatomy', async () => {
    const { page, problems, close } = await open(DESKTOP);
    await visit(page, '/');
    await expectFrame(page, 'desktop');
    expect((await storyLinks(page)).length, 'home lists stories').toBeGreaterThan(5);
    await expectHomeAdSlots(page);

    const first = page.locator('main article.card .card__headline a[href]').first();
    const target = await first.getAttribute('href');
    await Promise.all([page.waitForURL((u) => u.pathname === target), first.click()]);
    await page.waitForLoadState('load');
    await expectFrame(page, 'desktop');
    await expectStoryAnatomy(page, 'desktop');
    expect(problems.list).toEqual([]);
    await close();
  }, JOURNEY_MS);

  it('gives a story from every section on home the full story anatomy (staff, agency, opinion and video stories)', async () => {
    const { page, problems, close } = await open(DESKTOP);
    await visit(page, '/');
    // One story per top-level section covers each kind of story without visiting them all.
    const bySection = new Map<string, string>();
    for (const href of await storyLinks(page)) {
      const section = href.split('/')[1] ?? '';
      if (!bySection.has(section)) bySection.set(section, href);
    }
    expect(bySection.size, `sections with stories on home: ${[...bySection.keys()].join(', ')}`).toBeGreaterThanOrEqual(5);
    for (const href of bySection.values()) {
      await visit(page, href);
      await expectStoryAnatomy(page, 'desktop');
    }
    expect(problems.list).toEqual([]);
    await close();
  }, JOURNEY_MS);

  it('shows the frame on section, author, tag, opinion, videos, static and search pages', async () => {
    const { page, problems, close } = await open(DESKTOP);
    await visit(page, '/');
    await visit(page, (await storyLinks(page))[0]!);
    const author = page.locator('a[rel="author"][href^="/author/"]');
    const tag = page.locator('ul.story__tags a[href^="/tag/"]');
    expect(await tag.count(), 'the first story has tag links').toBeGreaterThan(0);
    const authorPage = (await author.count()) > 0 ? await author.first().getAttribute('href') : '/author/meera-sabharwal';
    const tagPage = await tag.first().getAttribute('href');
    for (const path of ['/world', '/world/asia', '/opinion', '/videos', authorPage!, tagPage!, '/about', '/search?q=city']) {
      await visit(page, path);
      await expectFrame(page, 'desktop');
      expect(await page.locator('h1').count(), `${path}: exactly one h1`).toBe(1);
    }
    await visit(page, '/world');
    expect(await page.locator('nav.sections a[href="/world"]').getAttribute('aria-current'), '/world: section nav marks World').toBe('page');
    expect(problems.list).toEqual([]);
    await close();
  }, JOURNEY_MS);

  it('on a 375×812 phone shows the fixed bottom bar, marks the current item and never scrolls sideways', async () => {
    const { page, problems, close } = await open(PHONE);
    await visit(page, '/');
    await expectFrame(page, 'phone');
    await expectBottomBar(page, '/');
    await expectNoSidewaysScroll(page);
    const story = (await storyLinks(page))[0]!;
    for (const path of ['/world', story, '/about', '/search?q=city']) {
      await visit(page, path);
      await expectFrame(page, 'phone');
      await expectNoSidewaysScroll(page);
    }
    await visit(page, story);
    await expectStoryAnatomy(page, 'phone');
    await expectBottomBar(page, null);
    for (const current of ['/opinion', '/classifieds', '/videos', '/epaper']) {
      await visit(page, current);
      await expectBottomBar(page, current);
      await expectNoSidewaysScroll(page);
    }
    expect(problems.list).toEqual([]);
    await close();
  }, JOURNEY_MS);

  it('can be read with JavaScript switched off', async () => {
    const { page, problems, close } = await open({ ...PHONE, javaScriptEnabled: false });
    await visit(page, '/');
    expect(await page.locator('main article.card').count(), 'home cards without JS').toBeGreaterThan(5);
    const story = (await storyLinks(page))[0]!;
    await visit(page, story);
    await expectVisible(page, 'h1.story__headline');
    await expectVisible(page, 'figure.story__image img');
    const paragraphs = page.locator('.story__body > p');
    expect(await paragraphs.count(), 'story paragraphs without JS').toBeGreaterThan(2);
    expect(await paragraphs.last().isVisible(), 'the last paragraph is readable without JS').toBe(true);
    await expectVisible(page, 'nav.bottom-bar');
    expect(problems.list).toEqual([]);
    await close();
  }, JOURNEY_MS);

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const)('does not shift the layout while a story loads and scrolls (%s)', async (_name, device) => {
    const { page, problems, close } = await open(device);
    await page.addInitScript(CLS_OBSERVER);
    await visit(page, '/');
    await visit(page, (await storyLinks(page))[0]!);
    await page.evaluate('document.fonts.ready');
    const height = await evalJson<number>(page, 'return document.documentElement.scrollHeight;');
    for (let y = 0; y <= height; y += 300) {
      await page.evaluate(`scrollTo(0, ${y})`);
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(500);
    const cls = await evalJson<{ total: number; shifts: Array<{ value: number; sources: string[] }> }>(page, 'return window.__cls;');
    expect(cls.total, `layout shifts: ${JSON.stringify(cls.shifts)}`).toBe(0);
    expect(problems.list).toEqual([]);
    await close();
  }, JOURNEY_MS);

  it('answers an unknown URL with a 404 page that looks like the site', async () => {
    const { page, problems, close } = await open(DESKTOP);
    for (const path of ['/no-such-page-anywhere', '/world/no-such-story', '/author/nobody-here', '/tag/no-such-tag']) {
      problems.expectStatus(`${site.url}${path}`, 404);
      await visit(page, path, 404);
      await expectFrame(page, 'desktop', { ads: false });
      expect(await page.locator('main#main h1').count(), `${path}: the not-found page has a heading`).toBe(1);
    }
    expect(problems.list).toEqual([]);
    await close();
  }, JOURNEY_MS);

  it('answers an unpublished or killed story with a 410 page that looks like the site', async () => {
    const { page, problems, close } = await open(DESKTOP);
    await visit(page, '/sports');
    const links = await storyLinks(page);
    expect(links.length, '/sports lists stories').toBeGreaterThan(1);
    for (const [href, action] of [
      [links.at(-1)!, 'unpublish'],
      [links.at(-2)!, 'kill'],
    ] as const) {
      // Read the id without the browser: a page this browser has seen may be reused from its cache (max-age), as for any reader.
      const id = /data-article-id="(\d+)"/.exec(await (await fetch(`${site.url}${href}`)).text())?.[1];
      expect(id, `${href}: article.story[data-article-id]`).toBeDefined();
      const res = await fetch(`${site.url}/api/admin/articles/${id}/${action}`, { method: 'POST', headers: { authorization: `Bearer ${site.token}` } });
      expect(res.status, `${action} story ${id}`).toBe(200);
      problems.expectStatus(`${site.url}${href}`, 410);
      await visit(page, href, 410);
      await expectFrame(page, 'desktop', { ads: false });
      expect(await page.locator('article.story').count(), `${href}: the removed story is not shown`).toBe(0);
    }
    expect(problems.list).toEqual([]);
    await close();
  }, JOURNEY_MS);
});

/** The home page carries at least one labelled in-page ad slot besides the leaderboard. */
async function expectHomeAdSlots(page: Page): Promise<void> {
  expect(await page.locator('main .ad-slot[data-ad-slot^="home-"]').count(), '/: home-N ad slots').toBeGreaterThan(0);
}

/** Sums layout-shift entries not caused by input, from the very start of the document (buffered). */
const CLS_OBSERVER = `
  window.__cls = { total: 0, shifts: [] };
  const describe = (n) => n && n.nodeType === 1 ? n.tagName.toLowerCase() + (n.id ? '#' + n.id : '') + (typeof n.className === 'string' && n.className ? '.' + n.className.trim().split(/\\s+/).join('.') : '') : String(n && n.nodeName);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__cls.total += e.value;
      window.__cls.shifts.push({ value: e.value, sources: (e.sources || []).map((s) => describe(s.node)) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;
