/**
 * Console sessions: a random id in a cookie, stored only as its SHA-256, ended by idle and absolute timeouts (OWASP
 * Session Management Cheat Sheet, "Session Expiration"), replaced by a new id at every login (same sheet, "Renew the
 * Session ID After Any Privilege Level Change", against session fixation).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SessionRecord, SessionStore } from './auth-store.js';
import { csrfTokenFor } from './csrf.js';

export interface SessionPolicy {
  /** Ended after this long without a request. */
  readonly idleTimeoutSec: number;
  /** Ended this long after login, however active. */
  readonly absoluteTimeoutSec: number;
}

/**
 * OWASP suggests 2-5 minutes idle for high-value applications and 15-30 for low-risk ones; wardwatch shows risk data,
 * not PHI, and a biomed engineer works beside it, so 30 minutes idle and 8 hours (a shift) absolute.
 */
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleTimeoutSec: 30 * 60, absoluteTimeoutSec: 8 * 60 * 60 };

// Writing last-seen on every request would make every read a write; a minute of slack on a 30-minute timeout is fine.
const TOUCH_EVERY_MS = 60_000;

const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface StartedSession {
  /** The cookie value: never stored, never logged. */
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly record: SessionRecord;
}

export function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId, 'utf8').digest('hex');
}

/** A new session for `userId`; ends `previousSessionId` (the cookie the browser came with) if there was one. */
export async function startSession(
  store: SessionStore,
  userId: string,
  from: string | null,
  nowMs: number,
  previousSessionId?: string | null,
): Promise<StartedSession> {
  if (typeof previousSessionId === 'string' && SESSION_ID_PATTERN.test(previousSessionId)) {
    await store.deleteSession(hashSessionId(previousSessionId));
  }
  const sessionId = randomBytes(32).toString('base64url'); // 256 bits (OWASP: at least 64 bits of entropy)
  const record: SessionRecord = { idHash: hashSessionId(sessionId), userId, createdAtMs: nowMs, lastSeenAtMs: nowMs, from };
  await store.insertSession(record);
  return { sessionId, csrfToken: csrfTokenFor(sessionId), record };
}

export type SessionRefusal = 'missing' | 'unknown' | 'idle-expired' | 'absolute-expired';

export type SessionResumption = { ok: true; session: SessionRecord } | { ok: false; refusal: SessionRefusal };

/** The live session a cookie value names; an expired one is deleted. */
export async function resumeSession(
  store: SessionStore,
  sessionId: string | null,
  nowMs: number,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<SessionResumption> {
  if (sessionId === null) return { ok: false, refusal: 'missing' };
  if (!SESSION_ID_PATTERN.test(sessionId)) return { ok: false, refusal: 'unknown' };
  const idHash = hashSessionId(sessionId);
  const session = await store.findSession(idHash);
  if (session === undefined) return { ok: false, refusal: 'unknown' };
  const refusal = expiry(session, nowMs, policy);
  if (refusal !== null) {
    await store.deleteSession(idHash);
    return { ok: false, refusal };
  }
  if (nowMs - session.lastSeenAtMs >= TOUCH_EVERY_MS) await store.touchSession(idHash, nowMs);
  return { ok: true, session };
}

function expiry(session: SessionRecord, nowMs: number, policy: SessionPolicy): SessionRefusal | null {
  if (nowMs - session.createdAtMs >= policy.absoluteTimeoutSec * 1000) return 'absolute-expired';
  if (nowMs - session.lastSeenAtMs >= policy.idleTimeoutSec * 1000) return 'idle-expired';
  return null;
}

/** Logout. Harmless for an unknown or malformed id. */
export async function endSession(store: SessionStore, sessionId: string | null): Promise<void> {
  if (sessionId !== null && SESSION_ID_PATTERN.test(sessionId)) await store.deleteSession(hashSessionId(sessionId));
}
