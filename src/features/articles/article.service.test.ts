import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import { createSectionService } from '../sections/index.js';
import { createArticleService } from './article.service.js';
import { SYSTEM_ACTOR } from './article.workflow.js';
import { bodyFromParagraphs } from './body/index.js';

describeEachDb('stories', (ctx) => {
  const clock = fixedClock('2026-11-28T10:00:00.000Z');
  const articles = () => createArticleService({ db: ctx().db, clock, publicUrl: 'https://news.example.test' });
  const sections = () => createSectionService({ db: ctx().db, clock });
  let n = 0;
  const unique = (s: string) => `${s}-${++n}`;

  async function author(name: string): Promise<number> {
    const now = clock.now().toISOString();
    const row = await ctx()
      .db.insertInto('authors')
      .values({ slug: unique('author'), name, title: 'Reporter', bio: '', photo_id: null, social: '{}', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function liveStory(headline: string, extra: Parameters<ReturnType<typeof articles>['create']>[0] = { headline }) {
    const section = await sections().create({ slug: unique('sec'), name: 'Section' });
    return articles().create({ sectionId: section.id, body: bodyFromParagraphs(['Text.']), status: 'published', ...extra, headline }, SYSTEM_ACTOR);
  }

  it('makes a slug from the headline and keeps it unique', async () => {
    const a = await articles().create({ headline: 'Monsoon arrives early in Amritnagar' }, SYSTEM_ACTOR);
    const b = await articles().create({ headline: 'Monsoon arrives early in Amritnagar' }, SYSTEM_ACTOR);
    expect(a.slug).toBe('monsoon-arrives-early-in-amritnagar');
    expect(b.slug).toBe('monsoon-arrives-early-in-amritnagar-2');
  });

  it('gives a story in Hindi a usable slug', async () => {
    const a = await articles().create({ headline: 'मानसून जल्दी आया' }, SYSTEM_ACTOR);
    expect(a.slug).toMatch(/^story-[a-z0-9]+$/);
  });

  it('refuses an explicit slug that is taken', async () => {
    await articles().create({ headline: 'One', slug: 'taken-slug' }, SYSTEM_ACTOR);
    await expect(articles().create({ headline: 'Two', slug: 'taken-slug' }, SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'ARTICLE_SLUG_TAKEN', field: 'slug' });
  });

  it('refuses dangling references and writes nothing', async () => {
    const before = await ctx().db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await expect(articles().create({ headline: 'Ghost author', authorIds: [987654] }, SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'ARTICLE_AUTHOR_NOT_FOUND', field: 'authorIds' });
    await expect(articles().create({ headline: 'Ghost section', sectionId: 987654 }, SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'ARTICLE_SECTION_NOT_FOUND', field: 'sectionId' });
    await expect(articles().create({ headline: 'Ghost image', featuredImageId: 987654 }, SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'ARTICLE_IMAGE_NOT_FOUND' });
    const after = await ctx().db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('signs a story by its authors or by an agency, not both', async () => {
    const id = await author('Meera Nair');
    await expect(articles().create({ headline: 'Both', authorIds: [id], agencyCredit: 'AFP' }, SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'ARTICLE_CREDIT_AMBIGUOUS' });
    const wire = await articles().create({ headline: 'Wire copy', agencyCredit: 'AFP' }, SYSTEM_ACTOR);
    expect(wire.agencyCredit).toBe('AFP');
  });

  it('keeps bylines in the order given', async () => {
    const first = await author('Zoya Khan');
    const second = await author('Arjun Rao');
    const a = await articles().create({ headline: 'Two bylines', authorIds: [first, second] }, SYSTEM_ACTOR);
    expect(a.authors.map((x) => x.name)).toEqual(['Zoya Khan', 'Arjun Rao']);
  });

  it('refuses to publish a story without a section', async () => {
    await expect(articles().create({ headline: 'No section', body: bodyFromParagraphs(['x']), status: 'published' }, SYSTEM_ACTOR)).rejects.toMatchObject({
      code: 'ARTICLE_SECTION_REQUIRED',
      field: 'sectionId',
    });
  });

  it('shows readers only live stories, and answers gone for a killed one', async () => {
    const live = await liveStory('Live story');
    const draft = await articles().create({ headline: 'Draft story' }, SYSTEM_ACTOR);
    expect((await articles().getPublished(live.id)).headline).toBe('Live story');
    await expect(articles().getPublished(draft.id)).rejects.toMatchObject({ kind: 'not_found' });
    await articles().takeDown(live.id, 'killed', SYSTEM_ACTOR);
    await expect(articles().getPublishedBySlug(live.slug)).rejects.toMatchObject({ kind: 'gone', code: 'ARTICLE_GONE' });
  });

  it('does not show a story whose publication time is still ahead', async () => {
    const future = await liveStory('From the future', { headline: 'x', publishedAt: '2026-12-01T00:00:00.000Z' });
    await expect(articles().getPublished(future.id)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('refuses an edit based on an old revision instead of overwriting it', async () => {
    const a = await articles().create({ headline: 'Original' }, SYSTEM_ACTOR);
    await articles().update(a.id, { headline: 'First editor' }, SYSTEM_ACTOR, a.revision);
    await expect(articles().update(a.id, { headline: 'Second editor' }, SYSTEM_ACTOR, a.revision)).rejects.toMatchObject({ code: 'ARTICLE_REVISION_CONFLICT' });
    expect((await articles().get(a.id)).headline).toBe('First editor');
  });

  it('moves dateModified when a correction is appended to a live story', async () => {
    const a = await liveStory('Correct me');
    clock.advance(60_000);
    const corrected = await articles().addCorrection(a.id, { kind: 'correction', text: 'An earlier version misspelt the minister’s name.' }, SYSTEM_ACTOR);
    expect(corrected.corrections).toHaveLength(1);
    expect(corrected.updatedAt! > a.updatedAt!).toBe(true);
  });

  it('lists a section page including its subsections, newest first, page by page', async () => {
    const parent = await sections().create({ slug: unique('world'), name: 'World' });
    const child = await sections().create({ slug: unique('asia'), name: 'Asia', parentId: parent.id });
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await articles().create(
        {
          headline: `World story ${i}`,
          sectionId: i % 2 ? child.id : parent.id,
          body: bodyFromParagraphs(['x']),
          status: 'published',
          publishedAt: `2026-11-2${i}T08:00:00.000Z`,
        },
        SYSTEM_ACTOR,
      );
      ids.push(a.id);
    }
    const first = await articles().listPublished({ sectionId: parent.id, limit: 3 });
    expect(first.items.map((a) => a.headline)).toEqual(['World story 4', 'World story 3', 'World story 2']);
    expect(first.nextCursor).not.toBeNull();
    const second = await articles().listPublished({ sectionId: parent.id, limit: 3, cursor: first.nextCursor! });
    expect(second.items.map((a) => a.headline)).toEqual(['World story 1', 'World story 0']);
    expect(second.nextCursor).toBeNull();
    expect(second.items[0]!.breadcrumbs.map((b) => b.name)).toEqual(['World', 'Asia']);
    expect(second.items[0]!.url).toMatch(/^https:\/\/news\.example\.test\/world-\d+\/asia-\d+\/world-story-1$/);
  });

  it('refuses a forged page cursor', async () => {
    await expect(articles().listPublished({ cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'CURSOR_INVALID', field: 'cursor' });
  });
});
