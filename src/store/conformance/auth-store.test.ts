/**
 * Store conformance, auth: the AuthStore suite of src/auth run on the Kysely store over both dialects, plus what only
 * a database can promise: the audit log refuses UPDATE and DELETE, pruning removes exactly what no timeout keeps.
 */
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { describeAuthStoreConformance } from '../../auth/auth-store.case.js';
import { auditEvent, AuditAction } from '../../auth/audit-event.js';
import { openInventoryDb } from '../inventory-db.js';
import type { InventoryDb } from '../sqlite/inventory/schema.js';
import { SqlAuthStore } from '../auth-store-sql.js';
import { STORE_DIALECTS, useDialect } from './dialects.js';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA';

for (const d of STORE_DIALECTS) {
  describe.skipIf(d.gate.skip)(`auth store on ${d.name}`, () => {
    useDialect(d);
    const opened: Kysely<InventoryDb>[] = [];
    async function open(): Promise<{ db: Kysely<InventoryDb>; store: SqlAuthStore }> {
      const db = await openInventoryDb(d.newDatabase());
      opened.push(db);
      return { db, store: SqlAuthStore.over(db) };
    }
    afterEach(async () => { for (const db of opened.splice(0)) await db.destroy(); });

    describeAuthStoreConformance(`SqlAuthStore on ${d.name}`, async () => (await open()).store);

    it('keeps the audit log append-only: UPDATE and DELETE raise, rows stay', async () => {
      const { db, store } = await open();
      await store.appendAudit(auditEvent({
        atMs: Date.parse('2026-12-01T10:00:00Z'), actor: { kind: 'system', name: 'root', role: null },
        action: AuditAction.UserCreated, target: 'user:alice', outcome: 'success', detail: { role: 'admin', password: 'x' },
      }));
      await expect(sql`UPDATE audit_log SET outcome = 'failure'`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/);
      const rows = await store.listAudit();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        seq: 1, at: '2026-12-01T10:00:00.000Z', actor: { kind: 'system', name: 'root', role: null },
        action: 'user-created', target: 'user:alice', from: null, outcome: 'success', detail: { role: 'admin' }, redacted: ['password'],
      });
    });

    it('lists the audit log from a time on, oldest first', async () => {
      const { store } = await open();
      for (const [i, at] of ['2026-12-01T10:00:00Z', '2026-12-02T10:00:00Z', '2026-12-03T10:00:00Z'].entries()) {
        await store.appendAudit(auditEvent({
          atMs: Date.parse(at), actor: { kind: 'user', name: `u${i}`, role: 'admin' }, action: AuditAction.Login, outcome: 'success',
        }));
      }
      expect((await store.listAudit({ sinceIso: '2026-12-02T00:00:00.000Z' })).map((e) => e.actor.name)).toEqual(['u1', 'u2']);
    });

    it('refuses a user name that is not lower-case and a role outside the three', async () => {
      const { store } = await open();
      const user = { id: 'u1', name: 'Alice', role: 'viewer' as const, passwordHash: HASH, disabled: false, createdAtMs: 1, passwordChangedAtMs: 1 };
      await expect(store.insertUser(user)).rejects.toThrow();
      await expect(store.insertUser({ ...user, name: 'alice', role: 'root' as unknown as 'viewer' })).rejects.toThrow();
      expect(await store.listUsers()).toEqual([]);
    });

    it('prunes sessions past either timeout and throttle rows nobody is blocked by, keeping the rest', async () => {
      const { store } = await open();
      await store.insertUser({ id: 'u1', name: 'alice', role: 'viewer', passwordHash: HASH, disabled: false, createdAtMs: 1, passwordChangedAtMs: 1 });
      await store.insertSession({ idHash: 'idle', userId: 'u1', createdAtMs: 900, lastSeenAtMs: 100, from: null });
      await store.insertSession({ idHash: 'old', userId: 'u1', createdAtMs: 10, lastSeenAtMs: 950, from: null });
      await store.insertSession({ idHash: 'live', userId: 'u1', createdAtMs: 900, lastSeenAtMs: 950, from: '10.0.0.1' });
      await store.putThrottle('stale', { failures: 3, windowStartMs: 100, blockedUntilMs: 200 });
      await store.putThrottle('blocked', { failures: 9, windowStartMs: 100, blockedUntilMs: 5000 });
      await store.putThrottle('recent', { failures: 1, windowStartMs: 900, blockedUntilMs: 0 });
      const result = await store.prune({ sessionsIdleBeforeMs: 500, sessionsCreatedBeforeMs: 500, attemptsBeforeMs: 500, nowMs: 1000 });
      expect(result).toEqual({ sessions: 2, loginAttempts: 1 });
      expect(await store.findSession('live')).toMatchObject({ from: '10.0.0.1', lastSeenAtMs: 950 });
      expect(await store.getThrottle('stale')).toBeUndefined();
      expect(await store.getThrottle('blocked')).toMatchObject({ failures: 9 });
      expect(await store.getThrottle('recent')).toMatchObject({ failures: 1 });
    });
  });
}
