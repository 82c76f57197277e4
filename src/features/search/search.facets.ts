/**
 * Facets: what a story can be filtered by (section, authors, tags, language,
 * status, kind), written into its search document as tokens (`zzsec3
 * zzauth6 zztag12 zzlangen zzstpublished zzkindnews`). Both engines then
 * answer "this word, in this section, by this author" by intersecting the
 * word's and the facets' posting lists inside the full-text index, instead
 * of walking every match of the word and checking each story's row — which is
 * what made filtered searches of common words slow (see docs/search.md).
 *
 * The facet tokens live in their own column (FTS5 `facets`; on PostgreSQL a
 * `simple` tsvector of the `facets` column), apart from the text a reader's
 * words are matched against, and a reader's "zzsec3" is held to the text
 * columns, so typing a facet token finds nothing of them. The
 * document's own columns (section_id, status, …) and the story's author and
 * tag links stay the source of truth: engines still check them, on the few
 * rows the facets let through.
 */
import type { EngineFilter } from './search.js';

/** Every facet token starts with this; a reader's word that does is matched against the story text only. */
export const FACET_PREFIX = 'zz';

/** Facet tokens are lowercase letters and digits only, so every tokenizer keeps them whole. */
const token = (prefix: string, value: string | number): string => `${FACET_PREFIX}${prefix}${String(value).toLowerCase().replace(/[^a-z0-9]/g, '')}`;

export const facetToken = {
  section: (id: number) => token('sec', id),
  author: (id: number) => token('auth', id),
  tag: (id: number) => token('tag', id),
  language: (code: string) => token('lang', code),
  status: (status: string) => token('st', status),
  kind: (kind: string) => token('kind', kind),
  /** A wire item's agency ("AFP" → zzagafp); wire documents only. */
  agency: (name: string) => token('ag', name),
};

export interface FacetSource {
  section_id: number | null;
  language: string;
  status: string;
  kind: string;
  authorIds: readonly number[];
  tagIds: readonly number[];
}

/** A document's facets column: its tokens, space-separated, in a stable order (so unchanged facets compare equal). */
export function facetsOf(src: FacetSource): string {
  return [
    ...(src.section_id !== null ? [facetToken.section(src.section_id)] : []),
    ...[...new Set(src.authorIds)].sort((a, b) => a - b).map(facetToken.author),
    ...[...new Set(src.tagIds)].sort((a, b) => a - b).map(facetToken.tag),
    facetToken.language(src.language),
    facetToken.status(src.status),
    facetToken.kind(src.kind),
  ].join(' ');
}

/**
 * The facet conditions a filter implies: every group must match, any token of
 * a group will do. An empty group can match nothing (a filter by an unknown
 * section). Readers' "published" is left out: nine stories in ten are, so
 * intersecting with it would cost more than checking the rows it returns.
 */
export function facetGroups(f: EngineFilter): string[][] {
  // An unknown slug resolves to id -1: a group of nothing, not the token of story 1's author.
  const ids = (list: readonly number[], tokenOf: (id: number) => string) => list.filter((id) => id > 0).map(tokenOf);
  const groups: string[][] = [];
  if (f.sectionIds) groups.push(ids(f.sectionIds, facetToken.section));
  if (f.authorId !== undefined) groups.push(ids([f.authorId], facetToken.author));
  if (f.tagId !== undefined) groups.push(ids([f.tagId], facetToken.tag));
  if (f.language !== undefined) groups.push([facetToken.language(f.language)]);
  if (f.statuses) groups.push(f.statuses.map(facetToken.status));
  if (f.kind !== undefined) groups.push([facetToken.kind(f.kind)]);
  // Wire documents carry no agency column: the token alone decides (agency names differing only in punctuation
  // or case share one).
  if (f.agency !== undefined) groups.push([facetToken.agency(f.agency)]);
  return groups;
}
