/**
 * The PostgreSQL engine: a weighted tsvector per document (headline A,
 * standfirst B, body C) built from folded text with the story's language
 * configuration, a GIN index, a tsquery compiled from our parsed query with
 * phraseto_tsquery per term, ts_rank_cd and ts_headline. The document's
 * facet tokens (search.facets.ts) are in the same tsvector as weight-D
 * `simple` lexemes, so a filtered search is one GIN scan that intersects the
 * words' and the filters' posting lists.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/index.js';
import type { EngineQuery, SearchEngine } from './search.engine.js';
import { FACET_PREFIX, facetGroups } from './search.facets.js';
import { positiveWords, requiredMatchEstimate, requiredMatchFloor, type ParsedQuery } from './search.parse.js';
import { filterSql } from './search.queries.js';
import { viaIndex, viaLexemes } from './search.postgres.plan.js';
import { headlineWindow, lexemesOf, pgText, positionsBefore } from './search.headline.js';
import { markedHtml, MARK_END, MARK_START, restoreOriginal } from './search.text.js';
import { pgConfigFor, type EngineFilter, type Highlights } from './search.js';

/** One config's tsquery for our parsed query: OR within a group, AND between groups, AND NOT each exclusion. */
function compile(parsed: ParsedQuery, cfg: 'english' | 'simple'): RawBuilder<unknown> {
  const term = (t: readonly string[]) => sql`phraseto_tsquery(${cfg}::regconfig, ${t.join(' ')})`;
  const groups = parsed.groups.map((g) => sql`(${sql.join(g.map(term), sql` || `)})`);
  const excluded = parsed.excluded.map((t) => sql`!!${term(t)}`);
  return sql.join([...groups, ...excluded], sql` && `);
}

type Queries = Readonly<Record<string, string>>;

/**
 * The tsqueries, built in a first round trip from our terms (phraseto_tsquery
 * never sees an operator) and sent back as constants: the planner can then use
 * the index statistics to choose between walking the newest documents (common
 * words) and the GIN index (rare ones), which it cannot do for an expression
 * evaluated at run time. A story's words are indexed with its language's
 * configuration, so a query without a language tries English and simple.
 */
async function tsqueries(db: Db, parsed: ParsedQuery): Promise<EngineQuery> {
  // In the same round trip: how many live stories use each word (the vocabulary), and about how many documents
  // there are (the planner's own estimate, kept by ANALYZE), for choosing the plan in `matches`.
  // A word's family: vocabulary words starting with its English stem (less the stem's last letter when the
  // stemmer changed it: happy → happi → happ…); their counts summed, an overestimate of what the stem matches.
  type Counts = Record<string, number> | null;
  const r = await sql<{ english: string; simple: string; both: string; counts: Counts; families: Counts; documents: number | null }>`
    select q.e::text as english, q.s::text as simple, (q.e || q.s)::text as both,
      (select json_object_agg(t.term, t.docs) from search_terms t where t.term = any(${positiveWords(parsed)}::text[])) as counts,
      (select json_object_agg(f.word, (select coalesce(sum(t.docs), 0) from search_terms t where t.term >= f.p and t.term < f.p || chr(1114111)))
        from (select s.word, case when left(s.word, length(s.stem)) = s.stem then s.stem else left(s.stem, length(s.stem) - 1) end as p
              from (select w.word, coalesce((ts_lexize('english_stem', w.word))[1], w.word) as stem
                    from unnest(${positiveWords(parsed)}::text[]) w(word)) s) f) as families,
      (select c.reltuples from pg_class c where c.oid = 'search_documents'::regclass) as documents
    from (select ${compile(parsed, 'english')} as e, ${compile(parsed, 'simple')} as s) q`.execute(db);
  const row = r.rows[0];
  const forms = { english: textOnly(row?.english ?? ''), simple: textOnly(row?.simple ?? ''), both: textOnly(row?.both ?? '') };
  const counts = (c: Counts) => new Map(Object.entries(c ?? {}).map(([t, n]) => [t, Number(n)]));
  const wordCounts = counts(row?.counts ?? null);
  const words = requiredMatchEstimate(parsed, wordCounts);
  const family = requiredMatchEstimate(parsed, counts(row?.families ?? null));
  const documents = Number(row?.documents ?? 0);
  const atLeast = requiredMatchFloor(parsed, wordCounts);
  // reltuples is -1 (or 0) before the table's first ANALYZE: no estimate then, and the planner chooses alone.
  if (words === undefined || family === undefined || documents <= 0) return { parsed, forms, atLeast };
  return { parsed, forms, share: words / documents, familyShare: family / documents, atLeast };
}

