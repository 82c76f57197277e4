/**
 * Advertising in a real browser, against the real server and the demo paper (issue 7, item 8):
 * a campaign aimed at one section shows on that section's story pages and not on others';
 * its viewable impression is counted once it has been on screen, not before; a click goes
 * through the signed redirect to the advertiser's page and is counted; and filling the slots
 * shifts nothing on the page. Also: HTML creatives in a sandboxed frame, the ad network's script
 * loaded only when a slot falls back to it, and the /advertise inquiry form.
 */
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './axe.js';
import { browserMissing, evalJson, launchBrowser, startDemoSite, watchProblems, type DemoSite, type Problems } from './browser.js';

const JOURNEY_MS = 240_000;
/** Counting is buffered and flushed; polls are generous because the suite shares two cores. */
const POLL = { timeout: 30_000, interval: 250 };
/** Desktop width (the rail shows from 1024 px) and a short window, so no ad is on screen until the reader scrolls. */
const SHORT_DESKTOP = { viewport: { width: 1280, height: 400 } };

interface Totals {
  served: number;
  viewable: number;
  clicks: number;
}

describe.skipIf(browserMissing())('ads in a browser', () => {
  let site: DemoSite;
  let browser: Browser;
  let campaignId: number;
  /** A story filed directly in the targeted section, and one from another section. */
  let targeted: string;
  let elsewhere: string;

  async function admin<T>(method: string, path: string, body?: Buffer | object, contentType = 'application/json'): Promise<T> {
    const res = await fetch(`${site.url}/api/admin${path}`, {
      method,
      headers: { authorization: `Bearer ${site.token}`, ...(body !== undefined && { 'content-type': contentType }) },
      ...(body !== undefined && { body: Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }

  /** The campaign's counts so far, after writing what the server still holds in memory. */
  async function totals(): Promise<Totals> {
    await site.server.app.services.ads.flush();
    return (await admin<{ totals: Totals }>('GET', `/ads/reports?campaignId=${campaignId}`)).totals;
  }

  beforeAll(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
    const { sections, articles } = site.server.app.services;
    // Two top-level sections with stories filed in the section itself (targeting names exact sections).
    const found: { sectionId: number; path: string }[] = [];
    for (const section of (await sections.list()).filter((s) => s.parentId === null)) {
      const story = (await articles.listPublished({ sectionId: section.id, limit: 20 })).items.find((a) => a.sectionId === section.id && a.kind === 'news');
      if (story) found.push({ sectionId: section.id, path: story.path });
      if (found.length === 2) break;
    }
    if (found.length < 2) throw new Error('the demo paper needs two sections with news stories');
    const [target, other] = found as [(typeof found)[0], (typeof found)[0]];
    targeted = target.path;
    elsewhere = other.path;

    const now = Date.now();
    const campaign = await admin<{ id: number }>('POST', '/ads/campaigns', {
      name: 'Diwali gold',
      advertiser: 'Menon Jewellers',
      status: 'active',
      startsAt: new Date(now - 3_600_000).toISOString(),
      endsAt: new Date(now + 7 * 86_400_000).toISOString(),
      priority: 10,
      targeting: { sections: [target.sectionId] },
    });
    campaignId = campaign.id;
    const png = await sharp({ create: { width: 300, height: 250, channels: 3, background: '#c8102e' } }).png().toBuffer();
    const query = new URLSearchParams({ name: 'Gold rectangle', size: '300x250', clickUrl: `${site.url}/about`, alt: 'Menon Jewellers: Diwali gold' });
    await admin('POST', `/ads/campaigns/${campaignId}/creatives/image?${query.toString()}`, png, 'image/png');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  async function open(): Promise<{ context: BrowserContext; page: Page; problems: Problems }> {
    const context = await browser.newContext({ ...SHORT_DESKTOP, baseURL: site.url });
    context.setDefaultTimeout(30_000);
    context.setDefaultNavigationTimeout(60_000);
    const problems = watchProblems(context);
    const page = await context.newPage();
    await page.addInitScript(CLS_OBSERVER);
    return { context, page, problems };
  }

  /** Loads a page and waits for the ad script's one fill request to be answered. */
  async function visit(page: Page, path: string): Promise<void> {
    const filled = page.waitForResponse((r) => r.url().endsWith('/ads/fill') && r.request().method() === 'POST');
    const res = await page.goto(path, { waitUntil: 'load' });
    expect(res?.status(), `GET ${path}`).toBe(200);
    expect((await filled).status(), `POST /ads/fill from ${path}`).toBe(200);
  }

  it('shows the campaign on its section’s story, counts the view only once seen, and never shifts the page', async () => {
    const { context, page, problems } = await open();
    await visit(page, targeted);
    const rail = page.locator('.rail .ad-slot[data-ad-slot="rail"] .ad-slot__frame');
    await page.locator('.rail .ad-slot[data-ad-slot="rail"] .ad-slot__frame[data-ad-filled="image"]').waitFor();
    const link = rail.locator('a.ad-slot__ad');
    expect(await link.getAttribute('href')).toMatch(/^\/ads\/click\?t=/);
    expect(await link.getAttribute('rel')).toBe('sponsored noopener');
    expect(await link.getAttribute('target')).toBe('_blank');
    const img = link.locator('img');
    expect(await img.getAttribute('alt')).toBe('Menon Jewellers: Diwali gold');
    expect([await img.getAttribute('width'), await img.getAttribute('height')]).toEqual(['300', '250']);
    // The label stays, and the filled box is exactly the reserved one.
    expect(await page.locator('.rail .ad-slot[data-ad-slot="rail"] .ad-slot__label').textContent()).toBe('Advertisement');
    expect(await rail.boundingBox()).toMatchObject({ width: 300, height: 250 });

    // Served, but nothing on screen yet: no viewable impression (a second and a half is past the one-second rule).
    expect((await totals()).served).toBeGreaterThanOrEqual(1);
    await page.waitForTimeout(1_500);
    expect((await totals()).viewable, 'not counted while off screen').toBe(0);

    await rail.scrollIntoViewIfNeeded();
    await expect.poll(async () => (await totals()).viewable, POLL).toBeGreaterThanOrEqual(1);

    const cls = await evalJson<{ total: number; shifts: unknown[] }>(page, 'return window.__cls;');
    expect(cls.total, `layout shifts: ${JSON.stringify(cls.shifts)}`).toBe(0);
    expect(problems.list).toEqual([]);
    await context.close();
  }, JOURNEY_MS);

  it('keeps the house promotion on another section’s story', async () => {
    const { context, page, problems } = await open();
    const before = (await totals()).served;
    await visit(page, elsewhere);
    const frames = page.locator('.ad-slot__frame');
    expect(await frames.count()).toBeGreaterThan(1);
    expect(await page.locator('.ad-slot__frame[data-ad-filled]').count(), 'no slot filled by the campaign').toBe(0);
    expect(await page.locator('.rail .ad-slot[data-ad-slot="rail"] .ad-slot__frame a.house').count()).toBe(1);
    expect((await totals()).served).toBe(before);
    expect(problems.list).toEqual([]);
    await context.close();
  }, JOURNEY_MS);

  it('takes a click through the signed redirect to the advertiser’s page and counts it', async () => {
    const { context, page, problems } = await open();
    await visit(page, targeted);
    const link = page.locator('.rail .ad-slot[data-ad-slot="rail"] a.ad-slot__ad');
    await link.waitFor();
    await link.scrollIntoViewIfNeeded();
    const clicksBefore = (await totals()).clicks;
    const redirect = context.waitForEvent('response', (r) => r.url().includes('/ads/click?t=') && r.status() === 302);
    const [popup] = await Promise.all([context.waitForEvent('page'), link.click()]);
    expect((await redirect).headers()['location']).toBe(`${site.url}/about`);
    await popup.waitForLoadState('load');
    expect(popup.url()).toBe(`${site.url}/about`);
    await expect.poll(async () => (await totals()).clicks, POLL).toBe(clicksBefore + 1);
    expect(problems.list).toEqual([]);
    await context.close();
  }, JOURNEY_MS);

  it('renders an HTML creative in a sandboxed frame of the slot’s size', async () => {
    const now = Date.now();
    const story = await site.server.app.services.articles.getPublishedBySlug(elsewhere.split('/').pop()!);
    const campaign = await admin<{ id: number }>('POST', '/ads/campaigns', {
      name: 'Monsoon sale',
      advertiser: 'Rao Umbrellas',
      status: 'active',
      startsAt: new Date(now - 3_600_000).toISOString(),
      endsAt: new Date(now + 86_400_000).toISOString(),
      targeting: { sections: [story.sectionId!] },
    });
    await admin('POST', `/ads/campaigns/${campaign.id}/creatives`, {
      kind: 'html',
      name: 'Umbrella box',
      size: '300x250',
      clickUrl: `${site.url}/about`,
      altText: 'Rao Umbrellas',
      html: '<div style="background:#036;color:#fff;height:250px"><p>Umbrellas from ₹299</p><script>parent.document.title = "owned"</script></div>',
    });
    const { context, page, problems } = await open();
    await visit(page, elsewhere);
    const frame = page.locator('.rail .ad-slot[data-ad-slot="rail"] .ad-slot__frame[data-ad-filled="html"] iframe');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('allow-popups allow-popups-to-escape-sandbox');
    expect([await frame.getAttribute('width'), await frame.getAttribute('height'), await frame.getAttribute('title')]).toEqual(['300', '250', 'Advertisement']);
    expect(await frame.getAttribute('srcdoc')).toContain('Umbrellas from ₹299');
    expect(await frame.getAttribute('srcdoc')).not.toContain('<script');
    expect(await page.title()).not.toBe('owned');
    const cls = await evalJson<{ total: number; shifts: unknown[] }>(page, 'return window.__cls;');
    expect(cls.total, `layout shifts: ${JSON.stringify(cls.shifts)}`).toBe(0);
    expect(problems.list).toEqual([]);
    await context.close();
    await admin('POST', `/ads/campaigns/${campaign.id}/pause`);
  }, JOURNEY_MS);

  it('loads the ad network’s script only on a page with a slot that falls back to it', async () => {
    const { context, page, problems } = await open();
    const gptRequests: string[] = [];
    // No traffic leaves the machine: the network's script is answered here, and records that it ran.
    await context.route('https://securepubads.g.doubleclick.net/**', async (route) => {
      gptRequests.push(route.request().url());
      await route.fulfill({ contentType: 'text/javascript', body: 'window.__gptLoaded = true;' });
    });
    await visit(page, elsewhere);
    expect(gptRequests, 'no network configured: its script never loads').toEqual([]);

    await admin('PUT', '/ads/network', { slots: { top: { network: 'gam', unitPath: '/1234567/dateline/top', sizes: ['728x90'] } } });
    try {
      await visit(page, elsewhere);
      await page.locator('.ad-slot[data-ad-slot="top"] .ad-slot__frame[data-ad-filled="network"] #dl-ad-top').waitFor();
      await expect.poll(() => evalJson<boolean>(page, 'return window.__gptLoaded === true;'), POLL).toBe(true);
      expect(gptRequests).toEqual(['https://securepubads.g.doubleclick.net/tag/js/gpt.js']);
      // The slot is defined through the command queue GPT runs once it has loaded.
      expect(await evalJson<number>(page, 'return window.googletag.cmd.length;')).toBe(1);
      expect(await page.locator('#dl-ad-top').boundingBox()).toMatchObject({ width: 728, height: 90 });
    } finally {
      await admin('PUT', '/ads/network', { slots: { top: null } });
    }
    expect(problems.list).toEqual([]);
    await context.close();
  }, JOURNEY_MS);

  it('takes an inquiry on /advertise: errors beside the fields, then, with JavaScript off, thanks and the inbox', async () => {
    // With JavaScript (axe runs in the page): the form and its error state are free of accessibility violations.
    const { context, page, problems } = await open();
    await page.goto('/advertise');
    expect(await page.locator('table.rate-card tbody tr').count()).toBeGreaterThan(0);
    expect(describeViolations('/advertise', await axeViolations(page))).toEqual([]);
    // A person takes more than three seconds to fill the form in; the server refuses anything quicker.
    await page.waitForTimeout(3_200);
    await page.getByLabel('Your name').fill('Priya Menon');
    await page.getByLabel('Email').fill('priya at menon');
    await page.getByLabel('What would you like to advertise?').fill('The home page rectangle for the Diwali fortnight.');
    problems.expectStatus(`${site.url}/advertise`, 400);
    await page.getByRole('button', { name: 'Send inquiry' }).click();
    await page.locator('#inquiry-email-error').waitFor();
    expect(await page.locator('#inquiry-email-error').textContent()).toContain('does not look like an email address');
    expect(await page.getByLabel('Your name').inputValue()).toBe('Priya Menon');
    expect(describeViolations('/advertise (with errors)', await axeViolations(page))).toEqual([]);
    expect(problems.list).toEqual([]);
    await context.close();

    // Without JavaScript: a plain form post, redirected to the thank-you page.
    const plain = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: site.url, javaScriptEnabled: false });
    plain.setDefaultTimeout(30_000);
    const plainProblems = watchProblems(plain);
    const form = await plain.newPage();
    await form.goto('/advertise');
    await form.waitForTimeout(3_200);
    await form.getByLabel('Your name').fill('Arjun Rao');
    await form.getByLabel('Email').fill('arjun@rao.example');
    await form.getByLabel('What would you like to advertise?').fill('In-article rectangles in Business for March.');
    await form.getByRole('button', { name: 'Send inquiry' }).click();
    await form.waitForURL((u) => u.pathname === '/advertise/thanks');
    expect(await form.locator('main h1').textContent()).toBe('Thank you');
    const inbox = await admin<{ items: { name: string; email: string; status: string }[] }>('GET', '/ads/inquiries?status=new');
    expect(inbox.items).toContainEqual(expect.objectContaining({ name: 'Arjun Rao', email: 'arjun@rao.example', status: 'new' }));
    expect(inbox.items.map((i) => i.name)).not.toContain('Priya Menon');
    expect(plainProblems.list).toEqual([]);
    await plain.close();
  }, JOURNEY_MS);
});

/** Sums layout-shift entries not caused by input, from the very start of the document (buffered). */
const CLS_OBSERVER = `
  window.__cls = { total: 0, shifts: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__cls.total += e.value;
      window.__cls.shifts.push({ value: e.value, sources: (e.sources || []).map((s) => s.node && s.node.nodeName) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;
