/**
 * Accessibility proof for the reader site (issue 3, item 5): axe-core finds no
 * violations on every kind of reader page at phone and desktop sizes, the skip
 * link works, keyboard focus is always visible, and the phone bottom bar can
 * be reached and used from the keyboard.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, browserMissing, evalJson, launchBrowser, startDemoSite, watchProblems, type DemoSite } from './browser.js';
import { axeViolations, describeViolations } from './axe.js';

interface Focused {
  inside: string;
  tag: string;
  text: string;
  href: string | null;
  indicator: boolean;
  onScreen: boolean;
}
/** What has keyboard focus, and whether the user can see where it is. */
const FOCUSED = `
  const el = document.activeElement; if (!el || el === document.body) return null;
  const cs = getComputedStyle(el); const r = el.getBoundingClientRect();
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
  const region = el.closest('nav.bottom-bar') ? 'bottom-bar' : el.closest('main') ? 'main' : el.closest('header, nav, footer, aside')?.tagName.toLowerCase() ?? 'body';
  return { inside: region, tag: el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : ''),
           text: (el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 40), href: el.getAttribute('href'),
           indicator: outline || cs.boxShadow !== 'none',
           onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth };`;

async function firstHref(page: Page, selector: string): Promise<string | null> {
  const links = page.locator(selector);
  return (await links.count()) > 0 ? links.first().getAttribute('href') : null;
}

const JOURNEY_MS = 180_000;

describe.skipIf(browserMissing())('reader site accessibility', () => {
  let site: DemoSite;
  let browser: Browser;
  /** One page of each kind, discovered from the demo paper itself. */
  let pages: string[];
  beforeAll(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
    const context = await browser.newContext({ ...DESKTOP, baseURL: site.url });
    const page = await context.newPage();
    await page.goto('/');
    context.setDefaultTimeout(5_000);
    context.setDefaultNavigationTimeout(30_000);
    const story = await firstHref(page, 'main article.card .card__headline a[href]');
    await page.goto(story ?? '/');
    const author = (await firstHref(page, 'a[href^="/author/"]')) ?? '/author/meera-sabharwal';
    const tag = (await firstHref(page, 'ul.story__tags a[href^="/tag/"]')) ?? '/tag/no-tag-found';
    await context.close();
    pages = ['/', '/world', story ?? '/story-not-found-on-home', author, tag, '/about', '/opinion', '/videos', '/search?q=city'];
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  async function open(options: BrowserContextOptions): Promise<{ page: Page; problems: string[]; close(): Promise<void> }> {
    const context = await browser.newContext({ ...options, baseURL: site.url });
    context.setDefaultTimeout(5_000);
    context.setDefaultNavigationTimeout(30_000);
    const problems = watchProblems(context);
    return { page: await context.newPage(), problems: problems.list, close: () => context.close() };
  }

  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)('axe-core reports no violations on home, section, story, author, tag, static and other reader pages (%s)', async (_name, device) => {
    const { page, problems, close } = await open(device);
    const found: string[] = [];
    for (const path of pages) {
      const res = await page.goto(path, { waitUntil: 'load' });
      expect(res?.status(), `GET ${path}`).toBe(200);
      found.push(...describeViolations(path, await axeViolations(page)));
    }
    expect(found).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  }, JOURNEY_MS);

  it('offers a skip link as the first Tab stop that takes keyboard users into the main content', async () => {
    const { page, problems, close } = await open(DESKTOP);
    await page.goto(pages[2]!);
    await page.keyboard.press('Tab');
    const skip = await evalJson<Focused | null>(page, FOCUSED);
    expect(skip?.tag, 'first Tab stop').toBe('a.skip-link');
    expect(skip?.onScreen, 'the skip link is visible when focused').toBe(true);
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
    await page.keyboard.press('Tab');
    expect((await evalJson<Focused | null>(page, FOCUSED))?.inside, 'the next Tab stop is inside main').toBe('main');
    expect(problems).toEqual([]);
    await close();
  }, JOURNEY_MS);

  it('always shows where keyboard focus is', async () => {
    const { page, problems, close } = await open(DESKTOP);
    const invisible: string[] = [];
    for (const path of ['/', pages[2]!]) {
      await page.goto(path);
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const f = await evalJson<Focused | null>(page, FOCUSED);
        if (f && !f.indicator) invisible.push(`${path}: Tab stop ${i + 1} ${f.tag} "${f.text}" (${f.href ?? ''}) has no outline or box-shadow`);
      }
    }
    expect(invisible).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  }, JOURNEY_MS);

  it('lets a keyboard user reach and use the phone bottom bar', async () => {
    const { page, problems, close } = await open(PHONE);
    await page.goto('/');
    let focused: Focused | null = null;
    for (let i = 0; i < 400 && focused?.inside !== 'bottom-bar'; i++) {
      await page.keyboard.press('Tab');
      focused = await evalJson<Focused | null>(page, FOCUSED);
    }
    expect(focused?.inside, 'Tab reaches the bottom bar').toBe('bottom-bar');
    expect(focused?.href, 'the first bottom bar stop is Home').toBe('/');
    expect(focused?.indicator, 'the focused bottom bar item shows focus').toBe(true);
    expect(focused?.onScreen, 'the focused bottom bar item is on screen').toBe(true);
    await page.keyboard.press('Tab');
    expect((await evalJson<Focused | null>(page, FOCUSED))?.href, 'the next stop is Opinion').toBe('/opinion');
    await Promise.all([page.waitForURL((u) => u.pathname === '/opinion'), page.keyboard.press('Enter')]);
    expect(await page.locator('nav.bottom-bar a[href="/opinion"]').getAttribute('aria-current')).toBe('page');
    expect(problems).toEqual([]);
    await close();
  }, JOURNEY_MS);
});