const pick = (q: Queries, language: string | undefined): string => (language === undefined ? q['both'] : q[pgConfigFor(language)]) ?? '';

/**
 * The words' tsquery and the facet conditions as one tsquery text, for one
 * GIN scan; facet tokens are lowercase letters and digits, so quoting them is
 * enough. Undefined when nothing can match: a facet group is empty, or the
 * words were all stopwords (an empty tsquery).
 */
function withFacets(words: string, filter: EngineFilter): string | undefined {
  const groups = facetGroups(filter);
  if (words.trim() === '' || groups.some((g) => g.length === 0)) return undefined;
  return [`( ${words} )`, ...groups.map((g) => `( ${g.map((t) => `'${t}'`).join(' | ')} )`)].join(' & ');
}

/**
 * A reader's word that could spell a facet token is held to the text's
 * weights (A, B, C), so typing "zzsec3" finds nothing of the facets (D).
 */
const textOnly = (tsquery: string): string => tsquery.replace(new RegExp(`'(${FACET_PREFIX}[^']*)'`, 'g'), "'$1':ABC");

/**
 * A document's tsvector from the folded texts `x.h`, `x.s`, `x.b` in its configuration `x.cfg`, weighted
 * headline A, standfirst B, body C; facet tokens `x.f` go in as weight D, parsed with `simple` whatever the
 * story's language.
 */
const TSVECTOR = sql`setweight(to_tsvector(x.cfg::regconfig, x.h), 'A') || setweight(to_tsvector(x.cfg::regconfig, x.s), 'B') ||
  setweight(to_tsvector(x.cfg::regconfig, x.b), 'C') || setweight(to_tsvector('simple'::regconfig, x.f), 'D')`;

const RANK_WEIGHTS = '{0.1, 0.2, 0.4, 1.0}';
const SEL = `StartSel="${MARK_START}", StopSel="${MARK_END}"`;
const DELIMITER = ' ¦ ';

interface DocText {
  /** The story's or wire item's id. */
  ref: number | null;
  language: string;
  headline: string;
  standfirst: string;
  body: string;
  /** Where body positions start in the tsvector (estimated), and the body positions of the query's words. */
  body_from: number;
  hits: number[];
}

interface Folded {
  h: string;
  s: string;
  b: string;
  /** The stretch of `b` given to ts_headline. */
  window: { start: number; end: number };
}

