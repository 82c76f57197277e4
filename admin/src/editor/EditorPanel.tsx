/**
 * The frame of a panel that opens below the story (history, preview): a
 * titled section that scrolls into view and takes focus on its heading, a
 * close button, and the panel's error in one place.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useId } from 'preact/hooks';
import { ErrorNote } from '../ui/forms.js';
import { usePanelFocus } from './focus.js';

export function EditorPanel(props: { title: string; class: string; error: string | null; onClose: () => void; children: ComponentChildren }): JSX.Element {
  const titleId = useId();
  const panel = usePanelFocus<HTMLElement>();
  return (
    <section ref={panel} class={`ed-panel ${props.class}`} aria-labelledby={titleId}>
      <div class="ed-panel-head">
        <h2 id={titleId}>{props.title}</h2>
        <button type="button" onClick={props.onClose}>
          Close {props.title.toLowerCase()}
        </button>
      </div>
      <ErrorNote error={props.error} />
      {props.children}
    </section>
  );
}
