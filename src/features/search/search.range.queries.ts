/**
 * PostgreSQL: the newest documents first. A GIN scan returns every match,
 * and reading each match's row costs nearly a page (the stored tsvector
 * fills it); for a word in thousands of stories, most of those pages are
 * read only to be dropped by the limit. Limited to a range of the newest
 * document ids (intersected with the primary key), the scan reads about the
 * rows it keeps. The range is sized from the vocabulary's count of the
 * query's matches and ANALYZE's histogram of document ids.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import type { EngineQuery } from './search.engine.js';
import { facetGroups } from './search.facets.js';
import type { EngineFilter } from './search.js';

/** How long the histogram below is reused before it is read again (ANALYZE renews it as the table grows). */
const HISTOGRAM_TTL_MS = 60_000;
const histograms = new WeakMap<Db, { read: number; ids: Promise<number[] | undefined> }>();

/**
 * ANALYZE's histogram of document ids (buckets of equal counts), newest first; undefined before the first
 * ANALYZE. Read at most once a minute per database (pg_stats is a view of some weight), a failed read counting
 * as none.
 */
export function newestIds(db: Db): Promise<number[] | undefined> {
  const cached = histograms.get(db);
  if (cached && Date.now() - cached.read < HISTOGRAM_TTL_MS) return cached.ids;
  const ids = sql<{ bounds: string | null }>`
    select s.histogram_bounds::text as bounds from pg_stats s
    where s.schemaname = current_schema() and s.tablename = 'search_documents' and s.attname = 'id'`
    .execute(db)
    .then((r) => {
      const bounds = (r.rows[0]?.bounds ?? '').replace(/[{}]/g, '').split(',').filter((b) => b !== '').map(Number);
      return bounds.length >= 3 && bounds.every((b) => Number.isSafeInteger(b)) ? bounds.reverse() : undefined;
    })
    .catch(() => undefined);
  histograms.set(db, { read: Date.now(), ids });
  return ids;
}

/** How many more matches than needed the newest range is sized for: words cluster in time, and stems match more. */
export const RANGE_MARGIN = 1.5;

/**
 * Where the GIN scan (`viaIndex`) would read every match (thousands of rows, nearly one page each) to keep the newest
 * `limit`: the lowest id of a range of newest documents that should hold `limit` matches, by the vocabulary's
 * count of the query's matches (`spread`) spread evenly over the documents. Undefined when a range would not
 * save much, or the vocabulary cannot say (several groups, phrases, filters).
 */
export function newestRangeStart(query: EngineQuery, filter: EngineFilter, limit: number, viaIndex: boolean): number | undefined {
  const { newest, spread } = query;
  const dated = filter.publishedFrom !== undefined || filter.publishedBefore !== undefined;
  if (!newest || !spread || !viaIndex || dated || facetGroups(filter).length > 0 || filter.corpus === 'wire') return undefined;
  // `spread` matches spread over the documents: the newest share limit / spread of them hold `limit` (margin
  // added), found in the histogram, whose buckets hold equal numbers of documents.
  const buckets = newest.length - 1;
  const i = Math.ceil(((RANGE_MARGIN * limit) / spread) * buckets);
  if (i >= buckets * 0.8) return undefined;
  const from = newest[i];
  return from !== undefined && from > (filter.minDocId ?? -Infinity) && from < (filter.maxDocId ?? Infinity) ? from : undefined;
}
