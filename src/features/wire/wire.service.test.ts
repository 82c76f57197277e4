import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { bodyToPlainText, createArticleScheduler } from '../articles/index.js';
import { ninjs, wireKit } from './wire.test-kit.js';

describeEachDb('wire ingest', (ctx) => {
  let kit: Awaited<ReturnType<typeof wireKit>>;
  let worldId: number;
  beforeAll(async () => {
    kit = await wireKit(ctx());
    worldId = (await kit.sections.create({ slug: 'world', name: 'World' })).id;
  });
  afterAll(() => kit.cleanup());

  const versionsOf = async (id: number) => (await kit.wire.get(id)).versions.map((v) => v.version);
  const countItems = async (guid: string) => (await kit.db.selectFrom('wire_items').select('id').where('guid', '=', guid).execute()).length;

  it('ingests a new item and changes nothing when the same file comes again', async () => {
    const file = ninjs({ uri: 'urn:afp:same', headline: 'Same copy twice' });
    const first = await kit.wire.ingestFile(file, { source: null, filename: 'same.json', agency: 'AFP' });
    expect(first).toMatchObject({ status: 'ingested', refusal: null, items: [{ guid: 'urn:afp:same', version: 1, outcome: 'new' }] });
    const id = first.items[0]?.wireItemId ?? 0;
    const before = await kit.wire.get(id);
    kit.clock.advance(60_000);
    const again = await kit.wire.ingestFile(file, { source: null, filename: 'same.json', agency: 'AFP' });
    expect(again).toMatchObject({ status: 'unchanged', items: [{ wireItemId: id, outcome: 'unchanged' }] });
    expect(await countItems('urn:afp:same')).toBe(1);
    expect(await versionsOf(id)).toEqual([1]);
    expect((await kit.wire.get(id)).updatedAt).toBe(before.updatedAt);
  });

  it('takes a newer version as an update with its own version row, and an older one as stale', async () => {
    const src = await kit.source();
    const v1 = await kit.wire.ingestFile(ninjs({ uri: 'urn:afp:ver', version: 1, headline: 'Quake hits coast' }), { source: src, filename: 'a.json' });
    const id = v1.items[0]?.wireItemId ?? 0;
    kit.clock.advance(60_000);
    const v3 = await kit.wire.ingestFile(ninjs({ uri: 'urn:afp:ver', version: 3, headline: 'Quake hits coast, 12 dead' }), { source: src, filename: 'b.json' });
    expect(v3.items[0]).toMatchObject({ wireItemId: id, version: 3, outcome: 'updated' });
    const stale = await kit.wire.ingestFile(ninjs({ uri: 'urn:afp:ver', version: 2, headline: 'Quake hits coast, 5 dead' }), { source: src, filename: 'c.json' });
    expect(stale).toMatchObject({ status: 'unchanged', items: [{ outcome: 'stale' }] });
    const item = await kit.wire.get(id);
    expect(item.headline).toBe('Quake hits coast, 12 dead');
    expect(item.version).toBe(3);
    expect(await versionsOf(id)).toEqual([1, 3]);
  });

  it('marks the story made from an item when a newer version arrives, and alerts the desk', async () => {
    const src = await kit.source();
    const v1 = await kit.wire.ingestFile(ninjs({ uri: 'urn:afp:upd', headline: 'Talks open' }), { source: src, filename: 'a.json' });
    const id = v1.items[0]?.wireItemId ?? 0;
    const { articleId } = await kit.wire.use(id, { userId: null, name: 'Desk', role: 'sub-editor' });
    await kit.wire.ingestFile(ninjs({ uri: 'urn:afp:upd', version: 2, headline: 'Talks collapse' }), { source: src, filename: 'b.json' });
    const item = await kit.wire.get(id);
    expect(item.updateAvailable).toBe(true);
    expect((await kit.articles.get(articleId)).headline).toBe('Talks open');
    expect(kit.events).toContainEqual(expect.objectContaining({ type: 'alert', wireItemId: id, articleId }));
    // The desk applies it.
    await kit.wire.applyUpdate(id, { userId: null, name: 'Desk', role: 'sub-editor' });
    const story = await kit.articles.get(articleId);
    expect(story.headline).toBe('Talks collapse');
    expect(story.source).toEqual({ agency: 'AFP', guid: 'urn:afp:upd', version: '2' });
    expect((await kit.wire.get(id)).updateAvailable).toBe(false);
  });

  it('applies a newer version to the story by itself when the source says so', async () => {
    const src = await kit.source({ autoApplyUpdates: true, rules: [{ subjects: ['Elections'], maxUrgency: null, sectionId: worldId, action: 'publish' }] });
    const v1 = await kit.wire.ingestFile(ninjs({ uri: 'urn:afp:auto', headline: 'Polls open', subjects: ['Elections'] }), { source: src, filename: 'a.json' });
    const id = v1.items[0]?.wireItemId ?? 0;
    const articleId = (await kit.wire.get(id)).articleId ?? 0;
    expect((await kit.articles.get(articleId)).status).toBe('published');
    await kit.wire.ingestFile(ninjs({ uri: 'urn:afp:auto', version: 2, headline: 'Polls close', subjects: ['Elections'] }), { source: src, filename: 'b.json' });
    const story = await kit.articles.get(articleId);
    expect(story.headline).toBe('Polls close');
    expect(story.status).toBe('published');
    expect((await kit.wire.get(id)).updateAvailable).toBe(false);
  });

  it('shows a correction as such, in the item and its version history', async () => {
    const r1 = await kit.wire.ingestFile(ninjs({ uri: 'urn:afp:corr', headline: 'Minister resigns' }), { source: null, filename: 'a.json', agency: 'AFP' });
    const id = r1.items[0]?.wireItemId ?? 0;
    await kit.wire.ingestFile(ninjs({ uri: 'urn:afp:corr', version: 2, headline: 'Deputy minister resigns', correction: true }), { source: null, filename: 'b.json', agency: 'AFP' });
    const item = await kit.wire.get(id);
    expect(item.isCorrection).toBe(true);
    expect(item.versions).toEqual([
      expect.objectContaining({ version: 1, isCorrection: false }),
      expect.objectContaining({ version: 2, isCorrection: true }),
    ]);
  });

  it('kills the item and the story made from it when the agency cancels, and alerts the desk', async () => {
    const src = await kit.source({ rules: [{ subjects: [], maxUrgency: null, sectionId: worldId, action: 'publish' }] });
    const v1 = await kit.wire.ingestFile(ninjs({ uri: 'urn:afp:kill', headline: 'Celebrity dies' }), { source: src, filename: 'a.json' });
    const id = v1.items[0]?.wireItemId ?? 0;
    const articleId = (await kit.wire.get(id)).articleId ?? 0;
    expect((await kit.articles.get(articleId)).status).toBe('published');
    const kill = await kit.wire.ingestFile(ninjs({ uri: 'urn:afp:kill', version: 2, pubstatus: 'canceled', headline: 'KILL: Celebrity dies' }), { source: src, filename: 'k.json' });
    expect(kill.items[0]?.outcome).toBe('killed');
    const item = await kit.wire.get(id);
    expect(item.killed).toBe(true);
    expect(item.articleStatus).toBe('killed');
    const story = await kit.articles.get(articleId);
    expect(story.status).toBe('killed');
    expect(story.deskNote).toContain('killed "KILL: Celebrity dies" (version 2)');
    await expect(kit.articles.getPublished(articleId)).rejects.toMatchObject({ kind: 'gone' });
    expect(kit.events).toContainEqual(expect.objectContaining({ type: 'alert', wireItemId: id, articleId }));
  });

  it('publishes an item matching a rule in the rule\'s section, with dateline, credit and picture, and no dateline in the body', async () => {
    const src = await kit.source({ rules: [{ subjects: ['politics'], maxUrgency: 4, sectionId: worldId, action: 'publish' }] });
    const body = '<p>GENEVA, Nov 28, 2026 (AFP) - Negotiators agreed on a text late on Friday.</p><p>The deal now goes to ministers. -- AFP</p>';
    const low = await kit.wire.ingestFile(ninjs({ uri: 'urn:afp:low', subjects: ['Politics'], urgency: 6 }), { source: src, filename: 'l.json' });
    expect((await kit.wire.get(low.items[0]?.wireItemId ?? 0)).articleId).toBeNull();
    const dropDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dateline-wire-drop-'));
    await fs.writeFile(path.join(dropDir, 'talks.jpg'), await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 30, b: 30 } } }).jpeg().toBuffer());
    const r = await kit.wire.ingestFile(ninjs({ uri: 'urn:afp:rule', headline: 'Climate deal agreed', bodyHtml: body, subjects: ['Politics'], urgency: 2, pictures: ['talks.jpg'] }), {
      source: src,
      filename: 'r.json',
      baseDir: dropDir,
    });
    await fs.rm(dropDir, { recursive: true, force: true });
    const item = await kit.wire.get(r.items[0]?.wireItemId ?? 0);
    expect(item.pictures).toEqual([expect.objectContaining({ caption: 'Picture 1', credit: 'AFP' })]);
    const story = await kit.articles.get(item.articleId ?? 0);
    expect(story).toMatchObject({ status: 'published', sectionId: worldId, datelinePlace: 'Geneva', datelineDate: '2026-11-28', agencyCredit: 'AFP', headline: 'Climate deal agreed' });
    expect(story.featuredImage).toMatchObject({ id: item.pictures[0]?.mediaId, caption: 'Picture 1' });
    expect(story.source).toEqual({ agency: 'AFP', guid: 'urn:afp:rule', version: '1' });
    const text = bodyToPlainText(story.body);
    expect(text).toContain('Negotiators agreed');
    expect(text).not.toMatch(/GENEVA|\(AFP\)|-- AFP/);
  });

  it('schedules a rule\'s story for the embargo instead of publishing it before', async () => {
    const src = await kit.source({ rules: [{ subjects: [], maxUrgency: null, sectionId: worldId, action: 'publish' }] });
    const r = await kit.wire.ingestFile(ninjs({ uri: 'urn:afp:emb', headline: 'Report under embargo', embargoed: '2026-11-30T06:00:00Z' }), { source: src, filename: 'e.json' });
    const item = await kit.wire.get(r.items[0]?.wireItemId ?? 0);
    expect(item.embargoUntil).toBe('2026-11-30T06:00:00.000Z');
    const story = await kit.articles.get(item.articleId ?? 0);
    expect(story).toMatchObject({ status: 'scheduled', scheduledAt: '2026-11-30T06:00:00.000Z', embargoUntil: '2026-11-30T06:00:00.000Z' });
    await expect(kit.articles.getPublished(story.id)).rejects.toMatchObject({ kind: 'not_found' });
    // At the embargo the scheduler puts it live.
    const scheduler = createArticleScheduler({ db: kit.db, clock: kit.clock, articles: kit.articles, log: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    kit.clock.set('2026-11-30T06:00:05.000Z');
    await scheduler.tick();
    await expect(kit.articles.getPublished(story.id)).resolves.toMatchObject({ status: 'published', publishedAt: '2026-11-30T06:00:00.000Z' });
  });

  it('makes a linked draft on Use, and refuses a second Use naming the story', async () => {
    const r = await kit.wire.ingestFile(ninjs({ uri: 'urn:afp:use', headline: 'Budget unveiled', located: 'New Delhi', subjects: ['Economy'] }), { source: null, filename: 'u.json', agency: 'AFP' });
    const id = r.items[0]?.wireItemId ?? 0;
    const reporter = { userId: null, name: 'Rita', role: 'reporter' as const };
    const { articleId } = await kit.wire.use(id, reporter);
    const story = await kit.articles.get(articleId);
    expect(story).toMatchObject({ status: 'draft', headline: 'Budget unveiled', agencyCredit: 'AFP', source: { agency: 'AFP', guid: 'urn:afp:use', version: '1' } });
    expect(story.tags.map((t) => t.name)).toEqual(['Economy']);
    expect((await kit.wire.get(id)).articleId).toBe(articleId);
    await expect(kit.wire.use(id, reporter)).rejects.toMatchObject({ code: 'WIRE_ALREADY_USED', extra: { articleId } });
  });

  it('takes two versions of one item in one file, and a racing ingest of the same new item once', async () => {
    const list = Buffer.from(`[${ninjs({ uri: 'urn:afp:pair', headline: 'First take' }).toString()},${ninjs({ uri: 'urn:afp:pair', version: 2, headline: 'Second take' }).toString()}]`);
    const r = await kit.wire.ingestFile(list, { source: null, filename: 'pair.json', agency: 'AFP' });
    expect(r.items.map((i) => i.outcome)).toEqual(['new', 'updated']);
    expect((await kit.wire.get(r.items[0]?.wireItemId ?? 0)).headline).toBe('Second take');
    const file = ninjs({ uri: 'urn:afp:race', headline: 'Raced' });
    const both = await Promise.all([1, 2].map((n) => kit.wire.ingestFile(file, { source: null, filename: `race${n}.json`, agency: 'AFP' })));
    expect(both.flatMap((b) => b.items.map((i) => i.outcome)).sort()).toEqual(['new', 'unchanged']);
    expect(await countItems('urn:afp:race')).toBe(1);
  });

  it('stores no raw HTML: scripts and event handlers in agency copy never reach the store or the preview', async () => {
    const bodyHtml = '<p onclick="steal()">Calm <b>words</b>.</p><script>alert(1)</script><img src="x" onerror="alert(2)"><p><a href="javascript:alert(3)">link</a></p>';
    const r = await kit.wire.ingestFile(ninjs({ uri: 'urn:afp:xss', headline: '<b>Bold</b> claim', bodyHtml }), { source: null, filename: 'x.json', agency: 'AFP' });
    const id = r.items[0]?.wireItemId ?? 0;
    const row = await kit.db.selectFrom('wire_items').select(['body', 'headline']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.body).not.toMatch(/<|script|onclick|onerror|javascript:/i);
    const item = await kit.wire.get(id);
    expect(item.bodyHtml).toContain('Calm <strong>words</strong>.');
    expect(item.bodyHtml).not.toMatch(/script|onclick|onerror|javascript:/i);
  });

  it('refuses a bad file, records it and announces it', async () => {
    const r = await kit.wire.ingestFile(Buffer.from('{"uri": "x", '), { source: null, filename: 'broken.json' });
    expect(r).toMatchObject({ status: 'refused', items: [], refusal: { code: 'WIRE_MALFORMED' } });
    const [latest] = await kit.wire.refusals(1);
    expect(latest).toMatchObject({ filename: 'broken.json', code: 'WIRE_MALFORMED' });
    expect(kit.events).toContainEqual(expect.objectContaining({ type: 'refusal' }));
  });
});
