/**
 * Checks of the reader-page anatomy in docs/site-anatomy.md, shared by the
 * browser journeys. Each assertion names the page and the hook it looked for,
 * so a failure reads as "what the site is missing", not as a stack trace.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { evalJson } from './browser.js';

/** The utility links every page carries (issue 3, item 1), in the demo paper's wording. */
export const UTILITY_LINKS: ReadonlyArray<readonly [href: string, label: string]> = [
  ['/subscribe', 'Subscribe to print edition'],
  ['/about', 'About us'],
  ['/code-of-ethics', 'Code of ethics'],
  ['/app', 'Download app'],
  ['/advertise', 'Advertise with us'],
  ['/classifieds', 'Classifieds'],
];
/** The demo paper's configured social profiles. */
export const DEMO_SOCIAL = [
  'https://www.facebook.com/dailydateline',
  'https://www.instagram.com/dailydateline',
  'https://x.com/dailydateline',
  'https://www.youtube.com/@dailydateline',
  'https://whatsapp.com/channel/0029VaDailyDateline1924',
];
export const TOP_SECTIONS = ['/nation', '/world', '/city', '/business', '/sports', '/opinion', '/videos'];
export const BOTTOM_BAR: ReadonlyArray<readonly [href: string, label: string]> = [
  ['/', 'Home'],
  ['/opinion', 'Opinion'],
  ['/classifieds', 'Classifieds'],
  ['/videos', 'Videos'],
  ['/epaper', 'E-Paper'],
];

const squash = (s: string | null): string => (s ?? '').replace(/\s+/g, ' ').trim();
const where = (page: Page): string => new URL(page.url()).pathname;

export async function expectVisible(page: Page, selector: string, scope?: Locator): Promise<Locator> {
  const loc = (scope ?? page.locator(':root')).locator(selector).first();
  expect(await loc.isVisible(), `${where(page)}: expected a visible ${selector}`).toBe(true);
  return loc;
}

/** Width and height of an element's box, rounded (sub-pixel layout should not fail a size check). */
async function size(page: Page, loc: Locator, what: string): Promise<{ width: number; height: number }> {
  const box = await loc.boundingBox();
  expect(box, `${where(page)}: ${what} has no layout box`).not.toBeNull();
  return { width: Math.round(box!.width), height: Math.round(box!.height) };
}

/**
 * An ad slot: visibly labelled "Advertisement" and holding at least its reserved size even when empty.
 * The element is not pinned: an <aside> nested in <main> is an axe violation (landmark-complementary-is-top-level).
 */
export async function expectAdSlot(page: Page, slot: Locator, minWidth: number, minHeight: number): Promise<void> {
  const name = `ad slot [data-ad-slot="${String(await slot.getAttribute('data-ad-slot'))}"]`;
  expect(await slot.isVisible(), `${where(page)}: ${name} visible`).toBe(true);
  expect(squash(await slot.locator('.ad-slot__label').first().textContent()), `${where(page)}: ${name} .ad-slot__label`).toBe('Advertisement');
  const frame = slot.locator('.ad-slot__frame').first();
  const { width, height } = await size(page, frame, `${name} .ad-slot__frame`);
  expect(width, `${where(page)}: ${name} .ad-slot__frame width`).toBeGreaterThanOrEqual(minWidth);
  expect(height, `${where(page)}: ${name} .ad-slot__frame height`).toBeGreaterThanOrEqual(minHeight);
}

/** Today's date in the paper's time zone, as the masthead's `datetime` should carry it. */
function todayIn(timeZone: string): string[] {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  // Either side of midnight while the test runs is fine.
  return [fmt.format(new Date(Date.now() - 60_000)), fmt.format(new Date()), fmt.format(new Date(Date.now() + 60_000))];
}

