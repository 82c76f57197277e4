/**
 * Wire sources (administrators: wire:manage): how each is doing, add/edit
 * with auto-publish rules, run now, a new push secret (shown once), delete.
 */
import type { JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { dateTime } from '../editor/time.js';
import { ErrorNote, StatusNote } from '../ui/forms.js';
import { messageOf, useAction } from '../ui/use-action.js';
import type { Section } from './RulesEditor.js';
import { SourceEditor } from './SourceEditor.js';
import { KINDS, runSummary, statusLine } from './source-form.js';
import type { WireRunReport, WireSourceView } from './types.js';

interface Secret {
  sourceId: number;
  name: string;
  secret: string;
  pushUrl: string;
}

function pushUrlOf(s: WireSourceView): string {
  const url = s.pushUrl ?? `/api/wire/push/${s.id}`;
  return url.startsWith('/') ? `${location.origin}${url}` : url;
}

function SecretBox(props: { secret: Secret; onDone: () => void }): JSX.Element {
  const [copied, setCopied] = useState<string | null>(null);
  // Focus lands on the box once, when the secret is shown.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [props.secret]);
  const copy = (what: string, text: string): void => {
    navigator.clipboard.writeText(text).then(
      () => setCopied(`${what} copied.`),
      () => setCopied('Copying failed: select the text and copy it by hand.'),
    );
  };
  return (
    <section class="card wire-secret" aria-labelledby="wire-secret-title">
      <h2 id="wire-secret-title" tabIndex={-1} ref={heading}>
        Push secret for {props.secret.name}
      </h2>
      <p>
        Give this to the agency now: it is shown <strong>only once</strong>. Making another replaces it.
      </p>
      <div class="field">
        <label for="wire-secret-value">Secret</label>
        <div class="inline-action">
          <input id="wire-secret-value" readOnly value={props.secret.secret} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" onClick={() => copy('Secret', props.secret.secret)}>
            Copy secret
          </button>
        </div>
      </div>
      <div class="field">
        <label for="wire-secret-url">Push URL</label>
        <div class="inline-action">
          <input id="wire-secret-url" readOnly value={props.secret.pushUrl} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" onClick={() => copy('Push URL', props.secret.pushUrl)}>
            Copy URL
          </button>
        </div>
      </div>
      <p class="hint">
        The agency POSTs each file to the URL with the header <code>X-Dateline-Signature: sha256=&lt;hex HMAC-SHA256 of the body with the secret&gt;</code>.
      </p>
      {copied && <StatusNote>{copied}</StatusNote>}
      <button type="button" onClick={props.onDone}>
        Done
      </button>
    </section>
  );
}

function SourceRow(props: { source: WireSourceView; onEdit: () => void; onChanged: () => void; onSecret: (s: Secret) => void }): JSX.Element {
  const { source } = props;
  const [confirming, setConfirming] = useState(false);
  const [ran, setRan] = useState<string | null>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirm.current?.focus();
  }, [confirming]);
  const run = useAction(async () => {
    setRan(null);
    setRan(runSummary(await api<WireRunReport>('POST', `/admin/wire/sources/${source.id}/run`)));
    props.onChanged();
  });
  const secret = useAction(async () => {
    const res = await api<{ secret: string }>('POST', `/admin/wire/sources/${source.id}/secret`);
    props.onSecret({ sourceId: source.id, name: source.name, secret: res.secret, pushUrl: pushUrlOf(source) });
    props.onChanged();
  });
  const remove = useAction(async () => {
    await api('DELETE', `/admin/wire/sources/${source.id}`);
    props.onChanged();
  });
  const where = source.kind === 'folder' ? source.folderPath : source.kind === 'poll' ? source.feedUrl : source.hasSecret ? 'Secret set' : 'No secret yet';
  return (
    <tr class={source.enabled ? undefined : 'inactive'}>
      <td>
        <strong>{source.name}</strong>
        <br />
        <small class="muted">
          {source.agency}
          {source.credit !== source.agency && ` · credit “${source.credit}”`}
        </small>
      </td>
      <td data-label="Kind">
        {KINDS.find((k) => k.value === source.kind)?.label ?? source.kind}
        <br />
        <small class="muted wire-where">{where}</small>
      </td>
      <td data-label="Enabled">{source.enabled ? 'Yes' : 'No'}</td>
      <td data-label="Rules">{source.rules.length === 0 ? 'None' : source.rules.length}</td>
      <td data-label="Status">
        {statusLine(source.status, dateTime)}
        {source.status.lastError && <p class="error">{source.status.lastError}</p>}
        {ran && <StatusNote>{ran}</StatusNote>}
      </td>
      <td>
        <div class="actions">
          <button type="button" onClick={props.onEdit}>
            Edit<span class="visually-hidden"> {source.name}</span>
          </button>
          {source.kind !== 'push' && (
            <button type="button" disabled={run.busy || !source.enabled} onClick={() => void run.run()}>
              {run.busy ? 'Running…' : 'Run now'}
              <span class="visually-hidden"> {source.name}</span>
            </button>
          )}
          {source.kind === 'push' && (
            <button type="button" disabled={secret.busy} onClick={() => void secret.run()}>
              New push secret<span class="visually-hidden"> for {source.name}</span>
            </button>
          )}
          {confirming ? (
            <span class="inline-action" role="group" aria-label={`Delete ${source.name}?`}>
              <span>Delete {source.name}? Its items stay.</span>
              <button type="button" class="danger" disabled={remove.busy} onClick={() => void remove.run()} ref={confirm}>
                Yes, delete
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button type="button" class="danger" onClick={() => setConfirming(true)}>
              Delete<span class="visually-hidden"> {source.name}</span>
            </button>
          )}
        </div>
        <ErrorNote error={run.error ?? secret.error ?? remove.error} />
      </td>
    </tr>
  );
}

