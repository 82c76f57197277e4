import type { Db } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import { noContentEvents, type ContentEvents } from '../../lib/events.js';
import { conflict, notFound, unprocessable } from '../../lib/errors.js';
import { toSections, wouldCycle, type Section } from './section.js';
import * as q from './section.queries.js';

export interface SectionInput {
  slug: string;
  name: string;
  description?: string;
  parentId?: number | null;
  position?: number;
}

export function createSectionService(deps: { db: Db; clock: Clock; events?: ContentEvents }) {
  const { db, clock } = deps;
  const events = deps.events ?? noContentEvents;
  // The section navigation is on every reader page, so any change to the tree touches them all.
  const announce = (): void => events.emit({ keys: ['all'] });

  async function all(trx: Db = db): Promise<Section[]> {
    return toSections(await q.listSectionRows(trx));
  }

  async function checkSlugFree(trx: Db, slug: string, exceptId?: number): Promise<void> {
    const existing = await q.findSectionIdBySlug(trx, slug);
    if (existing !== undefined && existing !== exceptId) {
      throw conflict('SECTION_SLUG_TAKEN', `Another section already uses the slug "${slug}".`, 'slug');
    }
  }

  async function checkParent(trx: Db, parentId: number | null, selfId?: number): Promise<void> {
    if (parentId === null) return;
    if (!(await q.findSectionRow(trx, parentId))) {
      throw unprocessable('SECTION_PARENT_NOT_FOUND', `There is no section ${parentId} to be the parent.`, 'parentId');
    }
    if (selfId !== undefined && wouldCycle(await q.listSectionRows(trx), selfId, parentId)) {
      throw unprocessable('SECTION_PARENT_LOOP', 'A section cannot sit inside itself or its own subsections.', 'parentId');
    }
  }

  return {
    list: () => all(),

    async get(id: number): Promise<Section> {
      const found = (await all()).find((s) => s.id === id);
      if (!found) throw notFound('SECTION_NOT_FOUND', `There is no section ${id}.`, 'id');
      return found;
    },

    async getBySlug(slug: string): Promise<Section> {
      const found = (await all()).find((s) => s.slug === slug);
      if (!found) throw notFound('SECTION_NOT_FOUND', `There is no section "${slug}".`, 'slug');
      return found;
    },

    async create(input: SectionInput): Promise<Section> {
      const id = await db.transaction().execute(async (trx) => {
        await checkSlugFree(trx, input.slug);
        await checkParent(trx, input.parentId ?? null);
        const now = clock.now().toISOString();
        return q.insertSection(trx, {
          slug: input.slug,
          name: input.name,
          description: input.description ?? '',
          parent_id: input.parentId ?? null,
          position: input.position ?? 0,
          created_at: now,
          updated_at: now,
        });
      });
      announce();
      return this.get(id);
    },

    async update(id: number, patch: Partial<SectionInput>): Promise<Section> {
      await db.transaction().execute(async (trx) => {
        if (!(await q.findSectionRow(trx, id))) throw notFound('SECTION_NOT_FOUND', `There is no section ${id}.`, 'id');
        if (patch.slug !== undefined) await checkSlugFree(trx, patch.slug, id);
        if (patch.parentId !== undefined) await checkParent(trx, patch.parentId, id);
        await q.updateSectionRow(trx, id, {
          ...(patch.slug !== undefined && { slug: patch.slug }),
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.description !== undefined && { description: patch.description }),
          ...(patch.parentId !== undefined && { parent_id: patch.parentId }),
          ...(patch.position !== undefined && { position: patch.position }),
          updated_at: clock.now().toISOString(),
        });
      });
      announce();
      return this.get(id);
    },

    async remove(id: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if (!(await q.findSectionRow(trx, id))) throw notFound('SECTION_NOT_FOUND', `There is no section ${id}.`, 'id');
        const use = await q.countSectionUse(trx, id);
        if (use.children > 0 || use.articles > 0) {
          throw conflict(
            'SECTION_IN_USE',
            `This section still has ${use.children} subsection(s) and ${use.articles} story(ies); move them first.`,
            'id',
          );
        }
        await q.deleteSectionRow(trx, id);
      });
      announce();
    },
  };
}

export type SectionService = ReturnType<typeof createSectionService>;
