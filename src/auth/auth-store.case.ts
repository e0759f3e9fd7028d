/**
 * The conformance suite every AuthStore runs (in-memory here; the SQLite and PostgreSQL stores import it into their
 * own tests), so all implementations agree on uniqueness, revocation and session deletion.
 */
import { describe, expect, it } from 'vitest';
import type { ApiTokenRecord, AuthStore, SessionRecord, UserRecord } from './auth-store.js';
import { auditEvent, AuditAction } from './audit-event.js';

const user = (id: string, name: string): UserRecord => ({
  id,
  name,
  role: 'viewer',
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  disabled: false,
  createdAtMs: 1,
  passwordChangedAtMs: 1,
});
const token = (id: string, tokenHash: string): ApiTokenRecord => ({
  id,
  name: 'siem',
  role: 'viewer',
  tokenHash,
  createdBy: null,
  createdAtMs: 1,
  expiresAtMs: null,
  revokedAtMs: null,
  lastUsedAtMs: null,
});
const session = (idHash: string, userId: string): SessionRecord => ({ idHash, userId, createdAtMs: 1, lastSeenAtMs: 1, from: null });

export function describeAuthStoreConformance(name: string, makeStore: () => Promise<AuthStore>): void {
  describe(`${name} (AuthStore conformance)`, () => {
    it('keeps user names unique and finds users by name and id', async () => {
      const store = await makeStore();
      expect(await store.insertUser(user('u1', 'alice'))).toBe(true);
      expect(await store.insertUser(user('u2', 'alice'))).toBe(false);
      expect((await store.findUserByName('alice'))?.id).toBe('u1');
      expect((await store.findUserById('u1'))?.name).toBe('alice');
      expect(await store.findUserByName('bob')).toBeUndefined();
      expect(await store.updateUser('u1', { role: 'admin', disabled: true })).toBe(true);
      expect(await store.findUserById('u1')).toMatchObject({ role: 'admin', disabled: true, name: 'alice' });
      expect(await store.updateUser('nope', { role: 'admin' })).toBe(false);
      expect(await store.listUsers()).toHaveLength(1);
    });

    it('deletes a user with their sessions, once', async () => {
      const store = await makeStore();
      await store.insertUser(user('u1', 'alice'));
      await store.insertUser(user('u2', 'bob'));
      await store.insertSession(session('h1', 'u1'));
      await store.insertSession(session('h2', 'u2'));
      expect(await store.deleteUser('u1')).toBe(true);
      expect(await store.deleteUser('u1')).toBe(false);
      expect(await store.findUserByName('alice')).toBeUndefined();
      expect(await store.findSession('h1')).toBeUndefined();
      expect((await store.findSession('h2'))?.userId).toBe('u2');
      expect(await store.insertUser(user('u3', 'alice'))).toBe(true);
    });

    it('finds tokens by hash, revokes once, records last use', async () => {
      const store = await makeStore();
      await store.insertToken(token('t1', 'a'.repeat(64)));
      expect((await store.findTokenByHash('a'.repeat(64)))?.id).toBe('t1');
      expect(await store.findTokenByHash('b'.repeat(64))).toBeUndefined();
      await store.touchToken('t1', 5);
      expect(await store.revokeToken('t1', 7)).toBe(true);
      expect(await store.revokeToken('t1', 8)).toBe(false);
      expect(await store.revokeToken('t9', 8)).toBe(false);
      expect(await store.findTokenByHash('a'.repeat(64))).toMatchObject({ revokedAtMs: 7, lastUsedAtMs: 5 });
      expect(await store.listTokens()).toHaveLength(1);
    });

    it('stores, touches and deletes sessions, one or all of a user', async () => {
      const store = await makeStore();
      // A session belongs to a user: the SQL stores hold that with a foreign key.
      await store.insertUser(user('u1', 'alice'));
      await store.insertUser(user('u2', 'bob'));
      await store.insertSession(session('h1', 'u1'));
      await store.insertSession(session('h2', 'u1'));
      await store.insertSession(session('h3', 'u2'));
      await store.touchSession('h1', 9);
      expect((await store.findSession('h1'))?.lastSeenAtMs).toBe(9);
      await store.deleteSession('h3');
      expect(await store.findSession('h3')).toBeUndefined();
      expect(await store.deleteUserSessions('u1')).toBe(2);
      expect(await store.findSession('h1')).toBeUndefined();
    });

    it('keeps throttle state per key and appends audit events', async () => {
      const store = await makeStore();
      await store.putThrottle('user:x', { failures: 2, windowStartMs: 1, blockedUntilMs: 3 });
      expect(await store.getThrottle('user:x')).toEqual({ failures: 2, windowStartMs: 1, blockedUntilMs: 3 });
      await store.deleteThrottle('user:x');
      expect(await store.getThrottle('user:x')).toBeUndefined();
      const event = auditEvent({ atMs: 0, actor: { kind: 'system', name: 'cli', role: null }, action: AuditAction.Login, outcome: 'success' });
      await expect(store.appendAudit(event)).resolves.toBeUndefined();
    });
  });
}
