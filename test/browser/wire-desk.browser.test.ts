/**
 * The wire desk (issue 5, item 5) against the real server.
 *
 * 1. Without a browser: the newsroom's own desk modules (admin/src/wire) meet
 *    the real API — the inbox's queries are accepted and the rule it applies
 *    to live items is the server's rule; the live stream's events read as
 *    the desk reads them; the source form's bodies are accepted and the
 *    server's validation errors land on the form's fields.
 * 2. In Chromium (skipped without it): an editor has the inbox open, a ninjs
 *    file is ingested, the item appears without a reload, and Use opens a
 *    draft with the headline filled in; the wire search finds the item by a
 *    word of its body.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWireEvent } from '../../admin/src/wire/events.js';
import { NO_FILTERS, itemsPath, matchesFilters, type InboxFilters } from '../../admin/src/wire/inbox.js';
import { checkForm, emptyForm, formFieldOf, formFromSource, ruleRow } from '../../admin/src/wire/source-form.js';
import type { WireItemSummary, WireSourceView } from '../../admin/src/wire/types.js';
import { ninjs } from '../../src/features/wire/wire.test-kit.js';
import { createTestApp, loginAs, type TestApp } from '../app.js';
import { DIALECTS } from '../db.js';
import { axeViolations, describeViolations } from './axe.js';
import { DESKTOP, browserMissing, launchBrowser, startDemoSite, watchProblems, type DemoSite } from './browser.js';

const POLL = { timeout: 30_000 };

for (const kind of DIALECTS) {
  describe(`the wire desk’s modules against the real API [${kind}]`, () => {
    let t: TestApp;
    let sectionId: number;
    let editor: Awaited<ReturnType<typeof loginAs>>;
    let admin: Awaited<ReturnType<typeof loginAs>>;
    let all: WireItemSummary[] = [];

    const ingest = (o: Parameters<typeof ninjs>[0], agency = 'AFP') => t.services.wire.ingestFile(ninjs(o), { source: null, filename: `${o.uri}.json`, agency });
    const get = async <T>(url: string): Promise<{ status: number; body: T }> => {
      const res = await t.server.inject({ method: 'GET', url: `/api${url}`, headers: editor.headers });
      return { status: res.statusCode, body: res.json<T>() };
    };
    const send = async <T>(method: 'POST' | 'PATCH', url: string, payload?: object): Promise<{ status: number; body: T }> => {
      const res = await t.server.inject({ method, url: `/api${url}`, headers: admin.headers, ...(payload && { payload }) });
      return { status: res.statusCode, body: res.json<T>() };
    };

    beforeAll(async () => {
      t = await createTestApp(kind);
      sectionId = (await t.services.sections.create({ slug: 'world', name: 'World' })).id;
      editor = await loginAs(t, 'editor');
      admin = await loginAs(t, 'admin');
      await ingest({ uri: 'urn:desk:flash', headline: 'Flood warning for Geneva', standfirst: 'Rivers rising', urgency: 1, subjects: ['Politics', 'Weather'] });
      await ingest({ uri: 'urn:desk:routine', headline: 'Harvest festival opens', urgency: 5, subjects: ['Culture'] }, 'PTI');
      await ingest({ uri: 'urn:desk:killed', headline: 'Minister resigns', urgency: 2, subjects: ['Politics'] });
      await ingest({ uri: 'urn:desk:killed', version: 2, pubstatus: 'canceled', headline: 'Minister resigns', urgency: 2, subjects: ['Politics'] });
      await ingest({ uri: 'urn:desk:used', headline: 'Geneva talks resume', urgency: 3, subjects: ['World'] });
      all = (await get<{ items: WireItemSummary[] }>(itemsPath(NO_FILTERS, new Date(), null, 100))).body.items;
      const used = all.find((i) => i.headline === 'Geneva talks resume');
      expect((await t.server.inject({ method: 'POST', url: `/api/admin/wire/items/${used?.id}/use`, headers: editor.headers })).statusCode).toBe(201);
      all = (await get<{ items: WireItemSummary[] }>(itemsPath(NO_FILTERS, new Date(), null, 100))).body.items;
    });
    afterAll(() => t?.close());

    it('filters as the server does: the rule for live items picks the same items the API answers with', async () => {
      expect(all.map((i) => i.headline).sort()).toEqual(['Flood warning for Geneva', 'Geneva talks resume', 'Harvest festival opens', 'Minister resigns']);
      // "now" just after the last arrival, so the time ranges cut somewhere meaningful whatever the clock says.
      const now = new Date(Math.max(...all.map((i) => Date.parse(i.receivedAt))) + 60_000);
      const cases: Partial<InboxFilters>[] = [
        { agency: 'AFP' },
        { agency: 'PTI' },
        { subject: 'politics' },
        { priority: '2' },
        { priority: '1' },
        { q: 'geneva' },
        { q: 'RIVERS flood' },
        { state: 'new' },
        { state: 'used' },
        { state: 'killed' },
        { state: 'updates' },
        { time: 'hour' },
        { agency: 'AFP', subject: 'Politics', state: 'new' },
      ];
      for (const c of cases) {
        const f = { ...NO_FILTERS, ...c };
        const res = await get<{ items: WireItemSummary[] }>(itemsPath(f, now, null, 50));
        expect(res.status, JSON.stringify(c)).toBe(200);
        const fromServer = res.body.items.map((i) => i.id).sort();
        const fromRule = all.filter((i) => matchesFilters(i, f, now)).map((i) => i.id).sort();
        expect(fromRule, JSON.stringify(c)).toEqual(fromServer);
      }
      // and the filters do cut: a state filter is not everything
      expect(all.filter((i) => matchesFilters(i, { ...NO_FILTERS, state: 'killed' }, now)).map((i) => i.headline)).toEqual(['Minister resigns']);
    });

    it('reads the live stream’s events as the inbox shows them', async () => {
      await t.server.listen({ port: 0, host: '127.0.0.1' });
      const port = (t.server.server.address() as AddressInfo).port;
      let text = '';
      const req = http.get(`http://127.0.0.1:${port}/api/admin/wire/events`, { headers: { cookie: editor.cookie } });
      const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
        req.on('response', resolve);
        req.on('error', reject);
      });
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      try {
        await expect.poll(() => text, POLL).toContain(': connected');
        await ingest({ uri: 'urn:desk:live', headline: 'Live: quake shakes Lisbon', urgency: 1, subjects: ['World'] });
        await expect.poll(() => /event: item\ndata: (.*)\n\n/.exec(text)?.[1], POLL).toBeTruthy();
        const [, type, data] = /event: (\w+)\ndata: (.*)\n\n/.exec(text) ?? [];
        const event = parseWireEvent(type ?? '', data ?? '');
        expect(event?.type).toBe('item');
        const listed = (await get<{ items: WireItemSummary[] }>(itemsPath(NO_FILTERS, new Date(), null, 1))).body.items[0];
        // what the stream says is exactly the row the list would show
        expect(event?.type === 'item' && event.item).toEqual(listed);
      } finally {
        res.destroy();
      }
    });

    it('sends source forms the API accepts, and puts its validation errors on the right fields', async () => {
      const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'dateline-desk-drop-'));
      try {
        const form = { ...emptyForm(), name: 'AFP drop', agency: 'AFP', kind: 'folder' as const, folderPath: folder, rules: [ruleRow({ subjects: 'Politics, World', maxPriority: '3', sectionId: String(sectionId), action: 'publish' })] };
        const checked = checkForm(form);
        expect(checked.errors).toBeNull();
        const created = await send<WireSourceView>('POST', '/admin/wire/sources', checked.body ?? {});
        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({ name: 'AFP drop', credit: 'AFP', folderPath: folder, rules: [{ subjects: ['Politics', 'World'], maxUrgency: 3, sectionId, action: 'publish' }] });
        // the saved source fills the form again, and saving it unchanged changes nothing
        const again = checkForm(formFromSource(created.body));
        const patched = await send<WireSourceView>('PATCH', `/admin/wire/sources/${created.body.id}`, again.body ?? {});
        expect(patched.status).toBe(200);
        expect({ ...patched.body, status: null }).toEqual({ ...created.body, status: null });

        const noFolder = await send<{ error: { code: string; field?: string } }>('POST', '/admin/wire/sources', checkForm({ ...form, folderPath: `${folder}/missing` }).body ?? {});
        expect(noFolder.status).toBe(400);
        expect(formFieldOf(noFolder.body.error.field)).toBe('folderPath');
        const noSection = checkForm({ ...form, rules: [ruleRow({ sectionId: '99999' })] });
        const badRule = await send<{ error: { code: string; field?: string } }>('POST', '/admin/wire/sources', noSection.body ?? {});
        expect(badRule.status).toBe(400);
        expect(formFieldOf(badRule.body.error.field)).toBe('rules.0.sectionId');
      } finally {
        await fs.rm(folder, { recursive: true, force: true });
      }
    });
  });
}

describe.skipIf(browserMissing())('the wire desk in a browser', () => {
  const PASSWORD = 'a long newsroom password';
  const EDITOR = { name: 'Wendy Wire', email: 'wendy@example.test', role: 'editor' } as const;
  const ADMIN = { name: 'Arun Admin', email: 'arun@example.test', role: 'admin' } as const;
  let site: DemoSite;
  let browser: Browser;
  const dirs: string[] = [];

  beforeAll(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
    for (const person of [EDITOR, ADMIN]) await site.server.app.services.users.create({ ...person, password: PASSWORD });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
  });

  const ingest = (o: Parameters<typeof ninjs>[0], agency = 'PTI') => site.server.app.services.wire.ingestFile(ninjs(o), { source: null, filename: `${o.uri}.json`, agency });

  /** Signed in as `person` on `next`, with the live feed connected when that is the wire. */
  async function signedIn(person: { email: string }, next: string) {
    // bypassCSP: axe-core goes in as an inline script, which the newsroom's CSP (rightly) refuses.
    const context = await browser.newContext({ ...DESKTOP, baseURL: site.url, timezoneId: 'UTC', permissions: ['clipboard-read', 'clipboard-write'], bypassCSP: true });
    context.setDefaultTimeout(30_000);
    context.setDefaultNavigationTimeout(60_000);
    const problems = watchProblems(context);
    const page = await context.newPage();
    await page.goto(`/newsroom/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    return { page, problems, context };
  }

  it(
    'an item ingested while the inbox is open appears without a reload, and Use opens a draft from it',
    async () => {
      const { page, problems, context } = await signedIn(EDITOR, '/newsroom/wire');
      await page.getByRole('heading', { name: 'Wire', exact: true }).waitFor();
      await page.getByText('Live', { exact: true }).waitFor();

      await ingest({ uri: 'urn:browser:1', headline: 'Dam opens its gates after record rain', urgency: 1, subjects: ['Weather'], located: 'Kochi' });
      const row = page.getByRole('link', { name: 'Dam opens its gates after record rain' });
      await row.waitFor();
      // flash copy is marked as such on its row
      await expect.poll(() => page.getByRole('row').filter({ has: row }).textContent(), POLL).toMatch(/^Flash/);
      await expect.poll(() => page.locator('[aria-live="polite"]').first().textContent(), POLL).toContain('Flash: Dam opens its gates');

      // j moves the cursor to the first row, Enter opens it; focus lands on the headline.
      await page.keyboard.press('j');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/newsroom\/wire\/\d+$/);
      await expect.poll(() => page.locator(':focus').textContent(), POLL).toBe('Dam opens its gates after record rain');

      await page.getByRole('button', { name: 'Use', exact: true }).click();
      await page.waitForURL(/\/newsroom\/stories\/\d+$/);
      await expect.poll(() => page.getByLabel('Headline', { exact: true }).inputValue(), POLL).toBe('Dam opens its gates after record rain');

      // Search all wire copy by a word of the body (not in the headline), and open the item from the results.
      await page.goto('/newsroom/wire');
      await page.getByRole('link', { name: 'Search all wire copy' }).click();
      await page.getByRole('heading', { name: 'Search the wire' }).waitFor();
      await page.getByLabel('Words').fill('farmers');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForURL(/\/newsroom\/wire\/search\?q=farmers$/);
      await page.getByRole('status').filter({ hasText: '1 item found.' }).waitFor();
      expect(await page.locator('.wire-results__snippet mark').first().textContent()).toBe('Farmers');
      expect(describeViolations('wire search results', await axeViolations(page))).toEqual([]);
      await page.getByRole('link', { name: 'Dam opens its gates after record rain' }).click();
      await page.waitForURL(/\/newsroom\/wire\/\d+$/);
      expect(problems.list.filter((p) => !(p.includes('/api/auth/me') && p.includes('401')))).toEqual([]);
      await context.close();
    },
    240_000,
  );

  it(
    'an admin sets up a push source; a filtered inbox holds new items behind a bar; versions compare; a kill of a used item alerts the desk',
    async () => {
      const { page, problems, context } = await signedIn(ADMIN, '/newsroom/wire/sources');
      await page.getByRole('heading', { name: 'Wire sources' }).waitFor();
      await page.getByRole('button', { name: 'Add a source' }).click();
      await page.getByLabel('Name').fill('Reuters push');
      await page.getByLabel('Agency', { exact: false }).first().fill('Reuters');
      await page.getByLabel('Kind').selectOption('push');
      await page.getByRole('button', { name: 'Add a rule' }).click();
      // a rule without a section is named next to its field, before anything is sent
      await page.getByRole('button', { name: 'Add source' }).click();
      await page.getByText('Choose the section the stories go to.').waitFor();
      await page.getByLabel('Rule 1: section').selectOption({ index: 1 });
      await page.getByLabel('Rule 1: subjects').fill('Politics, World');
      const axe: string[] = [];
      axe.push(...describeViolations('sources with the form open', await axeViolations(page)));
      await page.getByRole('button', { name: 'Add source' }).click();
      const row = page.getByRole('row').filter({ hasText: 'Reuters push' });
      await row.getByText('No secret yet').waitFor();
      await row.getByRole('button', { name: /New push secret/ }).click();
      const secret = page.getByLabel('Secret', { exact: true });
      await expect.poll(() => secret.inputValue(), POLL).toMatch(/\S{20,}/);
      expect(await page.getByLabel('Push URL').inputValue()).toMatch(new RegExp(`^${site.url}/api/wire/push/\\d+$`));
      await page.getByRole('button', { name: 'Copy secret' }).click();
      await page.getByText('Secret copied.').waitFor();
      await page.getByRole('button', { name: 'Done' }).click();
      await row.getByText('Secret set').waitFor();

      // A drop folder: its file is read (by the runner or "Run now", which says what it did).
      const drop = await fs.mkdtemp(path.join(os.tmpdir(), 'dateline-desk-drop-'));
      dirs.push(drop);
      const storm = path.join(drop, 'storm.json');
      await fs.writeFile(storm, ninjs({ uri: 'urn:browser:storm', headline: 'Storm warning for the coast', urgency: 4 }));
      // written a minute ago: the folder runner takes only files that stopped changing
      const aMinuteAgo = new Date(Date.now() - 60_000);
      await fs.utimes(storm, aMinuteAgo, aMinuteAgo);
      await page.getByRole('button', { name: 'Add a source' }).click();
      await page.getByLabel('Name').fill('PTI drop');
      await page.getByLabel('Agency', { exact: false }).first().fill('PTI');
      await page.getByLabel('Folder path').fill(`${drop}/missing`);
      await page.getByRole('button', { name: 'Add source' }).click();
      // the server's refusal sits beside the field it names
      await page.getByRole('alert').filter({ hasText: 'There is no folder' }).waitFor();
      expect(await page.getByLabel('Folder path').getAttribute('aria-invalid')).toBe('true');
      await page.getByLabel('Folder path').fill(drop);
      await page.getByRole('button', { name: 'Add source' }).click();
      const dropRow = page.getByRole('row').filter({ hasText: 'PTI drop' });
      await dropRow.getByRole('button', { name: /Run now/ }).click();
      // the runner may have taken the file as soon as it started watching the folder; either way it was read once
      await dropRow.getByText(/^(Read 1 file: 1 ingested|Nothing new)\.$/).waitFor();
      await dropRow.getByText(/^Last run /).waitFor();

      // A filtered inbox: a new matching item waits behind the bar; one the filter excludes never shows.
      await page.goto('/newsroom/wire?priority=2');
      await page.getByText('Live', { exact: true }).waitFor();
      await ingest({ uri: 'urn:browser:routine', headline: 'Library extends its hours', urgency: 6 });
      await ingest({ uri: 'urn:browser:urgent', headline: 'Bridge closed after crack found', urgency: 2, subjects: ['Politics'] }, 'AFP');
      await page.getByRole('button', { name: 'Show 1 new item' }).click();
      await page.getByRole('link', { name: 'Bridge closed after crack found' }).waitFor();
      expect(await page.getByRole('link', { name: 'Library extends its hours' }).count()).toBe(0);

      // Use it, then the agency sends a correction: the desk sees the versions and their diff.
      await page.getByRole('link', { name: 'Bridge closed after crack found' }).click();
      await page.getByRole('button', { name: 'Use', exact: true }).click();
      await page.waitForURL(/\/newsroom\/stories\/\d+$/);
      await page.goBack();
      await page.getByRole('link', { name: 'Open the story' }).waitFor();
      await ingest({ uri: 'urn:browser:urgent', version: 2, correction: true, headline: 'Bridge closed after cracks found', urgency: 2, subjects: ['Politics'] }, 'AFP');
      await page.getByRole('button', { name: 'Apply update (version 2)' }).waitFor();
      await page.getByLabel('Compare version 1').check();
      await page.getByLabel('Compare version 2').check();
      await page.getByRole('heading', { name: 'Changes from version 1 to 2' }).waitFor();
      await expect.poll(() => page.locator('.ed-diff ins').allTextContents(), POLL).toContain('Bridge closed after cracks found');
      await page.getByRole('button', { name: 'Apply update (version 2)' }).click();
      await page.getByText('The story now carries version 2.').waitFor();
      axe.push(...describeViolations('wire item with a diff', await axeViolations(page)));

      // The agency kills it: the inbox alerts the desk with a link to the story.
      await page.goto('/newsroom/wire');
      await page.getByText('Live', { exact: true }).waitFor();
      await ingest({ uri: 'urn:browser:urgent', version: 3, pubstatus: 'canceled', headline: 'Bridge closed after cracks found', urgency: 2 }, 'AFP');
      const alert = page.getByRole('alert').filter({ hasText: 'killed' });
      await alert.getByRole('link', { name: 'Open the story' }).waitFor();
      await page.getByRole('link', { name: 'Storm warning for the coast' }).waitFor();
      await expect.poll(() => page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Bridge closed after cracks found' }) }).textContent(), POLL).toContain('Killed');
      // A hostile file is refused, and the desk sees why without a reload.
      await site.server.app.services.wire.ingestFile(Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'), { source: null, filename: 'lol.xml' });
      const summary = page.locator('summary', { hasText: 'Refused files' });
      await summary.getByText('1 new').waitFor();
      await summary.click();
      await page.getByRole('row').filter({ hasText: 'lol.xml' }).getByText('WIRE_DOCTYPE').waitFor();
      axe.push(...describeViolations('inbox with an alert and the refusals open', await axeViolations(page)));
      expect(axe).toEqual([]);
      // the one refusal asked for: the folder that does not exist
      expect(problems.list.filter((p) => !(p.includes('/api/auth/me') && p.includes('401')) && !(p.includes('/api/admin/wire/sources') && p.includes('400')))).toEqual([]);
      await context.close();
    },
    240_000,
  );
});