/** ts_headline over folded text (the body's window of it), the fragments mapped back onto the original so accents survive. */
async function headlines(db: Db, query: EngineQuery, docs: readonly DocText[], whole: boolean): Promise<Map<number, Highlights>> {
  const out = new Map<number, Highlights>();
  const phrase = query.parsed.groups.some((g) => g.some((t) => t.length > 1));
  const folded: Folded[] = docs.map((d) => {
    const b = pgText(d.body);
    return { h: pgText(d.headline), s: pgText(d.standfirst), b, window: (!whole && headlineWindow(b, d.body_from, d.hits, phrase)) || { start: 0, end: b.length } };
  });
  const q = query.forms;
  const tsquery = sql`(case x.cfg when 'english' then ${q['english'] ?? ''} else ${q['simple'] ?? ''} end)::tsquery`;
  const r = await sql<{ i: number; h: string; s: string; b: string }>`
    select x.i,
      ts_headline(x.cfg::regconfig, x.h, ${tsquery}, ${`HighlightAll=true, ${SEL}`}) as h,
      ts_headline(x.cfg::regconfig, x.s, ${tsquery}, ${`HighlightAll=true, ${SEL}`}) as s,
      ts_headline(x.cfg::regconfig, x.b, ${tsquery},
        ${`MaxFragments=2, MaxWords=20, MinWords=8, FragmentDelimiter="${DELIMITER}", ${SEL}`}) as b
    from unnest(${docs.map((_, i) => i)}::int[], ${docs.map((d) => pgConfigFor(d.language))}::text[],
                ${folded.map((f) => f.h)}::text[], ${folded.map((f) => f.s)}::text[],
                ${folded.map((f) => f.b.slice(f.window.start, f.window.end))}::text[]) as x(i, cfg, h, s, b)`.execute(db);
  const missed: DocText[] = [];
  for (const row of r.rows) {
    const doc = docs[row.i];
    const f = folded[row.i];
    if (!doc || doc.ref === null || !f) continue;
    // The window was guessed from word positions; if it missed the body's matches, do this story in full.
    if (!whole && doc.hits.length > 0 && !row.b.includes(MARK_START)) {
      missed.push(doc);
      continue;
    }
    const body = row.b
      .split(DELIMITER)
      .map((fragment) => restoreOriginal(fragment, doc.body, f.b, true))
      .join(' ');
    const passage = body.includes(MARK_START) || !row.s.includes(MARK_START) ? body : restoreOriginal(row.s, doc.standfirst, f.s);
    out.set(doc.ref, { headlineHtml: markedHtml(restoreOriginal(row.h, doc.headline, f.h)), snippetHtml: markedHtml(passage) });
  }
  if (missed.length > 0) for (const [id, marks] of await headlines(db, query, missed, true)) out.set(id, marks);
  return out;
}

