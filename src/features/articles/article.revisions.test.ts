import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { insertArticle } from '../../../test/factories.js';
import { fixedClock } from '../../lib/clock.js';
import { createSectionService } from '../sections/index.js';
import { createArticleService } from './article.service.js';
import type { Actor } from './article.workflow.js';
import { bodyFromParagraphs } from './body/index.js';

const meera: Actor = { userId: 11, name: 'Meera Nair', role: 'reporter' };
const arjun: Actor = { userId: 12, name: 'Arjun Rao', role: 'sub-editor' };
const token: Actor = { userId: null, name: 'wire importer', role: 'editor' };

describeEachDb('story revisions', (ctx) => {
  const clock = fixedClock('2026-11-28T10:00:00.000Z');
  const articles = () => createArticleService({ db: ctx().db, clock, publicUrl: 'https://news.example.test' });
  let n = 0;

  async function draft(paragraphs = ['The council met on Monday.']) {
    return articles().create({ headline: `Council story ${++n}`, body: bodyFromParagraphs(paragraphs) }, meera);
  }

  it('records every save and action with who, when and which fields', async () => {
    const story = await draft();
    clock.advance(60_000);
    await articles().update(story.id, { headline: 'Council votes on budget', standfirst: 'A close vote.' }, meera);
    await articles().submit(story.id, meera);
    await articles().take(story.id, arjun);
    const history = await articles().listRevisions(story.id);
    expect(history.map((r) => [r.revision, r.action, r.by])).toEqual([
      [4, 'take', 'Arjun Rao'],
      [3, 'submit', 'Meera Nair'],
      [2, 'save', 'Meera Nair'],
      [1, 'create', 'Meera Nair'],
    ]);
    expect(history[2]).toMatchObject({ byUserId: 11, createdAt: '2026-11-28T10:01:00.000Z', changed: ['headline', 'standfirst'] });
    expect(history[1]!.changed).toEqual(['status']);
    expect(history[3]!.changed).toEqual(expect.arrayContaining(['headline', 'slug', 'body']));
  });

  it('keeps a snapshot of the whole story, body, bylines and tags included', async () => {
    const story = await draft(['First paragraph.']);
    await articles().update(story.id, { body: bodyFromParagraphs(['Second version.']) }, token);
    const first = await articles().getRevision(story.id, 1);
    expect(first.story).toMatchObject({ headline: story.headline, status: 'draft', authorIds: [], tagIds: [] });
    expect(JSON.stringify(first.story.body)).toContain('First paragraph.');
    const second = await articles().getRevision(story.id, 2);
    expect(second).toMatchObject({ by: 'wire importer', byUserId: null, action: 'save' });
    await expect(articles().getRevision(story.id, 99)).rejects.toMatchObject({ code: 'ARTICLE_REVISION_NOT_FOUND', field: 'rev' });
  });

  it('shows what changed between two revisions: fields side by side and the body word by word', async () => {
    const story = await draft(['The council approved the budget on Monday.']);
    await articles().update(story.id, { headline: 'Budget approved', priority: 50, body: bodyFromParagraphs(['The council rejected the budget on Tuesday.']) }, meera);
    const diff = await articles().diffRevisions(story.id, { from: 1, to: 2 });
    expect(diff.fields).toEqual([
      { field: 'headline', before: story.headline, after: 'Budget approved' },
      { field: 'priority', before: 0, after: 50 },
    ]);
    expect(diff.body.filter((c) => c.op !== 'equal')).toEqual([
      { op: 'delete', text: 'approved' },
      { op: 'insert', text: 'rejected' },
      { op: 'delete', text: 'Monday' },
      { op: 'insert', text: 'Tuesday' },
    ]);
    expect(diff.body.map((c) => (c.op === 'delete' ? '' : c.text)).join('')).toBe('The council rejected the budget on Tuesday.');
    // Without a range: the latest change.
    expect(await articles().diffRevisions(story.id, {})).toMatchObject({ from: 1, to: 2 });
    await expect(articles().diffRevisions(story.id, { from: 1, to: 7 })).rejects.toMatchObject({ code: 'ARTICLE_REVISION_NOT_FOUND', field: 'to' });
  });

  it('restores an old revision as a new one, keeping the whole history', async () => {
    const story = await draft(['Original text.']);
    const edited = await articles().update(story.id, { headline: 'A worse headline', body: bodyFromParagraphs(['Mangled text.']) }, meera);
    const restored = await articles().restore(story.id, 1, arjun, edited.revision);
    expect(restored).toMatchObject({ headline: story.headline, revision: 3, lastEditedBy: 'Arjun Rao', slug: story.slug });
    expect(JSON.stringify(restored.body)).toContain('Original text.');
    const history = await articles().listRevisions(story.id);
    expect(history.map((r) => r.action)).toEqual(['restore', 'save', 'create']);
    expect(history[0]!.changed).toEqual(['headline', 'body']);
  });

  it('refuses a restore made against an old revision, and a writer restoring a submitted story', async () => {
    const story = await draft();
    await articles().update(story.id, { headline: 'Newer' }, meera);
    await expect(articles().restore(story.id, 1, meera, 1)).rejects.toMatchObject({ code: 'ARTICLE_REVISION_CONFLICT', field: 'revision' });
    const submitted = await articles().submit(story.id, meera);
    await expect(articles().restore(story.id, 1, meera, submitted.revision)).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    expect((await articles().listRevisions(story.id)).map((r) => r.action)).toEqual(['submit', 'save', 'create']);
  });

  it('restores a story whose old section has since been deleted without it', async () => {
    const sections = createSectionService({ db: ctx().db, clock });
    const gone = await sections.create({ slug: `short-lived-${++n}`, name: 'Short-lived' });
    const story = await articles().create({ headline: `Moved story ${n}`, sectionId: gone.id }, meera);
    const moved = await articles().update(story.id, { sectionId: null }, meera);
    await sections.remove(gone.id);
    expect((await articles().restore(story.id, 1, meera, moved.revision)).sectionId).toBeNull();
  });

  it('gives a story written before revisions existed a baseline, so its first change can be undone', async () => {
    const id = await insertArticle(ctx().db, { headline: 'Imported long ago', revision: 5 });
    await articles().update(id, { headline: 'Edited today' }, meera);
    const history = await articles().listRevisions(id);
    expect(history.map((r) => [r.revision, r.action])).toEqual([
      [6, 'save'],
      [5, 'baseline'],
    ]);
    expect((await articles().diffRevisions(id, {})).fields).toEqual([{ field: 'headline', before: 'Imported long ago', after: 'Edited today' }]);
  });
});
