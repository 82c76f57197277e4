/**
 * The newsroom shell: finds out who is signed in, sends everyone else to the
 * sign-in screen (and back afterwards), and shows the screen the URL names.
 */
import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, setUnauthorizedHandler } from './api.js';
import { navigate, safeNext, useRoute, type Route, type RouteName } from './router.js';
import { can, loadSession, SessionContext, signOut, type Session } from './session.js';
import { TopBar } from './shell/TopBar.js';
import { LazyStoryEditor } from './shell/lazy-editor.js';
import { LoginScreen } from './login/LoginScreen.js';
import { SetupScreen } from './login/SetupScreen.js';
import { StoriesScreen } from './stories/StoriesScreen.js';
import { MediaScreen } from './media/MediaScreen.js';
import { AccountScreen } from './account/AccountScreen.js';
import { UsersScreen } from './users/UsersScreen.js';
import { WireArea } from './wire/WireArea.js';
import { AdsArea } from './ads/AdsArea.js';
import { messageOf } from './ui/use-action.js';

type State = { kind: 'loading' } | { kind: 'signedOut' } | { kind: 'signedIn'; session: Session } | { kind: 'failed'; message: string };

const TITLES: Record<RouteName, string> = {
  stories: 'Stories',
  story: 'Story',
  media: 'Media',
  wire: 'Wire',
  wireItem: 'Wire item',
  wireSources: 'Wire sources',
  wireSearch: 'Search the wire',
  ads: 'Advertising',
  adCampaign: 'Campaign',
  adInquiries: 'Ad inquiries',
  adRateCard: 'Rate card',
  account: 'Account',
  users: 'Users',
  login: 'Sign in',
  setup: 'Set up',
  notFound: 'Not found',
};

function here(): string {
  return location.pathname + location.search;
}

function loginPath(next: string): string {
  return `/newsroom/login?next=${encodeURIComponent(next)}`;
}

export function App(): JSX.Element {
  const route = useRoute();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [paper, setPaper] = useState('Dateline');

  useEffect(() => {
    loadSession().then(
      (session) => setState(session ? { kind: 'signedIn', session } : { kind: 'signedOut' }),
      (err: unknown) => setState({ kind: 'failed', message: messageOf(err) }),
    );
    // Any staff call answering 401 means the session is gone: sign in again, then come back here.
    setUnauthorizedHandler(() => {
      setState({ kind: 'signedOut' });
      if (!location.pathname.startsWith('/newsroom/login')) navigate(loginPath(here()), { replace: true });
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const signedIn = state.kind === 'signedIn';
  useEffect(() => {
    if (!signedIn) return;
    api<{ name: string }>('GET', '/admin/settings/publication').then(
      (p) => setPaper(p.name),
      () => undefined, // the paper's name is decoration: keep the default
    );
  }, [signedIn]);

  useEffect(() => {
    document.title = `${TITLES[route.name]} · ${paper} newsroom`;
  }, [route.name, paper]);

  // Signed-out visitors of any signed-in screen go to the sign-in form, remembering where they were.
  useEffect(() => {
    if (state.kind === 'signedOut' && route.name !== 'login' && route.name !== 'setup') navigate(loginPath(here()), { replace: true });
  }, [state.kind, route.name]);

  // Someone signed in who opens the sign-in form (or comes back to it) goes straight on.
  const next = route.query['next'];
  useEffect(() => {
    if (state.kind === 'signedIn' && route.name === 'login') navigate(safeNext(next), { replace: true });
  }, [state.kind, route.name, next]);

  const onSignedIn = useCallback((session: Session, next: string) => {
    setState({ kind: 'signedIn', session });
    navigate(safeNext(next), { replace: true });
  }, []);

  const onSignOut = useCallback(async () => {
    await signOut();
    setState({ kind: 'signedOut' });
    navigate('/newsroom/login', { replace: true });
  }, []);

  if (route.name === 'setup') return <SetupScreen onSignedIn={(s) => onSignedIn(s, '/newsroom')} />;
  if (state.kind === 'failed') {
    return (
      <main class="centered">
        <h1>The newsroom is unavailable</h1>
        <p role="alert" class="error">
          {state.message}
        </p>
        <button type="button" onClick={() => location.reload()}>
          Try again
        </button>
      </main>
    );
  }
  if (route.name === 'login') {
    if (state.kind === 'signedIn') return <p class="status" role="status">Signed in.</p>;
    return <LoginScreen onSignedIn={(s) => onSignedIn(s, next ?? '/newsroom')} />;
  }
  if (state.kind !== 'signedIn') return <p class="boot" role="status">Loading the newsroom…</p>;

  return (
    <SessionContext.Provider value={state.session}>
      <TopBar paper={paper} current={route.name} onSignOut={onSignOut} />
      <main id="main" class="screen">
        <Screen route={route} session={state.session} />
      </main>
    </SessionContext.Provider>
  );
}

function Screen(props: { route: Route; session: Session }): JSX.Element {
  const { route, session } = props;
  switch (route.name) {
    case 'stories':
      return <StoriesScreen query={route.query} />;
    case 'story': {
      const id = Number(route.params['id']);
      // keyed by id: opening another story starts a fresh editor rather than reusing the last one's state
      return Number.isInteger(id) && id > 0 ? <LazyStoryEditor key={id} id={id} /> : <NotFound />;
    }
    case 'media':
      return <MediaScreen query={route.query} />;
    case 'wire':
    case 'wireItem':
    case 'wireSources':
    case 'wireSearch':
      return <WireArea route={route} session={session} />;
    case 'ads':
    case 'adCampaign':
    case 'adInquiries':
    case 'adRateCard':
      return <AdsArea route={route} session={session} />;
    case 'account':
      return <AccountScreen />;
    case 'users':
      return can(session, 'users:manage') ? (
        <UsersScreen />
      ) : (
        <p class="error" role="alert">
          Only administrators manage staff accounts.
        </p>
      );
    default:
      return <NotFound />;
  }
}

function NotFound(): JSX.Element {
  return (
    <section>
      <h1>Not found</h1>
      <p>
        There is no newsroom screen at this address. <a href="/newsroom">Go to the stories</a>.
      </p>
    </section>
  );
}
