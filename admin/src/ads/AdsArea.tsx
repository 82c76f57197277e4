/** Advertising screens: campaigns, one campaign with its creatives and report, inquiries, the rate card. */
import type { JSX } from 'preact';
import type { Route } from '../router.js';
import type { Session } from '../session.js';

export function AdsArea(props: { route: Route; session: Session }): JSX.Element {
  return <p class="status">Advertising ({props.route.name}) is being built.</p>;
}
