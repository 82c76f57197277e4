/** Staff accounts (administrators only): who has access, with which role; add people, change roles, deactivate. */
import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { PASSWORD_MIN, useSession, type StaffUser } from '../session.js';
import { ErrorNote, Field, SelectField, StatusNote } from '../ui/forms.js';
import { messageOf, useAction } from '../ui/use-action.js';
import { ROLE_OPTIONS, roleLabel } from './roles.js';

function UserRow(props: { user: StaffUser; self: boolean; onChanged: (u: StaffUser) => void }): JSX.Element {
  const { user } = props;
  const patch = useAction(async (change: Partial<Pick<StaffUser, 'role' | 'active'>>) => {
    props.onChanged(await api<StaffUser>('PATCH', `/admin/users/${user.id}`, change));
  });
  const active = user.active !== false;
  return (
    <tr class={active ? undefined : 'inactive'}>
      <td>
        <strong>{user.name}</strong>
        {props.self && <small class="muted"> (you)</small>}
        <br />
        <small class="muted">{user.email}</small>
      </td>
      <td data-label="Role">
        <label class="visually-hidden" for={`role-${user.id}`}>
          Role of {user.name}
        </label>
        <select id={`role-${user.id}`} value={user.role} disabled={patch.busy || props.self} onChange={(e) => void patch.run({ role: e.currentTarget.value })}>
          {ROLE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </td>
      <td data-label="Status">{active ? 'Active' : 'Deactivated'}</td>
      <td data-label="Last sign-in">{user.lastLoginAt ? new Date(user.lastLoginAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }) : 'Never'}</td>
      <td>
        {!props.self && (
          <button type="button" class={active ? 'danger' : undefined} disabled={patch.busy} onClick={() => void patch.run({ active: !active })}>
            {active ? 'Deactivate' : 'Reactivate'}
          </button>
        )}
        <ErrorNote error={patch.error} />
      </td>
    </tr>
  );
}

function CreateUser(props: { onCreated: (u: StaffUser) => void }): JSX.Element {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('reporter');
  const [password, setPassword] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const create = useAction(async () => {
    setCreated(null);
    const user = await api<StaffUser>('POST', '/admin/users', { name: name.trim(), email: email.trim(), role, password });
    props.onCreated(user);
    setCreated(`${user.name} can now sign in as ${roleLabel(user.role)}.`);
    setName('');
    setEmail('');
    setPassword('');
  });
  const blame = (field: string): string | null => (create.field === field ? create.error : null);
  return (
    <form
      class="card"
      aria-labelledby="new-user-title"
      onSubmit={(e) => {
        e.preventDefault();
        void create.run();
      }}
    >
      <h2 id="new-user-title">Add a staff member</h2>
      <Field label="Name" required value={name} onValue={setName} error={blame('name')} />
      <Field label="Email" type="email" required value={email} onValue={setEmail} error={blame('email')} />
      <SelectField label="Role" value={role} onValue={setRole} options={ROLE_OPTIONS} />
      <Field
        label="Initial password"
        type="password"
        autocomplete="new-password"
        required
        minLength={PASSWORD_MIN}
        value={password}
        onValue={setPassword}
        hint={`At least ${PASSWORD_MIN} characters. Tell them in person; they can change it under Account.`}
        error={blame('password')}
      />
      <button type="submit" class="primary" disabled={create.busy}>
        Add staff member
      </button>
      <ErrorNote error={create.field && ['name', 'email', 'password'].includes(create.field) ? null : create.error} />
      {created && <StatusNote>{created}</StatusNote>}
    </form>
  );
}

export function UsersScreen(): JSX.Element {
  const session = useSession();
  const [users, setUsers] = useState<StaffUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api<{ items: StaffUser[] }>('GET', '/admin/users').then(
      (r) => setUsers(r.items),
      (err: unknown) => setError(messageOf(err)),
    );
  }, []);
  useEffect(load, [load]);
  const replace = (u: StaffUser): void => setUsers((cur) => (cur ?? []).map((x) => (x.id === u.id ? u : x)));

  return (
    <section class="users">
      <h1>Users</h1>
      <ErrorNote error={error} />
      <div class="two-col two-col--wide">
        <div>
          {users === null ? (
            !error && <StatusNote>Loading staff…</StatusNote>
          ) : (
            <table class="user-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last sign-in</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <UserRow key={u.id} user={u} self={u.id === session.user.id} onChanged={replace} />
                ))}
              </tbody>
            </table>
          )}
        </div>
        <CreateUser onCreated={(u) => setUsers((cur) => [...(cur ?? []), u])} />
      </div>
    </section>
  );
}
