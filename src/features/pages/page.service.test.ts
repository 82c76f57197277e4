import { beforeEach, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import { createPageService, type PageService } from './page.service.js';

const body = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describeEachDb('page service', (ctx) => {
  const clock = fixedClock('2026-03-01T10:00:00.000Z');
  let pages: PageService;

  beforeEach(async () => {
    await ctx().db.deleteFrom('pages').execute();
    pages = createPageService({ db: ctx().db, clock });
  });

  it('creates a page as a draft and reads it back by id and slug', async () => {
    const p = await pages.create({ slug: 'about', title: 'About us', body: body('We are a daily.'), seoDescription: 'Who we are' });
    expect(p).toMatchObject({ slug: 'about', title: 'About us', status: 'draft', seoDescription: 'Who we are', createdAt: '2026-03-01T10:00:00.000Z' });
    expect(p.body).toEqual(body('We are a daily.'));
    expect(await pages.get(p.id)).toEqual(p);
    expect(await pages.getBySlug('about')).toEqual(p);
  });

  it('shows readers only published pages; a draft looks missing', async () => {
    const draft = await pages.create({ slug: 'ethics', title: 'Code of ethics', body: body('Draft') });
    await pages.create({ slug: 'about', title: 'About us', body: body('Hi'), status: 'published' });
    expect((await pages.list()).map((p) => p.slug)).toEqual(['about']);
    expect((await pages.list({ includeDrafts: true })).map((p) => p.slug)).toEqual(['about', 'ethics']);
    await expect(pages.getPublished('ethics')).rejects.toMatchObject({ kind: 'not_found', code: 'PAGE_NOT_FOUND' });
    await pages.update(draft.id, { status: 'published' });
    expect((await pages.getPublished('ethics')).title).toBe('Code of ethics');
  });

  it('refuses a slug another page already uses, naming the slug field', async () => {
    await pages.create({ slug: 'advertise', title: 'Advertise with us', body: body('Rates') });
    await expect(pages.create({ slug: 'advertise', title: 'Again', body: body('x') })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'PAGE_SLUG_TAKEN',
      field: 'slug',
    });
    const other = await pages.create({ slug: 'contact', title: 'Contact', body: body('x') });
    await expect(pages.update(other.id, { slug: 'advertise' })).rejects.toMatchObject({ code: 'PAGE_SLUG_TAKEN', field: 'slug' });
  });

  it('refuses a body that breaks the story-body rules with the body code and the path at fault', async () => {
    const bad = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'blink', text: 'x' }] }] };
    await expect(pages.create({ slug: 'bad', title: 'Bad', body: bad })).rejects.toMatchObject({
      kind: 'unprocessable',
      code: 'BODY_INVALID',
      field: expect.stringMatching(/^body\.content\[0\]/) as string,
    });
    const p = await pages.create({ slug: 'good', title: 'Good', body: body('ok') });
    await expect(pages.update(p.id, { body: { type: 'doc', version: 2, content: [] } })).rejects.toMatchObject({ field: 'body.version' });
  });

  it('refuses a blank title and an unknown status', async () => {
    await expect(pages.create({ slug: 'x', title: '  ', body: body('x') })).rejects.toMatchObject({ kind: 'invalid', field: 'title' });
    await expect(pages.create({ slug: 'x', title: 'X', body: body('x'), status: 'live' as never })).rejects.toMatchObject({ field: 'status' });
  });

  it('changes only the fields given and stamps the update time', async () => {
    const p = await pages.create({ slug: 'app', title: 'Download app', body: body('Get it') });
    clock.advance(1000);
    const changed = await pages.update(p.id, { title: 'Get the app' });
    expect(changed).toMatchObject({ slug: 'app', title: 'Get the app', body: body('Get it'), updatedAt: '2026-03-01T10:00:01.000Z' });
    await expect(pages.update(999_999, { title: 'x' })).rejects.toMatchObject({ code: 'PAGE_NOT_FOUND' });
  });

  it('deletes a page', async () => {
    const p = await pages.create({ slug: 'old', title: 'Old', body: body('x') });
    await pages.remove(p.id);
    await expect(pages.get(p.id)).rejects.toMatchObject({ code: 'PAGE_NOT_FOUND' });
    await expect(pages.remove(p.id)).rejects.toMatchObject({ code: 'PAGE_NOT_FOUND' });
  });
});
