/**
 * The desk's in-process bus: the ingest announces new items, refusals and
 * alerts after they are committed; the SSE route relays them to open inboxes.
 * In-process only: another node's (or the CLI's) ingests reach a browser on
 * its next reload, not live.
 */
import type { WireEvent } from './wire.js';

export type WireListener = (event: WireEvent) => void;

export interface WireEvents {
  emit(event: WireEvent): void;
  subscribe(listener: WireListener): () => void;
  /** How many listeners are attached (for tests and shutdown). */
  size(): number;
}

export function createWireEvents(onListenerError: (err: unknown) => void = () => undefined): WireEvents {
  const listeners = new Set<WireListener>();
  return {
    emit(event) {
      for (const listener of [...listeners]) {
        // A failing browser stream must not fail the ingest that announced it.
        try {
          listener(event);
        } catch (err) {
          onListenerError(err);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    size: () => listeners.size,
  };
}
