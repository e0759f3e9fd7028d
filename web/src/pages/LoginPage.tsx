/** Log in with a user name and password (POST /api/login); wrong credentials and throttling each get their own plain answer. */
import { useState, type SyntheticEvent, type ReactNode } from 'react';
import { ApiError } from '../api/client.js';
import { useSession } from '../session.js';

function explain(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'unauthorized') return 'That user name and password do not match.';
    if (err.code === 'rate-limited') return 'Too many attempts. Wait a few minutes, then try again.';
    if (err.status === 404) return 'This server does not offer console login.';
    return err.message;
  }
  return 'The server cannot be reached.';
}

export function LoginPage({ notice }: { notice: string | null }): ReactNode {
  const { login } = useSession();
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (e: SyntheticEvent): void => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    login(user.trim(), password).catch((err: unknown) => {
      setError(explain(err));
      setPassword('');
      setBusy(false);
    });
  };

  return (
    <main className="login" id="main">
      <form className="card login-card" onSubmit={submit} aria-describedby={error !== null ? 'login-error' : undefined}>
        <h1>wardwatch</h1>
        <p className="muted">Medical-device inventory, findings and segmentation</p>
        {notice !== null && <p className="notice" role="status">{notice}</p>}
        <label htmlFor="login-user">User name</label>
        <input id="login-user" name="user" autoComplete="username" required value={user} onChange={(e) => { setUser(e.target.value); }} />
        <label htmlFor="login-password">Password</label>
        <input id="login-password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => { setPassword(e.target.value); }} />
        {error !== null && <p id="login-error" className="error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Logging in…' : 'Log in'}</button>
      </form>
    </main>
  );
}
