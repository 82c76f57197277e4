/**
 * The SQLite engine: an FTS5 external-content table over search_documents
 * (kept in step by triggers), ranked with bm25 weighted headline 10,
 * standfirst 4, body 1; highlight() and snippet() for the marks.
 */
import { sql, type RawBuilder } from 'kysely';
import type { SearchEngine } from './search.engine.js';
import { filterSql } from './search.filters.js';
import { toFts5 } from './search.parse.js';
import { markedHtml, MARK_END, MARK_START } from './search.text.js';
import type { EngineFilter, Highlights } from './search.js';

const quote = (w: string): string => `"${w.replace(/"/g, '""')}"`;

/**
 * Document ids pass 2^31, and better-sqlite3 binds such a JS number as a REAL;
 * FTS5 then ignores a `rowid =` constraint and answers every match. Bound as a
 * BigInt, it is an INTEGER.
 */
const rowid = (id: number): bigint => BigInt(id);

/** Date bounds as FTS5 rowid constraints, so the full-text scan itself starts and stops at them. */
function rowidBounds(f: EngineFilter): RawBuilder<unknown> {
  return sql.join(
    [
      sql``,
      ...(f.minDocId !== undefined ? [sql`search_fts.rowid >= ${rowid(f.minDocId)}`] : []),
      ...(f.maxDocId !== undefined ? [sql`search_fts.rowid <= ${rowid(f.maxDocId)}`] : []),
    ],
    sql` and `,
  );
}

export const sqliteEngine: SearchEngine = {
  async indexText() {
    // The triggers on search_documents already wrote the FTS5 rows in this transaction.
  },

  async candidates(db, parsed, filter, limit) {
    // CROSS JOIN keeps the full-text match as the outer loop, walked in rowid (= newest-first) order without sorting.
    const r = await sql<{ doc: number; id: number }>`
      select search_fts.rowid as doc, d.article_id as id
      from search_fts cross join search_documents d on d.id = search_fts.rowid
      where search_fts match ${toFts5(parsed)} and ${filterSql(filter)}${rowidBounds(filter)}
      order by search_fts.rowid desc
      limit ${limit}`.execute(db);
    return r.rows.map((row) => ({ docId: row.doc, articleId: row.id }));
  },

  async rank(db, parsed, _language, docIds) {
    const out = new Map<number, number>();
    if (docIds.length === 0) return out;
    const wanted = new Set(docIds);
    // The window is the newest matches, so it is one rowid range: a seek in FTS5 (an IN list re-runs the match per id).
    // bm25 is lower-is-better, so it is negated.
    const r = await sql<{ doc: number; score: number }>`
      select rowid as doc, bm25(search_fts, 10.0, 4.0, 1.0) as score from search_fts
      where search_fts match ${toFts5(parsed)} and rowid >= ${rowid(Math.min(...docIds))} and rowid <= ${rowid(Math.max(...docIds))}`.execute(db);
    for (const row of r.rows) if (wanted.has(row.doc)) out.set(row.doc, -row.score);
    return out;
  },

  async highlights(db, parsed, hits) {
    const out = new Map<number, Highlights>();
    if (hits.length === 0) return out;
    const s = MARK_START;
    const e = MARK_END;
    const r = await sql<{ doc: number; h: string; sf: string; b: string }>`
      select rowid as doc,
        highlight(search_fts, 0, ${s}, ${e}) as h,
        snippet(search_fts, 1, ${s}, ${e}, '…', 40) as sf,
        snippet(search_fts, 2, ${s}, ${e}, '…', 32) as b
      from search_fts where search_fts match ${toFts5(parsed)} and rowid in (${sql.join(hits.map((h) => rowid(h.docId)))})`.execute(db);
    const articleOf = new Map(hits.map((h) => [h.docId, h.articleId]));
    const rows = r.rows.flatMap((row) => {
      const id = articleOf.get(row.doc);
      return id === undefined ? [] : [{ ...row, id }];
    });
    for (const row of rows) {
      const passage = row.b.includes(MARK_START) || !row.sf.includes(MARK_START) ? row.b : row.sf;
      out.set(row.id, { headlineHtml: markedHtml(row.h), snippetHtml: markedHtml(passage) });
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
      where search_fts match ${match} and ${filterSql(filter)}
      order by d.published_at desc, d.id desc
      limit ${limit}`.execute(db);
    return r.rows.map((row) => row.id);
  },
};
