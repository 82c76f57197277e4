import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import { createContentEvents } from '../../lib/events.js';
import { createMediaService } from './media.service.js';
import { createLocalMediaStore } from './media.store.js';
import { makeImage } from './media.test-images.js';

describeEachDb('media changes', (ctx) => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
  });

  it('announce the image when its text or crop changes or it is deleted, and only when that succeeds', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dateline-media-events-'));
    dirs.push(dir);
    const events = createContentEvents();
    const announced: string[][] = [];
    events.subscribe((c) => announced.push([...c.keys]));
    const media = createMediaService({ db: ctx().db, clock: fixedClock('2026-11-28T10:00:00.000Z'), mediaStore: createLocalMediaStore(dir), dialect: ctx().dialect, events });

    const image = await media.upload({ data: await makeImage('png') });
    await media.update(image.id, { caption: 'Rain over the harbour', focalX: 0.3 });
    await expect(media.update(image.id, { focalY: 7 })).rejects.toMatchObject({ code: 'MEDIA_FOCAL_INVALID' });
    await expect(media.update(987654, { caption: 'x' })).rejects.toMatchObject({ code: 'MEDIA_NOT_FOUND' });
    await media.remove(image.id);

    expect(announced).toEqual([[`media:${image.id}`], [`media:${image.id}`]]);
  });
});
