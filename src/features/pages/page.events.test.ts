import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import { createContentEvents } from '../../lib/events.js';
import { bodyFromParagraphs } from '../articles/index.js';
import { createPageService } from './page.service.js';

describeEachDb('static page changes', (ctx) => {
  it('announce the page on every change, and only when it succeeds', async () => {
    const events = createContentEvents();
    const announced: string[][] = [];
    events.subscribe((c) => announced.push([...c.keys]));
    const pages = createPageService({ db: ctx().db, clock: fixedClock('2026-11-28T10:00:00.000Z'), events });

    const p = await pages.create({ slug: 'about', title: 'About us', body: bodyFromParagraphs(['Founded in 1921.']), status: 'published' });
    await pages.update(p.id, { title: 'About the Dateline' });
    await expect(pages.create({ slug: 'about', title: 'Again', body: bodyFromParagraphs(['x']) })).rejects.toMatchObject({ code: 'PAGE_SLUG_TAKEN' });
    await pages.remove(p.id);

    expect(announced).toEqual([[`page:${p.id}`], [`page:${p.id}`], [`page:${p.id}`]]);
  });
});
