/** The advertising area's screens (loaded lazily by AdsArea): which one the address names. */
import type { JSX } from 'preact';
import type { Route } from '../router.js';
import { CampaignList } from './CampaignList.js';
import { CampaignScreen } from './CampaignScreen.js';
import { InquiriesScreen } from './InquiriesScreen.js';
import { RateCardScreen } from './RateCardScreen.js';
import { AdsTabs } from './parts.js';
import './ads.css';

function Screen(props: { route: Route }): JSX.Element {
  const { route } = props;
  switch (route.name) {
    case 'adCampaign': {
      const raw = route.params['id'] ?? '';
      const id = raw === 'new' ? 'new' : /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
      if (id === null) return <p class="error">There is no campaign at this address. <a href="/newsroom/ads">See the campaigns</a>.</p>;
      // keyed: another campaign starts with a fresh form
      return <CampaignScreen key={String(id)} id={id} query={route.query} />;
    }
    case 'adInquiries':
      return <InquiriesScreen query={route.query} />;
    case 'adRateCard':
      return <RateCardScreen />;
    default:
      return <CampaignList query={route.query} />;
  }
}

export function AdsScreens(props: { route: Route }): JSX.Element {
  return (
    <section class="ads">
      <AdsTabs current={props.route.name} />
      <Screen route={props.route} />
    </section>
  );
}
