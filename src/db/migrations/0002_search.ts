/**
 * The search index: one document per story (all statuses, so the newsroom can
 * find drafts and killed stories; readers' queries filter to live ones) and
 * the vocabulary of live stories for spelling suggestions. The text index
 * itself differs by engine: an FTS5 external-content table kept in step by
 * triggers on SQLite, a weighted tsvector column with a GIN index on
 * PostgreSQL. Both are derived data: `dateline search reindex` rebuilds them.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect/index.js';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('search_documents')
    // The id is the document's sort key (see search.index.ts): newest first is simply id order, on both engines.
    .addColumn('id', dialect.name === 'sqlite' ? 'integer' : 'bigint', (c) => c.primaryKey())
    // One nullable reference per kind of document; wire items (issue 5) add their own column.
    .addColumn('article_id', 'integer', (c) => c.unique().references('articles.id').onDelete('cascade'))
    .addColumn('language', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('section_id', 'integer')
    .addColumn('published_at', 'varchar(30)')
    .addColumn('modified_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('standfirst', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_documents_live_idx').on('search_documents').columns(['status', 'published_at']).execute();
  await db.schema.createIndex('search_documents_modified_idx').on('search_documents').columns(['modified_at']).execute();

  // Words of live stories with how many stories use them: the source of "did you mean".
  await db.schema
    .createTable('search_terms')
    .addColumn('term', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('initial', 'varchar(4)', (c) => c.notNull())
    .addColumn('length', 'integer', (c) => c.notNull())
    .addColumn('docs', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_terms_shape_idx').on('search_terms').columns(['initial', 'length']).execute();

  if (dialect.name === 'sqlite') {
    // porter wraps unicode61: it stems Latin-script words only, so Devanagari and Gurmukhi pass through unstemmed.
    await sql`create virtual table search_fts using fts5(
      headline, standfirst, body,
      content='search_documents', content_rowid='id',
      tokenize='porter unicode61 remove_diacritics 2'
    )`.execute(db);
    await sql`create trigger search_documents_ai after insert on search_documents begin
      insert into search_fts(rowid, headline, standfirst, body) values (new.id, new.headline, new.standfirst, new.body);
    end`.execute(db);
    await sql`create trigger search_documents_ad after delete on search_documents begin
      insert into search_fts(search_fts, rowid, headline, standfirst, body) values ('delete', old.id, old.headline, old.standfirst, old.body);
    end`.execute(db);
    await sql`create trigger search_documents_au after update of id, headline, standfirst, body on search_documents begin
      insert into search_fts(search_fts, rowid, headline, standfirst, body) values ('delete', old.id, old.headline, old.standfirst, old.body);
      insert into search_fts(rowid, headline, standfirst, body) values (new.id, new.headline, new.standfirst, new.body);
    end`.execute(db);
  } else {
    await sql`alter table search_documents add column tsv tsvector not null default ''::tsvector`.execute(db);
    // Matching a phrase, or walking the newest matches of a common word, reads each candidate's tsvector. Kept
    // in the row (MAIN) rather than in the TOAST table, and lz4-compressed where the server has it, that read
    // costs a few microseconds instead of tens: about 20x faster phrase queries at 100,000 stories.
    await sql`alter table search_documents alter column tsv set storage main`.execute(db);
    const lz4 = await sql<{ ok: boolean }>`select exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)) as ok`.execute(db);
    if (lz4.rows[0]?.ok) await sql`alter table search_documents alter column tsv set compression lz4`.execute(db);
    await sql`create index search_documents_tsv_idx on search_documents using gin (tsv)`.execute(db);
  }
}
