/**
 * Preview: a private link to the story as readers will see it (rendered by
 * the reader site's own code at /preview/<token>), shown in a frame, with a
 * link to share with people outside the newsroom until it expires.
 */
import type { JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { messageOf } from '../ui/use-action.js';
import { EditorPanel } from './EditorPanel.js';
import { dateTime } from './time.js';

interface PreviewLink {
  url: string;
  expiresAt: string;
}

export function PreviewPanel(props: { storyId: number; revision: number; onClose: () => void }): JSX.Element {
  const linkId = useId();
  const [link, setLink] = useState<PreviewLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    api<PreviewLink>('POST', `/admin/articles/${props.storyId}/preview-link`, {}).then(
      (l) => live && setLink(l),
      (err: unknown) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [props.storyId]);

  // A save shows in the frame: the link reads the story as stored now.
  useEffect(() => setReloads((n) => n + 1), [props.revision]);

  const absolute = link ? new URL(link.url, location.origin).href : '';
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(absolute);
      setCopied('Link copied.');
    } catch {
      input.current?.select();
      setCopied('Copying was blocked: the link is selected, press Ctrl+C (⌘C) to copy it.');
    }
  };

  return (
    <EditorPanel title="Preview" class="ed-preview" error={error} onClose={props.onClose}>
      {!link && !error && <p class="hint">Making a preview link…</p>}
      {link && (
        <>
          <div class="ed-row ed-share">
            <label for={linkId}>Share link</label>
            <input id={linkId} ref={input} type="text" readOnly value={absolute} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" onClick={() => void copy()}>
              Copy share link
            </button>
          </div>
          <p class="hint">Anyone with the link can see the latest saved version until {dateTime(link.expiresAt)}.</p>
          {copied && (
            <p class="status" role="status">
              {copied}
            </p>
          )}
          <iframe key={reloads} class="ed-preview-frame" title="Story preview" src={link.url} />
        </>
      )}
    </EditorPanel>
  );
}
