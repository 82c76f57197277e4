import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRequest, createTestApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { ninjs } from './wire.test-kit.js';
import { signWireBody } from './wire.push.js';
import { createWireRunner } from './wire.runner.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

for (const kind of DIALECTS) {
  describe(`wire source routes [${kind}]`, () => {
    let t: TestApp;
    let folder: string;
    let sectionId: number;
    beforeAll(async () => {
      t = await createTestApp(kind, { env: { WIRE_MAX_FILE_BYTES: '4kb' } });
      folder = await fs.mkdtemp(path.join(os.tmpdir(), 'wire-api-'));
      sectionId = (await t.services.sections.create({ slug: 'world', name: 'World' })).id;
    });
    afterAll(async () => {
      await t?.close();
      if (folder) await fs.rm(folder, { recursive: true, force: true });
    });

    const admin = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => adminRequest(t, method, url, payload);
    const push = (id: number, body: Buffer | string, headers: Record<string, string> = {}) =>
      t.server.inject({ method: 'POST', url: `/api/wire/push/${id}`, payload: body, headers: { 'content-type': 'application/json', ...headers } });

    it('lets an admin add, change, list and remove a drop-folder source', async () => {
      const rule = { subjects: ['Politics'], maxUrgency: 3, sectionId, action: 'publish' };
      const created = await admin('POST', '/wire/sources', { name: 'AFP drop', agency: 'AFP', kind: 'folder', folderPath: folder, rules: [rule] });
      expect(created.statusCode, created.body).toBe(201);
      const s = created.json<{ id: number }>();
      expect(created.json()).toMatchObject({ kind: 'folder', folderPath: folder, credit: 'AFP', pollIntervalSeconds: 120, enabled: true, rules: [rule], pushUrl: null, hasSecret: false, status: { failures: 0 } });

      const patched = await admin('PATCH', `/wire/sources/${s.id}`, { credit: 'AFP/Agence France-Presse', enabled: false });
      expect(patched.json()).toMatchObject({ credit: 'AFP/Agence France-Presse', enabled: false, folderPath: folder });
      expect((await admin('GET', '/wire/sources')).json<{ items: { id: number }[] }>().items.map((i) => i.id)).toContain(s.id);

      // One folder, one source: two would scan it at once.
      const twice = await admin('POST', '/wire/sources', { name: 'AFP again', agency: 'AFP', kind: 'folder', folderPath: folder });
      expect(twice.statusCode).toBe(409);
      expect(twice.json()).toMatchObject({ error: { code: 'WIRE_FOLDER_TAKEN', field: 'folderPath' } });

      expect((await admin('DELETE', `/wire/sources/${s.id}`)).statusCode).toBe(204);
      expect((await admin('GET', `/wire/sources/${s.id}`)).json()).toMatchObject({ error: { code: 'WIRE_SOURCE_NOT_FOUND' } });
    });

    it('refuses a bad folder, a feed that is not http(s), a rule for a section that does not exist and a too-eager interval, naming the field', async () => {
      const cases: [object, string, string][] = [
        [{ kind: 'folder', folderPath: 'relative/wire' }, 'WIRE_FOLDER_INVALID', 'folderPath'],
        [{ kind: 'folder', folderPath: path.join(folder, 'not-there') }, 'WIRE_FOLDER_INVALID', 'folderPath'],
        [{ kind: 'folder' }, 'WIRE_FOLDER_INVALID', 'folderPath'],
        [{ kind: 'folder', folderPath: '/' }, 'WIRE_FOLDER_INVALID', 'folderPath'],
        [{ kind: 'poll', feedUrl: 'file:///etc/passwd' }, 'WIRE_FEED_URL_INVALID', 'feedUrl'],
        [{ kind: 'poll', feedUrl: 'ftp://agency.example/feed.xml' }, 'WIRE_FEED_URL_INVALID', 'feedUrl'],
        [{ kind: 'push', rules: [{ subjects: [], maxUrgency: null, sectionId: 424242, action: 'draft' }] }, 'WIRE_RULE_INVALID', 'rules.0.sectionId'],
        [{ kind: 'poll', feedUrl: 'https://agency.example/feed.xml', pollIntervalSeconds: 5 }, 'VALIDATION_FAILED', 'pollIntervalSeconds'],
        [{ kind: 'carrier-pigeon' }, 'VALIDATION_FAILED', 'kind'],
      ];
      // The data folder holds the database and media: the runner must never move files out of it.
      cases.push([{ kind: 'folder', folderPath: path.join(t.dataDir, 'media') }, 'WIRE_FOLDER_INVALID', 'folderPath']);
      for (const [extra, code, field] of cases) {
        const res = await admin('POST', '/wire/sources', { name: 'Bad', agency: 'X', ...extra });
        expect(res.statusCode, JSON.stringify(extra)).toBe(400);
        expect(res.json(), JSON.stringify(extra)).toMatchObject({ error: { code, field } });
      }
    });

    it('takes signed pushes: 202 with the items, 401 for a wrong signature, 404 for an unknown source, 413 when too large', async () => {
      const s = (await admin('POST', '/wire/sources', { name: 'PTI push', agency: 'PTI', kind: 'push' })).json<{ id: number; pushUrl: string }>();
      expect(s.pushUrl).toBe(`https://news.example.test/api/wire/push/${s.id}`);
      const body = ninjs({ uri: 'urn:pti:push:1', headline: 'Pushed story' });
      // No secret yet: nothing can be signed.
      expect((await push(s.id, body, { 'x-dateline-signature': signWireBody('guess', body) })).statusCode).toBe(401);

      const { secret } = (await admin('POST', `/wire/sources/${s.id}/secret`)).json<{ secret: string }>();
      expect(secret.length).toBeGreaterThan(30);
      const shown = await admin('GET', `/wire/sources/${s.id}`);
      expect(shown.json()).toMatchObject({ hasSecret: true });
      expect(shown.body).not.toContain(secret);

      const ok = await push(s.id, body, { 'x-dateline-signature': signWireBody(secret, body), 'x-dateline-filename': 'pti-1.json' });
      expect(ok.statusCode, ok.body).toBe(202);
      expect(ok.json()).toMatchObject({ status: 'ingested', filename: 'pti-1.json', items: [{ guid: 'urn:pti:push:1', version: 1, outcome: 'new' }] });

      const wrong = await push(s.id, body, { 'x-dateline-signature': signWireBody(secret, Buffer.concat([body, Buffer.from(' ')])) });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toMatchObject({ error: { code: 'WIRE_SIGNATURE_INVALID' } });
      expect((await push(s.id, body)).json()).toMatchObject({ error: { code: 'WIRE_SIGNATURE_INVALID' } });

      expect((await push(999_999, body, { 'x-dateline-signature': signWireBody(secret, body) })).json()).toMatchObject({ error: { code: 'WIRE_SOURCE_NOT_FOUND' } });
      expect((await push(999_999, body)).statusCode).toBe(404);

      const huge = Buffer.from(JSON.stringify({ uri: 'urn:big', headline: 'x'.repeat(5000) }));
      const tooLarge = await push(s.id, huge, { 'x-dateline-signature': signWireBody(secret, huge) });
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json()).toMatchObject({ error: { code: 'WIRE_TOO_LARGE' } });

      // Any content type is taken as raw bytes; a malformed file is refused with its code and shows on the desk.
      const broken = Buffer.from('<newsItem><broken');
      const refused = await push(s.id, broken, { 'content-type': 'application/xml', 'x-dateline-signature': signWireBody(secret, broken) });
      expect(refused.statusCode).toBe(422);
      expect(refused.json<{ error: { code: string } }>().error.code).toMatch(/^WIRE_/);
      const refusals = await admin('GET', '/wire/refusals?limit=5');
      expect(refusals.json<{ items: { sourceId: number }[] }>().items[0]).toMatchObject({ sourceId: s.id });

      // A rotated secret replaces the old one at once; a disabled source answers like an unknown one.
      const { secret: next } = (await admin('POST', `/wire/sources/${s.id}/secret`)).json<{ secret: string }>();
      expect((await push(s.id, body, { 'x-dateline-signature': signWireBody(secret, body) })).statusCode).toBe(401);
      expect((await push(s.id, body, { 'x-dateline-signature': signWireBody(next, body) })).json()).toMatchObject({ status: 'unchanged' });
      await admin('PATCH', `/wire/sources/${s.id}`, { enabled: false });
      expect((await push(s.id, body, { 'x-dateline-signature': signWireBody(next, body) })).statusCode).toBe(404);
    });

    it('gives no secret to a source that takes no pushes', async () => {
      const s = (await admin('POST', '/wire/sources', { name: 'Feed', agency: 'IANS', kind: 'poll', feedUrl: 'https://ians.example/feed.xml' })).json<{ id: number }>();
      expect((await admin('POST', `/wire/sources/${s.id}/secret`)).json()).toMatchObject({ error: { code: 'WIRE_SOURCE_NOT_PUSH' } });
      expect((await push(s.id, 'x', { 'x-dateline-signature': signWireBody('', 'x') })).statusCode).toBe(404);
    });

    it('runs a source on demand through the running wire runner', async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wire-run-'));
      try {
        const s = (await admin('POST', '/wire/sources', { name: 'Reuters drop', agency: 'Reuters', kind: 'folder', folderPath: dir })).json<{ id: number }>();
        expect((await admin('POST', `/wire/sources/${s.id}/run`)).json()).toMatchObject({ error: { code: 'WIRE_RUNNER_STOPPED' } });
        const runner = createWireRunner({ wire: t.services.wire, sources: t.services.wireSources, clock: t.services.clock, log: silent, maxFileBytes: 4096, watch: false, tickMs: 3_600_000 });
        runner.start();
        try {
          await runner.tick();
          await fs.writeFile(path.join(dir, 'r1.json'), ninjs({ uri: 'urn:reuters:run:1' }));
          const old = new Date(Date.now() - 60_000);
          await fs.utimes(path.join(dir, 'r1.json'), old, old);
          const ran = await admin('POST', `/wire/sources/${s.id}/run`);
          expect(ran.statusCode, ran.body).toBe(200);
          expect(ran.json()).toMatchObject({ sourceId: s.id, outcome: 'done', files: [{ filename: 'r1.json', status: 'ingested' }] });
          expect((await admin('GET', `/wire/sources/${s.id}`)).json<{ status: { lastRunAt: string | null } }>().status.lastRunAt).not.toBeNull();
        } finally {
          await runner.stop();
        }
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    });
  });
}
