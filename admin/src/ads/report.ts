/**
 * The campaign report's arithmetic, kept pure: per-day totals across
 * creatives (every day of the range, zeros included), CTR and delivery
 * against the goal as the screens print them, the date range and the
 * addresses of the JSON and CSV reports. Days are UTC (YYYY-MM-DD), as the
 * server counts them.
 */
import { query } from '../api.js';
import type { ReportRow } from './ads.js';

export interface DayTotals {
  day: string;
  served: number;
  viewable: number;
  clicks: number;
  /** Viewable impressions delivered up to and including this day (within the range). */
  cumulative: number;
}

export interface Totals {
  served: number;
  viewable: number;
  clicks: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

export function isDay(s: string): boolean {
  return DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
}

/** The UTC day of an instant. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * MS_PER_DAY));
}

/** Every day from..to inclusive (empty when to is before from; at most `cap` days). */
export function daysBetween(from: string, to: string, cap = 366): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < cap; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Rows per creative and day → one line per day of the range, in order, days without counts as zeros. */
export function dailyTotals(rows: readonly ReportRow[], from: string, to: string): DayTotals[] {
  const byDay = new Map<string, Totals>();
  for (const r of rows) {
    const t = byDay.get(r.day) ?? { served: 0, viewable: 0, clicks: 0 };
    t.served += r.served;
    t.viewable += r.viewable;
    t.clicks += r.clicks;
    byDay.set(r.day, t);
  }
  let cumulative = 0;
  return daysBetween(from, to).map((day) => {
    const t = byDay.get(day) ?? { served: 0, viewable: 0, clicks: 0 };
    cumulative += t.viewable;
    return { day, ...t, cumulative };
  });
}

export function totalsOf(rows: readonly Totals[]): Totals {
  return rows.reduce((a, r) => ({ served: a.served + r.served, viewable: a.viewable + r.viewable, clicks: a.clicks + r.clicks }), { served: 0, viewable: 0, clicks: 0 });
}

/** Clicks per viewable impression; null when nothing was seen. */
export function ctrOf(clicks: number, viewable: number): number | null {
  return viewable > 0 ? clicks / viewable : null;
}

/** 0.01234 → '1.23%'; null → '—'. */
export function formatPercent(fraction: number | null, digits = 2): string {
  return fraction === null || !Number.isFinite(fraction) ? '—' : `${(fraction * 100).toFixed(digits)}%`;
}

export function formatCount(n: number, locale?: string): string {
  return n.toLocaleString(locale ?? 'en-GB');
}

/** Delivery against the goal: '12,000 of 50,000 (24.0%)', or the bare count without a goal. */
export function deliveryLabel(delivered: number, goal: number | null, locale?: string): string {
  if (goal === null || goal <= 0) return `${formatCount(delivered, locale)} viewable`;
  return `${formatCount(delivered, locale)} of ${formatCount(goal, locale)} (${formatPercent(delivered / goal, 1)})`;
}

/** The fraction a progress bar shows, clamped to 0..1 (over-delivery shows full). */
export function progressValue(delivered: number, goal: number | null): number | null {
  if (goal === null || goal <= 0) return null;
  return Math.min(1, Math.max(0, delivered / goal));
}

export interface Range {
  from: string;
  to: string;
}

/**
 * The report's default range: the flight so far, up to today, at most the last 92 days of it;
 * a campaign that has not started yet shows its first day.
 */
export function defaultRange(startsAt: string, endsAt: string, now: Date): Range {
  const today = dayOf(now);
  const start = Number.isNaN(Date.parse(startsAt)) ? today : dayOf(new Date(startsAt));
  const end = Number.isNaN(Date.parse(endsAt)) ? today : dayOf(new Date(endsAt));
  let to = end < today ? end : today;
  if (to < start) to = start;
  const earliest = addDays(to, -91);
  return { from: start < earliest ? earliest : start, to };
}

/** The range the pickers hold, or a message for the first thing wrong with it. */
export function rangeProblem(r: Range): string | null {
  if (!isDay(r.from)) return 'Choose the first day of the report.';
  if (!isDay(r.to)) return 'Choose the last day of the report.';
  if (r.to < r.from) return 'The last day comes before the first.';
  if (daysBetween(r.from, r.to, 367).length > 366) return 'At most a year at a time.';
  return null;
}

/** `?campaignId=…&from=…&to=…` for both the JSON report and the CSV download. */
export function reportQuery(campaignId: number, r: Range): string {
  return query({ campaignId, from: r.from, to: r.to });
}

export function csvHref(campaignId: number, r: Range): string {
  return `/api/admin/ads/reports.csv${reportQuery(campaignId, r)}`;
}
