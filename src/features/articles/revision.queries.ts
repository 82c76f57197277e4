/** All SQL of story revisions and preview links. */
import type { Db } from '../../db/index.js';
import type { ArticlePreviewLinkRow, ArticleRevisionRow } from '../../db/schema.js';

export type RevisionSummaryRow = Omit<ArticleRevisionRow, 'snapshot'>;

export async function insertRevision(db: Db, row: Omit<ArticleRevisionRow, 'id'>): Promise<void> {
  await db.insertInto('article_revisions').values(row).execute();
}

/** The newest recorded revision number of a story, or undefined when it has no history yet. */
export async function latestRevisionNumber(db: Db, articleId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('article_revisions')
    .select('revision')
    .where('article_id', '=', articleId)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.revision;
}

/** A story's history, newest first, without the snapshots (a page of history must not load every body). */
export async function listRevisions(db: Db, articleId: number, limit: number): Promise<RevisionSummaryRow[]> {
  return db
    .selectFrom('article_revisions')
    .select(['id', 'article_id', 'revision', 'created_at', 'actor_user_id', 'actor_name', 'action', 'changed'])
    .where('article_id', '=', articleId)
    .orderBy('revision', 'desc')
    .limit(limit)
    .execute();
}

export async function findRevisions(db: Db, articleId: number, revisions: readonly number[]): Promise<ArticleRevisionRow[]> {
  if (revisions.length === 0) return [];
  return db.selectFrom('article_revisions').selectAll().where('article_id', '=', articleId).where('revision', 'in', revisions).execute();
}

export async function insertPreviewLink(db: Db, row: Omit<ArticlePreviewLinkRow, 'id'>): Promise<void> {
  await db.insertInto('article_preview_links').values(row).execute();
}

export async function findPreviewLink(db: Db, tokenHash: string): Promise<ArticlePreviewLinkRow | undefined> {
  return db.selectFrom('article_preview_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Forgets links that expired before `before`; their pages answer 404 instead of 410 from then on. */
export async function deleteExpiredPreviewLinks(db: Db, before: string): Promise<number> {
  const r = await db.deleteFrom('article_preview_links').where('expires_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
