/**
 * The story editor carries Tiptap and ProseMirror, most of the app's weight:
 * it is a separate chunk, fetched the first time a story is opened.
 */
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorNote } from '../ui/forms.js';

type EditorComponent = ComponentType<{ id: number }>;

export function LazyStoryEditor(props: { id: number }): JSX.Element {
  const [Editor, setEditor] = useState<EditorComponent | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    import('../editor/StoryEditor.js').then(
      (m) => {
        if (live) setEditor(() => m.StoryEditor);
      },
      () => {
        // Usually a new release replaced the chunk this page knew about.
        if (live) setError('The story editor could not be loaded. Reload the page to get the latest newsroom.');
      },
    );
    return () => {
      live = false;
    };
  }, []);
  if (error) return <ErrorNote error={error} />;
  if (!Editor) return <p class="status" role="status">Opening the story…</p>;
  return <Editor id={props.id} />;
}
