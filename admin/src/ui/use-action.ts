/**
 * One small action behind a control (save, delete, sign out): busy while it
 * runs, and the API's message kept for showing next to that control.
 */
import { useCallback, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.js';

export interface Action<A extends unknown[]> {
  run: (...args: A) => Promise<boolean>;
  busy: boolean;
  error: string | null;
  /** The form field the server blamed, when it named one. */
  field: string | null;
  clear: () => void;
}

export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return err instanceof Error ? err.message : 'Something went wrong.';
}

export function useAction<A extends unknown[]>(fn: (...args: A) => Promise<unknown>): Action<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [field, setField] = useState<string | null>(null);
  // The latest fn without re-creating run on every render.
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const run = useCallback(async (...args: A): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setField(null);
    try {
      await fnRef.current(...args);
      return true;
    } catch (err) {
      setError(messageOf(err));
      setField(err instanceof ApiError ? (err.field ?? null) : null);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => {
    setError(null);
    setField(null);
  }, []);
  return { run, busy, error, field, clear };
}
