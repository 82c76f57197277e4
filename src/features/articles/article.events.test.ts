import { beforeEach, describe, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import { createContentEvents } from '../../lib/events.js';
import { createSectionService } from '../sections/index.js';
import { storyChangeKeys } from './article.keys.js';
import { createArticleService } from './article.service.js';
import { SYSTEM_ACTOR } from './article.workflow.js';
import { bodyFromParagraphs } from './body/index.js';

/** A bus that remembers every announcement. */
function recordingBus() {
  const events = createContentEvents();
  const announced: string[][] = [];
  events.subscribe((change) => announced.push([...change.keys]));
  return { events, announced };
}

describeEachDb('story changes announce the pages they touch', (ctx) => {
  const clock = fixedClock('2026-11-28T10:00:00.000Z');
  let bus = recordingBus();
  const articles = () => createArticleService({ db: ctx().db, clock, publicUrl: 'https://news.example.test', events: bus.events });
  const sections = () => createSectionService({ db: ctx().db, clock });
  let n = 0;
  const unique = (s: string) => `${s}-${++n}`;

  beforeEach(() => {
    bus = recordingBus();
  });

  async function insert(table: 'authors' | 'tags'): Promise<number> {
    const now = clock.now().toISOString();
    const slug = unique(table);
    const row =
      table === 'authors'
        ? await ctx().db.insertInto('authors').values({ slug, name: slug, title: '', bio: '', photo_id: null, social: '{}', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()
        : await ctx().db.insertInto('tags').values({ slug, name: slug, created_at: now }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async function newsroom() {
    const world = await sections().create({ slug: unique('world'), name: 'World' });
    const asia = await sections().create({ slug: unique('asia'), name: 'Asia', parentId: world.id });
    const sport = await sections().create({ slug: unique('sport'), name: 'Sport' });
    const [a1, a2, t1, t2, t3] = [await insert('authors'), await insert('authors'), await insert('tags'), await insert('tags'), await insert('tags')];
    return { world, asia, sport, a1, a2, t1, t2, t3 };
  }

  it('announces a moved story on its page, home, feeds, sitemaps, both sections with their parents, and old and new bylines and tags', async () => {
    const { world, asia, sport, a1, a2, t1, t2, t3 } = await newsroom();
    const story = await articles().create({ headline: 'Monsoon', sectionId: asia.id, body: bodyFromParagraphs(['Rain.']), status: 'published', authorIds: [a1], tagIds: [t1, t2] }, SYSTEM_ACTOR);
    bus.announced.length = 0;

    await articles().update(story.id, { sectionId: sport.id, authorIds: [a2], tagIds: [t2, t3] }, SYSTEM_ACTOR);

    expect(bus.announced).toHaveLength(1);
    expect([...(bus.announced[0] ?? [])].sort()).toEqual(
      [
        `article:${story.id}`, 'home', 'feeds', 'sitemaps',
        `section:${world.id}`, `section:${asia.id}`, `section:${sport.id}`,
        `author:${a1}`, `author:${a2}`,
        `tag:${t1}`, `tag:${t2}`, `tag:${t3}`,
      ].sort(),
    );
  });

  it('announces a story going live, a correction, a take-down and a deletion', async () => {
    const { world, asia, a1 } = await newsroom();
    const draft = await articles().create({ headline: 'Draft', sectionId: asia.id, body: bodyFromParagraphs(['Text.']), authorIds: [a1] }, SYSTEM_ACTOR);
    await articles().publish(draft.id, SYSTEM_ACTOR);
    await articles().addCorrection(draft.id, { kind: 'correction', text: 'A name was misspelt.' }, SYSTEM_ACTOR);
    await articles().takeDown(draft.id, 'unpublished', SYSTEM_ACTOR);
    await articles().remove(draft.id);
    const expected = [`article:${draft.id}`, 'home', 'feeds', 'sitemaps', `section:${world.id}`, `section:${asia.id}`, `author:${a1}`];
    expect(bus.announced.map((keys) => [...keys].sort())).toEqual([1, 2, 3, 4].map(() => [...expected].sort()));
  });

  it('announces nothing while a story is only a draft', async () => {
    const { asia } = await newsroom();
    const draft = await articles().create({ headline: 'Work in progress', sectionId: asia.id }, SYSTEM_ACTOR);
    await articles().update(draft.id, { standfirst: 'Still writing.' }, SYSTEM_ACTOR);
    await articles().remove(draft.id);
    expect(bus.announced).toEqual([]);
  });

  it('announces nothing when an edit fails', async () => {
    const { asia } = await newsroom();
    const story = await articles().create({ headline: 'Live', sectionId: asia.id, body: bodyFromParagraphs(['Text.']), status: 'published' }, SYSTEM_ACTOR);
    bus.announced.length = 0;
    await expect(articles().update(story.id, { headline: 'Stale' }, SYSTEM_ACTOR, story.revision - 1)).rejects.toMatchObject({ code: 'ARTICLE_REVISION_CONFLICT' });
    await expect(articles().update(story.id, { authorIds: [987654] }, SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'ARTICLE_AUTHOR_NOT_FOUND' });
    await expect(articles().update(story.id, { sectionId: null }, SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'ARTICLE_SECTION_REQUIRED' });
    await expect(articles().publish(987654, SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'ARTICLE_NOT_FOUND' });
    await expect(articles().remove(987654)).rejects.toMatchObject({ code: 'ARTICLE_NOT_FOUND' });
    expect(bus.announced).toEqual([]);
    expect((await articles().get(story.id)).headline).toBe('Live');
  });

  it('announces only after the change is committed, so a listener reads the new story', async () => {
    const { asia } = await newsroom();
    const story = await articles().create({ headline: 'Before', sectionId: asia.id, body: bodyFromParagraphs(['Text.']), status: 'published' }, SYSTEM_ACTOR);
    const reads: Promise<string>[] = [];
    bus.events.subscribe(() => {
      reads.push(articles().get(story.id).then((s) => s.headline));
    });
    await articles().update(story.id, { headline: 'After' }, SYSTEM_ACTOR);
    expect(await Promise.all(reads)).toEqual(['After']);
  });
});

describe('story change keys', () => {
  const story = { id: 7, status: 'published' as const, breadcrumbs: [{ id: 1 }, { id: 2 }], authorIds: [3], tagIds: [4, 5] };

  it('lists the story, the fronts, its sections with ancestors, bylines and tags once each', () => {
    expect(storyChangeKeys(story, { ...story, tagIds: [5, 4] })).toEqual(['article:7', 'home', 'feeds', 'sitemaps', 'section:1', 'section:2', 'author:3', 'tag:4', 'tag:5']);
  });

  it('counts a story that was visible before a change, such as one taken down', () => {
    expect(storyChangeKeys(story, { ...story, status: 'killed' })).toContain('home');
    expect(storyChangeKeys({ ...story, status: 'scheduled' }, story)).toContain('article:7');
    expect(storyChangeKeys(story, null)).toContain('section:2');
  });

  it('is empty for a story no reader can see before or after', () => {
    expect(storyChangeKeys(null, { ...story, status: 'draft' })).toEqual([]);
    expect(storyChangeKeys({ ...story, status: 'in_edit' }, { ...story, status: 'ready' })).toEqual([]);
  });
});
