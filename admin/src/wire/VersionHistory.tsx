/** An item's versions as the agency sent them (corrections and kills marked); tick two to see what changed. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { dateTime } from '../editor/time.js';
import { DiffView } from '../ui/DiffView.js';
import { ErrorNote } from '../ui/forms.js';
import { messageOf } from '../ui/use-action.js';
import { comparePair, diffParts, togglePick, versionNote, wireFieldLabel } from './item.js';
import type { WireDiff, WireVersion } from './types.js';

export function VersionHistory(props: { itemId: number; versions: readonly WireVersion[]; current: number }): JSX.Element {
  const [picked, setPicked] = useState<number[]>([]);
  const [diff, setDiff] = useState<WireDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pair = comparePair(picked);
  const from = pair?.from;
  const to = pair?.to;

  useEffect(() => {
    setDiff(null);
    setError(null);
    if (from === undefined || to === undefined) return undefined;
    let live = true;
    api<WireDiff>('GET', `/admin/wire/items/${props.itemId}/diff?from=${from}&to=${to}`).then(
      (d) => live && setDiff(d),
      (err: unknown) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [props.itemId, from, to]);

  return (
    <section class="wire-versions" aria-labelledby="wire-versions-title">
      <h2 id="wire-versions-title">Versions</h2>
      {props.versions.length > 1 && <p class="hint">Tick two versions to compare them.</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">Compare</th>
            <th scope="col">Version</th>
            <th scope="col">Received</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {props.versions.map((v) => (
            <tr key={v.version}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Compare version ${v.version}`}
                  checked={picked.includes(v.version)}
                  disabled={props.versions.length < 2}
                  onChange={() => setPicked((p) => togglePick(p, v.version))}
                />
              </td>
              <td>
                {v.version}
                {v.version === props.current && ' (latest)'}
              </td>
              <td>{dateTime(v.receivedAt)}</td>
              <td>{versionNote(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorNote error={error} />
      {diff && <DiffView title={`Changes from version ${diff.from} to ${diff.to}`} fields={diff.fields} body={diffParts(diff.body)} fieldLabel={wireFieldLabel} bodyTitle="Body" />}
    </section>
  );
}
