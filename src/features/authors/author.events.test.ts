import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import { createContentEvents } from '../../lib/events.js';
import { createAuthorService } from './author.service.js';

describeEachDb('author changes', (ctx) => {
  it('announce the author (their page and every story with their byline), and only when they succeed', async () => {
    const events = createContentEvents();
    const announced: string[][] = [];
    events.subscribe((c) => announced.push([...c.keys]));
    const authors = createAuthorService({ db: ctx().db, clock: fixedClock('2026-11-28T10:00:00.000Z'), events });

    const a = await authors.create({ name: 'Meera Nair' });
    await authors.update(a.id, { title: 'Chief reporter' });
    await expect(authors.update(a.id, { photoId: 987654 })).rejects.toMatchObject({ code: 'AUTHOR_PHOTO_NOT_FOUND' });
    await authors.remove(a.id);

    expect(announced).toEqual([[`author:${a.id}`], [`author:${a.id}`]]);
  });
});
