import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import { createContentEvents } from '../../lib/events.js';
import { createSectionService } from './section.service.js';

describeEachDb('section changes', (ctx) => {
  it('announce every page, because the section navigation is on all of them, and only when they succeed', async () => {
    const events = createContentEvents();
    const announced: string[][] = [];
    events.subscribe((c) => announced.push([...c.keys]));
    const sections = createSectionService({ db: ctx().db, clock: fixedClock('2026-11-28T10:00:00.000Z'), events });

    const s = await sections.create({ slug: 'weather', name: 'Weather' });
    await sections.update(s.id, { name: 'Weather and climate' });
    await expect(sections.create({ slug: 'weather', name: 'Again' })).rejects.toMatchObject({ code: 'SECTION_SLUG_TAKEN' });
    await expect(sections.update(s.id, { parentId: 987654 })).rejects.toMatchObject({ code: 'SECTION_PARENT_NOT_FOUND' });
    await sections.remove(s.id);
    await expect(sections.remove(s.id)).rejects.toMatchObject({ code: 'SECTION_NOT_FOUND' });

    expect(announced).toEqual([['all'], ['all'], ['all']]);
  });
});