/** The frame every reader page shares: skip link, utility bar, masthead, leaderboard, main, footer, bottom bar. */
export async function expectFrame(page: Page, device: 'desktop' | 'phone', options: { ads?: boolean } = {}): Promise<void> {
  const at = where(page);
  const skip = page.locator('a.skip-link');
  expect(await skip.count(), `${at}: one a.skip-link`).toBe(1);
  expect(await skip.getAttribute('href'), `${at}: a.skip-link href`).toBe('#main');
  expect(await page.locator('main#main').count(), `${at}: one main#main`).toBe(1);

  const utility = await expectVisible(page, 'nav.utility[aria-label="Utility"]');
  for (const [href, label] of UTILITY_LINKS) {
    const link = await expectVisible(page, `.utility__links a[href="${href}"]`, utility);
    expect(squash(await link.textContent()), `${at}: utility link ${href}`).toBe(label);
  }
  const search = await expectVisible(page, 'form.search-form[role="search"]', utility);
  expect(await search.getAttribute('action'), `${at}: search form action`).toBe('/search');
  expect((await search.getAttribute('method'))?.toLowerCase() ?? 'get', `${at}: search form method`).toBe('get');
  await expectVisible(page, 'input[name="q"][type="search"]', search);
  // Phones have no room for the profile icons in the top bar; there they must be in the bar's markup and visible in the footer.
  for (const href of DEMO_SOCIAL) {
    if (device === 'desktop') await expectVisible(page, `.utility__social a[href="${href}"]`, utility);
    else expect(await utility.locator(`.utility__social a[href="${href}"]`).count(), `${at}: utility bar social link ${href}`).toBe(1);
  }

  const masthead = await expectVisible(page, 'header.masthead');
  const name = await expectVisible(page, 'a.masthead__name', masthead);
  expect(await name.getAttribute('href'), `${at}: masthead name links home`).toBe('/');
  expect(squash(await name.textContent()), `${at}: masthead name`).toBe('The Daily Dateline');
  const date = await expectVisible(page, 'time.masthead__date', masthead);
  expect(todayIn('Asia/Kolkata'), `${at}: masthead date is today in the paper's time zone`).toContain(await date.getAttribute('datetime'));
  expect(squash(await date.textContent()).length, `${at}: masthead date text`).toBeGreaterThan(5);
  const sections = await expectVisible(page, 'nav.sections[aria-label="Sections"]', masthead);
  for (const href of TOP_SECTIONS) {
    const link = sections.locator(`a[href="${href}"]`);
    expect(await link.count(), `${at}: section nav links ${href}`).toBe(1);
    if (device === 'desktop') expect(await link.isVisible(), `${at}: section nav ${href} visible on desktop`).toBe(true);
  }

  if (options.ads !== false) {
    const top = page.locator('.ad-slot.ad-slot--leaderboard[data-ad-slot="top"]');
    expect(await top.count(), `${at}: one top leaderboard ad slot`).toBe(1);
    await expectAdSlot(page, top, device === 'desktop' ? 728 : 320, device === 'desktop' ? 90 : 50);
  }

  const footer = await expectVisible(page, 'footer.site-footer');
  for (const [href] of UTILITY_LINKS) expect(await footer.locator(`a[href="${href}"]`).count(), `${at}: footer links ${href}`).toBeGreaterThan(0);
  for (const href of DEMO_SOCIAL) expect(await footer.locator(`a[href="${href}"]`).first().isVisible(), `${at}: footer social ${href} visible`).toBe(true);
  expect(await footer.textContent(), `${at}: footer copyright`).toMatch(/©|copyright/i);

  const bar = page.locator('nav.bottom-bar[aria-label="Quick links"]');
  expect(await bar.count(), `${at}: one nav.bottom-bar`).toBe(1);
  expect(await bar.isVisible(), `${at}: bottom bar visible only on phones (${device})`).toBe(device === 'phone');
}

