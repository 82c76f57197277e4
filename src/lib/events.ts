/**
 * Content-change notifications. Services emit the surrogate keys a change
 * touches after their transaction commits; the page cache (and, when scaled
 * out, the caching proxy and other nodes) purge by those keys.
 *
 * Keys: `all` (everything, e.g. the section navigation or settings changed),
 * `home`, `feeds`, `sitemaps`, `article:<id>`, `section:<id>`, `author:<id>`,
 * `tag:<id>`, `page:<id>`, `media:<id>`.
 */
export interface ContentChange {
  keys: readonly string[];
}

export type ContentListener = (change: ContentChange) => void;

export interface ContentEvents {
  emit(change: ContentChange): void;
  subscribe(listener: ContentListener): () => void;
}

export function createContentEvents(onListenerError: (err: unknown) => void = () => undefined): ContentEvents {
  const listeners = new Set<ContentListener>();
  return {
    emit(change) {
      for (const listener of listeners) {
        // A failing listener must not undo or hide a committed change.
        try {
          listener(change);
        } catch (err) {
          onListenerError(err);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** For services built without a listener (CLI jobs, tests). */
export const noContentEvents: ContentEvents = { emit: () => undefined, subscribe: () => () => undefined };
