/**
 * Advertising screens: campaigns, one campaign with its creatives and report,
 * inquiries, the rate card. Only for ad operations (ads:manage); the screens
 * themselves are a separate chunk, fetched the first time someone opens
 * them, so the desk's first load does not carry them.
 */
import type { JSX } from 'preact';
import type { Route } from '../router.js';
import { can, type Session } from '../session.js';
import { ErrorNote, StatusNote } from '../ui/forms.js';
import { useChunk } from '../ui/use-chunk.js';

const loadScreens = () => import('./AdsScreens.js');

export function AdsArea(props: { route: Route; session: Session }): JSX.Element {
  const allowed = can(props.session, 'ads:manage');
  const chunk = useChunk(loadScreens, allowed);
  if (!allowed) {
    return (
      <section>
        <h1>Advertising</h1>
        <p>Campaigns, ad inquiries and the rate card are looked after by ad operations. Ask an administrator if your work needs them.</p>
      </section>
    );
  }
  if (chunk === 'failed') return <ErrorNote error="The advertising screens could not be loaded. Reload the page to get the latest newsroom." />;
  if (!chunk) return <StatusNote>Opening advertising…</StatusNote>;
  return <chunk.AdsScreens route={props.route} />;
}
