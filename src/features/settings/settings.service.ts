import type { Db } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import { noContentEvents, type ContentEvents } from '../../lib/events.js';
import { invalid, unprocessable } from '../../lib/errors.js';
import { normalise, readStoredSettings, settingsProblem, type PublicationSettings } from './settings.js';
import * as q from './settings.queries.js';

export const PUBLICATION_KEY = 'publication';

/** A change to the settings: top-level fields replace; `social` and `utilityLinks` replace their whole value. */
export type PublicationSettingsPatch = Partial<PublicationSettings>;

export function createSettingsService(deps: { db: Db; clock: Clock; events?: ContentEvents }) {
  const { db, clock } = deps;
  const events = deps.events ?? noContentEvents;

  return {
    /** The current settings; defaults until staff first save them. */
    async get(trx: Db = db): Promise<PublicationSettings> {
      return readStoredSettings(await q.findSettingValue(trx, PUBLICATION_KEY));
    },

    async update(patch: PublicationSettingsPatch): Promise<PublicationSettings> {
      const stored = await db.transaction().execute(async (trx) => {
        const current = readStoredSettings(await q.findSettingValue(trx, PUBLICATION_KEY));
        const next: PublicationSettings = {
          name: patch.name ?? current.name,
          tagline: patch.tagline ?? current.tagline,
          locale: patch.locale ?? current.locale,
          timeZone: patch.timeZone ?? current.timeZone,
          logoMediaId: patch.logoMediaId === undefined ? current.logoMediaId : patch.logoMediaId,
          social: patch.social ?? current.social,
          utilityLinks: patch.utilityLinks ?? current.utilityLinks,
        };
        const problem = settingsProblem(next);
        if (problem) throw invalid(problem.code, problem.message, problem.field);
        if (next.logoMediaId !== null && patch.logoMediaId !== undefined && !(await q.mediaExists(trx, next.logoMediaId))) {
          throw unprocessable('SETTINGS_LOGO_NOT_FOUND', `There is no media item ${next.logoMediaId} to use as the logo.`, 'logoMediaId');
        }
        const saved = normalise(next);
        await q.upsertSetting(trx, PUBLICATION_KEY, JSON.stringify(saved), clock.now().toISOString());
        return saved;
      });
      // The paper's name, links and time zone are in every page's frame.
      events.emit({ keys: ['all'] });
      return stored;
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
