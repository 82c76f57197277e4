/**
 * The rich story body: a Tiptap editor over our schema, with its toolbar.
 * The editor is created once per story and never re-rendered by the rest of
 * the screen: the parent reads the body through `handle` when it saves (the
 * mapping to our document runs then, not on every keystroke) and is told of
 * edits through `onChange`. Only the toolbar re-renders, and only when what
 * it shows as active changes.
 */
import { Editor } from '@tiptap/core';
import { Component, type JSX, type RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MediaAsset } from '../api.js';
import { MediaPicker } from '../media/MediaPicker.js';
import { bodyToTiptap, NODE, tiptapToBody } from './body-mapping.js';
import type { BodyDocument } from './body-types.js';
import { BodyToolbar, activeState, type ActiveState } from './BodyToolbar.js';
import type { MediaUrlResolver } from './nodeviews.js';
import { bodyExtensions } from './schema.js';

export interface BodyEditorHandle {
  getBody(): BodyDocument;
  /** Replace the whole body (reload, restore, merge) without counting it as an edit. */
  setBody(doc: BodyDocument): void;
  focus(): void;
}

export interface BodyEditorProps {
  initial: BodyDocument;
  editable: boolean;
  onChange: () => void;
  handle: RefObject<BodyEditorHandle | null>;
  resolveMediaUrl: MediaUrlResolver;
  onMediaPicked: (asset: MediaAsset) => void;
}

function BodyEditorView(props: BodyEditorProps): JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [active, setActive] = useState<ActiveState | null>(null);
  const [picking, setPicking] = useState(false);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let cache: { doc: unknown; body: BodyDocument } | null = null;
    let lastActive = '';
    const instance: Editor = new Editor({
      element,
      extensions: bodyExtensions({ resolveMediaUrl: (id) => latest.current.resolveMediaUrl(id) }),
      content: bodyToTiptap(latest.current.initial),
      editable: latest.current.editable,
      // The newsroom's CSP allows no inline <style>: the editor's base rules are in editor.css.
      injectCSS: false,
      editorProps: {
        attributes: { 'aria-label': 'Story body', 'aria-multiline': 'true', role: 'textbox', class: 'ed-prose', spellcheck: 'true' },
      },
      onUpdate: () => latest.current.onChange(),
      onTransaction: ({ editor: e }) => {
        const next = activeState(e);
        const key = JSON.stringify(next);
        if (key !== lastActive) {
          lastActive = key;
          setActive(next);
        }
      },
    });
    const handle: BodyEditorHandle = {
      getBody() {
        // Mapping a long story costs a few milliseconds: do it once per document state.
        const doc = instance.state.doc;
        if (cache?.doc !== doc) cache = { doc, body: tiptapToBody(instance.getJSON()) };
        return cache.body;
      },
      setBody(body) {
        instance.commands.setContent(bodyToTiptap(body), { emitUpdate: false });
      },
      focus() {
        instance.commands.focus();
      },
    };
    latest.current.handle.current = handle;
    setEditor(instance);
    setActive(activeState(instance));
    return () => {
      // A save still running after the screen closed reads the body as it was left.
      const finalBody = handle.getBody();
      latest.current.handle.current = { getBody: () => finalBody, setBody: () => undefined, focus: () => undefined };
      instance.destroy();
    };
  }, []);

  useEffect(() => {
    editor?.setEditable(props.editable, false);
  }, [editor, props.editable]);

  const insertImage = (asset: MediaAsset): void => {
    setPicking(false);
    props.onMediaPicked(asset);
    editor
      ?.chain()
      .focus()
      .insertContent({ type: NODE.image, attrs: { mediaId: asset.id, src: null, alt: asset.altText, caption: asset.caption, credit: asset.credit } })
      .run();
  };

  return (
    <div class="ed-body">
      {editor && active && props.editable && <BodyToolbar editor={editor} active={active} onPickImage={() => setPicking(true)} />}
      <div ref={host} class="ed-body-host" />
      {picking && <MediaPicker onPick={insertImage} onClose={() => setPicking(false)} />}
    </div>
  );
}

/**
 * The body editor skips the parent's re-renders unless its own props change
 * (Preact has no memo outside preact/compat): typing a headline never touches it.
 */
export class BodyEditor extends Component<BodyEditorProps> {
  override shouldComponentUpdate(next: BodyEditorProps): boolean {
    const keys = Object.keys(next) as (keyof BodyEditorProps)[];
    return keys.some((k) => next[k] !== this.props[k]);
  }

  override render(): JSX.Element {
    return <BodyEditorView {...this.props} />;
  }
}
