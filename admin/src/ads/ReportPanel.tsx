/**
 * A campaign's report: a date range (kept in the address), per-day figures
 * as a chart and a table (the table is the accessible data), totals per
 * creative, and the same range as a CSV download.
 */
import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { api } from '../api.js';
import { navigate } from '../router.js';
import { ErrorNote, Field, SelectField, StatusNote } from '../ui/forms.js';
import { ADS_BASE, type AdCampaign, type Report, type ReportRow } from './ads.js';
import { describeTargeting } from './campaign-form.js';
import { GoalBar } from './parts.js';
import { ReportChart } from './ReportChart.js';
import { csvHref, ctrOf, dailyTotals, defaultRange, deliveryLabel, formatCount, formatPercent, progressValue, rangeProblem, reportQuery, totalsOf, type Range, type Totals } from './report.js';
import { useLoad } from './use-load.js';

function Figures(props: { t: Totals }): JSX.Element {
  const { t } = props;
  return (
    <>
      <td data-label="Served" class="num">
        {formatCount(t.served)}
      </td>
      <td data-label="Viewable" class="num">
        {formatCount(t.viewable)}
      </td>
      <td data-label="Clicks" class="num">
        {formatCount(t.clicks)}
      </td>
      <td data-label="CTR" class="num">
        {formatPercent(ctrOf(t.clicks, t.viewable))}
      </td>
    </>
  );
}

function byCreative(rows: readonly ReportRow[]): { id: number; name: string; totals: Totals }[] {
  const map = new Map<number, { id: number; name: string; totals: Totals }>();
  for (const r of rows) {
    const e = map.get(r.creativeId) ?? { id: r.creativeId, name: r.creativeName, totals: { served: 0, viewable: 0, clicks: 0 } };
    e.totals = totalsOf([e.totals, r]);
    map.set(r.creativeId, e);
  }
  return [...map.values()];
}

export function ReportPanel(props: { campaign: AdCampaign; query: Record<string, string>; sectionName: (id: number) => string | undefined }): JSX.Element {
  const { campaign } = props;
  const fallback = useMemo(() => defaultRange(campaign.startsAt, campaign.endsAt, new Date()), [campaign.startsAt, campaign.endsAt]);
  const range: Range = { from: props.query['from'] ?? fallback.from, to: props.query['to'] ?? fallback.to };
  const problem = rangeProblem(range);
  const [creative, setCreative] = useState('');
  const report = useLoad<Report | null>(() => (problem ? Promise.resolve(null) : api<Report>('GET', `${ADS_BASE}/reports${reportQuery(campaign.id, range)}`)), `${campaign.id} ${range.from} ${range.to} ${campaign.delivery.served}`);
  const rows = useMemo(() => (report.value?.rows ?? []).filter((r) => !creative || String(r.creativeId) === creative), [report.value, creative]);
  const days = useMemo(() => (problem ? [] : dailyTotals(rows, range.from, range.to)), [rows, range.from, range.to, problem]);
  const total = totalsOf(days);
  const goal = campaign.impressionGoal;
  const setRange = (change: Partial<Range>): void => {
    const next = { ...range, ...change };
    navigate(`/newsroom/ads/campaigns/${campaign.id}?from=${next.from}&to=${next.to}`, { replace: true });
  };

  return (
    <section class="ad-panel" aria-labelledby="report-h">
      <h2 id="report-h">Report</h2>
      <p class="muted">
        Targeting: {describeTargeting(campaign.targeting, props.sectionName)}. Flight delivery: {deliveryLabel(campaign.delivery.viewable, goal)}
        {campaign.delivery.pacing !== null && `, pacing ${formatPercent(campaign.delivery.pacing, 0)} of even delivery`}.
      </p>
      <GoalBar value={progressValue(campaign.delivery.viewable, goal)} label={`Delivery against the goal: ${deliveryLabel(campaign.delivery.viewable, goal)}`} />
      <div class="filters">
        <Field label="From" type="date" value={range.from} onValue={(from) => setRange({ from })} />
        <Field label="To" type="date" value={range.to} onValue={(to) => setRange({ to })} />
        <SelectField
          label="Creative"
          value={creative}
          onValue={setCreative}
          options={[{ value: '', label: 'All creatives' }, ...campaign.creatives.map((c) => ({ value: String(c.id), label: `${c.name} (${c.size})` }))]}
        />
        {!problem && (
          <a class="button" href={csvHref(campaign.id, range)} download>
            Download CSV
          </a>
        )}
      </div>
      <ErrorNote error={problem ?? report.error} />
      {!problem && report.value === null && !report.error && <StatusNote>Loading the report…</StatusNote>}
      {!problem && report.value && (
        <>
          <ReportChart points={days} />
          <table class="ad-table ad-report">
            <caption class="visually-hidden">
              Per day, {range.from} to {range.to} (days in UTC); delivery against the goal adds up from the first day shown
            </caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Served</th>
                <th scope="col">Viewable</th>
                <th scope="col">Clicks</th>
                <th scope="col">CTR</th>
                <th scope="col">Delivery vs goal</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.day}>
                  <th scope="row">
                    <time dateTime={d.day}>{d.day}</time>
                  </th>
                  <Figures t={d} />
                  <td data-label="Delivery" class="num">
                    {goal ? formatPercent(d.cumulative / goal, 1) : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <Figures t={total} />
                <td data-label="Delivery" class="num">
                  {goal ? formatPercent(total.viewable / goal, 1) : '—'}
                </td>
              </tr>
            </tfoot>
          </table>
          {!creative && campaign.creatives.length > 1 && (
            <table class="ad-table ad-report">
              <caption>Per creative, {range.from} to {range.to}</caption>
              <thead>
                <tr>
                  <th scope="col">Creative</th>
                  <th scope="col">Served</th>
                  <th scope="col">Viewable</th>
                  <th scope="col">Clicks</th>
                  <th scope="col">CTR</th>
                </tr>
              </thead>
              <tbody>
                {byCreative(rows).map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.name}</th>
                    <Figures t={c.totals} />
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
