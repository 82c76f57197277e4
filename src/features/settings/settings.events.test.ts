import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import { createContentEvents } from '../../lib/events.js';
import { createSettingsService } from './settings.service.js';

describeEachDb('settings changes', (ctx) => {
  it('announce every page, because the paper name and links are in every frame, and only when they succeed', async () => {
    const events = createContentEvents();
    const announced: string[][] = [];
    events.subscribe((c) => announced.push([...c.keys]));
    const settings = createSettingsService({ db: ctx().db, clock: fixedClock('2026-11-28T10:00:00.000Z'), events });

    await settings.update({ name: 'The Evening Dateline' });
    await expect(settings.update({ logoMediaId: 987654 })).rejects.toMatchObject({ code: 'SETTINGS_LOGO_NOT_FOUND' });

    expect(announced).toEqual([['all']]);
  });
});
