/**
 * History routing under /newsroom. Paths are full paths ('/newsroom/stories/5');
 * the route table is the list of screens, and a plain <a href="/newsroom/…">
 * anywhere in the app navigates without a reload (see interceptLinks).
 */
import { useEffect, useState } from 'preact/hooks';

export const BASE = '/newsroom';

export type RouteName =
  | 'stories'
  | 'story'
  | 'media'
  | 'wire'
  | 'wireItem'
  | 'wireSearch'
  | 'wireSources'
  | 'ads'
  | 'adCampaign'
  | 'adInquiries'
  | 'adRateCard'
  | 'account'
  | 'users'
  | 'login'
  | 'setup'
  | 'notFound';

const TABLE: readonly { name: RouteName; pattern: string }[] = [
  { name: 'stories', pattern: '/newsroom' },
  { name: 'story', pattern: '/newsroom/stories/:id' },
  { name: 'media', pattern: '/newsroom/media' },
  { name: 'wire', pattern: '/newsroom/wire' },
  { name: 'wireSources', pattern: '/newsroom/wire/sources' },
  { name: 'wireSearch', pattern: '/newsroom/wire/search' },
  { name: 'wireItem', pattern: '/newsroom/wire/:id' },
  { name: 'ads', pattern: '/newsroom/ads' },
  { name: 'adInquiries', pattern: '/newsroom/ads/inquiries' },
  { name: 'adRateCard', pattern: '/newsroom/ads/rate-card' },
  { name: 'adCampaign', pattern: '/newsroom/ads/campaigns/:id' },
  { name: 'account', pattern: '/newsroom/account' },
  { name: 'users', pattern: '/newsroom/users' },
  { name: 'login', pattern: '/newsroom/login' },
  { name: 'setup', pattern: '/newsroom/setup' },
];

export interface Route {
  name: RouteName;
  path: string;
  params: Record<string, string>;
  /** The query string as a plain object (filters live there so reloads and Back keep them). */
  query: Record<string, string>;
}

/** Pure: which screen a path shows, and its parameters. */
export function matchRoute(pathname: string, search = ''): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const query = Object.fromEntries(new URLSearchParams(search));
  for (const { name, pattern } of TABLE) {
    const want = pattern.split('/');
    const got = path.split('/');
    if (want.length !== got.length) continue;
    const params: Record<string, string> = {};
    const ok = want.every((part, i) => {
      const seg = got[i] ?? '';
      if (part.startsWith(':')) {
        params[part.slice(1)] = decodeURIComponent(seg);
        return seg !== '';
      }
      return part === seg;
    });
    if (ok) return { name, path, params, query };
  }
  return { name: 'notFound', path, params: {}, query };
}

const CHANGE = 'newsroom:navigate';

export function currentRoute(): Route {
  return matchRoute(location.pathname, location.search);
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === location.pathname + location.search) return;
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event(CHANGE));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = (): void => setRoute(currentRoute());
    window.addEventListener('popstate', update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  return route;
}

/** Client-side navigation for same-app links; modified clicks (new tab, download) keep the browser's behaviour. */
export function interceptLinks(root: HTMLElement): void {
  root.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const a = event.target instanceof Element ? event.target.closest('a') : null;
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || (url.pathname !== BASE && !url.pathname.startsWith(`${BASE}/`))) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
}

/** The path to return to after signing in: only ever a newsroom path, never another site. */
export function safeNext(next: string | undefined): string {
  if (!next || next.startsWith(`${BASE}/login`) || next.startsWith(`${BASE}/setup`)) return BASE;
  return next === BASE || next.startsWith(`${BASE}/`) || next.startsWith(`${BASE}?`) ? next : BASE;
}
