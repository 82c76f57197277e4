/**
 * The newsroom's two journeys from issue 4, item 8, in Chromium against the real
 * server and the demo paper:
 *
 * 1. A reporter signs in, writes a story with an uploaded picture and submits it;
 *    an editor changes the headline and publishes; the story is on the home page;
 *    the editor appends a correction and readers see it on the story page.
 * 2. An editor schedules a story; it stays off the site until its time, and goes
 *    live when the (injected) clock reaches it and the scheduler ticks — no sleeping.
 */
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { DESKTOP, browserMissing, launchBrowser, startDemoSite, watchProblems, type DemoSite, type Problems } from './browser.js';

const JOURNEY_MS = 240_000;
/** expect.poll gives up after one second by default; under a loaded test run a save can take longer. */
const POLL = { timeout: 30_000 };
const PASSWORD = 'a long newsroom password';
const REPORTER = { name: 'Ravi Kohli', email: 'ravi@example.test', role: 'reporter' } as const;
const EDITOR = { name: 'Esha Bhatt', email: 'esha@example.test', role: 'editor' } as const;

/** Signing out or opening a screen first asks "who am I?"; its 401 before sign-in is expected. */
function unexpected(problems: Problems): string[] {
  return problems.list.filter((p) => !(p.includes('/api/auth/me') && p.includes('401')));
}