export const postgresEngine: SearchEngine = {
  // Only when the vocabulary knows the words, they are too common for the GIN index and no facet narrows them
  // (the planner may then scan the index anyway): the walk stops at the page's matches and the count picks up from
  // there, so nothing is read twice, where a GIN scan would be repeated.
  countApart: (query, filter) => query.share !== undefined && !viaIndex(query) && facetGroups(filter).length === 0,

  async indexText(db, docs) {
    if (docs.length === 0) return;
    // One statement per batch: the folded texts travel as arrays and the tsvectors are built in the database.
    await sql`update search_documents d set tsv = ${TSVECTOR}
      from unnest(${docs.map((d) => d.id)}::bigint[], ${docs.map((d) => pgConfigFor(d.language))}::text[],
                  ${docs.map((d) => pgText(d.headline))}::text[], ${docs.map((d) => pgText(d.standfirst))}::text[],
                  ${docs.map((d) => pgText(d.body))}::text[], ${docs.map((d) => d.facets)}::text[]) as x(id, cfg, h, s, b, f)
      where d.id = x.id`.execute(db);
  },

  async insertDocuments(db, docs) {
    // Row and tsvector in one write (an insert then an update would write each row twice): 200 rows a statement,
    // the columns as arrays.
    for (let i = 0; i < docs.length; i += 200) {
      const c = docs.slice(i, i + 200);
      await sql`insert into search_documents
          (id, article_id, wire_item_id, language, status, kind, section_id, published_at, modified_at, headline, standfirst, body, facets, tsv)
        select x.id, x.article_id, x.wire_item_id, x.language, x.status, x.kind, x.section_id, x.published_at, x.modified_at,
          x.headline, x.standfirst, x.body, x.f, ${TSVECTOR}
        from unnest(${c.map((d) => d.id)}::bigint[], ${c.map((d) => d.article_id)}::int[], ${c.map((d) => d.wire_item_id)}::int[],
                    ${c.map((d) => d.language)}::text[], ${c.map((d) => d.status)}::text[], ${c.map((d) => d.kind)}::text[],
                    ${c.map((d) => d.section_id)}::int[], ${c.map((d) => d.published_at)}::text[], ${c.map((d) => d.modified_at)}::text[],
                    ${c.map((d) => d.headline)}::text[], ${c.map((d) => d.standfirst)}::text[], ${c.map((d) => d.body)}::text[],
                    ${c.map((d) => d.facets)}::text[], ${c.map((d) => pgConfigFor(d.language))}::text[],
                    ${c.map((d) => pgText(d.headline))}::text[], ${c.map((d) => pgText(d.standfirst))}::text[], ${c.map((d) => pgText(d.body))}::text[])
          as x(id, article_id, wire_item_id, language, status, kind, section_id, published_at, modified_at, headline, standfirst, body, f, cfg, h, s, b)`.execute(db);
    }
  },

  compile: tsqueries,

  /** The newest `limit` matches of the filter, the newest `rankWindow` of them scored: one statement. */
  async matches(db, query, filter, limit, rankWindow) {
    const scores = new Map<number, number>();
    const q = pick(query.forms, filter.language);
    const match = withFacets(q, filter);
    if (match === undefined) return { candidates: [], scores };
    // Newest first is primary-key order: for broad queries PostgreSQL walks the key backwards and stops early;
    // for narrow ones (rare words, or a filter) one GIN scan intersects words and facets, and the few matches are
    // sorted. The planner prices the walk's tsvector checks as nearly free, so for a word in a few per cent of
    // stories it still walks (checking tens of thousands of rows to find the newest 1,001); when the vocabulary
    // says the required words are that rare, the GIN scan is made the only way in: behind `offset 0` the
    // matching rows are found without the order and limit, then sorted. Same rows, same order, either way. Where
    // the index decides the match alone, the GIN scan reads search_lexemes' narrow rows instead (`viaLexemes`).
    const source = viaLexemes(query, filter, match)
      ? sql`(select d.id, d.article_id, d.wire_item_id from search_lexemes_matching(${match}::tsquery) d where ${filterSql(filter)}) d`
      : viaIndex(query)
        ? sql`(select d.id, d.article_id, d.wire_item_id from search_documents d where d.tsv @@ ${match}::tsquery and ${filterSql(filter)} offset 0) d`
        : sql`search_documents d where d.tsv @@ ${match}::tsquery and ${filterSql(filter)}`;
    // The newest `rankWindow` matches are scored in the same statement (one round trip), each read again by key so
    // the walk itself carries no tsvector.
    const r = await sql<{ doc: number; id: number; score: number | null }>`
      select m.doc, m.id, case when m.n <= ${rankWindow}
          then (select ts_rank_cd(${RANK_WEIGHTS}::float4[], x.tsv, ${q}::tsquery) from search_documents x where x.id = m.doc)
        end as score
      from (
        select d.id as doc, coalesce(d.article_id, d.wire_item_id) as id, row_number() over (order by d.id desc) as n
        from ${source}
        order by d.id desc
        limit ${limit}
      ) m
      order by m.n`.execute(db);
    const candidates = r.rows.map((row) => ({ docId: Number(row.doc), ref: row.id }));
    for (const row of r.rows) if (row.score !== null) scores.set(Number(row.doc), Number(row.score));
    return { candidates, scores };
  },

  async highlights(db, query, _filter, hits) {
    const out = new Map<number, Highlights>();
    if (hits.length === 0) return out;
    const lexemes = lexemesOf(query.forms['english'] ?? '', query.forms['simple'] ?? '');
    // The texts, and where in the body the query's words are, from the stored tsvector without parsing: keep the
    // body (C), mark the query's lexemes A, keep those — all in C, unlike unnesting every lexeme of the story.
    const docs = await sql<Omit<DocText, 'body_from'>>`
      select coalesce(d.article_id, d.wire_item_id) as ref, d.language, d.headline, d.standfirst, d.body,
        array(select p from unnest(ts_filter(setweight(ts_filter(d.tsv, '{c}'), 'a', ${lexemes}::text[]), '{a}')) t, unnest(t.positions) p
              order by p) as hits
      from search_documents d
      where d.id in (${sql.join(hits.map((h) => h.docId))})`.execute(db);
    const rows = docs.rows.map((d) => ({ ...d, body_from: positionsBefore(pgText(d.headline), pgText(d.standfirst)), hits: d.hits.map(Number) }));
    for (const [id, marks] of await headlines(db, query, rows, false)) out.set(id, marks);
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
      order by d.id desc
      limit ${limit}`.execute(db);
    return r.rows.map((row) => row.id);
  },
};
