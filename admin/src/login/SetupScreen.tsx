/**
 * First start: the setup link (/newsroom/setup#token=…, printed by the server)
 * creates the first administrator. The token sits in the fragment so it never
 * reaches a server log or a Referer header.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { PASSWORD_HINT, PASSWORD_MIN, setUp, type Session } from '../session.js';
import { ErrorNote, Field } from '../ui/forms.js';
import { useAction } from '../ui/use-action.js';

export function setupToken(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}

export function SetupScreen(props: { onSignedIn: (session: Session) => void }): JSX.Element {
  const [token] = useState(() => setupToken(location.hash));
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState<string | null>(null);
  const setup = useAction(async () => props.onSignedIn(await setUp({ token, name: name.trim(), email: email.trim(), password })));
  const blame = (field: string): string | null => (setup.field === field ? setup.error : null);

  if (!token) {
    return (
      <main class="centered">
        <section class="card auth">
          <h1>Set up the newsroom</h1>
          <p class="error" role="alert">
            This address has no setup token. Use the full setup link the server printed when it first started.
          </p>
        </section>
      </main>
    );
  }
  return (
    <main class="centered">
      <form
        class="card auth"
        onSubmit={(e) => {
          e.preventDefault();
          if (password !== confirm) {
            setMismatch('The two passwords are different.');
            return;
          }
          setMismatch(null);
          void setup.run();
        }}
      >
        <h1>Set up the newsroom</h1>
        <p>Create the first administrator account.</p>
        <Field label="Name" autocomplete="name" required value={name} onValue={setName} error={blame('name')} />
        <Field label="Email" type="email" autocomplete="username" required value={email} onValue={setEmail} error={blame('email')} />
        <Field label="Password" type="password" autocomplete="new-password" required minLength={PASSWORD_MIN} hint={PASSWORD_HINT} value={password} onValue={setPassword} error={blame('password')} />
        <Field label="Confirm password" type="password" autocomplete="new-password" required value={confirm} onValue={setConfirm} error={mismatch} />
        <button type="submit" class="primary" disabled={setup.busy}>
          {setup.busy ? 'Creating…' : 'Create account'}
        </button>
        <ErrorNote error={setup.field && ['name', 'email', 'password'].includes(setup.field) ? null : setup.error} />
      </form>
    </main>
  );
}