/** The phone bottom bar: five labelled items with hidden icons, fixed to the bottom, the current one marked. */
export async function expectBottomBar(page: Page, current: string | null): Promise<void> {
  const at = where(page);
  const bar = page.locator('nav.bottom-bar');
  const links = bar.locator('a');
  expect(await links.count(), `${at}: bottom bar items`).toBe(BOTTOM_BAR.length);
  for (const [i, [href, label]] of BOTTOM_BAR.entries()) {
    const link = links.nth(i);
    expect(await link.getAttribute('href'), `${at}: bottom bar item ${i + 1} href`).toBe(href);
    expect(squash(await link.textContent()), `${at}: bottom bar item ${i + 1} label`).toBe(label);
    expect(await link.locator('svg[aria-hidden="true"]').count(), `${at}: bottom bar ${label} icon hidden from screen readers`).toBe(1);
    expect(await link.getAttribute('aria-current'), `${at}: bottom bar ${label} aria-current`).toBe(href === current ? 'page' : null);
    const { height } = await size(page, link, `bottom bar ${label}`);
    expect(height, `${at}: bottom bar ${label} is a comfortable touch target`).toBeGreaterThanOrEqual(44);
  }
  const placed = await evalJson<{ position: string; bottom: number; innerHeight: number }>(
    page,
    `const bar = document.querySelector('nav.bottom-bar'); const r = bar.getBoundingClientRect();
     return { position: getComputedStyle(bar).position, bottom: Math.round(r.bottom), innerHeight: innerHeight };`,
  );
  expect(placed.position, `${at}: bottom bar position`).toBe('fixed');
  expect(Math.abs(placed.bottom - placed.innerHeight), `${at}: bottom bar sits on the bottom edge`).toBeLessThanOrEqual(1);
  // Scrolled to the very end, the bar must not cover the footer's last line.
  const covered = await evalJson<{ footerBottom: number; barTop: number }>(
    page,
    `scrollTo(0, document.documentElement.scrollHeight);
     const f = document.querySelector('footer.site-footer').getBoundingClientRect();
     const b = document.querySelector('nav.bottom-bar').getBoundingClientRect();
     return { footerBottom: Math.round(f.bottom), barTop: Math.round(b.top) };`,
  );
  expect(covered.footerBottom, `${at}: footer ends above the bottom bar when scrolled to the end`).toBeLessThanOrEqual(covered.barTop + 1);
  await page.evaluate('scrollTo(0, 0)');
}

export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const m = await evalJson<{ scrollWidth: number; innerWidth: number; widest: string }>(
    page,
    `const w = innerWidth; let widest = '';
     for (const el of document.body.querySelectorAll('*')) {
       const r = el.getBoundingClientRect();
       if (r.right > w + 1 && !widest) widest = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' right=' + Math.round(r.right);
     }
     return { scrollWidth: document.documentElement.scrollWidth, innerWidth: w, widest };`,
  );
  expect(m.scrollWidth, `${where(page)}: page scrolls sideways (first element past the edge: ${m.widest || 'none'})`).toBeLessThanOrEqual(m.innerWidth);
}

