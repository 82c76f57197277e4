import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/db.js';
import { LATEST_MIGRATION, type DialectName } from '../../db/index.js';
import { fixedClock } from '../../lib/clock.js';
import type { MediaStore } from '../media/index.js';
import { exportArchive, importArchive, type ArchiveDeps } from './index.js';
import { readEntries, removeTempDirs, seedNewsroom, snapshot, storeFiles, T0, tempDir, tempStore } from './archive.fixtures.js';

const other = (kind: DialectName): DialectName => (kind === 'sqlite' ? 'postgres' : 'sqlite');

interface Site {
  tdb: TestDatabase;
  store: MediaStore;
  deps: ArchiveDeps;
}

async function site(kind: DialectName): Promise<Site> {
  const tdb = await createTestDatabase(kind);
  const { store } = await tempStore();
  return { tdb, store, deps: { db: tdb.store.db, dialect: tdb.store.dialect, mediaStore: store, clock: fixedClock(T0) } };
}

for (const kind of DIALECTS) {
  describe(`archive round trip from ${kind} to ${other(kind)} and back`, () => {
    const sites: Site[] = [];
    let dir = '';
    beforeAll(async () => {
      dir = await tempDir();
      sites.push(await site(kind), await site(other(kind)), await site(kind));
      await seedNewsroom(sites[0]!.deps.db, sites[0]!.store);
    });
    afterAll(async () => {
      for (const s of sites) await s.tdb.drop();
      await removeTempDirs();
    });

    it('exports a gzipped tar with a manifest, one file per table and every media file', async () => {
      const [source] = sites as [Site];
      const events: string[] = [];
      const summary = await exportArchive(source.deps, path.join(dir, 'one.tar.gz'), (e) => events.push(`${e.phase}:${e.table ?? ''}`));
      expect(summary.tables).toMatchObject({ media: 3, sections: 4, articles: 3, article_authors: 3, pages: 1 });
      expect(summary.mediaFiles).toBe(4);
      expect(summary.bytes).toBe((await fsp.stat(path.join(dir, 'one.tar.gz'))).size);
      expect(events).toContain('tables:articles');
      expect(events).toContain('media:');
      const entries = await readEntries(path.join(dir, 'one.tar.gz'));
      expect([...entries.keys()][0]).toBe('manifest.json');
      expect(entries.has('tables/api_tokens.ndjson')).toBe(false);
      expect(entries.has('media/2026/11/aaaa-w640.webp')).toBe(true);
      const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Record<string, unknown>;
      expect(manifest).toMatchObject({ format: 'dateline-archive', formatVersion: 1, schemaVersion: LATEST_MIGRATION, dialect: kind, createdAt: T0 });
      const articles = entries.get('tables/articles.ndjson')!.toString('utf8').trim().split('\n');
      expect(articles.map((l) => (JSON.parse(l) as { id: number }).id)).toEqual([1, 2, 6]);
    });

    it(`imports into ${other(kind)} with every row and every file unchanged`, async () => {
      const [source, target] = sites as [Site, Site];
      const phases = new Set<string>();
      const summary = await importArchive(target.deps, path.join(dir, 'one.tar.gz'), { onProgress: (e) => phases.add(e.phase) });
      expect(summary).toMatchObject({ mediaFiles: 4, tables: { articles: 3, article_tags: 2 } });
      expect([...phases]).toEqual(['verify', 'tables', 'media']);
      expect(await snapshot(target.deps.db)).toEqual(await snapshot(source.deps.db));
      expect(await storeFiles(target.store)).toEqual(await storeFiles(source.store));
      const focal = await target.deps.db.selectFrom('media').select(['focal_x', 'focal_y']).where('id', '=', 1).executeTakeFirstOrThrow();
      expect(focal).toEqual({ focal_x: 0.1 + 0.2, focal_y: 1 / 3 });
    });

    it('leaves API tokens and sign-in sessions behind: secrets stay where they are', async () => {
      const [, target] = sites as [Site, Site];
      expect(await target.deps.db.selectFrom('api_tokens').selectAll().execute()).toEqual([]);
      expect(await target.deps.db.selectFrom('staff_sessions').selectAll().execute()).toEqual([]);
      expect(await target.deps.db.selectFrom('staff_users').select('email').orderBy('id').execute()).toEqual([
        { email: 'meera@example.test' },
        { email: 'old@example.test' },
      ]);
    });

    it(`comes back to ${kind} unchanged`, async () => {
      const [source, target, back] = sites as [Site, Site, Site];
      await exportArchive(target.deps, path.join(dir, 'two.tar.gz'));
      await importArchive(back.deps, path.join(dir, 'two.tar.gz'));
      expect(await snapshot(back.deps.db)).toEqual(await snapshot(source.deps.db));
      expect(await storeFiles(back.store)).toEqual(await storeFiles(source.store));
    });

    it('continues ids after the largest imported one', async () => {
      for (const s of sites.slice(1)) {
        const db = s.deps.db;
        const tag = await db.insertInto('tags').values({ slug: 'new', name: 'New', created_at: T0 }).returning('id').executeTakeFirstOrThrow();
        expect(tag.id).toBeGreaterThan(9);
        const page = await db
          .insertInto('pages')
          .values({ slug: 'new', title: 'N', body: '{}', seo_description: '', status: 'draft', created_at: T0, updated_at: T0 })
          .returning('id')
          .executeTakeFirstOrThrow();
        expect(page.id).toBeGreaterThan(2);
        const fix = await db
          .insertInto('article_corrections')
          .values({ article_id: 6, kind: 'update', text: 'x', created_at: T0 })
          .returning('id')
          .executeTakeFirstOrThrow();
        expect(fix.id).toBeGreaterThan(3);
      }
    });

    it('refuses a database that already holds content and changes nothing', async () => {
      const [, target] = sites as [Site, Site];
      const before = await snapshot(target.deps.db);
      await expect(importArchive(target.deps, path.join(dir, 'one.tar.gz'))).rejects.toMatchObject({
        code: 'ARCHIVE_TARGET_NOT_EMPTY',
        kind: 'conflict',
      });
      expect(await snapshot(target.deps.db)).toEqual(before);
    });

    it('replaces the content, and the files no row needs, when asked to', async () => {
      const [source, target] = sites as [Site, Site];
      await target.store.put('2030/01/leftover.jpg', Buffer.from('old'));
      await importArchive(target.deps, path.join(dir, 'one.tar.gz'), { replace: true });
      expect(await snapshot(target.deps.db)).toEqual(await snapshot(source.deps.db));
      expect(await storeFiles(target.store)).toEqual(await storeFiles(source.store));
    });

    it('keeps the advertising creatives in the store when it replaces the content (ads are not in the archive)', async () => {
      const [, target] = sites as [Site, Site];
      await target.store.put('ads/2030/01/creative.png', Buffer.from('ad'));
      await target.store.put('2030/01/leftover.jpg', Buffer.from('old'));
      await importArchive(target.deps, path.join(dir, 'one.tar.gz'), { replace: true });
      const files = await storeFiles(target.store);
      expect(Object.keys(files)).toContain('ads/2030/01/creative.png');
      expect(Object.keys(files)).not.toContain('2030/01/leftover.jpg');
    });
  });
}
