/**
 * The wire desk's screens: the inbox, one item, and (for admins) the
 * sources. They are a chunk of their own, fetched the first time someone
 * opens the wire, so the newsroom's first load does not carry them.
 */
import type { JSX } from 'preact';
import type { Route } from '../router.js';
import { can, type Session } from '../session.js';
import { ErrorNote, StatusNote } from '../ui/forms.js';
import { useChunk } from '../ui/use-chunk.js';

const loadScreens = () => import('./WireScreens.js');

export function WireArea(props: { route: Route; session: Session }): JSX.Element {
  const allowed = can(props.session, 'wire:read');
  const chunk = useChunk(loadScreens, allowed);
  if (!allowed) return <ErrorNote error="The wire desk is for the editorial staff: your role does not include it." />;
  if (chunk === 'failed') return <ErrorNote error="The wire desk could not be loaded. Reload the page to get the latest newsroom." />;
  if (!chunk) return <StatusNote>Opening the wire…</StatusNote>;
  return <chunk.WireScreens route={props.route} session={props.session} />;
}
