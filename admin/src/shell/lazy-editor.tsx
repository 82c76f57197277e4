/**
 * The story editor carries Tiptap and ProseMirror, most of the app's weight:
 * it is a separate chunk, fetched the first time a story is opened.
 */
import type { JSX } from 'preact';
import { ErrorNote } from '../ui/forms.js';
import { useChunk } from '../ui/use-chunk.js';

const loadEditor = () => import('../editor/StoryEditor.js');

export function LazyStoryEditor(props: { id: number }): JSX.Element {
  const chunk = useChunk(loadEditor);
  // Usually a new release replaced the chunk this page knew about.
  if (chunk === 'failed') return <ErrorNote error="The story editor could not be loaded. Reload the page to get the latest newsroom." />;
  if (!chunk) return <p class="status" role="status">Opening the story…</p>;
  return <chunk.StoryEditor id={props.id} />;
}