describe.skipIf(browserMissing())('newsroom journeys in a browser', () => {
  // Starts at the real time so the browser's own date pickers agree with the server; moved by hand.
  const clock = fixedClock(new Date());
  let site: DemoSite;
  let browser: Browser;

  beforeAll(async () => {
    [site, browser] = await Promise.all([startDemoSite({ clock }), launchBrowser()]);
    for (const person of [REPORTER, EDITOR]) await site.server.app.services.users.create({ ...person, password: PASSWORD });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  async function signedIn(person: { email: string }): Promise<{ page: Page; problems: Problems; close(): Promise<void> }> {
    // UTC in the browser, so a "Publish at" typed there means the same instant to the server.
    const context = await browser.newContext({ ...DESKTOP, baseURL: site.url, timezoneId: 'UTC' });
    // Generous: the suite shares two cores with other test files; nothing here waits on purpose.
    context.setDefaultTimeout(30_000);
    context.setDefaultNavigationTimeout(60_000);
    const problems = watchProblems(context);
    const page = await context.newPage();
    await page.goto('/newsroom/login');
    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'New story' }).waitFor();
    return { page, problems, close: () => context.close() };
  }

  const story = (id: number) => site.server.app.services.articles.get(id);

  async function readerPage(page: Page, path: string): Promise<number> {
    const res = await page.goto(path);
    return res?.status() ?? 0;
  }

  it(
    'a reporter files a story with a picture, an editor retitles and publishes it, and corrects it on the page',
    async () => {
      // --- The reporter writes and files. ---
      const reporter = await signedIn(REPORTER);
      const r = reporter.page;
      await r.getByRole('button', { name: 'New story' }).click();
      await r.waitForURL(/\/newsroom\/stories\/\d+$/);
      const id = Number(/(\d+)$/.exec(new URL(r.url()).pathname)?.[1]);
      await r.getByLabel('Headline', { exact: true }).fill('Night buses return to the ring road');
      await r.getByLabel('Standfirst').fill('The transport board restores four routes after a two-year gap.');
      await r.getByLabel('Dateline place').fill('Amritnagar');
      await r.getByLabel('Section', { exact: true }).selectOption({ index: 1 });
      const body = r.getByRole('textbox', { name: 'Story body' });
      await body.click();
      await r.keyboard.type('Four night routes will run again from Monday, the transport board said.');
      await r.keyboard.press('Enter');
      await r.keyboard.type('Buses will leave the central depot every 30 minutes until 4 am.');

      // A picture uploaded from the reporter's computer, placed in the body.
      await r.getByRole('button', { name: 'Insert image' }).click();
      const picture = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 30, g: 90, b: 140 } } }).jpeg().toBuffer();
      await r.getByRole('dialog').getByLabel('Upload image').setInputFiles({ name: 'night-bus.jpg', mimeType: 'image/jpeg', buffer: picture });
      await expect.poll(async () => (await site.server.app.services.media.list({ limit: 50 })).items.some((m) => m.originalName === 'night-bus.jpg'), POLL).toBe(true);
      await r.locator('.ed-prose figure img').first().waitFor();

      await r.getByRole('button', { name: 'Submit to desk' }).click();
      await expect.poll(async () => (await story(id)).status, POLL).toBe('submitted');
      const filed = await story(id);
      expect(filed.headline).toBe('Night buses return to the ring road');
      expect(filed.body.content.some((b) => b.type === 'image')).toBe(true);
      expect(filed.body.content.filter((b) => b.type === 'paragraph')).toHaveLength(2);
      expect(unexpected(reporter.problems)).toEqual([]);
      await reporter.close();

      // --- The editor retitles and publishes. ---
      const editor = await signedIn(EDITOR);
      const e = editor.page;
      await e.goto(`/newsroom/stories/${id}`);
      const headline = e.getByLabel('Headline', { exact: true });
      await expect.poll(() => headline.inputValue(), POLL).toBe('Night buses return to the ring road');
      await headline.fill('Night buses are back on the ring road from Monday');
      await e.getByRole('group', { name: 'Story actions' }).getByRole('button', { name: 'Publish', exact: true }).click();
      await expect.poll(async () => (await story(id)).status, POLL).toBe('published');
      const live = await story(id);
      expect(live.headline).toBe('Night buses are back on the ring road from Monday');

      // On the home page, under its new headline.
      expect(await readerPage(e, '/')).toBe(200);
      await expect.poll(() => e.getByRole('link', { name: 'Night buses are back on the ring road from Monday' }).count(), POLL).toBeGreaterThan(0);

      // --- The correction, appended by the editor, shows on the story page. ---
      await e.goto(`/newsroom/stories/${id}`);
      await e.getByRole('group', { name: 'Story actions' }).getByRole('button', { name: 'Add correction' }).click();
      const form = e.getByRole('form', { name: 'Add correction' });
      await form.getByLabel('Correction text').fill('An earlier version gave the interval as 20 minutes.');
      await form.getByRole('button', { name: 'Add correction' }).click();
      await expect.poll(async () => (await story(id)).corrections.length, POLL).toBe(1);

      expect(await readerPage(e, live.path)).toBe(200);
      await expect.poll(() => e.getByText('An earlier version gave the interval as 20 minutes.').count(), POLL).toBeGreaterThan(0);
      await expect.poll(() => e.locator('h1').innerText(), POLL).toBe('Night buses are back on the ring road from Monday');
      expect(await e.locator('main img').count()).toBeGreaterThan(0);
      expect(unexpected(editor.problems)).toEqual([]);
      await editor.close();
    },
    JOURNEY_MS,
  );

  it(
    'a scheduled story stays off the site until its time, then goes live when the clock reaches it',
    async () => {
      const s = site.server.app.services;
      const section = (await s.sections.list())[0];
      if (!section) throw new Error('the demo paper has no sections');
      const created = await s.articles.create(
        {
          headline: 'Monsoon session of the city council opens',
          standfirst: 'Budget, drains and the new bus depot top the agenda.',
          sectionId: section.id,
          body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The council meets at 11 am.' }] }] },
          status: 'draft',
        },
        { userId: null, name: 'Test setup', role: 'admin' },
      );

      const editor = await signedIn(EDITOR);
      const e = editor.page;
      await e.goto(`/newsroom/stories/${created.id}`);
      const due = new Date(clock.now().getTime() + 2 * 3_600_000);
      due.setUTCSeconds(0, 0);
      await e.getByRole('group', { name: 'Story actions' }).getByRole('button', { name: 'Schedule', exact: true }).click();
      const form = e.getByRole('form', { name: 'Schedule' });
      await form.getByLabel('Publish at').fill(due.toISOString().slice(0, 16));
      await form.getByRole('button', { name: 'Schedule' }).click();
      await expect.poll(async () => (await story(created.id)).status, POLL).toBe('scheduled');
      const scheduled = await story(created.id);
      expect(scheduled.scheduledAt).toBe(due.toISOString());

      // Before its time: a tick publishes nothing, and readers cannot reach it.
      clock.advance(60 * 60_000);
      expect(await site.server.scheduler.tick()).toBe(0);
      expect(await readerPage(e, scheduled.path)).toBe(404);

      // Its time comes: the next tick publishes it, once.
      clock.set(new Date(due.getTime() + 30_000));
      expect(await site.server.scheduler.tick()).toBe(1);
      expect(await site.server.scheduler.tick()).toBe(0);
      expect((await story(created.id)).status).toBe('published');
      expect(await readerPage(e, scheduled.path)).toBe(200);
      await expect.poll(() => e.locator('h1').innerText(), POLL).toBe('Monsoon session of the city council opens');
      expect(await readerPage(e, '/')).toBe(200);
      expect(await e.getByRole('link', { name: 'Monsoon session of the city council opens' }).count()).toBeGreaterThan(0);
      expect(unexpected(editor.problems).filter((p) => !p.includes(scheduled.path))).toEqual([]);
      await editor.close();
    },
    JOURNEY_MS,
  );
});
