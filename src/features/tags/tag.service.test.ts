import { beforeEach, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { insertArticle } from '../../../test/factories.js';
import type { Db } from '../../db/index.js';
import { fixedClock } from '../../lib/clock.js';
import { createTagService, type TagService } from './tag.service.js';

async function storyTagged(db: Db, tagIds: number[]): Promise<number> {
  const id = await insertArticle(db);
  await db
    .insertInto('article_tags')
    .values(tagIds.map((tag_id, position) => ({ article_id: id, tag_id, position })))
    .execute();
  return id;
}

describeEachDb('tag service', (ctx) => {
  const clock = fixedClock('2026-03-01T10:00:00.000Z');
  let tags: TagService;

  beforeEach(async () => {
    const db = ctx().db;
    await db.deleteFrom('article_tags').execute();
    await db.deleteFrom('articles').execute();
    await db.deleteFrom('tags').execute();
    tags = createTagService({ db, clock });
  });

  it('creates a tag with a slug from its name and reads it back by id and slug', async () => {
    const t = await tags.create({ name: '  Monsoon  ' });
    expect(t).toMatchObject({ slug: 'monsoon', name: 'Monsoon', createdAt: '2026-03-01T10:00:00.000Z' });
    expect(await tags.get(t.id)).toEqual(t);
    expect(await tags.getBySlug('monsoon')).toEqual(t);
    await expect(tags.getBySlug('drought')).rejects.toMatchObject({ kind: 'not_found', code: 'TAG_NOT_FOUND' });
  });

  it('refuses a slug another tag already uses, naming the slug field', async () => {
    await tags.create({ name: 'Cricket' });
    await expect(tags.create({ name: 'cricket' })).rejects.toMatchObject({ kind: 'conflict', code: 'TAG_SLUG_TAKEN', field: 'slug' });
    const ipl = await tags.create({ name: 'IPL' });
    await expect(tags.update(ipl.id, { slug: 'cricket' })).rejects.toMatchObject({ code: 'TAG_SLUG_TAKEN', field: 'slug' });
  });

  it('refuses a blank name and a malformed slug', async () => {
    await expect(tags.create({ name: '   ' })).rejects.toMatchObject({ kind: 'invalid', code: 'TAG_NAME_INVALID', field: 'name' });
    await expect(tags.create({ name: 'Ok', slug: 'Not A Slug' })).rejects.toMatchObject({ code: 'TAG_SLUG_INVALID', field: 'slug' });
  });

  it('renames a tag and keeps its slug unless asked', async () => {
    const t = await tags.create({ name: 'Elections' });
    expect(await tags.update(t.id, { name: 'Lok Sabha elections' })).toMatchObject({ slug: 'elections', name: 'Lok Sabha elections' });
    expect(await tags.update(t.id, { slug: 'lok-sabha-elections' })).toMatchObject({ slug: 'lok-sabha-elections' });
    await expect(tags.update(999_999, { name: 'x' })).rejects.toMatchObject({ code: 'TAG_NOT_FOUND' });
  });

  it('removes a tag and takes it off every story, leaving the stories and their other tags', async () => {
    const budget = await tags.create({ name: 'Budget' });
    const tax = await tags.create({ name: 'Tax' });
    const storyId = await storyTagged(ctx().db, [budget.id, tax.id]);
    await tags.remove(budget.id);
    await expect(tags.get(budget.id)).rejects.toMatchObject({ code: 'TAG_NOT_FOUND' });
    const links = await ctx().db.selectFrom('article_tags').select('tag_id').where('article_id', '=', storyId).execute();
    expect(links.map((l) => l.tag_id)).toEqual([tax.id]);
    await expect(tags.remove(budget.id)).rejects.toMatchObject({ code: 'TAG_NOT_FOUND' });
  });

  it('lists tags by name, filtered by a case-insensitive prefix', async () => {
    for (const name of ['Monsoon', 'Mumbai rains', 'Monetary policy', 'Cricket', '50% tariff']) await tags.create({ name });
    expect((await tags.list()).map((t) => t.name)).toEqual(['50% tariff', 'Cricket', 'Monetary policy', 'Monsoon', 'Mumbai rains']);
    expect((await tags.list({ q: 'mon' })).map((t) => t.name).sort()).toEqual(['Monetary policy', 'Monsoon']);
    expect((await tags.list({ q: '5%' })).map((t) => t.name)).toEqual([]);
    expect((await tags.list({ q: '50%' })).map((t) => t.name)).toEqual(['50% tariff']);
    expect(await tags.list({ limit: 2 })).toHaveLength(2);
  });

  it('finds or creates tags by name for importers, reusing existing ones by slug', async () => {
    const existing = await tags.create({ name: 'Monsoon' });
    const found = await tags.findOrCreateByNames(['monsoon', 'Kerala floods', '', 'Kerala Floods', 'मानसून']);
    expect(found.map((t) => t.name)).toEqual(['Monsoon', 'Kerala floods', 'मानसून']);
    expect(found[0]?.id).toBe(existing.id);
    const again = await tags.findOrCreateByNames(['Kerala floods', 'मानसून']);
    expect(again.map((t) => t.id)).toEqual([found[1]?.id, found[2]?.id]);
    expect(await tags.findOrCreateByNames([])).toEqual([]);
  });

  it('finds or creates inside a caller’s transaction, which can roll it back', async () => {
    await expect(
      ctx()
        .db.transaction()
        .execute(async (trx) => {
          await tags.findOrCreateByNames(['Rolled back'], trx);
          throw new Error('abort');
        }),
    ).rejects.toThrow('abort');
    await expect(tags.getBySlug('rolled-back')).rejects.toMatchObject({ code: 'TAG_NOT_FOUND' });
  });

  it('finds many tags at once in the order asked, skipping unknown ids', async () => {
    const a = await tags.create({ name: 'A' });
    const b = await tags.create({ name: 'B' });
    expect((await tags.findByIds([b.id, 424_242, a.id])).map((t) => t.name)).toEqual(['B', 'A']);
  });
});
