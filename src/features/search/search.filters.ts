/** The filters and orderings both engines share, as SQL over `d` (search_documents). */
import { sql, type RawBuilder } from 'kysely';
import type { EngineFilter } from './search.js';

/** Ids pass 2^31: bound as BigInt so SQLite compares them as INTEGER (PostgreSQL's driver accepts either). */
const idValue = (id: number): bigint => BigInt(id);

/** The filters as SQL over `d` (search_documents), identical on both engines. */
export function filterSql(f: EngineFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`d.article_id is not null`];
  if (f.liveAt !== undefined) parts.push(sql`d.status = 'published' and d.published_at <= ${f.liveAt}`);
  if (f.statuses) parts.push(f.statuses.length ? sql`d.status in (${sql.join(f.statuses)})` : sql`1 = 0`);
  if (f.sectionIds) parts.push(f.sectionIds.length ? sql`d.section_id in (${sql.join(f.sectionIds)})` : sql`1 = 0`);
  if (f.kind !== undefined) parts.push(sql`d.kind = ${f.kind}`);
  if (f.language !== undefined) parts.push(sql`d.language = ${f.language}`);
  if (f.publishedFrom !== undefined) parts.push(sql`d.published_at >= ${f.publishedFrom}`);
  if (f.publishedBefore !== undefined) parts.push(sql`d.published_at < ${f.publishedBefore}`);
  if (f.minDocId !== undefined) parts.push(sql`d.id >= ${idValue(f.minDocId)}`);
  if (f.maxDocId !== undefined) parts.push(sql`d.id <= ${idValue(f.maxDocId)}`);
  if (f.authorId !== undefined) {
    parts.push(sql`exists (select 1 from article_authors aa where aa.article_id = d.article_id and aa.author_id = ${f.authorId})`);
  }
  if (f.tagId !== undefined) parts.push(sql`exists (select 1 from article_tags at where at.article_id = d.article_id and at.tag_id = ${f.tagId})`);
  return sql.join(parts, sql` and `);
}
