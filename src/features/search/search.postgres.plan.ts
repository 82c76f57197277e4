/**
 * Which way the PostgreSQL engine finds a query's matches, decided from the
 * vocabulary's estimate (`EngineQuery.share`) and the filter before any
 * statement is sent: walking the newest documents of `search_documents`
 * (common words), its GIN index (rare ones, phrases), or the GIN index of
 * `search_lexemes`, the narrow copy (migration 0009). Only the plan changes,
 * never the rows (`search.plan.test.ts`).
 */
import type { EngineQuery } from './search.engine.js';
import { WIRE_KEY_BASE, type EngineFilter } from './search.js';

/**
 * The match goes through the GIN index when the query's required words are
 * in fewer than this share of the stories…
 */
export const INDEX_SHARE = 0.06;
/**
 * …and their stem's whole family (every vocabulary word starting with the
 * stem) in fewer than this: English stemming matches `permits` for `permit`,
 * so the word's own count can be half the matches or less.
 */
export const INDEX_FAMILY_SHARE = 0.1;

/** Whether the vocabulary says the required words are rare enough for the GIN index to be the only way in. */
export const viaIndex = (query: EngineQuery): boolean =>
  query.share !== undefined && query.share < INDEX_SHARE && (query.familyShare ?? 1) < INDEX_FAMILY_SHARE;

/**
 * With a filter by section, author, tag or agency, the words may be in up to this share of the documents and still
 * be found through search_lexemes: the facets narrow the GIN scan. Commoner words are found sooner by walking the
 * newest documents; so are words filtered only by language, status or kind, which most documents share.
 */
export const LEXEMES_FACET_SHARE = 0.25;

/**
 * Whether the match (`tsquery`, facets included) is found through search_lexemes: where the GIN scan is the way in
 * (rare words, or words a selective filter narrows) and the index decides the match alone, with no positions
 * (phrases) or weights to check, which search_lexemes' stripped tsvectors do not have.
 */
export function viaLexemes(query: EngineQuery, filter: EngineFilter, tsquery: string): boolean {
  const operators = tsquery.replace(/'(?:[^']|'')*'/g, '');
  if (operators.includes('<') || operators.includes(':')) return false;
  // A lower bound on the ids above the corpus's own (a date range: ids are sort keys) is a range of the primary key,
  // which search_documents' GIN scan is intersected with (a BitmapAnd) before any row is read;
  // search_lexemes_matching returns every match of the words, whatever their ids.
  const floor = filter.corpus === 'wire' ? WIRE_KEY_BASE : 0;
  if ((filter.minDocId ?? floor) > floor) return false;
  const selective = filter.sectionIds !== undefined || filter.authorId !== undefined || filter.tagId !== undefined || filter.agency !== undefined;
  return viaIndex(query) || (selective && query.share !== undefined && query.share < LEXEMES_FACET_SHARE);
}
