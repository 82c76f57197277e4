/** Campaigns: status, advertiser, flight, delivery against the goal, CTR; filtered by status; "New campaign". */
import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import { api, query } from '../api.js';
import { navigate } from '../router.js';
import { ErrorNote, SelectField, StatusNote } from '../ui/forms.js';
import { ADS_BASE, CAMPAIGN_STATUSES, CAMPAIGN_STATUS_LABELS, labelOf, type AdCampaign } from './ads.js';
import { campaignStatusFrom, campaignsPath } from './desk.js';
import { GoalBar, when } from './parts.js';
import { deliveryLabel, formatPercent, progressValue } from './report.js';
import { useLoad } from './use-load.js';

export function CampaignList(props: { query: Record<string, string> }): JSX.Element {
  const status = useMemo(() => campaignStatusFrom(props.query), [props.query]);
  const list = useLoad(() => api<{ items: AdCampaign[] }>('GET', `${ADS_BASE}/campaigns${query({ status })}`), status);
  const items = list.value?.items ?? null;

  return (
    <>
      <div class="screen__head">
        <h1>Campaigns</h1>
        <a class="button primary" href="/newsroom/ads/campaigns/new">
          New campaign
        </a>
      </div>
      <div class="filters">
        <SelectField
          label="Status"
          value={status}
          onValue={(s) => navigate(campaignsPath(s), { replace: true })}
          options={[{ value: '', label: 'Any status' }, ...CAMPAIGN_STATUSES.map((s) => ({ value: s, label: CAMPAIGN_STATUS_LABELS[s] }))]}
        />
      </div>
      <ErrorNote error={list.error} />
      {items === null ? (
        !list.error && <StatusNote>Loading campaigns…</StatusNote>
      ) : items.length === 0 ? (
        <StatusNote>{status ? 'No campaigns with this status.' : 'No campaigns yet. Start with “New campaign”.'}</StatusNote>
      ) : (
        <table class="ad-table">
          <thead>
            <tr>
              <th scope="col">Campaign</th>
              <th scope="col">Status</th>
              <th scope="col">Advertiser</th>
              <th scope="col">Flight</th>
              <th scope="col">Delivery</th>
              <th scope="col">CTR</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => {
              const label = deliveryLabel(c.delivery.viewable, c.impressionGoal);
              return (
                <tr key={c.id}>
                  <td class="story-table__headline">
                    <a href={`/newsroom/ads/campaigns/${c.id}`}>{c.name || 'Untitled campaign'}</a>
                  </td>
                  <td data-label="Status">
                    <span class={`badge badge--ad-${c.status}`}>{labelOf(CAMPAIGN_STATUS_LABELS, c.status)}</span>
                  </td>
                  <td data-label="Advertiser">{c.advertiser}</td>
                  <td data-label="Flight">
                    <time dateTime={c.startsAt}>{when(c.startsAt)}</time> – <time dateTime={c.endsAt}>{when(c.endsAt)}</time>
                  </td>
                  <td data-label="Delivery" class="ad-table__delivery">
                    <GoalBar value={progressValue(c.delivery.viewable, c.impressionGoal)} label={`Delivery: ${label}`} />
                    <small>{label}</small>
                  </td>
                  <td data-label="CTR">{formatPercent(c.delivery.ctr)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
