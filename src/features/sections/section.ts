/** A section of the paper (Nation, World › Asia, …): a tree ordered by position. */
import type { SectionRow } from '../../db/schema.js';

export interface Section {
  id: number;
  slug: string;
  name: string;
  description: string;
  parentId: number | null;
  position: number;
  /** URL path from the root, e.g. "world/asia". */
  path: string;
  createdAt: string;
  updatedAt: string;
}

/** Maps rows to sections with their paths. Rows may come in any order; a broken parent link ends the path there. */
export function toSections(rows: readonly SectionRow[]): Section[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const pathOf = (row: SectionRow): string => {
    const parts = [row.slug];
    let parentId = row.parent_id;
    const seen = new Set([row.id]);
    while (parentId !== null) {
      const parent = byId.get(parentId);
      if (!parent || seen.has(parent.id)) break;
      seen.add(parent.id);
      parts.unshift(parent.slug);
      parentId = parent.parent_id;
    }
    return parts.join('/');
  };
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    parentId: row.parent_id,
    position: row.position,
    path: pathOf(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

/** Would making `parentId` the parent of `id` create a loop? */
export function wouldCycle(rows: readonly Pick<SectionRow, 'id' | 'parent_id'>[], id: number, parentId: number | null): boolean {
  const parentOf = new Map(rows.map((r) => [r.id, r.parent_id]));
  let current = parentId;
  const seen = new Set<number>();
  while (current !== null && current !== undefined) {
    if (current === id) return true;
    if (seen.has(current)) return true;
    seen.add(current);
    current = parentOf.get(current) ?? null;
  }
  return false;
}
