/**
 * Search facets: each search document also carries what it can be filtered
 * by — section, authors, tags, language, status, kind — as tokens in a
 * `facets` column (`zzsec3 zzauth6 zztag12 zzlangen zzstpublished
 * zzkindnews`, see src/features/search/search.facets.ts), indexed by the text
 * engine, so a filtered search intersects posting lists instead of checking
 * every match of a common word against the stories' rows.
 *
 * SQLite: the FTS5 table gains a fourth column, so it is recreated (with its
 * triggers) and rebuilt from search_documents. PostgreSQL: the tokens join
 * the document's tsvector as weight-D `simple` lexemes (the text is A, B, C),
 * so the existing GIN index serves words and filters in one scan. Existing
 * documents get their facets here, from the story tables, so filters keep
 * working without a reindex; `dateline search reindex` writes the same.
 * Every document is rewritten once: about a minute per 100,000 stories.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect/index.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema.alterTable('search_documents').addColumn('facets', 'text', (c) => c.notNull().defaultTo('')).execute();
  await fillFacets(db, dialect);

  if (dialect.name === 'sqlite') {
    await sql`drop trigger search_documents_ai`.execute(db);
    await sql`drop trigger search_documents_ad`.execute(db);
    await sql`drop trigger search_documents_au`.execute(db);
    await sql`drop table search_fts`.execute(db);
    await sql`create virtual table search_fts using fts5(
      headline, standfirst, body, facets,
      content='search_documents', content_rowid='id',
      tokenize='porter unicode61 remove_diacritics 2'
    )`.execute(db);
    await sql`create trigger search_documents_ai after insert on search_documents begin
      insert into search_fts(rowid, headline, standfirst, body, facets) values (new.id, new.headline, new.standfirst, new.body, new.facets);
    end`.execute(db);
    await sql`create trigger search_documents_ad after delete on search_documents begin
      insert into search_fts(search_fts, rowid, headline, standfirst, body, facets) values ('delete', old.id, old.headline, old.standfirst, old.body, old.facets);
    end`.execute(db);
    await sql`create trigger search_documents_au after update of id, headline, standfirst, body, facets on search_documents begin
      insert into search_fts(search_fts, rowid, headline, standfirst, body, facets) values ('delete', old.id, old.headline, old.standfirst, old.body, old.facets);
      insert into search_fts(rowid, headline, standfirst, body, facets) values (new.id, new.headline, new.standfirst, new.body, new.facets);
    end`.execute(db);
    await sql`insert into search_fts(search_fts) values ('rebuild')`.execute(db);
  }
}

/**
 * Writes every story document's facets from the story tables (and, on
 * PostgreSQL, into its tsvector): the same tokens, in the same order, as
 * facetsOf() in the search feature (a test holds the two together).
 */
export async function fillFacets<DB>(db: Kysely<DB>, dialect: Dialect): Promise<void> {
  // Section, authors and tags by id, language, status, kind (lowercase letters and digits only).
  const clean = (col: string) =>
    sql.raw(dialect.name === 'sqlite' ? `replace(replace(replace(lower(${col}), '-', ''), '_', ''), ' ', '')` : `regexp_replace(lower(${col}), '[^a-z0-9]', '', 'g')`);
  const list = (table: string, column: string, prefix: string) =>
    dialect.name === 'sqlite'
      ? sql.raw(`coalesce((select group_concat('${prefix}' || x.${column}, ' ') from (select ${column} from ${table} where article_id = d.article_id order by ${column}) x), '')`)
      : sql.raw(`coalesce((select string_agg('${prefix}' || ${column}, ' ' order by ${column}) from ${table} where article_id = d.article_id), '')`);
  const parts = [
    sql`case when d.section_id is null then '' else 'zzsec' || d.section_id end`,
    list('article_authors', 'author_id', 'zzauth'),
    list('article_tags', 'tag_id', 'zztag'),
    sql`'zzlang' || ${clean('d.language')}`,
    sql`'zzst' || ${clean('d.status')}`,
    sql`'zzkind' || ${clean('d.kind')}`,
  ];
  const facets = sql`trim(replace(replace(${sql.join(parts, sql` || ' ' || `)}, '  ', ' '), '  ', ' '))`;
  if (dialect.name === 'sqlite') {
    await sql`update search_documents as d set facets = ${facets} where d.article_id is not null`.execute(db);
    return;
  }
  // One rewrite of each row: the facets column and the tsvector's weight-D part (whatever D held before is replaced).
  await sql`update search_documents as s set facets = x.f, tsv = ts_filter(s.tsv, '{a,b,c}') || setweight(to_tsvector('simple'::regconfig, x.f), 'D')
    from (select d.id, ${facets} as f from search_documents as d where d.article_id is not null) as x
    where s.id = x.id`.execute(db);
}
