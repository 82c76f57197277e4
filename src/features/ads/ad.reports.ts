/** Reports: daily counts per campaign and creative, with totals and delivery against goal, as JSON or CSV. */
import type { Db } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import { invalid } from '../../lib/errors.js';
import { toAdCampaign } from './ad-campaign.js';
import { campaignTotals, findCampaignRow } from './ad-campaign.queries.js';
import { campaignNotFound, ctrOf } from './ad-campaign.service.js';
import { dayOf } from './ad.counting.js';
import { reportRows } from './ad.counting.queries.js';

export const REPORT_DEFAULT_DAYS = 30;
export const REPORT_MAX_DAYS = 366;
export const REPORT_MAX_ROWS = 20_000;

export interface ReportRow {
  day: string;
  campaignId: number;
  campaignName: string;
  creativeId: number;
  creativeName: string;
  served: number;
  viewable: number;
  clicks: number;
  ctr: number;
}

export interface Report {
  from: string;
  to: string;
  rows: ReportRow[];
  totals: { served: number; viewable: number; clicks: number; ctr: number };
  /** With one campaign: its goal and all-time viewable delivery against it. */
  goal: { impressionGoal: number | null; delivered: number; progress: number | null } | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkDay(field: string, value: string): string {
  if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw invalid('AD_REPORT_RANGE_INVALID', `"${field}" is a day, YYYY-MM-DD.`, field);
  return value;
}

/** A CSV cell: quoted when needed; text that a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reportCsv(report: Report): string {
  const lines = [['day', 'campaign_id', 'campaign', 'creative_id', 'creative', 'served', 'viewable', 'clicks', 'ctr'].join(',')];
  for (const r of report.rows) {
    lines.push([r.day, r.campaignId, r.campaignName, r.creativeId, r.creativeName, r.served, r.viewable, r.clicks, r.ctr].map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

export function createAdReports(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  return {
    async report(opts: { campaignId?: number | undefined; from?: string | undefined; to?: string | undefined }): Promise<Report> {
      const now = clock.now();
      const to = opts.to === undefined ? dayOf(now) : checkDay('to', opts.to);
      const from = opts.from === undefined ? dayOf(new Date(Date.parse(`${to}T00:00:00Z`) - (REPORT_DEFAULT_DAYS - 1) * 86_400_000)) : checkDay('from', opts.from);
      if (from > to) throw invalid('AD_REPORT_RANGE_INVALID', '"from" must not be after "to".', 'from');
      if ((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 >= REPORT_MAX_DAYS) {
        throw invalid('AD_REPORT_RANGE_INVALID', `A report covers at most ${REPORT_MAX_DAYS} days.`, 'from');
      }
      let goal: Report['goal'] = null;
      if (opts.campaignId !== undefined) {
        const row = await findCampaignRow(db, opts.campaignId);
        if (!row) throw campaignNotFound(opts.campaignId);
        const c = toAdCampaign(row);
        const delivered = (await campaignTotals(db, [c.id]))[0]?.viewable ?? 0;
        goal = { impressionGoal: c.impressionGoal, delivered, progress: c.impressionGoal === null ? null : Math.round((delivered / c.impressionGoal) * 1000) / 1000 };
      }
      const rows = (await reportRows(db, { campaignId: opts.campaignId, from, to, limit: REPORT_MAX_ROWS })).map(
        (r): ReportRow => ({
          day: r.day,
          campaignId: r.campaign_id,
          campaignName: r.campaign_name,
          creativeId: r.creative_id,
          creativeName: r.creative_name,
          served: r.served,
          viewable: r.viewable,
          clicks: r.clicks,
          ctr: ctrOf(r.clicks, r.viewable),
        }),
      );
      const totals = rows.reduce((t, r) => ({ served: t.served + r.served, viewable: t.viewable + r.viewable, clicks: t.clicks + r.clicks }), { served: 0, viewable: 0, clicks: 0 });
      return { from, to, rows, totals: { ...totals, ctr: ctrOf(totals.clicks, totals.viewable) }, goal };
    },
  };
}

export type AdReports = ReturnType<typeof createAdReports>;
