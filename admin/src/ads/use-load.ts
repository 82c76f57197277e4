/**
 * One thing a screen reads when it opens (a campaign, the inbox, the rate
 * card): its value once loaded, the API's message if it failed, and a way to
 * read it again or replace it after a change. Answers for an older key
 * (the filter changed meanwhile) are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { messageOf } from '../ui/use-action.js';

export interface Loaded<T> {
  value: T | null;
  error: string | null;
  reload: () => void;
  set: (next: T | ((cur: T | null) => T | null)) => void;
}

export function useLoad<T>(read: () => Promise<T>, key: string): Loaded<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const readRef = useRef(read);
  readRef.current = read;

  const reload = useCallback(() => {
    const gen = ++generation.current;
    readRef.current().then(
      (v) => {
        if (gen !== generation.current) return;
        setValue(() => v);
        setError(null);
      },
      (err: unknown) => {
        if (gen === generation.current) setError(messageOf(err));
      },
    );
  }, []);

  useEffect(() => {
    setValue(null);
    setError(null);
    reload();
  }, [key, reload]);

  const set = useCallback((next: T | ((cur: T | null) => T | null)) => setValue(next as T | null), []);
  return { value, error, reload, set };
}
