/**
 * The PostgreSQL engine: a weighted tsvector per document (headline A,
 * standfirst B, body C) built from folded text with the story's language
 * configuration, a GIN index, a tsquery compiled from our parsed query with
 * phraseto_tsquery per term, ts_rank_cd and ts_headline.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/index.js';
import type { SearchEngine } from './search.engine.js';
import { filterSql } from './search.filters.js';
import type { ParsedQuery } from './search.parse.js';
import { fold, markedHtml, MARK_END, MARK_START, restoreOriginal } from './search.text.js';
import { pgConfigFor, type Highlights } from './search.js';

/** One config's tsquery for our parsed query: OR within a group, AND between groups, AND NOT each exclusion. */
function compile(parsed: ParsedQuery, cfg: 'english' | 'simple'): RawBuilder<unknown> {
  const term = (t: readonly string[]) => sql`phraseto_tsquery(${cfg}::regconfig, ${t.join(' ')})`;
  const groups = parsed.groups.map((g) => sql`(${sql.join(g.map(term), sql` || `)})`);
  const excluded = parsed.excluded.map((t) => sql`!!${term(t)}`);
  return sql.join([...groups, ...excluded], sql` && `);
}

interface Queries {
  english: string;
  simple: string;
  both: string;
}

/**
 * The tsqueries, built in a first round trip from our terms (phraseto_tsquery
 * never sees an operator) and sent back as constants: the planner can then use
 * the index statistics to choose between walking the newest documents (common
 * words) and the GIN index (rare ones), which it cannot do for an expression
 * evaluated at run time. A story's words are indexed with its language's
 * configuration, so a query without a language tries English and simple.
 */
async function tsqueries(db: Db, parsed: ParsedQuery): Promise<Queries> {
  const r = await sql<Queries>`select q.e::text as english, q.s::text as simple, (q.e || q.s)::text as both
    from (select ${compile(parsed, 'english')} as e, ${compile(parsed, 'simple')} as s) q`.execute(db);
  return r.rows[0] ?? { english: '', simple: '', both: '' };
}

const pick = (q: Queries, language: string | undefined): string => (language === undefined ? q.both : q[pgConfigFor(language)]);

/**
 * Folded text for PostgreSQL's parser, which reads `<b>` as a tag and `&amp;`
 * as an entity and drops them from headlines; as spaces they cannot shift a
 * fragment away from the original text (same length, see restoreOriginal).
 */
const pgText = (text: string): string => fold(text).replace(/[<>&]/g, ' ');

const RANK_WEIGHTS = '{0.1, 0.2, 0.4, 1.0}';
const SEL = `StartSel="${MARK_START}", StopSel="${MARK_END}"`;
const DELIMITER = ' ¦ ';

