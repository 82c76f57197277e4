import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import { createSectionService } from '../sections/index.js';
import { createWireSourceService, type WireSourceService } from './wire-source.service.js';

describeEachDb('wire source service', (ctx) => {
  const clock = fixedClock('2026-11-29T10:00:00.000Z');
  let sources: WireSourceService;
  let dir: string;
  let sectionId: number;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wire-src-'));
    sectionId = (await createSectionService({ db: ctx().db, clock }).create({ slug: 'world', name: 'World' })).id;
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    clock.set('2026-11-29T10:00:00.000Z');
    await ctx().db.deleteFrom('wire_sources').execute();
    sources = createWireSourceService({ db: ctx().db, clock, publicUrl: 'https://news.example.test', sections: createSectionService({ db: ctx().db, clock }) });
  });

  it('stores a source with its rules and defaults, and shows it without any secret', async () => {
    const s = await sources.create({ name: '  AFP   world ', agency: 'AFP', kind: 'push', rules: [{ subjects: ['Politics'], maxUrgency: null, sectionId, action: 'publish' }] });
    expect(s).toMatchObject({ name: 'AFP world', credit: 'AFP', kind: 'push', enabled: true, hasSecret: false, pushUrl: `https://news.example.test/api/wire/push/${s.id}` });
    const { secret } = await sources.rotateSecret(s.id);
    expect((await sources.source(s.id)).pushSecret).toBe(secret);
    expect(JSON.stringify(await sources.list())).not.toContain(secret);
    expect((await sources.pushSource(s.id)).id).toBe(s.id);
  });

  it('keeps only what the kind uses: a folder path for folders, a feed URL for polls', async () => {
    const s = await sources.create({ name: 'Drop', agency: 'PTI', kind: 'folder', folderPath: `${dir}/`, feedUrl: 'https://ignored.example/' });
    expect(s).toMatchObject({ folderPath: dir, feedUrl: null });
    const moved = await sources.update(s.id, { kind: 'poll', feedUrl: 'https://pti.example/feed.xml' });
    expect(moved).toMatchObject({ kind: 'poll', folderPath: null, feedUrl: 'https://pti.example/feed.xml' });
    await expect(sources.update(s.id, { kind: 'folder' })).rejects.toMatchObject({ code: 'WIRE_FOLDER_INVALID', field: 'folderPath' });
  });

  it('lets one server claim a due run, and no one else until it is due again', async () => {
    const s = await sources.create({ name: 'Feed', agency: 'IANS', kind: 'poll', feedUrl: 'https://ians.example/feed' });
    const claims = await Promise.all([sources.claimRun(s.id), sources.claimRun(s.id), sources.claimRun(s.id)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    await sources.recordRun(s.id, { ok: true, etag: '"1"' });
    expect(await sources.claimRun(s.id)).toBe(false);
    clock.advance(120_000);
    expect(await sources.claimRun(s.id)).toBe(true);
  });

  it('records failures with a growing back-off, and a success clears them', async () => {
    const s = await sources.create({ name: 'Feed', agency: 'IANS', kind: 'poll', feedUrl: 'https://ians.example/feed', pollIntervalSeconds: 600 });
    const nexts: string[] = [];
    for (let i = 0; i < 4; i++) {
      await sources.recordRun(s.id, { ok: false, error: 'HTTP 503' });
      nexts.push((await sources.get(s.id)).status.nextRunAt ?? '');
    }
    expect(nexts).toEqual(['2026-11-29T10:20:00.000Z', '2026-11-29T10:40:00.000Z', '2026-11-29T11:00:00.000Z', '2026-11-29T11:00:00.000Z']);
    expect((await sources.get(s.id)).status).toMatchObject({ failures: 4, lastError: 'HTTP 503' });
    await sources.recordRun(s.id, { ok: true });
    expect((await sources.get(s.id)).status).toMatchObject({ failures: 0, lastError: null, nextRunAt: '2026-11-29T10:10:00.000Z' });
  });

  it('forgets the validators and the errors of a feed whose URL changed, and runs it at once', async () => {
    const s = await sources.create({ name: 'Feed', agency: 'IANS', kind: 'poll', feedUrl: 'https://ians.example/feed' });
    await sources.recordRun(s.id, { ok: false, error: 'HTTP 500', etag: '"x"' });
    await sources.update(s.id, { feedUrl: 'https://ians.example/feed2' });
    expect(await sources.source(s.id)).toMatchObject({ etag: null, failures: 0, lastError: null, nextRunAt: null });
  });

  it('answers a disabled or non-push source as unknown to pushers', async () => {
    const push = await sources.create({ name: 'P', agency: 'AP', kind: 'push', enabled: false });
    await expect(sources.pushSource(push.id)).rejects.toMatchObject({ code: 'WIRE_SOURCE_NOT_FOUND', kind: 'not_found' });
    const poll = await sources.create({ name: 'F', agency: 'AP', kind: 'poll', feedUrl: 'https://ap.example/' });
    await expect(sources.pushSource(poll.id)).rejects.toMatchObject({ code: 'WIRE_SOURCE_NOT_FOUND' });
    await sources.remove(push.id);
    await expect(sources.remove(push.id)).rejects.toMatchObject({ code: 'WIRE_SOURCE_NOT_FOUND' });
  });
});
