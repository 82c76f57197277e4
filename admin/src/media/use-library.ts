/** A page-at-a-time view of the media library for a search, shared by the Media screen and the picker. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, query, type MediaAsset } from '../api.js';
import { messageOf } from '../ui/use-action.js';

const PAGE = 40;

export interface Library {
  items: MediaAsset[] | null;
  nextCursor: string | null;
  error: string | null;
  loadingMore: boolean;
  loadMore: () => void;
  /** Shows an asset just uploaded or edited without reading the library again. */
  put: (asset: MediaAsset) => void;
  drop: (id: number) => void;
}

export function useLibrary(q: string): Library {
  const [items, setItems] = useState<MediaAsset[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);

  useEffect(() => {
    const gen = ++generation.current;
    setItems(null);
    setError(null);
    api<{ items: MediaAsset[]; nextCursor: string | null }>('GET', `/admin/media${query({ q: q.trim(), limit: PAGE })}`).then(
      (page) => {
        if (gen !== generation.current) return;
        setItems(page.items);
        setNextCursor(page.nextCursor);
      },
      (err: unknown) => {
        if (gen === generation.current) setError(messageOf(err));
      },
    );
  }, [q]);

  const loadMore = useCallback(() => {
    if (!nextCursor || loadingMore) return;
    const gen = generation.current;
    setLoadingMore(true);
    api<{ items: MediaAsset[]; nextCursor: string | null }>('GET', `/admin/media${query({ q: q.trim(), limit: PAGE, cursor: nextCursor })}`)
      .then(
        (page) => {
          if (gen !== generation.current) return;
          setItems((cur) => {
            const have = new Set((cur ?? []).map((a) => a.id));
            return [...(cur ?? []), ...page.items.filter((a) => !have.has(a.id))];
          });
          setNextCursor(page.nextCursor);
        },
        (err: unknown) => {
          if (gen === generation.current) setError(messageOf(err));
        },
      )
      .finally(() => setLoadingMore(false));
  }, [q, nextCursor, loadingMore]);

  const put = useCallback((asset: MediaAsset) => {
    setItems((cur) => {
      const list = cur ?? [];
      return list.some((a) => a.id === asset.id) ? list.map((a) => (a.id === asset.id ? asset : a)) : [asset, ...list];
    });
  }, []);
  const drop = useCallback((id: number) => setItems((cur) => (cur ?? []).filter((a) => a.id !== id)), []);

  return { items, nextCursor, error, loadingMore, loadMore, put, drop };
}
