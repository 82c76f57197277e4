/** The wire desk's screens (a chunk of their own, loaded by WireArea): the inbox, one item, the search, the sources. */
import type { JSX } from 'preact';
import type { Route } from '../router.js';
import { can, type Session } from '../session.js';
import { InboxScreen } from './InboxScreen.js';
import { ItemScreen } from './ItemScreen.js';
import { SearchScreen } from './SearchScreen.js';
import { SourcesScreen } from './SourcesScreen.js';
import './wire.css';

export function WireScreens(props: { route: Route; session: Session }): JSX.Element {
  const { route, session } = props;
  if (route.name === 'wireSources') {
    return can(session, 'wire:manage') ? (
      <SourcesScreen />
    ) : (
      <section>
        <h1>Wire sources</h1>
        <p>Wire sources are set up by an administrator. Ask one if an agency’s copy is missing from the wire.</p>
        <p>
          <a href="/newsroom/wire">Back to the wire</a>
        </p>
      </section>
    );
  }
  if (route.name === 'wireSearch') return <SearchScreen query={route.query} />;
  if (route.name === 'wireItem') {
    const id = Number(route.params['id']);
    // keyed by id: opening another item starts afresh (focus, actions, picks)
    return Number.isInteger(id) && id > 0 ? <ItemScreen key={id} id={id} /> : <p class="error">There is no wire item at this address.</p>;
  }
  return <InboxScreen query={route.query} />;
}
