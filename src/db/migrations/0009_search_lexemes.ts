/**
 * PostgreSQL: a narrow copy of every search document for GIN scans. A word
 * in a few per cent of 100,000 stories matches thousands of documents, and a
 * GIN scan reads each match's row; in search_documents the in-row tsvector
 * (kept there for walks, phrases and ranking) makes that row nearly a page,
 * most of them outside shared_buffers. search_lexemes holds the same
 * document's filter columns and its lexemes without positions or weights
 * (`strip`), stored out of line: ~200 bytes a row, 21 MB at 100,000 stories,
 * so the rows a GIN scan reads stay in memory. The tsvector column exists for
 * its GIN index, read through `search_lexemes_matching` only, and only for
 * queries the index decides alone (phrases and weights go to
 * search_documents).
 *
 * Statement triggers on search_documents keep it in step in the same
 * transaction: every insert, update (id changes too), delete (cascades from
 * stories and wire items included) and truncate. SQLite has nothing to add.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect/index.js';

const COLUMNS = sql.raw('id, article_id, wire_item_id, language, status, kind, section_id, published_at, tsv');
const FROM_NEW = sql.raw('n.id, n.article_id, n.wire_item_id, n.language, n.status, n.kind, n.section_id, n.published_at, strip(n.tsv)');
const UPSERT = sql.raw(`on conflict (id) do update set article_id = excluded.article_id, wire_item_id = excluded.wire_item_id,
  language = excluded.language, status = excluded.status, kind = excluded.kind, section_id = excluded.section_id,
  published_at = excluded.published_at, tsv = excluded.tsv`);

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect.name !== 'postgres') return;
  // toast_tuple_target at its minimum, and EXTERNAL: a tsvector long enough to be toasted at all goes out of line
  // uncompressed (compressed, most would stay in the row and widen it again).
  await sql`create table search_lexemes (
      id bigint primary key,
      article_id integer,
      wire_item_id integer,
      language varchar(10) not null,
      status varchar(20) not null,
      kind varchar(20) not null,
      section_id integer,
      published_at varchar(30),
      tsv tsvector not null
    ) with (toast_tuple_target = 128)`.execute(db);
  await sql`alter table search_lexemes alter column tsv set storage external`.execute(db);
  // No document may change between the copy and the triggers (another process still running the old version):
  // writes to search_documents wait for this migration's commit; reads go on.
  await sql`lock table search_documents in share row exclusive mode`.execute(db);
  await sql`insert into search_lexemes (${COLUMNS}) select ${FROM_NEW} from search_documents n`.execute(db);
  await sql`create index search_lexemes_tsv_idx on search_lexemes using gin (tsv)`.execute(db);

  // The only way the engine reads search_lexemes: its GIN index, then the matching rows' narrow columns. The
  // planner prices a tsvector check as nearly free and cannot see that each one here would fetch the value from
  // TOAST, so left alone it would walk the key or scan the table for commoner words; the function's settings
  // leave it the bitmap scan of the GIN index alone.
  await sql`create function search_lexemes_matching(q tsquery)
    returns table (id bigint, article_id integer, wire_item_id integer, language varchar, status varchar, kind varchar,
                   section_id integer, published_at varchar)
    language sql stable rows 1000 set enable_seqscan = off set enable_indexscan = off
    as $$ select l.id, l.article_id, l.wire_item_id, l.language, l.status, l.kind, l.section_id, l.published_at
          from search_lexemes l where l.tsv @@ q $$`.execute(db);

  await sql`create function search_lexemes_inserted() returns trigger language plpgsql as $$
    begin
      insert into search_lexemes (${COLUMNS}) select ${FROM_NEW} from new_rows n ${UPSERT};
      return null;
    end $$`.execute(db);
  // An update rewrites only the documents whose copied columns changed (a story saved without a change of words or
  // status costs nothing here); a document whose id changed (its sort key follows its publication time) moves.
  await sql`create function search_lexemes_updated() returns trigger language plpgsql as $$
    begin
      delete from search_lexemes l using old_rows o where l.id = o.id and not exists (select 1 from new_rows n where n.id = o.id);
      insert into search_lexemes (${COLUMNS}) select ${FROM_NEW} from new_rows n left join old_rows o on o.id = n.id
        where o.id is null
          or (n.article_id, n.wire_item_id, n.language, n.status, n.kind, n.section_id, n.published_at, n.tsv)
             is distinct from (o.article_id, o.wire_item_id, o.language, o.status, o.kind, o.section_id, o.published_at, o.tsv)
        ${UPSERT};
      return null;
    end $$`.execute(db);
  await sql`create function search_lexemes_deleted() returns trigger language plpgsql as $$
    begin
      delete from search_lexemes l using old_rows o where l.id = o.id;
      return null;
    end $$`.execute(db);
  await sql`create function search_lexemes_truncated() returns trigger language plpgsql as $$
    begin
      truncate search_lexemes;
      return null;
    end $$`.execute(db);
  await sql`create trigger search_lexemes_insert after insert on search_documents
    referencing new table as new_rows for each statement execute function search_lexemes_inserted()`.execute(db);
  await sql`create trigger search_lexemes_update after update on search_documents
    referencing old table as old_rows new table as new_rows for each statement execute function search_lexemes_updated()`.execute(db);
  await sql`create trigger search_lexemes_delete after delete on search_documents
    referencing old table as old_rows for each statement execute function search_lexemes_deleted()`.execute(db);
  await sql`create trigger search_lexemes_truncate after truncate on search_documents
    for each statement execute function search_lexemes_truncated()`.execute(db);
}
