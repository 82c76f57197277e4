/**
 * Advertising screens: campaigns, one campaign with its creatives and report,
 * inquiries, the rate card. Only for ad operations (ads:manage); the screens
 * themselves are a separate chunk, fetched the first time someone opens
 * them, so the desk's first load does not carry them.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Route } from '../router.js';
import { can, type Session } from '../session.js';
import { ErrorNote, StatusNote } from '../ui/forms.js';
import type * as AdsScreensModule from './AdsScreens.js';

type Screens = typeof AdsScreensModule;

let chunk: Promise<Screens> | null = null;

/** One fetch for every screen of the area; a failed fetch may be tried again. */
function screens(): Promise<Screens> {
  chunk ??= import('./AdsScreens.js').catch((err: unknown) => {
    chunk = null;
    throw err;
  });
  return chunk;
}

export function AdsArea(props: { route: Route; session: Session }): JSX.Element {
  const allowed = can(props.session, 'ads:manage');
  const [mod, setMod] = useState<Screens | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!allowed || mod) return;
    let live = true;
    screens().then(
      (m) => live && setMod(m),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [allowed, mod]);

  if (!allowed) {
    return (
      <section>
        <h1>Advertising</h1>
        <p>Campaigns, ad inquiries and the rate card are looked after by ad operations. Ask an administrator if your work needs them.</p>
      </section>
    );
  }
  if (failed) return <ErrorNote error="The advertising screens could not be loaded. Reload the page to get the latest newsroom." />;
  if (!mod) return <StatusNote>Opening advertising…</StatusNote>;
  return <mod.AdsScreens route={props.route} />;
}
