/**
 * The inbox's list: the first page for the filters, more on request, live
 * items folded in (see inbox.ts), and a re-read of the top after the live
 * connection was down, so nothing that arrived meanwhile is missed.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { messageOf } from '../ui/use-action.js';
import { applyLiveItem, inboxPath, itemsPath, mergeItems, releasePending, type InboxFilters, type LiveList, type LiveOutcome } from './inbox.js';
import { useRefreshWhileVisible } from '../ui/use-refresh.js';
import type { WireItemSummary } from './types.js';

/** How often the inbox re-reads its top while visible, besides the live events. */
const REFRESH_MS = 30_000;

export const PAGE_SIZE = 50;
const API_MAX = 100;

interface Page {
  items: WireItemSummary[];
  nextCursor: string | null;
}

export interface WireInbox {
  list: LiveList | null;
  nextCursor: string | null;
  error: string | null;
  loadingMore: boolean;
  loadMore: () => void;
  /** Re-reads the top of the list and folds it in (rows further down stay). */
  refresh: () => void;
  /** A live item; `hold` keeps a new one for the "N new items" bar. */
  live: (item: WireItemSummary, hold: boolean) => LiveOutcome;
  showPending: () => void;
}

export function useWireInbox(filters: InboxFilters): WireInbox {
  const [list, setList] = useState<LiveList | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const key = inboxPath(filters);
  // Answers for filters the reader has since changed are dropped.
  const generation = useRef(0);
  const current = useRef<{ list: LiveList | null; filters: InboxFilters }>({ list, filters });
  current.current = { list, filters };

  const read = useCallback((cursor: string | null, limit: number) => api<Page>('GET', itemsPath(current.current.filters, new Date(), cursor, limit)), []);

  useEffect(() => {
    const gen = ++generation.current;
    setList(null);
    setNextCursor(null);
    setError(null);
    read(null, PAGE_SIZE).then(
      (page) => {
        if (gen !== generation.current) return;
        setList({ items: page.items, pending: [] });
        setNextCursor(page.nextCursor);
      },
      (err: unknown) => gen === generation.current && setError(messageOf(err)),
    );
  }, [key, read]);

  const refresh = useCallback(() => {
    const gen = generation.current;
    const loaded = current.current.list?.items.length ?? 0;
    read(null, Math.min(API_MAX, Math.max(PAGE_SIZE, loaded))).then(
      (page) => {
        if (gen !== generation.current) return;
        setList((cur) => (cur ? { ...cur, items: mergeItems(cur.items, page.items) } : { items: page.items, pending: [] }));
        setError(null);
      },
      (err: unknown) => gen === generation.current && setError(messageOf(err)),
    );
  }, [read]);

  // The live stream reaches only the node that ingested an item; behind several nodes the list catches up here.
  useRefreshWhileVisible(refresh, REFRESH_MS);

  const loadMore = useCallback(() => {
    if (!nextCursor || loadingMore) return;
    const gen = generation.current;
    setLoadingMore(true);
    read(nextCursor, PAGE_SIZE)
      .then(
        (page) => {
          if (gen !== generation.current) return;
          setList((cur) => ({ items: mergeItems(cur?.items ?? [], page.items), pending: cur?.pending ?? [] }));
          setNextCursor(page.nextCursor);
        },
        (err: unknown) => gen === generation.current && setError(messageOf(err)),
      )
      .finally(() => setLoadingMore(false));
  }, [nextCursor, loadingMore, read]);

  const live = useCallback((item: WireItemSummary, hold: boolean): LiveOutcome => {
    const cur = current.current.list;
    if (!cur) return 'ignored';
    // At the top again with items held: they join first, then this one.
    const base = !hold && cur.pending.length > 0 ? releasePending(cur) : cur;
    const { state, outcome } = applyLiveItem(base, item, { hold, filters: current.current.filters, now: new Date() });
    current.current = { ...current.current, list: state };
    setList(state);
    return outcome;
  }, []);

  const showPending = useCallback(() => setList((cur) => (cur ? releasePending(cur) : cur)), []);

  return { list, nextCursor, error, loadingMore, loadMore, refresh, live, showPending };
}
