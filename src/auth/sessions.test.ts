import { describe, expect, it } from 'vitest';
import { MemoryAuthStore } from './memory-auth-store.js';
import { DEFAULT_SESSION_POLICY, endSession, hashSessionId, resumeSession, startSession } from './sessions.js';

const T0 = Date.UTC(2026, 0, 5, 8);
const MIN = 60_000;

describe('sessions', () => {
  it('gives a random 256-bit id and keeps only its hash', async () => {
    const store = new MemoryAuthStore();
    const a = await startSession(store, 'u1', '10.0.0.5', T0);
    const b = await startSession(store, 'u1', '10.0.0.5', T0);
    expect(a.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.sessionId).not.toBe(b.sessionId);
    expect(store.sessions.has(hashSessionId(a.sessionId))).toBe(true);
    expect(JSON.stringify([...store.sessions.values()])).not.toContain(a.sessionId);
  });

  it('resumes a live session', async () => {
    const store = new MemoryAuthStore();
    const { sessionId } = await startSession(store, 'u1', null, T0);
    expect(await resumeSession(store, sessionId, T0 + 10 * MIN)).toMatchObject({ ok: true, session: { userId: 'u1' } });
  });

  it('ends a session idle for the idle timeout, and deletes it', async () => {
    const store = new MemoryAuthStore();
    const { sessionId } = await startSession(store, 'u1', null, T0);
    const idle = DEFAULT_SESSION_POLICY.idleTimeoutSec * 1000;
    expect((await resumeSession(store, sessionId, T0 + idle - MIN)).ok).toBe(true);
    // The touch above moved last-seen on, so the idle clock restarted there.
    expect((await resumeSession(store, sessionId, T0 + 2 * idle - 2 * MIN)).ok).toBe(true);
    expect(await resumeSession(store, sessionId, T0 + 3 * idle)).toEqual({ ok: false, refusal: 'idle-expired' });
    expect(store.sessions.size).toBe(0);
  });

  it('ends a session at the absolute timeout however active it is', async () => {
    const store = new MemoryAuthStore();
    const { sessionId } = await startSession(store, 'u1', null, T0);
    const absolute = DEFAULT_SESSION_POLICY.absoluteTimeoutSec * 1000;
    for (let t = T0; t < T0 + absolute; t += 10 * MIN) expect((await resumeSession(store, sessionId, t)).ok).toBe(true);
    expect(await resumeSession(store, sessionId, T0 + absolute)).toEqual({ ok: false, refusal: 'absolute-expired' });
  });

  it('replaces the previous session at login (no fixation)', async () => {
    const store = new MemoryAuthStore();
    const old = await startSession(store, 'u1', null, T0);
    const fresh = await startSession(store, 'u1', null, T0 + MIN, old.sessionId);
    expect(await resumeSession(store, old.sessionId, T0 + 2 * MIN)).toEqual({ ok: false, refusal: 'unknown' });
    expect((await resumeSession(store, fresh.sessionId, T0 + 2 * MIN)).ok).toBe(true);
    expect(fresh.csrfToken).not.toBe(old.csrfToken);
  });

  it('refuses missing, malformed and unknown ids, and logout ends the session', async () => {
    const store = new MemoryAuthStore();
    const { sessionId } = await startSession(store, 'u1', null, T0);
    expect(await resumeSession(store, null, T0)).toEqual({ ok: false, refusal: 'missing' });
    for (const bad of ['', 'x', `${sessionId}x`, 'A'.repeat(100_000), `${sessionId.slice(0, 42)}\u0000`]) {
      expect(await resumeSession(store, bad, T0)).toEqual({ ok: false, refusal: 'unknown' });
    }
    await endSession(store, sessionId);
    await endSession(store, 'garbage');
    expect(await resumeSession(store, sessionId, T0)).toEqual({ ok: false, refusal: 'unknown' });
  });
});
