/**
 * The desk's live feed: one EventSource on /api/admin/wire/events (the
 * session cookie authenticates it). The browser reconnects by itself after a
 * dropped connection; when the server refused the stream outright (a
 * restart, an expired session) this tries again every few seconds.
 * `onReconnect` runs after every reconnection, so the screen can read what
 * it missed while the connection was down.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { parseWireEvent } from './events.js';
import type { WireEvent } from './types.js';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export const EVENTS_URL = '/api/admin/wire/events';
const RETRY_MS = 5_000;
const TYPES = ['item', 'refusal', 'alert'] as const;

export function useWireEvents(onEvent: (e: WireEvent) => void, onReconnect?: () => void): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const handlers = useRef({ onEvent, onReconnect });
  handlers.current = { onEvent, onReconnect };

  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    let source: EventSource | null = null;
    let retry: number | undefined;
    let opened = false;
    let stopped = false;

    const connect = (): void => {
      const es = new EventSource(EVENTS_URL);
      source = es;
      es.onopen = () => {
        setStatus('live');
        if (opened) handlers.current.onReconnect?.();
        opened = true;
      };
      es.onerror = () => {
        setStatus('reconnecting');
        if (es.readyState !== EventSource.CLOSED || stopped) return;
        // Refused, not dropped: the browser gives up, so try again ourselves. A lapsed session
        // shows up when the screen re-reads its list (the API's 401 sends the user to sign in).
        es.close();
        handlers.current.onReconnect?.();
        retry = window.setTimeout(connect, RETRY_MS);
      };
      for (const type of TYPES) {
        es.addEventListener(type, (m: MessageEvent<string>) => {
          const event = parseWireEvent(type, m.data);
          if (event) handlers.current.onEvent(event);
        });
      }
    };
    connect();
    return () => {
      stopped = true;
      window.clearTimeout(retry);
      source?.close();
    };
  }, []);

  return status;
}
