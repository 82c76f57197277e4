import { describe, expect, it } from 'vitest';
import type { ReportRow } from './ads.js';
import { csvHref, ctrOf, dailyTotals, daysBetween, defaultRange, deliveryLabel, formatPercent, progressValue, rangeProblem, totalsOf } from './report.js';

const row = (day: string, creativeId: number, served: number, viewable: number, clicks: number): ReportRow => ({
  day,
  campaignId: 1,
  campaignName: 'Sale',
  creativeId,
  creativeName: `Creative ${creativeId}`,
  served,
  viewable,
  clicks,
  ctr: null,
});

describe('report per day', () => {
  it('adds the creatives of a day together and shows every day of the range', () => {
    const days = dailyTotals([row('2026-11-03', 1, 100, 80, 2), row('2026-11-01', 1, 10, 5, 0), row('2026-11-03', 2, 50, 20, 1)], '2026-11-01', '2026-11-04');
    expect(days).toEqual([
      { day: '2026-11-01', served: 10, viewable: 5, clicks: 0, cumulative: 5 },
      { day: '2026-11-02', served: 0, viewable: 0, clicks: 0, cumulative: 5 },
      { day: '2026-11-03', served: 150, viewable: 100, clicks: 3, cumulative: 105 },
      { day: '2026-11-04', served: 0, viewable: 0, clicks: 0, cumulative: 105 },
    ]);
    expect(totalsOf(days)).toEqual({ served: 160, viewable: 105, clicks: 3 });
  });

  it('counts days across month ends and never loops on a reversed range', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(daysBetween('2026-03-02', '2026-03-01')).toEqual([]);
  });
});

describe('figures as printed', () => {
  it('writes CTR as a percentage of viewable impressions, a dash when nothing was seen', () => {
    expect(formatPercent(ctrOf(3, 200))).toBe('1.50%');
    expect(formatPercent(ctrOf(0, 0))).toBe('—');
  });

  it('writes delivery against the goal and clamps the progress bar', () => {
    expect(deliveryLabel(12000, 50000)).toBe('12,000 of 50,000 (24.0%)');
    expect(deliveryLabel(12000, null)).toBe('12,000 viewable');
    expect(progressValue(60000, 50000)).toBe(1);
    expect(progressValue(25000, 50000)).toBe(0.5);
    expect(progressValue(5, null)).toBeNull();
  });
});

describe('report range', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  it('covers the flight so far, at most 92 days', () => {
    expect(defaultRange('2026-11-10T00:00:00Z', '2026-12-31T00:00:00Z', now)).toEqual({ from: '2026-11-10', to: '2026-11-29' });
    expect(defaultRange('2026-10-01T00:00:00Z', '2026-10-15T00:00:00Z', now)).toEqual({ from: '2026-10-01', to: '2026-10-15' });
    expect(defaultRange('2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z', now)).toEqual({ from: '2026-08-30', to: '2026-11-29' });
    expect(defaultRange('2027-01-05T00:00:00Z', '2027-02-01T00:00:00Z', now)).toEqual({ from: '2027-01-05', to: '2027-01-05' });
  });

  it('explains a range it cannot ask for', () => {
    expect(rangeProblem({ from: '2026-11-01', to: '2026-11-30' })).toBeNull();
    expect(rangeProblem({ from: '2026-11-31', to: '2026-12-01' })).toMatch(/first day/);
    expect(rangeProblem({ from: '2026-12-01', to: '2026-11-01' })).toMatch(/before/);
    expect(rangeProblem({ from: '2024-01-01', to: '2026-01-01' })).toMatch(/year/);
  });

  it('links the CSV download with the same range', () => {
    expect(csvHref(7, { from: '2026-11-01', to: '2026-11-30' })).toBe('/api/admin/ads/reports.csv?campaignId=7&from=2026-11-01&to=2026-11-30');
  });
});
