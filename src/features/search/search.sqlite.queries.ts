/**
 * The SQLite engine: an FTS5 external-content table over search_documents
 * (kept in step by triggers) with the story text in headline, standfirst and
 * body and the facet tokens in `facets`; ranked with bm25 weighted headline
 * 10, standfirst 4, body 1 (facets 0); highlight() and snippet() for the marks.
 */
import { sql, type RawBuilder } from 'kysely';
import type { SearchEngine } from './search.engine.js';
import { FACET_PREFIX, facetGroups } from './search.facets.js';
import { toFts5 } from './search.parse.js';
import { filterSql, idValue } from './search.queries.js';
import { markedHtml, MARK_END, MARK_START } from './search.text.js';
import type { EngineFilter, Highlights } from './search.js';

const quote = (w: string): string => `"${w.replace(/"/g, '""')}"`;

/**
 * A reader's term as FTS5 text. Only a term that could spell a facet token
 * (a word starting "zz") is held to the text columns: a column filter makes
 * FTS5 read positions it otherwise skips, which doubles the cost of counting
 * a common word's documents for bm25.
 */
function textTerm(t: readonly string[]): string {
  const phrase = quote(t.join(' '));
  return t.some((w) => w.startsWith(FACET_PREFIX)) ? `{headline standfirst body} : ${phrase}` : phrase;
}

/**
 * Each facet group is one more AND on the facets column: FTS5 then
 * intersects the words' and the filter's posting lists itself. Undefined
 * when a facet group is empty, i.e. nothing can match.
 */
function matchWithFacets(text: string, filter: EngineFilter): string | undefined {
  const groups = facetGroups(filter);
  if (groups.some((g) => g.length === 0)) return undefined;
  if (groups.length === 0) return text;
  return [`(${text})`, ...groups.map((g) => `facets : (${g.map(quote).join(' OR ')})`)].join(' AND ');
}

/**
 * Date bounds as FTS5 rowid constraints, so the full-text scan itself starts
 * and stops at them. Document ids pass 2^31, and better-sqlite3 binds such a
 * JS number as a REAL; FTS5 then ignores a rowid constraint and answers every
 * match. Bound as a BigInt (idValue), it is an INTEGER.
 */
function rowidBounds(min: number | undefined, max: number | undefined): RawBuilder<unknown> {
  return sql.join(
    [
      sql``,
      ...(min !== undefined ? [sql`search_fts.rowid >= ${idValue(min)}`] : []),
      ...(max !== undefined ? [sql`search_fts.rowid <= ${idValue(max)}`] : []),
    ],
    sql` and `,
  );
}

export const sqliteEngine: SearchEngine = {
  countApart: () => false,

  async indexText() {
    // The triggers on search_documents already wrote the FTS5 rows in this transaction.
  },

  async insertDocuments(db, docs) {
    // 200 rows a statement; the triggers on search_documents write their FTS5 rows.
    for (let i = 0; i < docs.length; i += 200) await db.insertInto('search_documents').values(docs.slice(i, i + 200)).execute();
  },

  async compile(_db, parsed) {
    // `rank` leaves out the excluded terms: they have no instances in a match, so they add nothing to bm25,
    // but bm25 would still count every document holding them (its IDF), which for a common word is milliseconds.
    return { parsed, forms: { text: toFts5(parsed, textTerm), rank: toFts5({ groups: parsed.groups, excluded: [] }, textTerm) } };
  },

  async matches(db, query, filter, limit, rankWindow) {
    const scores = new Map<number, number>();
    const match = matchWithFacets(query.forms['text'] ?? '', filter);
    if (match === undefined) return { candidates: [], scores };
    // CROSS JOIN keeps the full-text match as the outer loop, walked in rowid (= newest-first) order without sorting.
    const r = await sql<{ doc: number; id: number }>`
      select search_fts.rowid as doc, coalesce(d.article_id, d.wire_item_id) as id
      from search_fts cross join search_documents d on d.id = search_fts.rowid
      where search_fts match ${match} and ${filterSql(filter)}${rowidBounds(filter.minDocId, filter.maxDocId)}
      order by search_fts.rowid desc
      limit ${limit}`.execute(db);
    const candidates = r.rows.map((row) => ({ docId: row.doc, ref: row.id }));
    const window = candidates.slice(0, rankWindow);
    if (window.length === 0) return { candidates, scores };
    const wanted = new Set(window.map((c) => c.docId));
    // The window is the newest matches, so it is one rowid range: a seek in FTS5 (an IN list re-runs the match per id).
    // With the facets in the match, only the filter's documents in that range are scored. bm25 is lower-is-better.
    const rankMatch = matchWithFacets(query.forms['rank'] ?? '', filter) ?? match;
    const ranked = await sql<{ doc: number; score: number }>`
      select rowid as doc, bm25(search_fts, 10.0, 4.0, 1.0, 0.0) as score from search_fts
      where search_fts match ${rankMatch}${rowidBounds(window[window.length - 1]?.docId, window[0]?.docId)}`.execute(db);
    for (const row of ranked.rows) if (wanted.has(row.doc)) scores.set(row.doc, -row.score);
    return { candidates, scores };
  },

  async highlights(db, query, filter, hits) {
    const out = new Map<number, Highlights>();
    const match = matchWithFacets(query.forms['text'] ?? '', filter);
    if (hits.length === 0 || match === undefined) return out;
    const s = MARK_START;
    const e = MARK_END;
    const ids = hits.map((h) => h.docId);
    const wanted = sql`rowid in (${sql.join(ids.map(idValue))})`;
    // One walk over the page's rowid range (the page is a stretch of the newest matches, or of the ranked
    // window), marking only the page's rows: an IN list instead would make FTS5 parse and seek the match
    // again for every row of the page.
    const r = await sql<{ doc: number; h: string | null; sf: string | null; b: string | null }>`
      select rowid as doc,
        case when ${wanted} then highlight(search_fts, 0, ${s}, ${e}) end as h,
        case when ${wanted} then snippet(search_fts, 1, ${s}, ${e}, '…', 40) end as sf,
        case when ${wanted} then snippet(search_fts, 2, ${s}, ${e}, '…', 32) end as b
      from search_fts where search_fts match ${match}${rowidBounds(Math.min(...ids), Math.max(...ids))}`.execute(db);
    const refOf = new Map(hits.map((h) => [h.docId, h.ref]));
    for (const row of r.rows) {
      const id = refOf.get(row.doc);
      if (id === undefined || row.h === null || row.sf === null || row.b === null) continue;
      const passage = row.b.includes(MARK_START) || !row.sf.includes(MARK_START) ? row.b : row.sf;
      out.set(id, { headlineHtml: markedHtml(row.h), snippetHtml: markedHtml(passage) });
    }
    return out;
  },

  async headlinePrefix(db, words, filter, limit) {
    if (words.length === 0) return [];
    const last = words.length - 1;
    const match = words.map((w, i) => `headline : ${quote(w)}${i === last ? ' *' : ''}`).join(' AND ');
    const r = await sql<{ id: number }>`
      select d.article_id as id
      from search_fts cross join search_documents d on d.id = search_fts.rowid
      where search_fts match ${match} and ${filterSql(filter)}${rowidBounds(filter.minDocId, filter.maxDocId)}
      order by search_fts.rowid desc
      limit ${limit}`.execute(db);
    return r.rows.map((row) => row.id);
  },
};
