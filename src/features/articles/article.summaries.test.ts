import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import { createSectionService } from '../sections/index.js';
import type { StorySummary } from './article.hydrate.js';
import { createArticleService } from './article.service.js';
import { SYSTEM_ACTOR } from './article.workflow.js';
import { bodyFromParagraphs } from './body/index.js';

/** Every field a summary has, so the comparison below covers all of them. */
const FIELDS: readonly (keyof StorySummary)[] = [
  'id', 'slug', 'sectionId', 'kind', 'status', 'headline', 'standfirst', 'datelinePlace', 'datelineDate', 'agencyCredit',
  'featuredImageId', 'language', 'publishedAt', 'updatedAt', 'createdAt', 'modifiedAt', 'embargoUntil', 'authorIds', 'tagIds',
  'section', 'authors', 'tags', 'featuredImage', 'path', 'url',
];

describeEachDb('story summaries', (ctx) => {
  const clock = fixedClock('2026-11-28T10:00:00.000Z');
  const articles = () => createArticleService({ db: ctx().db, clock, publicUrl: 'https://news.example.test' });
  const sections = () => createSectionService({ db: ctx().db, clock });
  const now = clock.now().toISOString();

  async function author(slug: string, name: string, photoId: number | null = null): Promise<number> {
    const row = await ctx()
      .db.insertInto('authors')
      .values({ slug, name, title: `${name}'s title`, bio: 'A long biography.', photo_id: photoId, social: '{}', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function tag(slug: string, name: string): Promise<number> {
    return (await ctx().db.insertInto('tags').values({ slug, name, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
  }

  async function image(key: string): Promise<number> {
    const row = await ctx()
      .db.insertInto('media')
      .values({
        storage_key: key, original_name: 'x.jpg', mime_type: 'image/jpeg', byte_size: 1234, width: 1600, height: 900, sha256: key.padEnd(64, '0'),
        caption: 'Rain over the <harbour>', credit: 'Staff', alt_text: 'Clouds', focal_x: 0.25, focal_y: 0.75, created_at: now, updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it('gives each story the same fields as the full read, without the body, in the order asked', async () => {
    const parent = await sections().create({ slug: 'nation', name: 'Nation' });
    const child = await sections().create({ slug: 'states', name: 'States', parentId: parent.id });
    const photo = await image('2026/11/face.jpg');
    const meera = await author('meera-nair', 'Meera Nair', photo);
    const arjun = await author('arjun-rao', 'Arjun Rao');
    const rain = await tag('monsoon', 'Monsoon');
    const coast = await tag('coast', 'Coast');
    const picture = await image('2026/11/rain.jpg');
    const a = articles();
    const full = await a.create(
      {
        headline: 'Monsoon arrives early', standfirst: 'A week ahead of the forecast.', sectionId: child.id, status: 'published',
        body: bodyFromParagraphs(['Rain fell on the coast.', 'Farmers welcomed it.']), authorIds: [arjun, meera], tagIds: [coast, rain],
        featuredImageId: picture, datelinePlace: 'Kochi', datelineDate: '2026-11-27', language: 'en', kind: 'analysis',
      },
      SYSTEM_ACTOR,
    );
    const wire = await a.create({ headline: 'वर्षा जल्दी आई', agencyCredit: 'PTI', language: 'hi', sectionId: parent.id, status: 'published', body: bodyFromParagraphs(['पाठ']) }, SYSTEM_ACTOR);
    const draft = await a.create({ headline: 'Draft without a section', embargoUntil: '2026-12-01T00:00:00.000Z' }, SYSTEM_ACTOR);

    const ids = [draft.id, 987654, full.id, wire.id];
    const [summaries, views] = await Promise.all([a.getSummaries(ids), a.getMany(ids)]);
    expect(summaries.map((s) => s.id)).toEqual([draft.id, full.id, wire.id]);
    const pick = (v: object) => Object.fromEntries(FIELDS.map((f) => [f, (v as Record<string, unknown>)[f]]));
    expect(summaries.map((s) => Object.keys(s).sort())).toEqual(summaries.map(() => [...FIELDS].sort()));
    expect(summaries.map(pick)).toEqual(views.map(pick));
    expect(summaries[0]).not.toHaveProperty('body');

    // The comparison is not vacuous: the story with everything has it all.
    const s = summaries[1];
    expect(s?.authors.map((x) => x.name)).toEqual(['Arjun Rao', 'Meera Nair']);
    expect(s?.authors[1]?.photoId).toBe(photo);
    expect(s?.tags.map((t) => t.slug)).toEqual(['coast', 'monsoon']);
    expect(s?.section?.path).toBe('nation/states');
    expect(s?.path).toBe(`/nation/states/${full.slug}`);
    expect(s?.featuredImage).toMatchObject({ id: picture, src: '/media/2026/11/rain.jpg', width: 1600, height: 900, caption: 'Rain over the <harbour>', focalX: 0.25 });
    expect(summaries[2]?.featuredImage).toBeNull();
    expect(summaries[2]?.agencyCredit).toBe('PTI');
  });

  it('is empty for no ids', async () => {
    expect(await articles().getSummaries([])).toEqual([]);
  });
});
