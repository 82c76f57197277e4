/**
 * What changed between two versions of a piece of copy: the fields as
 * before/after, and the body as a word diff with insertions and deletions
 * marked. Shared by the story history and the wire desk's version history.
 */
import type { JSX } from 'preact';
import './DiffView.css';

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** A field's value as the diff shows it. */
export function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.length === 0) return '(none)';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return JSON.stringify(value);
}

export function DiffView(props: { title: string; fields: readonly FieldChange[]; body: readonly DiffPart[]; fieldLabel: (field: string) => string; bodyTitle?: string }): JSX.Element {
  const { fields, body } = props;
  return (
    <div class="ed-diff">
      <h3>{props.title}</h3>
      {fields.length === 0 && body.length === 0 && <p>No changes to the copy.</p>}
      {fields.length > 0 && (
        <table class="ed-diff-fields">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f.field}>
                <th scope="row">{props.fieldLabel(f.field)}</th>
                <td>
                  <del>{shown(f.before)}</del>
                </td>
                <td>
                  <ins>{shown(f.after)}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {body.length > 0 && (
        <>
          <h4>{props.bodyTitle ?? 'Story body'}</h4>
          <p class="ed-diff-body">
            {body.map((part, i) =>
              part.op === 'insert' ? <ins key={i}>{part.text}</ins> : part.op === 'delete' ? <del key={i}>{part.text}</del> : <span key={i}>{part.text}</span>,
            )}
          </p>
        </>
      )}
    </div>
  );
}
