/** The wire desk's screens: the inbox, one item, and (for admins) the sources. */
import type { JSX } from 'preact';
import type { Route } from '../router.js';
import type { Session } from '../session.js';

export function WireArea(props: { route: Route; session: Session }): JSX.Element {
  return <p class="status">The wire desk ({props.route.name}) is being built.</p>;
}
