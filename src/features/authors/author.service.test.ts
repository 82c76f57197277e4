import { beforeEach, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { insertArticle } from '../../../test/factories.js';
import type { Db } from '../../db/index.js';
import { fixedClock } from '../../lib/clock.js';
import { createAuthorService, type AuthorService } from './author.service.js';

async function insertMedia(db: Db): Promise<number> {
  const now = '2026-01-01T00:00:00.000Z';
  const row = await db
    .insertInto('media')
    .values({
      storage_key: `2026/01/${Math.random().toString(36).slice(2)}.jpg`,
      original_name: 'face.jpg',
      mime_type: 'image/jpeg',
      byte_size: 1000,
      width: 400,
      height: 400,
      sha256: '0'.repeat(64),
      caption: '',
      credit: '',
      alt_text: '',
      focal_x: 0.5,
      focal_y: 0.5,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A story carrying the author in its byline. */
async function bylineStory(db: Db, authorId: number): Promise<void> {
  const id = await insertArticle(db);
  await db.insertInto('article_authors').values({ article_id: id, author_id: authorId, position: 0 }).execute();
}

describeEachDb('author service', (ctx) => {
  const clock = fixedClock('2026-03-01T10:00:00.000Z');
  let authors: AuthorService;

  beforeEach(async () => {
    const db = ctx().db;
    await db.deleteFrom('article_authors').execute();
    await db.deleteFrom('articles').execute();
    await db.deleteFrom('authors').execute();
    authors = createAuthorService({ db, clock });
  });

  it('creates an author with a slug from the name and reads it back by id and slug', async () => {
    const created = await authors.create({
      name: 'Meera Iyer',
      title: 'Columnist',
      bio: 'Writes on cities.',
      social: { x: 'https://x.com/meera', email: 'meera@dateline.example', website: '' },
    });
    expect(created).toMatchObject({
      slug: 'meera-iyer',
      name: 'Meera Iyer',
      title: 'Columnist',
      photoId: null,
      social: { x: 'https://x.com/meera', email: 'meera@dateline.example' },
      createdAt: '2026-03-01T10:00:00.000Z',
    });
    expect(await authors.get(created.id)).toEqual(created);
    expect(await authors.getBySlug('meera-iyer')).toEqual(created);
  });

  it('refuses a slug another author already uses, naming the slug field', async () => {
    await authors.create({ name: 'Arjun Rao' });
    await expect(authors.create({ name: 'Arjun Rao' })).rejects.toMatchObject({ kind: 'conflict', code: 'AUTHOR_SLUG_TAKEN', field: 'slug' });
    const other = await authors.create({ name: 'A. Rao', slug: 'a-rao' });
    await expect(authors.update(other.id, { slug: 'arjun-rao' })).rejects.toMatchObject({ code: 'AUTHOR_SLUG_TAKEN', field: 'slug' });
  });

  it('refuses a photo that is not in the media library', async () => {
    await expect(authors.create({ name: 'No Photo', photoId: 99_999 })).rejects.toMatchObject({
      kind: 'unprocessable',
      code: 'AUTHOR_PHOTO_NOT_FOUND',
      field: 'photoId',
    });
    const photoId = await insertMedia(ctx().db);
    expect((await authors.create({ name: 'With Photo', photoId })).photoId).toBe(photoId);
  });

  it('refuses bad social links and names the one at fault', async () => {
    await expect(authors.create({ name: 'Bad Links', social: { instagram: 'instagram.com/x' } })).rejects.toMatchObject({
      kind: 'invalid',
      code: 'AUTHOR_SOCIAL_INVALID',
      field: 'social.instagram',
    });
    await expect(authors.create({ name: 'Bad Mail', social: { email: 'at-nowhere' } })).rejects.toMatchObject({ field: 'social.email' });
  });

  it('asks for a slug when the name has no Latin letters', async () => {
    await expect(authors.create({ name: 'मीरा अय्यर' })).rejects.toMatchObject({ code: 'AUTHOR_SLUG_REQUIRED', field: 'slug' });
    expect((await authors.create({ name: 'मीरा अय्यर', slug: 'meera' })).name).toBe('मीरा अय्यर');
  });

  it('changes only the fields given and stamps the update time', async () => {
    const a = await authors.create({ name: 'Kabir Shah', title: 'Reporter', social: { x: 'https://x.com/kabir' } });
    clock.advance(60_000);
    const changed = await authors.update(a.id, { title: 'Senior Reporter' });
    expect(changed).toMatchObject({ name: 'Kabir Shah', title: 'Senior Reporter', social: { x: 'https://x.com/kabir' } });
    expect(changed.updatedAt > a.updatedAt).toBe(true);
    expect((await authors.update(a.id, { social: {} })).social).toEqual({});
    await expect(authors.update(123_456, { title: 'x' })).rejects.toMatchObject({ kind: 'not_found', code: 'AUTHOR_NOT_FOUND' });
  });

  it('deletes an author with no bylines but refuses one bylined on a story', async () => {
    const free = await authors.create({ name: 'Free Lancer' });
    await authors.remove(free.id);
    await expect(authors.get(free.id)).rejects.toMatchObject({ code: 'AUTHOR_NOT_FOUND' });

    const busy = await authors.create({ name: 'Busy Writer' });
    await bylineStory(ctx().db, busy.id);
    await expect(authors.remove(busy.id)).rejects.toMatchObject({ kind: 'conflict', code: 'AUTHOR_IN_USE' });
    expect((await authors.get(busy.id)).name).toBe('Busy Writer');
  });

  it('lists authors by name, all at once or a page at a time', async () => {
    for (const name of ['Chitra', 'Asha', 'Farhan', 'Bilal', 'Devika']) await authors.create({ name });
    expect((await authors.list()).map((a) => a.name)).toEqual(['Asha', 'Bilal', 'Chitra', 'Devika', 'Farhan']);
    const first = await authors.listPage({ limit: 2 });
    expect(first.items.map((a) => a.name)).toEqual(['Asha', 'Bilal']);
    const second = await authors.listPage({ limit: 2, cursor: first.nextCursor ?? '' });
    expect(second.items.map((a) => a.name)).toEqual(['Chitra', 'Devika']);
    const third = await authors.listPage({ limit: 2, cursor: second.nextCursor ?? '' });
    expect(third.items.map((a) => a.name)).toEqual(['Farhan']);
    expect(third.nextCursor).toBeNull();
    await expect(authors.listPage({ cursor: 'garbage' })).rejects.toMatchObject({ kind: 'invalid', code: 'CURSOR_INVALID', field: 'cursor' });
  });

  it('finds many authors at once in the order asked, skipping unknown ids', async () => {
    const a = await authors.create({ name: 'One' });
    const b = await authors.create({ name: 'Two' });
    expect((await authors.findByIds([b.id, 999_999, a.id, b.id])).map((x) => x.name)).toEqual(['Two', 'One']);
    expect(await authors.findByIds([])).toEqual([]);
  });
});
