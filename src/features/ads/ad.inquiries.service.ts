/** The ad-ops inbox: inquiries from the /advertise form, with a status and notes. */
import type { Db } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import { invalid, notFound, type AppError } from '../../lib/errors.js';
import { checkInquiry, INQUIRY_FIELDS, INQUIRY_LIMITS, INQUIRY_STATUSES, isInquiryStatus, toInquiry, type Inquiry, type InquiryInput, type InquiryStatus } from './ad.inquiries.js';
import * as q from './ad.inquiries.queries.js';

export const INQUIRY_LIST_DEFAULT = 50;
export const INQUIRY_LIST_MAX = 200;

export interface InquiryPatch {
  status?: InquiryStatus | undefined;
  notes?: string | undefined;
}

function notFoundId(id: number): AppError {
  return notFound('AD_INQUIRY_NOT_FOUND', `There is no inquiry ${id}.`, 'id');
}

export function createInquiryService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function get(id: number, trx: Db = db): Promise<Inquiry> {
    const row = await q.findInquiryRow(trx, id);
    if (!row) throw notFoundId(id);
    return toInquiry(row);
  }

  return {
    /** Stores a new inquiry (status 'new'). Refuses the first problem found with its field; the form shows them all (checkInquiry). */
    async create(input: Readonly<Record<string, unknown>> | InquiryInput): Promise<Inquiry> {
      const { value, problems } = checkInquiry(input as Readonly<Record<string, unknown>>);
      const field = INQUIRY_FIELDS.find((f) => problems[f] !== undefined);
      if (field) throw invalid('AD_INQUIRY_INVALID', problems[field] ?? 'This field is not valid.', field);
      const now = clock.now().toISOString();
      return db.transaction().execute(async (trx) => {
        const id = await q.insertInquiry(trx, { ...value, status: 'new', notes: '', created_at: now, updated_at: now });
        return get(id, trx);
      });
    },

    get: (id: number): Promise<Inquiry> => get(id),

    /** Newest first, optionally one status; `beforeId` pages on from the last id seen. */
    async list(opts: { status?: string | undefined; limit?: number | undefined; beforeId?: number | undefined } = {}): Promise<Inquiry[]> {
      if (opts.status !== undefined && !isInquiryStatus(opts.status)) {
        throw invalid('AD_INQUIRY_STATUS_INVALID', `The status must be one of ${INQUIRY_STATUSES.join(', ')}.`, 'status');
      }
      const limit = Math.min(Math.max(opts.limit ?? INQUIRY_LIST_DEFAULT, 1), INQUIRY_LIST_MAX);
      return (await q.listInquiryRows(db, { status: opts.status, limit, beforeId: opts.beforeId })).map(toInquiry);
    },

    /** Counts per status, every status present (zero when none). */
    async counts(): Promise<Record<InquiryStatus, number>> {
      const out: Record<InquiryStatus, number> = { new: 0, contacted: 0, won: 0, lost: 0 };
      for (const r of await q.countInquiriesByStatus(db)) if (isInquiryStatus(r.status)) out[r.status] = r.count;
      return out;
    },

    /** Ad ops move a lead along (new → contacted → won/lost, in any order) and keep notes. */
    async update(id: number, patch: InquiryPatch): Promise<Inquiry> {
      if (patch.status !== undefined && !isInquiryStatus(patch.status)) {
        throw invalid('AD_INQUIRY_STATUS_INVALID', `The status must be one of ${INQUIRY_STATUSES.join(', ')}.`, 'status');
      }
      const notes = patch.notes?.replace(/\r\n?/g, '\n').trim();
      if (notes !== undefined && notes.length > INQUIRY_LIMITS.notes) {
        throw invalid('AD_INQUIRY_NOTES_TOO_LONG', `Notes can be at most ${INQUIRY_LIMITS.notes} characters.`, 'notes');
      }
      return db.transaction().execute(async (trx) => {
        if (!(await q.findInquiryRow(trx, id))) throw notFoundId(id);
        await q.updateInquiryRow(trx, id, {
          ...(patch.status !== undefined && { status: patch.status }),
          ...(notes !== undefined && { notes }),
          updated_at: clock.now().toISOString(),
        });
        return get(id, trx);
      });
    },
  };
}

export type InquiryService = ReturnType<typeof createInquiryService>;
