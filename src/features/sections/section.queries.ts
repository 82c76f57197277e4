import type { Db } from '../../db/index.js';
import type { SectionRow } from '../../db/schema.js';

export async function listSectionRows(db: Db): Promise<SectionRow[]> {
  return db.selectFrom('sections').selectAll().orderBy('position').orderBy('id').execute();
}

export async function findSectionRow(db: Db, id: number): Promise<SectionRow | undefined> {
  return db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSectionIdBySlug(db: Db, slug: string): Promise<number | undefined> {
  const row = await db.selectFrom('sections').select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id;
}

export async function insertSection(db: Db, row: Omit<SectionRow, 'id'>): Promise<number> {
  const r = await db.insertInto('sections').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateSectionRow(db: Db, id: number, patch: Partial<Omit<SectionRow, 'id' | 'created_at'>>): Promise<void> {
  await db.updateTable('sections').set(patch).where('id', '=', id).execute();
}

export async function deleteSectionRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('sections').where('id', '=', id).execute();
}

export async function countSectionUse(db: Db, id: number): Promise<{ children: number; articles: number }> {
  const children = await db
    .selectFrom('sections')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .executeTakeFirstOrThrow();
  const articles = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('section_id', '=', id)
    .executeTakeFirstOrThrow();
  return { children: Number(children.n), articles: Number(articles.n) };
}
