/**
 * The story list, kept live: read again every 15 seconds while the tab is
 * visible and whenever the window regains focus, folding the fresh stories
 * into what is on screen so the filters, the loaded pages and the scroll
 * position stay as they were.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { messageOf } from '../ui/use-action.js';
import { useRefreshWhileVisible } from '../ui/use-refresh.js';
import { mergeRefresh, refreshLimit, type ListState } from './desk.js';

export const PAGE_SIZE = 30;
export const REFRESH_MS = 15_000;

export type PageReader<C> = (from: C | null, limit: number) => Promise<ListState<C>>;

export interface StoryList {
  list: ListState | null;
  error: string | null;
  loadingMore: boolean;
  updatedAt: Date | null;
  loadMore: () => void;
}

/** `key` names the filters: a new key starts over from the first page; `ready` false holds the first read back. */
export function useStoryList<C>(read: PageReader<C>, key: string, ready = true): StoryList {
  const [list, setList] = useState<ListState<C> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  // Answers for filters the user has since changed are dropped.
  const generation = useRef(0);
  const loaded = useRef(0);
  const refreshing = useRef(false);
  const readRef = useRef(read);
  readRef.current = read;
  loaded.current = list?.items.length ?? 0;

  const refresh = useCallback(() => {
    if (refreshing.current) return;
    refreshing.current = true;
    const gen = generation.current;
    const limit = refreshLimit(loaded.current, PAGE_SIZE);
    readRef
      .current(null, limit)
      .then(
        (fresh) => {
          if (gen !== generation.current) return;
          setList((cur) => (cur ? mergeRefresh(cur, fresh, limit) : fresh));
          setError(null);
          setUpdatedAt(new Date());
        },
        (err: unknown) => {
          if (gen === generation.current) setError(messageOf(err));
        },
      )
      .finally(() => {
        if (gen === generation.current) refreshing.current = false;
      });
  }, []);

  // New filters: start over from the first page.
  useEffect(() => {
    generation.current += 1;
    refreshing.current = false;
    loaded.current = 0;
    setList(null);
    setError(null);
    if (ready) refresh();
  }, [key, ready, refresh]);

  useRefreshWhileVisible(refresh, REFRESH_MS, ready);

  const loadMore = useCallback(() => {
    const cursor = list?.nextCursor;
    if (!cursor || loadingMore) return;
    const gen = generation.current;
    setLoadingMore(true);
    readRef
      .current(cursor, PAGE_SIZE)
      .then(
        (page) => {
          if (gen !== generation.current) return;
          setList((cur) => {
            const have = new Set((cur?.items ?? []).map((s) => s.id));
            return { items: [...(cur?.items ?? []), ...page.items.filter((s) => !have.has(s.id))], nextCursor: page.nextCursor };
          });
        },
        (err: unknown) => {
          if (gen === generation.current) setError(messageOf(err));
        },
      )
      .finally(() => setLoadingMore(false));
  }, [list, loadingMore]);

  return { list, error, loadingMore, updatedAt, loadMore };
}
