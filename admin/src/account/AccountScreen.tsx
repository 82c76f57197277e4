/** One's own account: where one is signed in (sign any of them out) and a new password. */
import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, sessionEnded } from '../api.js';
import { PASSWORD_HINT, PASSWORD_MIN, useSession } from '../session.js';
import { ErrorNote, Field, StatusNote } from '../ui/forms.js';
import { messageOf, useAction } from '../ui/use-action.js';
import { describeAgent } from './agent.js';

interface SessionRow {
  id: string | number;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  ip: string | null;
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

function SessionItem(props: { row: SessionRow; onGone: () => void }): JSX.Element {
  const { row } = props;
  const end = useAction(async () => {
    await api('DELETE', `/admin/account/sessions/${encodeURIComponent(String(row.id))}`);
    if (row.current) sessionEnded();
    else props.onGone();
  });
  return (
    <li class="session">
      <div>
        <strong>{describeAgent(row.userAgent)}</strong>
        {row.current && <span class="badge badge--ready session__here">This browser</span>}
        <br />
        <small class="muted">
          {row.ip ?? 'unknown address'} · signed in {when(row.createdAt)} · last seen {when(row.lastSeenAt)}
        </small>
      </div>
      <div class="inline-action">
        <button type="button" disabled={end.busy} onClick={() => void end.run()}>
          Sign out
        </button>
        <ErrorNote error={end.error} />
      </div>
    </li>
  );
}

function Sessions(props: { reloadKey: number }): JSX.Element {
  const [rows, setRows] = useState<SessionRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api<{ items: SessionRow[] }>('GET', '/admin/account/sessions').then(
      (r) => {
        setRows(r.items);
        setError(null);
      },
      (err: unknown) => setError(messageOf(err)),
    );
  }, []);
  useEffect(load, [load, props.reloadKey]);
  return (
    <section class="card">
      <h2>Where you are signed in</h2>
      <ErrorNote error={error} />
      {rows === null ? (
        !error && <StatusNote>Loading sessions…</StatusNote>
      ) : (
        <ul class="sessions">
          {rows.map((r) => (
            <SessionItem key={r.id} row={r} onGone={load} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PasswordForm(props: { onChanged: () => void }): JSX.Element {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const change = useAction(async () => {
    await api('POST', '/admin/account/password', { currentPassword: current, newPassword: next });
    setCurrent('');
    setNext('');
    setConfirm('');
    setDone(true);
    props.onChanged();
  });
  const blame = (field: string): string | null => (change.field === field ? change.error : null);
  return (
    <form
      class="card"
      aria-labelledby="password-title"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(false);
        if (next !== confirm) {
          setMismatch('The two new passwords are different.');
          return;
        }
        setMismatch(null);
        void change.run();
      }}
    >
      <h2 id="password-title">Change password</h2>
      <Field label="Current password" type="password" autocomplete="current-password" required value={current} onValue={setCurrent} error={blame('currentPassword')} />
      <Field label="New password" type="password" autocomplete="new-password" required minLength={PASSWORD_MIN} hint={PASSWORD_HINT} value={next} onValue={setNext} error={blame('newPassword')} />
      <Field label="Confirm new password" type="password" autocomplete="new-password" required value={confirm} onValue={setConfirm} error={mismatch} />
      <button type="submit" class="primary" disabled={change.busy}>
        Change password
      </button>
      <ErrorNote error={change.field === 'currentPassword' || change.field === 'newPassword' ? null : change.error} />
      {done && <StatusNote>Password changed. Your other sessions were signed out.</StatusNote>}
    </form>
  );
}

export function AccountScreen(): JSX.Element {
  const { user } = useSession();
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <section class="account">
      <h1>Account</h1>
      <p>
        {user.name} · {user.email} · <span class="role">{user.role}</span>
      </p>
      <div class="two-col">
        <Sessions reloadKey={reloadKey} />
        <PasswordForm onChanged={() => setReloadKey((k) => k + 1)} />
      </div>
    </section>
  );
}
