import { describe, expect, it } from 'vitest';
import { AppError } from '../util/app-error.js';
import { startSession } from './sessions.js';
import { CLI_ORIGIN, GOOD_PASSWORD, testAuth } from './test-support/auth-fixtures.js';
import { changePassword, changeUser, createUser } from './users.js';
import { verifyPassword } from './password-hash.js';

describe('createUser', () => {
  it('stores the canonical name, the role and an argon2id hash, and audits it without the password', async () => {
    const auth = testAuth();
    const user = await createUser(auth, { name: 'Alice', role: 'admin', password: GOOD_PASSWORD }, CLI_ORIGIN);
    expect(user).toMatchObject({ name: 'alice', role: 'admin', disabled: false });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await verifyPassword(user.passwordHash, GOOD_PASSWORD)).ok).toBe(true);
    expect(auth.store.audit).toHaveLength(1);
    expect(auth.store.audit[0]).toMatchObject({ action: 'user-created', target: 'user:alice', detail: { role: 'admin' } });
    expect(JSON.stringify(auth.store.audit)).not.toContain(GOOD_PASSWORD);
    expect(JSON.stringify(auth.store.audit)).not.toContain(user.passwordHash);
  });

  it('refuses a weak password with every reason, a bad name and a taken name', async () => {
    const auth = testAuth();
    await expect(createUser(auth, { name: 'alice', role: 'viewer', password: 'alice' }, CLI_ORIGIN)).rejects.toThrow(
      /at least 12 characters; password must not contain the user name/,
    );
    await expect(createUser(auth, { name: '-x', role: 'viewer', password: GOOD_PASSWORD }, CLI_ORIGIN)).rejects.toBeInstanceOf(AppError);
    await createUser(auth, { name: 'alice', role: 'viewer', password: GOOD_PASSWORD }, CLI_ORIGIN);
    await expect(createUser(auth, { name: 'ALICE', role: 'admin', password: GOOD_PASSWORD }, CLI_ORIGIN)).rejects.toThrow(/already exists/);
    expect(auth.store.users.size).toBe(1);
  });
});

describe('changing a user', () => {
  it('a new password replaces the hash and ends every session of the user', async () => {
    const auth = testAuth();
    const user = await createUser(auth, { name: 'alice', role: 'analyst', password: GOOD_PASSWORD }, CLI_ORIGIN);
    await startSession(auth.store, user.id, null, auth.now());
    await changePassword(auth, user.id, 'a whole new passphrase here', CLI_ORIGIN);
    const stored = auth.store.users.get(user.id);
    expect((await verifyPassword(stored?.passwordHash ?? null, 'a whole new passphrase here')).ok).toBe(true);
    expect(auth.store.sessions.size).toBe(0);
    await expect(changePassword(auth, user.id, 'short', CLI_ORIGIN)).rejects.toThrow(/12 characters/);
    await expect(changePassword(auth, 'no-such-id', GOOD_PASSWORD, CLI_ORIGIN)).rejects.toThrow(/no such user/);
  });

  it('a role change or a disable ends the sessions and is audited', async () => {
    const auth = testAuth();
    const user = await createUser(auth, { name: 'alice', role: 'admin', password: GOOD_PASSWORD }, CLI_ORIGIN);
    await startSession(auth.store, user.id, null, auth.now());
    await changeUser(auth, user.id, { role: 'viewer' }, CLI_ORIGIN);
    expect(auth.store.users.get(user.id)?.role).toBe('viewer');
    expect(auth.store.sessions.size).toBe(0);
    expect(auth.store.audit.at(-1)).toMatchObject({ action: 'user-changed', detail: { role: 'viewer' } });
  });
});
