import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { createWireSourceService, type WireSourceService } from './wire-source.service.js';
import { createWireRunner, type WireRunnerDeps } from './wire.runner.js';
import { ninjs, wireKit } from './wire.test-kit.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'iptc', 'LISTING_2_NewsML-G2_Text_Document.xml');
const FIXTURE_GUID = 'urn:newsml:acmenews.com:20161121:US-FINANCE-FED';
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const slow = { timeout: 10_000, interval: 50 };

describeEachDb('the wire runner', (ctx) => {
  let kit: Awaited<ReturnType<typeof wireKit>>;
  let sources: WireSourceService;
  let dir: string;
  const stops: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    kit = await wireKit(ctx());
    // Files written by the test are older than the settle time by this clock; the half-written case is in wire.folder.test.ts.
    kit.clock.set(new Date(Date.now() + 60_000));
    sources = createWireSourceService({ db: kit.db, clock: kit.clock, publicUrl: 'https://news.example.test', sections: kit.sections });
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wire-runner-'));
  });
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await kit.db.deleteFrom('wire_sources').execute();
    await fs.rm(dir, { recursive: true, force: true });
    await kit.cleanup();
  });

  function runner(extra: Partial<WireRunnerDeps> = {}) {
    const r = createWireRunner({ wire: kit.wire, sources, clock: kit.clock, log: silent, maxFileBytes: 1024 * 1024, tickMs: 3_600_000, ...extra });
    stops.push(() => r.stop());
    return r;
  }
  const day = () => kit.clock.now().toISOString().slice(0, 10);
  const ls = (sub: string) => fs.readdir(path.join(dir, sub)).then((n) => n.sort(), () => [] as string[]);
  const itemGuids = async () => (await kit.db.selectFrom('wire_items').select('guid').execute()).map((r) => r.guid);

  it('picks up a NewsML-G2 file dropped into a watched folder and moves it to processed/ once stored', async () => {
    const s = await sources.create({ name: 'Acme drop', agency: 'Acme', kind: 'folder', folderPath: dir });
    const r = runner();
    r.start();
    await r.tick(); // watching now; nothing there yet
    await fs.copyFile(FIXTURE, path.join(dir, 'fed.xml'));
    await expect.poll(() => ls(`processed/${day()}`), slow).toEqual(['fed.xml']);
    expect(await itemGuids()).toContain(FIXTURE_GUID);
    const row = await kit.db.selectFrom('wire_items').select(['source_id', 'agency']).where('guid', '=', FIXTURE_GUID).executeTakeFirstOrThrow();
    expect(row).toEqual({ source_id: s.id, agency: 'Acme' });
    expect(await ls('')).toEqual(['processed']);
    expect((await sources.get(s.id)).status).toMatchObject({ failures: 0, lastError: null });
  });

  it('quarantines a malformed file with a reason beside it, and the desk sees the refusal', async () => {
    const s = await sources.create({ name: 'Acme drop', agency: 'Acme', kind: 'folder', folderPath: dir });
    await fs.writeFile(path.join(dir, 'broken.xml'), '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x"><contentSet><unclosed>');
    const r = runner();
    r.start();
    await expect.poll(() => ls('quarantine'), slow).toEqual(['broken.xml', 'broken.xml.reason.txt']);
    const refusal = await kit.db.selectFrom('wire_refusals').selectAll().where('filename', '=', 'broken.xml').executeTakeFirstOrThrow();
    expect(refusal.source_id).toBe(s.id);
    const reason = await fs.readFile(path.join(dir, 'quarantine', 'broken.xml.reason.txt'), 'utf8');
    expect(reason).toContain(`code: ${refusal.code}`);
    expect(reason).toContain(refusal.message);
  });

  it('reads at start what arrived while it was stopped', async () => {
    await sources.create({ name: 'AFP drop', agency: 'AFP', kind: 'folder', folderPath: dir });
    const first = runner();
    first.start();
    await first.stop();
    await fs.writeFile(path.join(dir, 'while-down.json'), ninjs({ uri: 'urn:afp:down:1' }));
    const second = runner({ watch: false });
    second.start();
    await expect.poll(() => ls(`processed/${day()}`), slow).toEqual(['while-down.json']);
    expect(await itemGuids()).toContain('urn:afp:down:1');
  });

  it('never scans one folder twice at once, and reads each file once', async () => {
    const s = await sources.create({ name: 'AFP drop', agency: 'AFP', kind: 'folder', folderPath: dir });
    for (let i = 1; i <= 3; i++) await fs.writeFile(path.join(dir, `s${i}.json`), ninjs({ uri: `urn:afp:once:${i}` }));
    let active = 0;
    let most = 0;
    const seen: string[] = [];
    const wire = {
      ...kit.wire,
      async ingestFile(bytes: Buffer, c: Parameters<typeof kit.wire.ingestFile>[1]) {
        active++;
        most = Math.max(most, active);
        seen.push(c.filename);
        await new Promise((resolve) => setTimeout(resolve, 20));
        try {
          return await kit.wire.ingestFile(bytes, c);
        } finally {
          active--;
        }
      },
    };
    const r = runner({ wire, watch: false });
    await Promise.all([r.runNow(s.id), r.runNow(s.id), r.tick(), r.tick()]);
    expect(most).toBe(1);
    expect(seen.sort()).toEqual(['s1.json', 's2.json', 's3.json']);
    expect(await ls(`processed/${day()}`)).toEqual(['s1.json', 's2.json', 's3.json']);
  });

  it('stop() waits for the file being read', async () => {
    await sources.create({ name: 'AFP drop', agency: 'AFP', kind: 'folder', folderPath: dir });
    await fs.writeFile(path.join(dir, 'slow.json'), ninjs({ uri: 'urn:afp:slow:1' }));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered = false;
    const wire = {
      ...kit.wire,
      async ingestFile(bytes: Buffer, c: Parameters<typeof kit.wire.ingestFile>[1]) {
        entered = true;
        await gate;
        return kit.wire.ingestFile(bytes, c);
      },
    };
    const r = runner({ wire, watch: false });
    r.start();
    await expect.poll(() => entered, slow).toBe(true);
    let stopped = false;
    const stopping = r.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await ls(`processed/${day()}`)).toEqual(['slow.json']);
  });

  describe('polling a feed', () => {
    let server: http.Server;
    let base = '';
    let mode: 'ok' | 'fail' = 'ok';
    const requests: http.IncomingHttpHeaders[] = [];
    beforeAll(async () => {
      server = http.createServer((req, res) => {
        requests.push(req.headers);
        if (mode === 'fail') {
          res.writeHead(500).end('boom');
        } else if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304).end();
        } else {
          res.writeHead(200, { 'content-type': 'application/json', etag: '"v1"', 'last-modified': 'Sat, 28 Nov 2026 09:00:00 GMT' }).end(ninjs({ uri: 'urn:ians:feed:1' }));
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    it('sends the last ETag, does nothing on 304, backs off on errors and recovers', async () => {
      mode = 'ok';
      requests.length = 0;
      const s = await sources.create({ name: 'IANS feed', agency: 'IANS', kind: 'poll', feedUrl: `${base}/feed.json`, pollIntervalSeconds: 60 });
      const r = runner({ watch: false });
      const status = async () => (await sources.get(s.id)).status;
      const later = (seconds: number) => kit.clock.advance(seconds * 1000);

      await r.tick();
      expect(requests).toHaveLength(1);
      expect(requests[0]?.['if-none-match']).toBeUndefined();
      expect(await itemGuids()).toContain('urn:ians:feed:1');
      const fetched = await sources.source(s.id);
      expect(fetched).toMatchObject({ etag: '"v1"', lastModified: 'Sat, 28 Nov 2026 09:00:00 GMT', failures: 0 });
      expect(fetched.nextRunAt).toBe(new Date(kit.clock.now().getTime() + 60_000).toISOString());

      await r.tick(); // not due yet
      expect(requests).toHaveLength(1);

      later(61);
      await r.tick();
      expect(requests).toHaveLength(2);
      expect(requests[1]).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': 'Sat, 28 Nov 2026 09:00:00 GMT' });
      expect(await status()).toMatchObject({ failures: 0, lastError: null });

      mode = 'fail';
      later(61);
      await r.tick();
      expect(await status()).toMatchObject({ failures: 1, lastError: expect.stringContaining('HTTP 500') as string });
      expect((await status()).nextRunAt).toBe(new Date(kit.clock.now().getTime() + 120_000).toISOString());
      later(61);
      await r.tick(); // backing off: not yet
      expect(requests).toHaveLength(3);
      later(60);
      await r.tick();
      expect(requests).toHaveLength(4);
      expect(await status()).toMatchObject({ failures: 2 });
      expect((await status()).nextRunAt).toBe(new Date(kit.clock.now().getTime() + 240_000).toISOString());

      mode = 'ok';
      later(241);
      await r.tick();
      expect(requests).toHaveLength(5);
      expect(requests[4]?.['if-none-match']).toBe('"v1"');
      expect(await status()).toMatchObject({ failures: 0, lastError: null });
    });
  });
});
