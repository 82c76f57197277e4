/** The SQL of the ad-ops inbox (ad_inquiries). */
import type { Db } from '../../db/index.js';
import type { AdInquiryRow } from '../../db/schema.ads.js';

export async function insertInquiry(db: Db, row: Omit<AdInquiryRow, 'id'>): Promise<number> {
  const r = await db.insertInto('ad_inquiries').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function findInquiryRow(db: Db, id: number): Promise<AdInquiryRow | undefined> {
  return db.selectFrom('ad_inquiries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Newest first; `status` narrows to one state of the inbox; `before` is the id to page after. */
export async function listInquiryRows(db: Db, opts: { status?: string | undefined; limit: number; beforeId?: number | undefined }): Promise<AdInquiryRow[]> {
  let query = db.selectFrom('ad_inquiries').selectAll();
  if (opts.status !== undefined) query = query.where('status', '=', opts.status);
  if (opts.beforeId !== undefined) query = query.where('id', '<', opts.beforeId);
  return query.orderBy('id', 'desc').limit(opts.limit).execute();
}

/** How many inquiries are in each status (for the inbox's tabs). */
export async function countInquiriesByStatus(db: Db): Promise<{ status: string; count: number }[]> {
  const rows = await db.selectFrom('ad_inquiries').select(['status', db.fn.countAll<number | string>().as('count')]).groupBy('status').execute();
  return rows.map((r) => ({ status: r.status, count: Number(r.count) }));
}

export async function updateInquiryRow(db: Db, id: number, patch: Partial<Pick<AdInquiryRow, 'status' | 'notes' | 'updated_at'>>): Promise<void> {
  await db.updateTable('ad_inquiries').set(patch).where('id', '=', id).execute();
}
