/**
 * Files the ingest refused (malformed, too large, DTDs, unknown format …):
 * the latest few, with the code and the reason, live. Collapsed until the
 * desk opens it; the count in its summary says when there is something new.
 */
import type { JSX } from 'preact';
import { shortTime } from '../stories/desk.js';
import { ErrorNote } from '../ui/forms.js';
import type { WireRefusal } from './types.js';

export function RefusalsPanel(props: { refusals: readonly WireRefusal[] | null; error: string | null; unseen: number; onOpen: () => void }): JSX.Element {
  const now = new Date();
  const { refusals } = props;
  return (
    <details
      class="wire-refusals"
      onToggle={(e) => {
        if (e.currentTarget.open) props.onOpen();
      }}
    >
      <summary>
        Refused files{refusals ? ` (${refusals.length}${refusals.length >= 20 ? '+' : ''})` : ''}
        {props.unseen > 0 && <span class="badge wire-badge--killed"> {props.unseen} new</span>}
      </summary>
      <ErrorNote error={props.error} />
      {refusals && refusals.length === 0 && <p class="status">No refused files.</p>}
      {refusals && refusals.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">File</th>
              <th scope="col">Source</th>
              <th scope="col">Code</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {refusals.map((r) => (
              <tr key={r.id}>
                <td data-label="When">
                  <time dateTime={r.receivedAt}>{shortTime(r.receivedAt, now)}</time>
                </td>
                <td data-label="File">
                  <code>{r.filename}</code>
                </td>
                <td data-label="Source">{r.sourceName ?? '—'}</td>
                <td data-label="Code">
                  <code>{r.code}</code>
                </td>
                <td data-label="Reason">{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
