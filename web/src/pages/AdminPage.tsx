/**
 * Users, for an admin only (the navigation offers it to no one else, and the API refuses anyone else): who may log
 * in with which role, a new user with a password the server's policy accepts, a role changed, a user removed.
 * Changing a role or removing a user ends that user's sessions on the server.
 */
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { request } from '../api/client.js';
import type { Role } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { shortTime } from '../components/labels.js';
import { Pending } from '../components/Status.js';
import { useSignedIn } from '../session.js';

interface UserListing {
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  passwordChangedAt: string;
}

const ROLE_CHOICES: readonly Role[] = ['viewer', 'analyst', 'admin'];

export function AdminPage(): ReactNode {
  const session = useSignedIn();
  const [version, setVersion] = useState(0);
  const users = useApi<{ users: UserListing[] }>('/api/users', version);
  const [message, setMessage] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [password, setPassword] = useState('');

  const run = (what: string, call: Promise<unknown>): void => {
    setMessage(null);
    call.then(() => { setMessage(`${what}.`); setVersion((v) => v + 1); }, (err: unknown) => { setMessage(`Not done: ${err instanceof Error ? err.message : String(err)}`); });
  };
  const add = (e: SyntheticEvent): void => {
    e.preventDefault();
    run(`User ${name.trim()} added`, request('/api/users', { method: 'POST', body: { name: name.trim(), role, password } }).then(() => { setName(''); setPassword(''); }));
  };
  const path = (user: string): string => `/api/users/${encodeURIComponent(user)}`;

  return (
    <section className="admin">
      <h1>Users</h1>
      {message !== null && <p className="notice" role="status">{message}</p>}
      <Pending loaded={users} what="users" />
      {users.state === 'ok' && (
        <table className="plain">
          <thead><tr><th scope="col">User</th><th scope="col">Role</th><th scope="col">Created</th><th scope="col">Password changed</th><th scope="col"><span className="sr-only">Actions</span></th></tr></thead>
          <tbody>{users.data.users.map((u) => (
            <tr key={u.name}>
              <td>{u.name}{u.disabled ? ' (disabled)' : ''}</td>
              <td>
                <select aria-label={`Role of ${u.name}`} value={u.role} disabled={u.name === session.user}
                  onChange={(e) => { run(`${u.name} is now ${e.target.value}`, request(`${path(u.name)}/role`, { method: 'PUT', body: { role: e.target.value } })); }}>
                  {ROLE_CHOICES.map((r) => <option key={r} value={r}>{r}</option>)}
                </select>
              </td>
              <td>{shortTime(u.createdAt)}</td>
              <td>{shortTime(u.passwordChangedAt)}</td>
              <td>
                {u.name !== session.user && (
                  <button type="button" onClick={() => { if (window.confirm(`Remove ${u.name}? Their sessions end now.`)) run(`${u.name} removed`, request(path(u.name), { method: 'DELETE' })); }}>Remove</button>
                )}
              </td>
            </tr>
          ))}</tbody>
        </table>
      )}
      <form className="card add-user" onSubmit={add}>
        <h2>Add a user</h2>
        <div className="register-fields">
          <label>User name <input type="text" required maxLength={64} autoComplete="off" value={name} onChange={(e) => { setName(e.target.value); }} /></label>
          <label>Role
            <select value={role} onChange={(e) => { setRole(e.target.value as Role); }}>
              {ROLE_CHOICES.map((r) => <option key={r} value={r}>{r}</option>)}
            </select>
          </label>
          <label>Password <input type="password" required autoComplete="new-password" value={password} onChange={(e) => { setPassword(e.target.value); }} /></label>
        </div>
        <button type="submit" className="primary">Add user</button>
      </form>
    </section>
  );
}
