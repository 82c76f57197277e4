import { beforeEach, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import { createContentEvents } from '../../lib/events.js';
import { createSectionService } from '../sections/index.js';
import { createArticleScheduler, type SchedulerLog } from './article.scheduler.js';
import { createArticleService } from './article.service.js';
import type { Actor } from './article.workflow.js';
import { bodyFromParagraphs } from './body/index.js';

const NOW = '2026-11-28T10:00:00.000Z';
const editor: Actor = { userId: 3, name: 'Night editor', role: 'editor' };

/** A log that remembers what the scheduler said. */
function recordingLog() {
  const lines: { level: string; msg: string; obj: object }[] = [];
  const log: SchedulerLog = {
    info: (obj, msg) => lines.push({ level: 'info', msg, obj }),
    warn: (obj, msg) => lines.push({ level: 'warn', msg, obj }),
    error: (obj, msg) => lines.push({ level: 'error', msg, obj }),
  };
  return { log, lines };
}

describeEachDb('scheduled publishing', (ctx) => {
  const clock = fixedClock(NOW);
  let events = createContentEvents();
  let announced: string[][] = [];
  let logged = recordingLog();
  const articles = () => createArticleService({ db: ctx().db, clock, publicUrl: 'https://news.example.test', events });
  const scheduler = () => createArticleScheduler({ db: ctx().db, clock, articles: articles(), log: logged.log });
  let sectionId = 0;

  beforeEach(async () => {
    clock.set(NOW);
    events = createContentEvents();
    announced = [];
    events.subscribe((c) => announced.push([...c.keys]));
    logged = recordingLog();
    // Each test starts with nothing scheduled, so ticks count only its own stories.
    await ctx().db.updateTable('articles').set({ status: 'ready', scheduled_at: null }).where('status', '=', 'scheduled').execute();
    sectionId ||= (await createSectionService({ db: ctx().db, clock }).create({ slug: 'city', name: 'City' })).id;
  });

  async function scheduled(headline: string, at: string, extra: { embargoUntil?: string } = {}) {
    const draft = await articles().create({ headline, sectionId, body: bodyFromParagraphs(['The council met.']), ...extra }, editor);
    return articles().schedule(draft.id, at, editor);
  }

  it('publishes a story when its time comes, not before, with the time the desk chose', async () => {
    const story = await scheduled('Budget passes', '2026-11-28T10:30:00.000Z');
    clock.set('2026-11-28T10:29:59.999Z');
    expect(await scheduler().tick()).toBe(0);
    await expect(articles().getPublished(story.id)).rejects.toMatchObject({ kind: 'not_found' });

    clock.set('2026-11-28T10:30:12.000Z');
    expect(await scheduler().tick()).toBe(1);
    const live = await articles().getPublished(story.id);
    expect(live).toMatchObject({ status: 'published', publishedAt: '2026-11-28T10:30:00.000Z', scheduledAt: null });
    // The home page and the story's section are purged like any publication.
    expect(announced.flat()).toEqual(expect.arrayContaining([`article:${story.id}`, 'home', `section:${sectionId}`]));
    const [last] = await articles().listRevisions(story.id);
    expect(last).toMatchObject({ action: 'publish-scheduled', by: 'Dateline' });
    expect(last?.changed).toContain('status');
  });

  it('publishes a story exactly once when two ticks (or two servers) race for it', async () => {
    const story = await scheduled('Bridge reopens', '2026-11-28T10:05:00.000Z');
    clock.set('2026-11-28T10:05:00.000Z');
    const counts = await Promise.all([scheduler().tick(), scheduler().tick(), scheduler().tick()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    const history = await articles().listRevisions(story.id);
    expect(history.filter((r) => r.action === 'publish-scheduled')).toHaveLength(1);
    // Writing the draft and scheduling it touched no reader page; the one publication purged once.
    expect(announced.filter((keys) => keys.includes(`article:${story.id}`))).toHaveLength(1);
  });

  it('catches up after downtime: everything that fell due is published at the next tick', async () => {
    const early = await scheduled('Dawn story', '2026-11-28T11:00:00.000Z');
    const later = await scheduled('Breakfast story', '2026-11-28T13:00:00.000Z');
    const tomorrow = await scheduled('Tomorrow’s story', '2026-11-29T06:00:00.000Z');
    clock.set('2026-11-28T16:45:00.000Z'); // the server was down for hours
    expect(await scheduler().tick()).toBe(2);
    expect((await articles().get(early.id)).status).toBe('published');
    expect((await articles().get(later.id)).publishedAt).toBe('2026-11-28T13:00:00.000Z');
    expect((await articles().get(tomorrow.id)).status).toBe('scheduled');
  });

  it('does not publish a story the desk unscheduled', async () => {
    const story = await scheduled('Held back', '2026-11-28T10:10:00.000Z');
    await articles().unschedule(story.id, editor);
    clock.set('2026-11-28T11:00:00.000Z');
    expect(await scheduler().tick()).toBe(0);
    expect((await articles().get(story.id)).status).toBe('ready');
  });

  it('sends a story that can no longer go live back to ready, with a desk note, and logs it', async () => {
    const story = await scheduled('Lost its section', '2026-11-28T10:20:00.000Z');
    await articles().update(story.id, { sectionId: null }, editor);
    clock.set('2026-11-28T10:20:00.000Z');
    expect(await scheduler().tick()).toBe(0);
    const after = await articles().get(story.id);
    expect(after).toMatchObject({ status: 'ready', scheduledAt: null });
    expect(after.deskNote).toBe('Scheduled publication at 2026-11-28T10:20:00.000Z failed: Choose a section before publishing.');
    expect(logged.lines.filter((l) => l.level === 'warn').map((l) => l.obj)).toContainEqual({ articleId: story.id, problem: 'Choose a section before publishing.' });
    // It is not tried again every tick.
    expect(await scheduler().tick()).toBe(0);
    expect((await articles().listRevisions(story.id))[0]).toMatchObject({ action: 'schedule-failed' });
  });

  it('runs a catch-up tick as soon as it starts, and stops cleanly', async () => {
    const story = await scheduled('Published at start-up', '2026-11-28T10:01:00.000Z');
    clock.set('2026-11-28T12:00:00.000Z');
    const s = scheduler();
    s.start(60_000);
    await s.stop(); // waits for the tick in progress
    expect((await articles().get(story.id)).status).toBe('published');
  });
});
