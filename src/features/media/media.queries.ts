import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/index.js';
import type { MediaRow } from '../../db/schema.js';
import { containsPattern, type MediaCursor } from './media.js';

export type NewMediaRow = Omit<MediaRow, 'id'>;
export type MediaRowPatch = Partial<Pick<MediaRow, 'caption' | 'credit' | 'alt_text' | 'focal_x' | 'focal_y'>> & { updated_at: string };

export async function insertMedia(db: Db, row: NewMediaRow): Promise<number> {
  const r = await db.insertInto('media').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function findMediaRow(db: Db, id: number): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findMediaRowByKey(db: Db, storageKey: string): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('storage_key', '=', storageKey).executeTakeFirst();
}

/** Chunked so a long list never exceeds a driver's bound-parameter limit. */
export async function findMediaRowsByIds(db: Db, ids: readonly number[]): Promise<MediaRow[]> {
  const unique = [...new Set(ids)];
  const out: MediaRow[] = [];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    out.push(...(await db.selectFrom('media').selectAll().where('id', 'in', chunk).execute()));
  }
  return out;
}

/** Newest first, keyset-paginated on (created_at, id); `q` matches caption, credit, alt text or file name. */
export async function listMediaRows(db: Db, opts: { q?: string; after?: MediaCursor; limit: number }): Promise<MediaRow[]> {
  let query = db.selectFrom('media').selectAll();
  if (opts.q !== undefined && opts.q !== '') {
    const pattern = containsPattern(opts.q);
    // lower() … like lower(?) behaves the same on SQLite (where LIKE is ASCII case-insensitive anyway) and PostgreSQL.
    const matches = (column: 'caption' | 'credit' | 'alt_text' | 'original_name'): Expression<SqlBool> =>
      sql<SqlBool>`lower(${sql.ref(column)}) like lower(${pattern}) escape '\\'`;
    query = query.where((eb) => eb.or([matches('caption'), matches('credit'), matches('alt_text'), matches('original_name')]));
  }
  const after = opts.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]),
    );
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
}

export async function updateMediaRow(db: Db, id: number, patch: MediaRowPatch): Promise<void> {
  await db.updateTable('media').set(patch).where('id', '=', id).execute();
}

export async function deleteMediaRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('media').where('id', '=', id).execute();
}

/**
 * Where an asset is used: as a story's featured image, an author's photo, or
 * an image block in a story body. Bodies are stored as JSON.stringify output,
 * so an image block's id appears as `"mediaId":<id>` followed by `,` or `}`.
 * That scan reads every body; deleting is rare enough to afford it.
 */
export async function countMediaUse(db: Db, id: number): Promise<{ featured: number; authors: number; bodies: number }> {
  const featured = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).where('featured_image_id', '=', id).executeTakeFirstOrThrow();
  const authors = await db.selectFrom('authors').select((eb) => eb.fn.countAll<number>().as('n')).where('photo_id', '=', id).executeTakeFirstOrThrow();
  const bodies = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('body', 'like', `%"mediaId":${id},%`), eb('body', 'like', `%"mediaId":${id}}%`)]))
    .executeTakeFirstOrThrow();
  return { featured: Number(featured.n), authors: Number(authors.n), bodies: Number(bodies.n) };
}
