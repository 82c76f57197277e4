/**
 * A screen area that is its own chunk (the editor, the wire desk, advertising):
 * fetched the first time it is shown, once per page however often it is
 * opened; a failed fetch (usually a new release replaced the chunk this page
 * knew about) may be tried again on the next visit.
 */
import { useEffect, useState } from 'preact/hooks';

const chunks = new Map<() => Promise<unknown>, Promise<unknown>>();

function fetchChunk<M>(load: () => Promise<M>): Promise<M> {
  let p = chunks.get(load) as Promise<M> | undefined;
  if (!p) {
    p = load().catch((err: unknown) => {
      chunks.delete(load);
      throw err;
    });
    chunks.set(load, p);
  }
  return p;
}

/** The loaded module, null while it loads (or while `enabled` is false), 'failed' when it could not be fetched. `load` must be a stable (module-level) function. */
export function useChunk<M>(load: () => Promise<M>, enabled = true): M | null | 'failed' {
  const [state, setState] = useState<{ mod: M } | 'failed' | null>(null);
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    fetchChunk(load).then(
      (mod) => live && setState({ mod }),
      () => live && setState('failed'),
    );
    return () => {
      live = false;
    };
  }, [load, enabled]);
  return state === null || state === 'failed' ? state : state.mod;
}
