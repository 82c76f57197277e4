/** Sign in with email and password; the API's own message (wrong details, locked out until …) shows under the form. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { signIn, type Session } from '../session.js';
import { ErrorNote, Field } from '../ui/forms.js';
import { useAction } from '../ui/use-action.js';

export function LoginScreen(props: { onSignedIn: (session: Session) => void }): JSX.Element {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useAction(async () => props.onSignedIn(await signIn(email.trim(), password)));
  return (
    <main class="centered">
      <form
        class="card auth"
        onSubmit={(e) => {
          e.preventDefault();
          void login.run();
        }}
      >
        <h1>Sign in to the newsroom</h1>
        <Field label="Email" type="email" autocomplete="username" required value={email} onValue={setEmail} />
        <Field label="Password" type="password" autocomplete="current-password" required value={password} onValue={setPassword} />
        <button type="submit" class="primary" disabled={login.busy}>
          {login.busy ? 'Signing in…' : 'Sign in'}
        </button>
        <ErrorNote error={login.error} />
      </form>
    </main>
  );
}
