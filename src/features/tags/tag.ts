/** A tag (topic) that groups stories across sections: "Monsoon", "Lok Sabha elections", … */
import { createHash } from 'node:crypto';
import type { TagRow } from '../../db/schema.js';
import { slugify } from '../../lib/slug.js';

export const TAG_NAME_MAX = 120;

export interface Tag {
  id: number;
  slug: string;
  name: string;
  createdAt: string;
}

export function toTag(row: TagRow): Tag {
  return { id: row.id, slug: row.slug, name: row.name, createdAt: row.created_at };
}

/** Tidy a tag name as typed or imported: single spaces, no ends, at most TAG_NAME_MAX characters. */
export function cleanTagName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, TAG_NAME_MAX).trim();
}

/**
 * The slug a tag name gets. Names in Devanagari or Gurmukhi give no Latin
 * slug, so they get a stable one from a hash of the name instead: the same
 * name always maps to the same tag.
 */
export function tagSlugFor(name: string): string {
  const slug = slugify(name);
  if (slug !== '') return slug;
  return `t-${createHash('sha256').update(cleanTagName(name).toLowerCase()).digest('hex').slice(0, 12)}`;
}

/** Escape LIKE wildcards so a user's "50%" is matched literally (used with ESCAPE '\'). */
export function likePrefix(text: string): string {
  return `${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
