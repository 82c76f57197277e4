import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * Focus moves into a small form when it opens (the autofocus attribute does
 * nothing for elements added after the page loaded): to the element marked
 * data-autofocus, else the first field.
 */
export function useFocusOnOpen<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    const root = ref.current;
    (root?.querySelector<HTMLElement>('[data-autofocus]') ?? root?.querySelector<HTMLElement>('textarea, input, select'))?.focus();
  }, []);
  return ref;
}

/** A panel that opens below the story scrolls into view and takes focus on its heading, so keyboard and screen-reader users land in it. */
export function usePanelFocus<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    const heading = ref.current?.querySelector<HTMLElement>('h2');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.scrollIntoView({ block: 'start', behavior: 'smooth' });
    heading.focus({ preventScroll: true });
  }, []);
  return ref;
}
