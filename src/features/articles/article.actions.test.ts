import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { insertArticle } from '../../../test/factories.js';
import { fixedClock } from '../../lib/clock.js';
import { createSectionService } from '../sections/index.js';
import type { Role } from '../staff/index.js';
import { ARTICLE_STATUSES, type ArticleStatus } from './article.js';
import { createArticleService } from './article.service.js';
import { WORKFLOW_ACTIONS, type Actor, type WorkflowAction } from './article.workflow.js';
import { EXPECTED, EXPECTED_TARGET, anyoneMay, may } from './article.workflow.fixtures.js';
import { bodyFromParagraphs } from './body/index.js';

const NOW = '2026-11-28T10:00:00.000Z';
const LATER = '2026-11-28T18:00:00.000Z';
const as = (role: Role, name = `A ${role}`): Actor => ({ userId: 7, name, role });

describeEachDb('the editorial workflow', (ctx) => {
  const clock = fixedClock(NOW);
  const articles = () => createArticleService({ db: ctx().db, clock, publicUrl: 'https://news.example.test' });
  let sectionId = 0;
  let n = 0;

  /** A complete story (headline, section, body) sitting in `status`. */
  async function storyIn(status: ArticleStatus, extra: Parameters<typeof insertArticle>[1] = {}): Promise<number> {
    sectionId ||= (await createSectionService({ db: ctx().db, clock }).create({ slug: 'news', name: 'News' })).id;
    const wasLive = status === 'published' || status === 'unpublished' || status === 'killed';
    return insertArticle(ctx().db, {
      slug: `story-${++n}`,
      headline: `Story ${n}`,
      section_id: sectionId,
      body: JSON.stringify(bodyFromParagraphs(['Text.'])),
      status,
      published_at: wasLive ? '2026-11-27T08:00:00.000Z' : null,
      scheduled_at: status === 'scheduled' ? LATER : null,
      ...extra,
    });
  }

  function run(action: WorkflowAction, id: number, actor: Actor) {
    const s = articles();
    switch (action) {
      case 'edit':
        return s.update(id, { standfirst: 'A new standfirst.' }, actor);
      case 'submit':
        return s.submit(id, actor);
      case 'take':
        return s.take(id, actor);
      case 'ready':
        return s.ready(id, actor);
      case 'send-back':
        return s.sendBack(id, 'Needs a second source.', actor);
      case 'publish':
        return s.publish(id, actor);
      case 'schedule':
        return s.schedule(id, '2026-11-29T06:00:00.000Z', actor);
      case 'unschedule':
        return s.unschedule(id, actor);
      case 'unpublish':
        return s.takeDown(id, 'unpublished', actor);
      case 'kill':
        return s.takeDown(id, 'killed', actor);
      case 'correct':
        return s.addCorrection(id, { kind: 'correction', text: 'A date was wrong.' }, actor);
    }
  }

  const fromEveryStatus = WORKFLOW_ACTIONS.flatMap((action) => ARTICLE_STATUSES.map((status) => ({ action, status })));
  it.each(fromEveryStatus)('an admin may $action a story that is $status only where the workflow allows', async ({ action, status }) => {
    const id = await storyIn(status);
    if (anyoneMay(action, status)) {
      const after = await run(action, id, as('admin'));
      expect(after.status).toBe(EXPECTED_TARGET[action] ?? status);
    } else {
      await expect(run(action, id, as('admin'))).rejects.toMatchObject({ kind: 'conflict', code: 'ARTICLE_TRANSITION_INVALID' });
      expect((await articles().get(id)).status).toBe(status);
    }
  });

  const byRole = WORKFLOW_ACTIONS.flatMap((action) =>
    (['contributor', 'reporter', 'sub-editor', 'editor', 'ad-ops'] as const).map((role) => ({ action, role, status: EXPECTED[action].at(-1)!.from[0]! })),
  );
  it.each(byRole)('a $role may $action a story that is $status only with the right', async ({ action, role, status }) => {
    const id = await storyIn(status);
    if (may(action, status, role)) {
      expect((await run(action, id, as(role))).status).toBe(EXPECTED_TARGET[action] ?? status);
    } else {
      await expect(run(action, id, as(role))).rejects.toMatchObject({ kind: 'forbidden', code: 'PERMISSION_DENIED' });
      expect((await articles().get(id)).revision).toBe(1);
    }
  });

  it('keeps the desk’s note with a sent-back story until the writer submits again', async () => {
    const id = await storyIn('submitted');
    const back = await articles().sendBack(id, '  Needs a second source for the figures.  ', as('sub-editor'));
    expect(back).toMatchObject({ status: 'draft', deskNote: 'Needs a second source for the figures.' });
    // The writer may edit it again, and sees the note while doing so.
    const edited = await articles().update(id, { standfirst: 'Now with two sources.' }, as('reporter', 'Meera Nair'));
    expect(edited).toMatchObject({ deskNote: 'Needs a second source for the figures.', lastEditedBy: 'Meera Nair' });
    expect((await articles().submit(id, as('reporter'))).deskNote).toBeNull();
  });

  it('refuses to publish or schedule before the embargo, and publishes once it has passed', async () => {
    const id = await storyIn('ready', { embargo_until: '2026-11-28T12:00:00.000Z' });
    await expect(articles().publish(id, as('editor'))).rejects.toMatchObject({ kind: 'conflict', code: 'ARTICLE_EMBARGOED', field: 'embargoUntil' });
    await expect(articles().schedule(id, '2026-11-28T11:00:00.000Z', as('editor'))).rejects.toMatchObject({ code: 'ARTICLE_EMBARGOED', field: 'embargoUntil' });
    expect((await articles().schedule(id, '2026-11-28T12:00:00.000Z', as('editor'))).status).toBe('scheduled');
    clock.set('2026-11-28T12:00:00.000Z');
    try {
      expect((await articles().publish(id, as('editor'))).status).toBe('published');
    } finally {
      clock.set(NOW);
    }
  });

  it('refuses a schedule in the past and a story that could not go live', async () => {
    const id = await storyIn('ready');
    await expect(articles().schedule(id, '2026-11-28T09:59:00.000Z', as('editor'))).rejects.toMatchObject({ code: 'ARTICLE_SCHEDULE_PAST', field: 'at' });
    const noSection = await storyIn('ready', { section_id: null });
    await expect(articles().schedule(noSection, LATER, as('editor'))).rejects.toMatchObject({ code: 'ARTICLE_SECTION_REQUIRED' });
  });

  it('never shows readers a story still under embargo, whatever its status says', async () => {
    const id = await storyIn('published', { embargo_until: '2026-11-28T12:00:00.000Z' });
    await expect(articles().getPublished(id)).rejects.toMatchObject({ kind: 'not_found' });
    expect((await articles().listPublished({ sectionId })).items.map((a) => a.id)).not.toContain(id);
    clock.set('2026-11-28T12:00:00.000Z');
    try {
      expect((await articles().getPublished(id)).id).toBe(id);
      expect((await articles().listPublished({ sectionId })).items.map((a) => a.id)).toContain(id);
    } finally {
      clock.set(NOW);
    }
  });

  it('refuses to put a live story, or one scheduled earlier, under a new embargo', async () => {
    const live = await storyIn('published');
    await expect(articles().update(live, { embargoUntil: LATER }, as('editor'))).rejects.toMatchObject({ code: 'ARTICLE_EMBARGOED', field: 'embargoUntil' });
    const scheduled = await storyIn('scheduled');
    await expect(articles().update(scheduled, { embargoUntil: '2026-11-28T19:00:00+00:00' }, as('editor'))).rejects.toMatchObject({ code: 'ARTICLE_EMBARGOED' });
    const saved = await articles().update(scheduled, { embargoUntil: '2026-11-28T17:00:00+00:00' }, as('editor'));
    expect(saved.embargoUntil).toBe('2026-11-28T17:00:00.000Z');
  });

  it('lets only the desk edit a submitted story, and never a killed one', async () => {
    const id = await storyIn('submitted');
    await expect(articles().update(id, { headline: 'Mine' }, as('reporter'))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    expect((await articles().update(id, { headline: 'Desk headline' }, as('sub-editor'))).headline).toBe('Desk headline');
    const killed = await storyIn('killed');
    await expect(articles().update(killed, { headline: 'Back' }, as('admin'))).rejects.toMatchObject({ code: 'ARTICLE_TRANSITION_INVALID' });
  });

  it('shows readers “Updated” when the desk changes live copy, but not for a priority change', async () => {
    const id = await storyIn('published', { updated_at: '2026-11-27T08:00:00.000Z' });
    expect((await articles().update(id, { priority: 90 }, as('editor'))).updatedAt).toBe('2026-11-27T08:00:00.000Z');
    const edited = await articles().update(id, { standfirst: 'Now with the minister’s answer.' }, as('sub-editor', 'Arjun Rao'));
    expect(edited).toMatchObject({ updatedAt: NOW, lastEditedBy: 'Arjun Rao' });
  });

  it('republishes an unpublished story with its first publication time, but never a killed one', async () => {
    const id = await storyIn('unpublished');
    const back = await articles().publish(id, as('editor'));
    expect(back).toMatchObject({ status: 'published', publishedAt: '2026-11-27T08:00:00.000Z', updatedAt: NOW });
    await articles().takeDown(id, 'killed', as('editor'));
    await expect(articles().publish(id, as('admin'))).rejects.toMatchObject({ code: 'ARTICLE_TRANSITION_INVALID' });
  });

  it('refuses to create a story already live for a role that may not publish', async () => {
    await expect(articles().create({ headline: 'Sneaky', status: 'published' }, as('reporter'))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
  });
});
