import { beforeEach, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import type { Db } from '../../db/index.js';
import { fixedClock } from '../../lib/clock.js';
import { defaultSettings } from './settings.js';
import { createSettingsService, type SettingsService } from './settings.service.js';

async function insertMedia(db: Db): Promise<number> {
  const now = '2026-01-01T00:00:00.000Z';
  const row = await db
    .insertInto('media')
    .values({
      storage_key: `2026/01/${Math.random().toString(36).slice(2)}.png`,
      original_name: 'logo.png',
      mime_type: 'image/png',
      byte_size: 1000,
      width: 600,
      height: 100,
      sha256: '1'.repeat(64),
      caption: '',
      credit: '',
      alt_text: 'The Daily Dateline',
      focal_x: 0.5,
      focal_y: 0.5,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describeEachDb('settings service', (ctx) => {
  const clock = fixedClock('2026-03-01T10:00:00.000Z');
  let settings: SettingsService;

  beforeEach(async () => {
    await ctx().db.deleteFrom('settings').execute();
    settings = createSettingsService({ db: ctx().db, clock });
  });

  it('gives the defaults before anything is saved', async () => {
    expect(await settings.get()).toEqual(defaultSettings());
  });

  it('saves a change, keeps the other fields and reads it back', async () => {
    const saved = await settings.update({ name: ' The Evening Dateline ', timeZone: 'Asia/Kathmandu', locale: 'hi-in' });
    expect(saved).toMatchObject({ name: 'The Evening Dateline', timeZone: 'Asia/Kathmandu', locale: 'hi-IN', tagline: '' });
    expect(saved.utilityLinks).toEqual(defaultSettings().utilityLinks);
    expect(await settings.get()).toEqual(saved);
    clock.advance(1000);
    const again = await settings.update({ tagline: 'News since 1952', social: { x: 'https://x.com/dateline', youtube: 'https://youtube.com/@dateline' } });
    expect(again).toMatchObject({ name: 'The Evening Dateline', tagline: 'News since 1952', social: { x: 'https://x.com/dateline' } });
    const row = await ctx().db.selectFrom('settings').selectAll().where('key', '=', 'publication').executeTakeFirstOrThrow();
    expect(row.updated_at).toBe('2026-03-01T10:00:01.000Z');
  });

  it('refuses a time zone the runtime does not know', async () => {
    await expect(settings.update({ timeZone: 'Asia/Atlantis' })).rejects.toMatchObject({
      kind: 'invalid',
      code: 'SETTINGS_TIME_ZONE_UNKNOWN',
      field: 'timeZone',
    });
  });

  it('refuses a blank name, a bad locale and plain-http social links', async () => {
    await expect(settings.update({ name: ' ' })).rejects.toMatchObject({ field: 'name' });
    await expect(settings.update({ locale: 'english' })).rejects.toMatchObject({ field: 'locale' });
    await expect(settings.update({ social: { facebook: 'http://facebook.com/dateline' } })).rejects.toMatchObject({ field: 'social.facebook' });
  });

  it('refuses more than twelve utility links and links that leave the site insecurely', async () => {
    const many = Array.from({ length: 13 }, (_, i) => ({ label: `Link ${i}`, href: `/l${i}` }));
    await expect(settings.update({ utilityLinks: many })).rejects.toMatchObject({ code: 'SETTINGS_TOO_MANY_LINKS', field: 'utilityLinks' });
    await expect(settings.update({ utilityLinks: [{ label: 'E-paper', href: 'http://epaper.example' }] })).rejects.toMatchObject({
      field: 'utilityLinks.0.href',
    });
    const saved = await settings.update({ utilityLinks: [{ label: 'E-paper', href: 'https://epaper.example' }, { label: 'About', href: '/about' }] });
    expect(saved.utilityLinks).toHaveLength(2);
  });

  it('refuses a logo that is not in the media library, and accepts one that is', async () => {
    await expect(settings.update({ logoMediaId: 987_654 })).rejects.toMatchObject({
      kind: 'unprocessable',
      code: 'SETTINGS_LOGO_NOT_FOUND',
      field: 'logoMediaId',
    });
    const logo = await insertMedia(ctx().db);
    expect((await settings.update({ logoMediaId: logo })).logoMediaId).toBe(logo);
    expect((await settings.update({ logoMediaId: null })).logoMediaId).toBeNull();
  });
});
