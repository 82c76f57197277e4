import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { adminRequest, createTestApp, loginAs, type TestApp } from '../../../test/app.js';
import { ninjs } from './wire.test-kit.js';

/** Opens the event stream and collects what arrives. */
function openStream(url: string, headers: Record<string, string>) {
  let text = '';
  let response: http.IncomingMessage | undefined;
  const req = http.get(url, { headers });
  const ready = new Promise<http.IncomingMessage>((resolve, reject) => {
    req.on('response', (res) => {
      response = res;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      resolve(res);
    });
    req.on('error', reject);
  });
  const ended = new Promise<void>((resolve) => req.on('close', () => resolve()));
  return { ready, ended, text: () => text, close: () => (response ? response.destroy() : req.destroy()) };
}

for (const kind of DIALECTS) {
  describe(`wire item routes [${kind}]`, () => {
    let t: TestApp;
    let sectionId: number;
    beforeAll(async () => {
      t = await createTestApp(kind);
      sectionId = (await t.services.sections.create({ slug: 'world', name: 'World' })).id;
    });
    afterAll(() => t.close());

    const ingest = (o: Parameters<typeof ninjs>[0], source: Parameters<TestApp['services']['wire']['ingestFile']>[1]['source'] = null) =>
      t.services.wire.ingestFile(ninjs(o), { source, filename: `${o.uri}.json`, agency: 'AFP' });

    it('lists with filters, shows an item, and diffs its versions', async () => {
      await ingest({ uri: 'urn:api:1', headline: 'Floods in Assam', subjects: ['Weather'], urgency: 2 });
      await ingest({ uri: 'urn:api:2', headline: 'Cricket final', subjects: ['Sport'], urgency: 6 });
      const list = await adminRequest(t, 'GET', '/wire/items?subject=weather&maxPriority=3');
      expect(list.statusCode).toBe(200);
      const items = list.json<{ items: { id: number; headline: string }[] }>().items;
      expect(items.map((i) => i.headline)).toEqual(['Floods in Assam']);
      const id = items[0]?.id ?? 0;

      await ingest({ uri: 'urn:api:1', version: 2, headline: 'Floods in Assam kill 40', subjects: ['Weather'], urgency: 1 });
      const one = await adminRequest(t, 'GET', `/wire/items/${id}`);
      expect(one.json()).toMatchObject({ id, version: 2, headline: 'Floods in Assam kill 40', versions: [{ version: 1 }, { version: 2 }] });
      expect(one.json<{ bodyHtml: string }>().bodyHtml).toContain('<p>The monsoon reached the coast');
      const diff = await adminRequest(t, 'GET', `/wire/items/${id}/diff?from=1&to=2`);
      expect(diff.statusCode).toBe(200);
      expect(diff.json<{ fields: { field: string }[] }>().fields.map((f) => f.field)).toEqual(['headline', 'priority']);
      expect((await adminRequest(t, 'GET', '/wire/items?state=bogus')).statusCode).toBe(400);
      expect((await adminRequest(t, 'GET', '/wire/items/99999')).json()).toMatchObject({ error: { code: 'WIRE_ITEM_NOT_FOUND' } });
      const facets = await adminRequest(t, 'GET', '/wire/facets');
      expect(facets.json()).toMatchObject({ agencies: ['AFP'], subjects: expect.arrayContaining(['Weather', 'Sport']) as unknown });
    });

    it('lets a reporter Use an item once: 201 with the draft, then 409 naming it', async () => {
      const r = await ingest({ uri: 'urn:api:use', headline: 'Budget day' });
      const id = r.items[0]?.wireItemId ?? 0;
      const reporter = await loginAs(t, 'reporter');
      const first = await t.server.inject({ method: 'POST', url: `/api/admin/wire/items/${id}/use`, headers: reporter.headers });
      expect(first.statusCode).toBe(201);
      const { articleId } = first.json<{ articleId: number }>();
      expect((await t.services.articles.get(articleId)).status).toBe('draft');
      const second = await t.server.inject({ method: 'POST', url: `/api/admin/wire/items/${id}/use`, headers: reporter.headers });
      expect(second.statusCode).toBe(409);
      expect(second.json()).toEqual({ articleId, error: expect.objectContaining({ code: 'WIRE_ALREADY_USED' }) as unknown });
      const refused = await t.server.inject({ method: 'GET', url: '/api/admin/wire/items', headers: { cookie: (await loginAs(t, 'contributor')).cookie } });
      expect(refused.statusCode).toBe(403);
    });

    it('takes a story made by a rule off the site (410) when the agency kills the item', async () => {
      const now = new Date().toISOString();
      const source = await t.services.store.db
        .insertInto('wire_sources')
        .values({ name: 'AFP', agency: 'AFP', credit: 'AFP', kind: 'push', folder_path: null, feed_url: null, push_secret: null, rules: JSON.stringify([{ subjects: [], maxUrgency: null, sectionId, action: 'publish' }]), auto_apply_updates: 0, etag: null, last_modified: null, last_run_at: null, next_run_at: null, last_error: null, created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      const r = await ingest({ uri: 'urn:api:kill', headline: 'Ceasefire announced' }, source);
      const item = await t.services.wire.get(r.items[0]?.wireItemId ?? 0);
      const story = await t.services.articles.get(item.articleId ?? 0);
      expect((await t.server.inject({ method: 'GET', url: story.path })).statusCode).toBe(200);
      await ingest({ uri: 'urn:api:kill', version: 2, pubstatus: 'canceled' }, source);
      expect((await t.server.inject({ method: 'GET', url: story.path })).statusCode).toBe(410);
      const list = await adminRequest(t, 'GET', '/wire/items?state=killed');
      expect(list.json<{ items: { id: number; articleStatus: string }[] }>().items).toEqual([expect.objectContaining({ id: item.id, articleStatus: 'killed' })]);
    });

    it('streams an item event to an open inbox after an ingest', async () => {
      await t.server.listen({ port: 0, host: '127.0.0.1' });
      const port = (t.server.server.address() as AddressInfo).port;
      const editor = await loginAs(t, 'sub-editor');
      const stream = openStream(`http://127.0.0.1:${port}/api/admin/wire/events`, { cookie: editor.cookie });
      const res = await stream.ready;
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/event-stream');
      await expect.poll(() => stream.text(), { timeout: 10_000 }).toContain(': connected');
      await ingest({ uri: 'urn:api:live', headline: 'Breaking: live item' });
      await expect.poll(() => stream.text(), { timeout: 10_000 }).toMatch(/event: item\ndata: \{[^\n]*"headline":"Breaking: live item"/);
      stream.close();
      await stream.ended;
    });
  });
}
