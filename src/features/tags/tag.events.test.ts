import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import { createContentEvents } from '../../lib/events.js';
import { createTagService } from './tag.service.js';

describeEachDb('tag changes', (ctx) => {
  it('announce the tag when it is renamed or deleted, and only when that succeeds', async () => {
    const events = createContentEvents();
    const announced: string[][] = [];
    events.subscribe((c) => announced.push([...c.keys]));
    const tags = createTagService({ db: ctx().db, clock: fixedClock('2026-11-28T10:00:00.000Z'), events });

    const t = await tags.create({ name: 'Monsoon' });
    const other = await tags.create({ name: 'Floods' });
    await tags.update(t.id, { name: 'Monsoon 2026' });
    await expect(tags.update(t.id, { slug: other.slug })).rejects.toMatchObject({ code: 'TAG_SLUG_TAKEN' });
    await tags.remove(t.id);

    expect(announced).toEqual([[`tag:${t.id}`], [`tag:${t.id}`]]);
  });
});