export const postgresEngine: SearchEngine = {
  async indexText(db, docs) {
    if (docs.length === 0) return;
    // One statement per batch: the folded texts travel as arrays and the tsvectors are built in the database.
    await sql`update search_documents d set tsv =
        setweight(to_tsvector(x.cfg::regconfig, x.h), 'A') ||
        setweight(to_tsvector(x.cfg::regconfig, x.s), 'B') ||
        setweight(to_tsvector(x.cfg::regconfig, x.b), 'C')
      from unnest(${docs.map((d) => d.id)}::bigint[], ${docs.map((d) => pgConfigFor(d.language))}::text[],
                  ${docs.map((d) => pgText(d.headline))}::text[], ${docs.map((d) => pgText(d.standfirst))}::text[],
                  ${docs.map((d) => pgText(d.body))}::text[]) as x(id, cfg, h, s, b)
      where d.id = x.id`.execute(db);
  },

  async candidates(db, parsed, filter, limit) {
    // Newest first is primary-key order: for broad queries PostgreSQL walks the key backwards and stops early;
    // for narrow ones it takes the GIN index and sorts the few matches.
    const q = pick(await tsqueries(db, parsed), filter.language);
    const r = await sql<{ doc: number; id: number }>`
      select d.id as doc, d.article_id as id
      from search_documents d
      where d.tsv @@ ${q}::tsquery and ${filterSql(filter)}
      order by d.id desc
      limit ${limit}`.execute(db);
    return r.rows.map((row) => ({ docId: Number(row.doc), articleId: row.id }));
  },

  async rank(db, parsed, language, docIds) {
    const out = new Map<number, number>();
    if (docIds.length === 0) return out;
    const q = pick(await tsqueries(db, parsed), language);
    const r = await sql<{ doc: number; score: number }>`
      select d.id as doc, ts_rank_cd(${RANK_WEIGHTS}::float4[], d.tsv, ${q}::tsquery) as score
      from search_documents d
      where d.id in (${sql.join(docIds)})`.execute(db);
    for (const row of r.rows) out.set(Number(row.doc), Number(row.score));
    return out;
  },

  async highlights(db, parsed, hits) {
    const out = new Map<number, Highlights>();
    if (hits.length === 0) return out;
    const docs = await db
      .selectFrom('search_documents')
      .select(['article_id', 'language', 'headline', 'standfirst', 'body'])
      .where('id', 'in', hits.map((h) => h.docId))
      .execute();
    const folded = docs.map((d) => ({ h: pgText(d.headline), s: pgText(d.standfirst), b: pgText(d.body) }));
    const q = await tsqueries(db, parsed);
    const query = sql`(case x.cfg when 'english' then ${q.english} else ${q.simple} end)::tsquery`;
    const r = await sql<{ i: number; h: string; s: string; b: string }>`
      select x.i,
        ts_headline(x.cfg::regconfig, x.h, ${query}, ${`HighlightAll=true, ${SEL}`}) as h,
        ts_headline(x.cfg::regconfig, x.s, ${query}, ${`HighlightAll=true, ${SEL}`}) as s,
        ts_headline(x.cfg::regconfig, x.b, ${query},
          ${`MaxFragments=2, MaxWords=20, MinWords=8, FragmentDelimiter="${DELIMITER}", ${SEL}`}) as b
      from unnest(${docs.map((_, i) => i)}::int[], ${docs.map((d) => pgConfigFor(d.language))}::text[],
                  ${folded.map((f) => f.h)}::text[], ${folded.map((f) => f.s)}::text[], ${folded.map((f) => f.b)}::text[]) as x(i, cfg, h, s, b)`.execute(db);
    for (const row of r.rows) {
      const doc = docs[row.i];
      const f = folded[row.i];
      if (!doc || doc.article_id === null || !f) continue;
      const body = row.b
        .split(DELIMITER)
        .map((fragment) => restoreOriginal(fragment, doc.body, f.b, true))
        .join(' ');
      const passage = body.includes(MARK_START) || !row.s.includes(MARK_START) ? body : restoreOriginal(row.s, doc.standfirst, f.s);
      out.set(doc.article_id, { headlineHtml: markedHtml(restoreOriginal(row.h, doc.headline, f.h)), snippetHtml: markedHtml(passage) });
    }
    return out;
  },

  async headlinePrefix(db, words, filter, limit) {
    if (words.length === 0) return [];
    const last = words.length - 1;
    // Words are folded word characters only (see search.parse.ts), so quoting them is enough for to_tsquery.
    const text = words.map((w, i) => `'${w}':${i === last ? '*' : ''}A`).join(' & ');
    const query =
      filter.language !== undefined
        ? sql`to_tsquery(${pgConfigFor(filter.language)}::regconfig, ${text})`
        : sql`(to_tsquery('english', ${text}) || to_tsquery('simple', ${text}))`;
    const r = await sql<{ id: number }>`
      select d.article_id as id from search_documents d
      where d.tsv @@ ${query} and ${filterSql(filter)}
      order by d.published_at desc, d.id desc
      limit ${limit}`.execute(db);
    return r.rows.map((row) => row.id);
  },
};
