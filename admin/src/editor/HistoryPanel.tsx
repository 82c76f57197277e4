/**
 * Revision history: every save and workflow step of the story. Pick two
 * revisions to see what changed between them (fields, and the body as a word
 * diff with insertions and deletions marked), or restore an old revision —
 * which adds a new revision, so nothing is lost.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { DiffView, type DiffPart, type FieldChange } from '../ui/DiffView.js';
import { messageOf } from '../ui/use-action.js';
import { EditorPanel } from './EditorPanel.js';
import { FIELD_LABELS, type Story } from './story.js';
import { dateTime } from './time.js';

interface RevisionSummary {
  revision: number;
  createdAt: string;
  by: string;
  action: string;
  changed: string[];
}

interface RevisionDiff {
  from: number;
  to: number;
  fields: FieldChange[];
  body: DiffPart[];
}

const LABELS: Readonly<Record<string, string>> = FIELD_LABELS;

function fieldLabel(field: string): string {
  return LABELS[field] ?? field.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
}

export interface HistoryPanelProps {
  storyId: number;
  revision: number;
  canRestore: boolean;
  /** Saves unsaved edits first; false when that failed (nothing is restored then). */
  beforeRestore: () => Promise<boolean>;
  onRestored: (story: Story) => void;
  onClose: () => void;
}

export function HistoryPanel(props: HistoryPanelProps): JSX.Element {
  const [items, setItems] = useState<RevisionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const [diff, setDiff] = useState<RevisionDiff | null>(null);
  const [diffError, setDiffError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    api<{ items: RevisionSummary[] }>('GET', `/admin/articles/${props.storyId}/revisions`).then(
      (r) => live && setItems(r.items),
      (err: unknown) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [props.storyId, props.revision]);

  const [a, b] = picked;
  useEffect(() => {
    setDiff(null);
    setDiffError(null);
    if (a === undefined || b === undefined) return;
    let live = true;
    const from = Math.min(a, b);
    const to = Math.max(a, b);
    api<RevisionDiff>('GET', `/admin/articles/${props.storyId}/diff?from=${from}&to=${to}`).then(
      (d) => live && setDiff(d),
      (err: unknown) => live && setDiffError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [props.storyId, a, b]);

  // Two at most: ticking a third replaces the older pick.
  const toggle = (rev: number): void => setPicked((p) => (p.includes(rev) ? p.filter((r) => r !== rev) : [...p, rev].slice(-2)));

  const restore = async (rev: number): Promise<void> => {
    setRestoring(rev);
    setError(null);
    try {
      if (!(await props.beforeRestore())) {
        setError('Your unsaved changes could not be saved, so nothing was restored.');
        return;
      }
      const story = await api<Story>('POST', `/admin/articles/${props.storyId}/revisions/${rev}/restore`, { revision: props.revision });
      props.onRestored(story);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setRestoring(null);
    }
  };

  return (
    <EditorPanel title="History" class="ed-history" error={error} onClose={props.onClose}>
      {items === null && !error && <p class="hint">Loading the history…</p>}
      {items !== null && (
        <>
          <p class="hint">Tick two revisions to compare them.</p>
          <table class="ed-revisions">
            <thead>
              <tr>
                <th scope="col">Compare</th>
                <th scope="col">Revision</th>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Changed</th>
                <th scope="col">
                  <span class="visually-hidden">Restore</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.revision} class={r.revision === props.revision ? 'ed-current' : undefined}>
                  <td>
                    <input type="checkbox" aria-label={`Compare revision ${r.revision}`} checked={picked.includes(r.revision)} onChange={() => toggle(r.revision)} />
                  </td>
                  <td>
                    {r.revision}
                    {r.revision === props.revision && ' (current)'}
                  </td>
                  <td>{dateTime(r.createdAt)}</td>
                  <td>{r.by}</td>
                  <td>{r.action}</td>
                  <td>{r.changed.map(fieldLabel).join(', ')}</td>
                  <td>
                    {props.canRestore && r.revision !== props.revision && (
                      <button type="button" disabled={restoring !== null} onClick={() => void restore(r.revision)}>
                        Restore revision {r.revision}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {diffError && (
        <p class="error" role="alert">
          {diffError}
        </p>
      )}
      {diff && <DiffView title={`Changes from revision ${diff.from} to ${diff.to}`} fields={diff.fields} body={diff.body} fieldLabel={fieldLabel} />}
    </EditorPanel>
  );
}