export function SourcesScreen(): JSX.Element {
  const [sources, setSources] = useState<WireSourceView[] | null>(null);
  const [sections, setSections] = useState<Section[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<WireSourceView | 'new' | null>(null);
  const [secret, setSecret] = useState<Secret | null>(null);

  const load = useCallback(() => {
    api<{ items: WireSourceView[] } | WireSourceView[]>('GET', '/admin/wire/sources').then(
      (r) => {
        setSources(Array.isArray(r) ? r : r.items);
        setError(null);
      },
      (err: unknown) => setError(messageOf(err)),
    );
  }, []);
  useEffect(() => {
    load();
    api<{ items: Section[] }>('GET', '/admin/sections').then((r) => setSections(r.items), (err: unknown) => setError(messageOf(err)));
  }, [load]);

  return (
    <section class="wire-sources">
      <p>
        <a href="/newsroom/wire">← Wire</a>
      </p>
      <div class="screen__head">
        <h1>Wire sources</h1>
        {editing === null && (
          <button type="button" class="primary" onClick={() => setEditing('new')}>
            Add a source
          </button>
        )}
      </div>
      {secret && <SecretBox secret={secret} onDone={() => setSecret(null)} />}
      {editing !== null && (
        <SourceEditor
          key={editing === 'new' ? 'new' : editing.id}
          source={editing === 'new' ? null : editing}
          sections={sections}
          onSaved={() => {
            setEditing(null);
            load();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <ErrorNote error={error} />
      {sources === null ? (
        !error && <StatusNote>Loading the sources…</StatusNote>
      ) : sources.length === 0 ? (
        <StatusNote>No sources yet. Add the agencies’ drop folders, feeds or push endpoints.</StatusNote>
      ) : (
        <table class="wire-source-table">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Kind</th>
              <th scope="col">Enabled</th>
              <th scope="col">Rules</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <SourceRow key={s.id} source={s} onEdit={() => setEditing(s)} onChanged={load} onSecret={setSecret} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
