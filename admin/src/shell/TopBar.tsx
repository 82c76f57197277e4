/** The bar above every signed-in screen: the paper, where to go, and who is signed in. */
import type { JSX } from 'preact';
import { can, useSession } from '../session.js';
import type { RouteName } from '../router.js';
import { ErrorNote } from '../ui/forms.js';
import { useAction } from '../ui/use-action.js';

const NAV: readonly { href: string; label: string; route: RouteName; permission?: string }[] = [
  { href: '/newsroom', label: 'Stories', route: 'stories' },
  { href: '/newsroom/media', label: 'Media', route: 'media' },
  { href: '/newsroom/wire', label: 'Wire', route: 'wire', permission: 'wire:read' },
  { href: '/newsroom/ads', label: 'Advertising', route: 'ads', permission: 'ads:manage' },
  { href: '/newsroom/account', label: 'Account', route: 'account' },
  { href: '/newsroom/users', label: 'Users', route: 'users', permission: 'users:manage' },
];

/** Screens inside an area light up the area's tab. */
const AREA: Partial<Record<RouteName, RouteName>> = {
  story: 'stories',
  wireItem: 'wire',
  wireSources: 'wire',
  wireSearch: 'wire',
  adCampaign: 'ads',
  adInquiries: 'ads',
  adRateCard: 'ads',
};

export function TopBar(props: { paper: string; current: RouteName; onSignOut: () => Promise<void> }): JSX.Element {
  const session = useSession();
  const signOut = useAction(props.onSignOut);
  const current = AREA[props.current] ?? props.current;
  return (
    <header class="topbar">
      <a class="topbar__paper" href="/newsroom">
        {props.paper}
        <span class="topbar__app"> Newsroom</span>
      </a>
      <nav class="topbar__nav" aria-label="Newsroom">
        {NAV.filter((n) => !n.permission || can(session, n.permission)).map((n) => (
          <a key={n.href} href={n.href} aria-current={n.route === current ? 'page' : undefined}>
            {n.label}
          </a>
        ))}
      </nav>
      <div class="topbar__user">
        <span>
          {session.user.name} <span class="role">{session.user.role}</span>
        </span>
        <button type="button" class="link" disabled={signOut.busy} onClick={() => void signOut.run()}>
          Sign out
        </button>
        <ErrorNote error={signOut.error} />
      </div>
    </header>
  );
}