export async function canonicalUrl(page: Page): Promise<string> {
  const links = page.locator('link[rel="canonical"]');
  expect(await links.count(), `${where(page)}: one link[rel=canonical]`).toBe(1);
  const href = await links.getAttribute('href');
  expect(href, `${where(page)}: canonical is absolute`).toMatch(/^https?:\/\//);
  return href!;
}

/** Everything docs/site-anatomy.md lists for a story page, checked against the rendered page. */
export async function expectStoryAnatomy(page: Page, device: 'desktop' | 'phone'): Promise<void> {
  const at = where(page);
  const story = await expectVisible(page, 'article.story');
  expect(await story.getAttribute('data-article-id'), `${at}: article.story[data-article-id]`).toMatch(/^\d+$/);

  const crumbs = story.locator('nav.breadcrumbs[aria-label="Breadcrumb"] ol li a');
  expect(await crumbs.count(), `${at}: breadcrumb links`).toBeGreaterThan(0);
  const label = await expectVisible(page, 'a.story__section', story);
  expect(squash(await label.textContent()).length, `${at}: section label text`).toBeGreaterThan(0);
  expect(await label.getAttribute('href'), `${at}: section label links to the last breadcrumb`).toBe(await crumbs.last().getAttribute('href'));

  expect(await page.locator('h1').count(), `${at}: exactly one h1`).toBe(1);
  const h1 = await expectVisible(page, 'h1.story__headline', story);
  const headline = squash(await h1.textContent());
  expect(headline.length, `${at}: headline text`).toBeGreaterThan(10);
  await expectVisible(page, 'p.story__standfirst', story);

  const canonical = await canonicalUrl(page);
  expect(canonical, `${at}: canonical URL is this page's URL`).toBe(page.url().split(/[?#]/)[0]);
  const share = await expectVisible(page, 'div.share', story);
  expect(await share.getAttribute('data-share-url'), `${at}: .share[data-share-url]`).toBe(canonical);
  expect(squash(await share.getAttribute('data-share-title')), `${at}: .share[data-share-title]`).toBe(headline);
  const href = async (sel: string): Promise<URL> => new URL((await (await expectVisible(page, sel, share)).getAttribute('href')) ?? '');
  const fb = await href('a.share__facebook');
  expect(`${fb.origin}${fb.pathname}`, `${at}: Facebook share URL`).toBe('https://www.facebook.com/sharer/sharer.php');
  expect(fb.searchParams.get('u'), `${at}: Facebook share carries the canonical URL`).toBe(canonical);
  const x = await href('a.share__x');
  expect(`${x.origin}${x.pathname}`, `${at}: X share URL`).toBe('https://x.com/intent/post');
  expect(x.searchParams.get('url'), `${at}: X share carries the canonical URL`).toBe(canonical);
  expect(squash(x.searchParams.get('text')), `${at}: X share carries the headline`).toContain(headline);
  const wa = await href('a.share__whatsapp');
  expect(wa.origin, `${at}: WhatsApp share URL`).toBe('https://wa.me');
  expect(wa.searchParams.get('text'), `${at}: WhatsApp share carries the canonical URL`).toContain(canonical);
  expect(squash(wa.searchParams.get('text')), `${at}: WhatsApp share carries the headline`).toContain(headline);
  const copy = await expectVisible(page, 'button.share__copy', share);
  expect(await copy.getAttribute('type'), `${at}: copy-link button type`).toBe('button');
  expect(await share.locator('button.share__native').count(), `${at}: native share button present (shown by JS)`).toBe(1);

  const figure = await expectVisible(page, 'figure.story__image', story);
  const img = await expectVisible(page, 'picture img', figure);
  for (const attr of ['width', 'height']) expect(Number(await img.getAttribute(attr)), `${at}: featured img ${attr}`).toBeGreaterThan(0);
  expect(await img.getAttribute('fetchpriority'), `${at}: featured img fetchpriority`).toBe('high');
  expect(await img.getAttribute('loading'), `${at}: featured img is not lazy`).not.toBe('lazy');
  expect(squash(await img.getAttribute('alt')).length, `${at}: featured img alt text`).toBeGreaterThan(0);
  const types = await evalJson<string[]>(page, `return [...document.querySelectorAll('article.story figure.story__image picture source')].map((e) => e.getAttribute('type'));`);
  expect(types, `${at}: featured picture offers AVIF and WebP`).toEqual(expect.arrayContaining(['image/avif', 'image/webp']));
  expect(await evalJson<boolean>(page, `const i = document.querySelector('figure.story__image img'); return i.complete && i.naturalWidth > 0;`), `${at}: featured image loaded`).toBe(true);
  expect(squash(await (await expectVisible(page, 'figcaption .caption', figure)).textContent()).length, `${at}: caption text`).toBeGreaterThan(0);
  expect(squash(await (await expectVisible(page, 'figcaption .credit', figure)).textContent()).length, `${at}: credit text`).toBeGreaterThan(0);

  const times = story.locator('.story__meta time[datetime]');
  expect(await times.count(), `${at}: .story__meta time[datetime]`).toBeGreaterThan(0);
  expect(Number.isNaN(Date.parse((await times.first().getAttribute('datetime')) ?? '')), `${at}: published datetime parses`).toBe(false);

  const dateline = await evalJson<{ first: string; text: string; para: string; weight: number } | null>(
    page,
    `const p = document.querySelector('article.story .story__body > p'); if (!p) return null;
     const s = p.firstElementChild; const ok = s && s.matches('strong.dateline');
     return { first: ok ? 'strong.dateline' : (s ? s.tagName.toLowerCase() + '.' + s.className : 'text'),
              text: ok ? s.textContent.trim() : '', para: p.textContent.trim().slice(0, 80),
              weight: ok ? Number(getComputedStyle(s).fontWeight) : 0 };`,
  );
  expect(dateline, `${at}: .story__body opens with a paragraph`).not.toBeNull();
  expect(dateline!.first, `${at}: first paragraph opens with strong.dateline`).toBe('strong.dateline');
  expect(dateline!.para.startsWith(dateline!.text), `${at}: the dateline is the very start of the first paragraph`).toBe(true);
  expect(dateline!.text, `${at}: dateline reads "Place, Mon D"`).toMatch(/^\S.*, (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}$/);
  expect(dateline!.weight, `${at}: dateline is bold`).toBeGreaterThanOrEqual(600);

  // Slots fall every few paragraphs (4 by default, configurable): a body longer than that carries at least one.
  const inArticle = story.locator('.story__body .ad-slot.ad-slot--rectangle');
  const paragraphs = await story.locator('.story__body > p').count();
  if (paragraphs > 4) expect(await inArticle.count(), `${at}: in-article ad slots in a ${paragraphs}-paragraph body`).toBeGreaterThan(0);
  for (let i = 0; i < (await inArticle.count()); i++) {
    expect(await inArticle.nth(i).getAttribute('data-ad-slot'), `${at}: in-article slot name`).toMatch(/^in-article-\d+$/);
    await expectAdSlot(page, inArticle.nth(i), 300, 250);
  }

  const signoff = await expectVisible(page, 'p.story__signoff', story);
  const agency = (await signoff.getAttribute('class'))?.includes('story__signoff--agency');
  if (agency) expect(squash(await signoff.textContent()), `${at}: agency sign-off`).toMatch(/^— \S/);
  else expect(await signoff.locator('a[rel="author"][href^="/author/"]').count(), `${at}: byline links to the author page`).toBeGreaterThan(0);
  expect(await story.locator('ul.story__tags li a[href^="/tag/"]').count(), `${at}: tag links`).toBeGreaterThan(0);
  const related = await expectVisible(page, 'section.related', story);
  expect(await related.locator('h2#related-h').count(), `${at}: related stories heading`).toBe(1);
  expect(await related.locator('a[href]').count(), `${at}: related story links`).toBeGreaterThan(0);
  const corrections = story.locator('section.story__corrections');
  if ((await corrections.count()) > 0) expect(await corrections.locator('time[datetime]').count(), `${at}: corrections carry times`).toBeGreaterThan(0);

  // PRODUCT.md fixes the reading order: label, headline, standfirst, share, image, body, sign-off, tags.
  const order = await evalJson<string[]>(
    page,
    `const sels = ['.story__section', '.story__headline', '.story__standfirst', '.share', '.story__image', '.story__body', '.story__signoff', '.story__tags'];
     const els = sels.map((s) => [s, document.querySelector('article.story ' + s)]).filter(([, e]) => e);
     return els.sort((a, b) => (a[1].compareDocumentPosition(b[1]) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1)).map(([s]) => s);`,
  );
  expect(order, `${at}: story parts in reading order`).toEqual(['.story__section', '.story__headline', '.story__standfirst', '.share', '.story__image', '.story__body', '.story__signoff', '.story__tags']);

  if (device === 'desktop') {
    const rail = await expectVisible(page, 'aside.rail');
    await expectAdSlot(page, rail.locator('.ad-slot.ad-slot--rectangle[data-ad-slot="rail"]').first(), 300, 250);
    expect(await rail.locator('a[href]').count(), `${at}: rail lists latest stories`).toBeGreaterThan(0);
  }
}
