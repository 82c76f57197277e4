/** The body's formatting toolbar, with the small forms for a link and an embed. */
import type { Editor } from '@tiptap/core';
import type { JSX, TargetedKeyboardEvent } from 'preact';
import { useId, useState } from 'preact/hooks';
import { NODE } from './body-mapping.js';
import { parseEmbedUrl, safeLinkHref } from './body-urls.js';
import { useFocusOnOpen } from './focus.js';

export interface ActiveState {
  block: 'paragraph' | 'h2' | 'h3' | 'h4' | 'quote' | 'bullet' | 'ordered' | 'other';
  bold: boolean;
  italic: boolean;
  link: boolean;
  href: string;
}

export function activeState(editor: Editor): ActiveState {
  const block: ActiveState['block'] = editor.isActive('bulletList')
    ? 'bullet'
    : editor.isActive('orderedList')
      ? 'ordered'
      : editor.isActive(NODE.quote)
        ? 'quote'
        : editor.isActive('heading', { level: 2 })
          ? 'h2'
          : editor.isActive('heading', { level: 3 })
            ? 'h3'
            : editor.isActive('heading', { level: 4 })
              ? 'h4'
              : editor.isActive('paragraph')
                ? 'paragraph'
                : 'other';
  const href: unknown = editor.getAttributes('link').href;
  return { block, bold: editor.isActive('bold'), italic: editor.isActive('italic'), link: editor.isActive('link'), href: typeof href === 'string' ? href : '' };
}

/** What people type for a web address ("example.com/x") becomes https; anything the body refuses is null. */
export function linkTarget(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  const direct = safeLinkHref(trimmed);
  if (direct !== null) return direct;
  return /^[a-z0-9.-]+\.[a-z]{2,}(\/|$)/i.test(trimmed) ? safeLinkHref(`https://${trimmed}`) : null;
}

type Open = 'link' | 'embed' | null;

interface ToolProps {
  label: string;
  pressed?: boolean;
  shortcut?: string;
  onPress: () => void;
}

function Tool(props: ToolProps): JSX.Element {
  return (
    <button
      type="button"
      class="ed-tool"
      aria-pressed={props.pressed === undefined ? undefined : props.pressed}
      title={props.shortcut ? `${props.label} (${props.shortcut})` : props.label}
      // Keep the caret in the text while clicking.
      onMouseDown={(e) => e.preventDefault()}
      onClick={props.onPress}
    >
      {props.label}
    </button>
  );
}

/** Arrow keys move along the toolbar, as in the ARIA toolbar pattern. */
function onToolbarKey(event: TargetedKeyboardEvent<HTMLDivElement>): void {
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
  if (!(event.target instanceof HTMLButtonElement)) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>(':scope > .ed-tools > button')];
  const at = buttons.indexOf(event.target);
  const next = buttons[(at + (event.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length];
  next?.focus();
  event.preventDefault();
}

export function BodyToolbar(props: { editor: Editor; active: ActiveState; onPickImage: () => void }): JSX.Element {
  const { editor, active } = props;
  const [open, setOpen] = useState<Open>(null);
  const chain = () => editor.chain().focus();
  const toggle = (what: Exclude<Open, null>): void => setOpen(open === what ? null : what);
  return (
    <div class="ed-toolbar" role="toolbar" aria-label="Formatting" onKeyDown={onToolbarKey}>
      <div class="ed-tools">
        <Tool label="Paragraph" pressed={active.block === 'paragraph'} onPress={() => chain().setParagraph().run()} />
        <Tool label="Heading 2" pressed={active.block === 'h2'} onPress={() => chain().toggleHeading({ level: 2 }).run()} />
        <Tool label="Heading 3" pressed={active.block === 'h3'} onPress={() => chain().toggleHeading({ level: 3 }).run()} />
        <Tool label="Bold" shortcut="Ctrl+B" pressed={active.bold} onPress={() => chain().toggleBold().run()} />
        <Tool label="Italic" shortcut="Ctrl+I" pressed={active.italic} onPress={() => chain().toggleItalic().run()} />
        <Tool label="Link" pressed={active.link} onPress={() => toggle('link')} />
        <Tool label="Quote" pressed={active.block === 'quote'} onPress={() => chain().toggleNode(NODE.quote, 'paragraph').run()} />
        <Tool label="Bullet list" pressed={active.block === 'bullet'} onPress={() => chain().toggleBulletList().run()} />
        <Tool label="Numbered list" pressed={active.block === 'ordered'} onPress={() => chain().toggleOrderedList().run()} />
        <Tool label="Insert image" onPress={props.onPickImage} />
        <Tool label="Insert embed" onPress={() => toggle('embed')} />
        <Tool label="Insert ad break" onPress={() => chain().insertContent({ type: NODE.adBreak }).run()} />
        <Tool label="Insert divider" onPress={() => chain().setHorizontalRule().run()} />
      </div>
      {open === 'link' && <LinkForm editor={editor} href={active.href} onDone={() => setOpen(null)} />}
      {open === 'embed' && <EmbedForm editor={editor} onDone={() => setOpen(null)} />}
    </div>
  );
}

function LinkForm(props: { editor: Editor; href: string; onDone: () => void }): JSX.Element {
  const id = useId();
  const [value, setValue] = useState(props.href);
  const [error, setError] = useState<string | null>(null);
  const form = useFocusOnOpen<HTMLFormElement>();
  const apply = (event: Event): void => {
    event.preventDefault();
    const href = linkTarget(value);
    if (href === null) {
      setError('Links must be web (http or https), mailto: or tel: addresses, site paths starting with “/”, or “#” anchors.');
      return;
    }
    const { editor } = props;
    if (editor.state.selection.empty && !editor.isActive('link')) {
      editor.chain().focus().insertContent({ type: 'text', text: value.trim(), marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    }
    props.onDone();
  };
  const remove = (): void => {
    props.editor.chain().focus().extendMarkRange('link').unsetLink().run();
    props.onDone();
  };
  return (
    <form ref={form} class="ed-inline-form" onSubmit={apply}>
      <label for={id}>Link address</label>
      <input id={id} type="text" inputMode="url" value={value} onInput={(e) => setValue(e.currentTarget.value)} aria-invalid={error ? true : undefined} />
      <button type="submit">Apply link</button>
      {props.href !== '' && (
        <button type="button" onClick={remove}>
          Remove link
        </button>
      )}
      <button type="button" onClick={props.onDone}>
        Cancel
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function EmbedForm(props: { editor: Editor; onDone: () => void }): JSX.Element {
  const id = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const form = useFocusOnOpen<HTMLFormElement>();
  const apply = (event: Event): void => {
    event.preventDefault();
    const parsed = parseEmbedUrl(value.trim());
    if (parsed === null) {
      setError('Paste the address of a YouTube video or of an X, Instagram or Facebook post.');
      return;
    }
    props.editor.chain().focus().insertContent({ type: NODE.embed, attrs: { provider: parsed.provider, url: parsed.url, caption: '' } }).run();
    props.onDone();
  };
  return (
    <form ref={form} class="ed-inline-form" onSubmit={apply}>
      <label for={id}>Post or video URL</label>
      <input id={id} type="url" value={value} onInput={(e) => setValue(e.currentTarget.value)} aria-invalid={error ? true : undefined} />
      <button type="submit">Add embed</button>
      <button type="button" onClick={props.onDone}>
        Cancel
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
