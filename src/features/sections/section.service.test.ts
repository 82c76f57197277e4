import { describe, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { createSectionService } from './section.service.js';
import { wouldCycle } from './section.js';

describeEachDb('sections', (ctx) => {
  const service = () => createSectionService({ db: ctx().db, clock: fixedClock('2026-11-28T10:00:00.000Z') });

  it('builds the URL path of a subsection from its parents', async () => {
    const world = await service().create({ slug: 'world', name: 'World' });
    const asia = await service().create({ slug: 'asia', name: 'Asia', parentId: world.id });
    expect(asia.path).toBe('world/asia');
    expect((await service().getBySlug('asia')).parentId).toBe(world.id);
  });

  it('refuses a second section with the same slug, naming the field', async () => {
    await service().create({ slug: 'nation', name: 'Nation' });
    await expect(service().create({ slug: 'nation', name: 'Again' })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'SECTION_SLUG_TAKEN',
      field: 'slug',
    });
  });

  it('refuses a parent that does not exist and writes nothing', async () => {
    const before = (await service().list()).length;
    await expect(service().create({ slug: 'orphan', name: 'Orphan', parentId: 99999 })).rejects.toMatchObject({
      code: 'SECTION_PARENT_NOT_FOUND',
      field: 'parentId',
    });
    expect((await service().list()).length).toBe(before);
  });

  it('refuses to move a section inside its own subsection', async () => {
    const a = await service().create({ slug: 'loop-a', name: 'A' });
    const b = await service().create({ slug: 'loop-b', name: 'B', parentId: a.id });
    await expect(service().update(a.id, { parentId: b.id })).rejects.toMatchObject({ code: 'SECTION_PARENT_LOOP' });
  });

  it('renames a section and keeps its place in the tree', async () => {
    const s = await service().create({ slug: 'city', name: 'City', position: 3 });
    const renamed = await service().update(s.id, { name: 'Amritnagar', description: 'Our city' });
    expect(renamed).toMatchObject({ name: 'Amritnagar', description: 'Our city', position: 3, slug: 'city' });
  });

  it('will not delete a section that still has subsections', async () => {
    const parent = await service().create({ slug: 'sports', name: 'Sports' });
    await service().create({ slug: 'cricket', name: 'Cricket', parentId: parent.id });
    const err: unknown = await service().remove(parent.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'SECTION_IN_USE' });
  });

  it('deletes an empty section', async () => {
    const s = await service().create({ slug: 'temporary', name: 'Temporary' });
    await service().remove(s.id);
    await expect(service().get(s.id)).rejects.toMatchObject({ code: 'SECTION_NOT_FOUND' });
  });
});

describe('section loops', () => {
  it('sees a loop through several levels', () => {
    const rows = [
      { id: 1, parent_id: null },
      { id: 2, parent_id: 1 },
      { id: 3, parent_id: 2 },
    ];
    expect(wouldCycle(rows, 1, 3)).toBe(true);
    expect(wouldCycle(rows, 3, 1)).toBe(false);
  });
});
