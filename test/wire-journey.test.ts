/**
 * The wire desk's promise, end to end on the whole app: an agency file
 * dropped into a watched folder reaches the desk, an auto-publish rule puts
 * it live with the agency's dateline, credit and picture (said once, not
 * twice), and a later kill from the agency takes the page down (410).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWireRunner, type WireRunner } from '../src/features/wire/index.js';
import { adminRequest, createTestApp, type TestApp } from './app.js';
import { DIALECTS } from './db.js';

const slow = { timeout: 20_000, interval: 100 };
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

function newsMessage(o: { version: number; status: 'usable' | 'canceled' }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
  <header><sent>2026-11-29T07:55:00Z</sent><sender>afp.com</sender></header>
  <itemSet>
    <packageItem guid="urn:afp:pkg:20261129:geneva" version="1">
      <itemMeta><itemClass qcode="ninat:composite"/><pubStatus qcode="stat:usable"/></itemMeta>
      <groupSet root="G1">
        <group id="G1" role="group:main">
          <itemRef residref="urn:afp:20261129:geneva-talks"/>
          <itemRef residref="urn:afp:photo:20261129:geneva-hall"/>
        </group>
      </groupSet>
    </packageItem>
    <newsItem guid="urn:afp:20261129:geneva-talks" version="${o.version}">
      <itemMeta><itemClass qcode="ninat:text"/><versionCreated>2026-11-29T07:50:00Z</versionCreated><pubStatus qcode="stat:${o.status}"/></itemMeta>
      <contentMeta>
        <urgency>3</urgency>
        <headline>Ceasefire talks resume in Geneva</headline>
        <description role="drol:summary">Negotiators return to the table after a week's pause.</description>
        <subject qcode="medtop:11000000"><name>politics</name></subject>
      </contentMeta>
      <contentSet>
        <inlineXML contenttype="application/xhtml+xml">
          <html xmlns="http://www.w3.org/1999/xhtml"><body>
            <p>GENEVA, Nov 29, 2026 (AFP) - Ceasefire negotiators resumed talks in Geneva on Sunday after a week-long pause.</p>
            <p>Diplomats said the first session lasted four hours.</p>
            <p>A second round is planned for Monday. — AFP</p>
          </body></html>
        </inlineXML>
      </contentSet>
    </newsItem>
    <newsItem guid="urn:afp:photo:20261129:geneva-hall" version="1">
      <itemMeta><itemClass qcode="ninat:picture"/><pubStatus qcode="stat:usable"/></itemMeta>
      <contentMeta>
        <creditline>AFP / Fabrice Coffrini</creditline>
        <headline>Palais des Nations</headline>
        <description role="drol:caption">Delegates arrive at the Palais des Nations in Geneva.</description>
      </contentMeta>
      <contentSet><remoteContent rendition="rnd:highRes" href="geneva-hall.jpg" contenttype="image/jpeg" width="1200" height="800"/></contentSet>
    </newsItem>
  </itemSet>
</newsMessage>`;
}

for (const kind of DIALECTS) {
  describe(`the wire desk, from drop folder to reader page [${kind}]`, () => {
    let t: TestApp;
    let dir: string;
    let runner: WireRunner;
    let sectionId: number;

    beforeAll(async () => {
      t = await createTestApp(kind);
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wire-journey-'));
      const section = await adminRequest(t, 'POST', '/sections', { name: 'World', slug: 'world' });
      expect(section.statusCode).toBe(201);
      sectionId = section.json<{ id: number }>().id;
      const source = await adminRequest(t, 'POST', '/wire/sources', {
        name: 'AFP drop folder',
        agency: 'AFP',
        credit: 'AFP',
        kind: 'folder',
        folderPath: dir,
        rules: [{ subjects: ['Politics'], maxUrgency: null, sectionId, action: 'publish' }],
      });
      expect(source.statusCode).toBe(201);
      runner = createWireRunner({ wire: t.services.wire, sources: t.services.wireSources, clock: t.services.clock, log: silent, maxFileBytes: 10 * 1024 * 1024, tickMs: 250 });
      runner.start();
    });

    afterAll(async () => {
      await runner?.stop();
      await t?.close();
      if (dir) await fs.rm(dir, { recursive: true, force: true });
    });

    async function wireItem() {
      const res = await adminRequest(t, 'GET', '/wire/items?agency=AFP&q=Ceasefire');
      return res.json<{ items: { id: number; headline: string; articleId: number | null; articleStatus: string | null; killed: boolean }[] }>().items[0];
    }

    it('puts a dropped NewsML-G2 story on the desk and, by the rule, live in World with dateline, credit and picture', async () => {
      const picture = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#4a6fa5' } }).jpeg().toBuffer();
      await fs.writeFile(path.join(dir, 'geneva-hall.jpg'), picture);
      await fs.writeFile(path.join(dir, 'geneva.xml'), newsMessage({ version: 1, status: 'usable' }));

      await expect.poll(async () => (await wireItem())?.articleStatus, slow).toBe('published');
      const item = (await wireItem())!;
      expect(item.headline).toBe('Ceasefire talks resume in Geneva');

      const story = (await adminRequest(t, 'GET', `/articles/${item.articleId}`)).json<{ url: string; section: { id: number } | null; agencyCredit: string; dateline: { place: string; date: string | null }; featuredImage: { credit: string } | null }>();
      expect(story).toMatchObject({ section: { id: sectionId }, agencyCredit: 'AFP', dateline: { place: 'Geneva', date: '2026-11-29' } });
      expect(story.featuredImage?.credit).toBe('AFP / Fabrice Coffrini');

      const page = await t.server.inject({ method: 'GET', url: new URL(story.url).pathname });
      expect(page.statusCode).toBe(200);
      const html = page.body;
      expect(html).toContain('Ceasefire negotiators resumed talks in Geneva on Sunday');
      expect(html).toMatch(/GENEVA|Geneva/);
      expect(html).toContain('Delegates arrive at the Palais des Nations in Geneva.');
      // The agency's own dateline and sign-off were lifted into fields, so the copy never says them twice.
      expect(html).not.toContain('(AFP) -');
      expect(html).not.toContain('Monday. — AFP');
    });

    it('takes the page down when the agency kills the story, and tells the desk', async () => {
      const { articleId } = (await wireItem())!;
      const story = (await adminRequest(t, 'GET', `/articles/${articleId}`)).json<{ url: string }>();
      await fs.writeFile(path.join(dir, 'geneva-kill.xml'), newsMessage({ version: 2, status: 'canceled' }));

      await expect.poll(async () => (await wireItem())?.killed, slow).toBe(true);
      await expect.poll(async () => (await t.server.inject({ method: 'GET', url: new URL(story.url).pathname })).statusCode, slow).toBe(410);
      // Both files leave the drop folder for processed/ (moved after the item's commit, so the page can be down
      // a moment before), and nothing was quarantined.
      await expect.poll(async () => (await fs.readdir(dir)).filter((f) => f.endsWith('.xml')), slow).toEqual([]);
      expect(await fs.readdir(dir)).not.toContain('quarantine');
    });
  });
}
