import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDb } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import { exportArchive, importArchive } from './index.js';
import { removeTempDirs, seedNewsroom, snapshot, T0, tempDir, tempStore } from './archive.fixtures.js';

describeEachDb('archive export pages through large tables', (ctx) => {
  afterAll(removeTempDirs);

  it('keeps every row of tables longer than one page, single and two-column keys alike', async () => {
    const db = ctx().db;
    const { store } = await tempStore();
    await seedNewsroom(db, store);
    const tags = Array.from({ length: 600 }, (_, i) => ({ id: 100 + i, slug: `t${i}`, name: `Tag ${i}`, created_at: T0 }));
    await db.insertInto('tags').values(tags).execute();
    for (const articleId of [1, 2, 6]) {
      await db
        .insertInto('article_tags')
        .values(tags.slice(0, 250).map((t, position) => ({ article_id: articleId, tag_id: t.id, position: position + 5 })))
        .execute();
    }
    const file = path.join(await tempDir(), 'big.tar.gz');
    const done: number[] = [];
    const summary = await exportArchive(
      { db, dialect: ctx().dialect, mediaStore: store, clock: fixedClock(T0) },
      file,
      (e) => e.table === 'article_tags' && done.push(e.done),
    );
    expect(summary.tables).toMatchObject({ tags: 602, article_tags: 752 });
    expect(done).toEqual([0, 500, 752]);
    const target = await createTestDatabase('sqlite');
    const { store: targetStore } = await tempStore();
    await importArchive({ db: target.store.db, dialect: target.store.dialect, mediaStore: targetStore, clock: fixedClock(T0) }, file);
    expect(await snapshot(target.store.db)).toEqual(await snapshot(db));
    await target.drop();
  });
});
