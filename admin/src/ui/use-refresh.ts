/**
 * Re-reads a screen's data every `ms` while the tab is visible, and at once
 * when the tab comes back into view or the window regains focus. Lists use
 * it so that changes made elsewhere (another person, another server node)
 * show without a reload.
 */
import { useEffect } from 'preact/hooks';

export function useRefreshWhileVisible(refresh: () => void, ms: number, enabled = true): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const visible = (): boolean => document.visibilityState === 'visible';
    const tick = window.setInterval(() => {
      if (visible()) refresh();
    }, ms);
    const onVisible = (): void => {
      if (visible()) refresh();
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(tick);
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh, ms, enabled]);
}
