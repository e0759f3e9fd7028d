/**
 * Login throttling per user name and per source address: a few free failures, then an exponentially growing wait,
 * then a lockout, all within an observation window (OWASP Authentication Cheat Sheet, "Account Lockout"; NIST SP
 * 800-63B §5.2.2 caps consecutive failures at 100). Every name is throttled the same way, whether or not a user has
 * it, so a 429 does not tell an attacker which names exist.
 */
import { createHash } from 'node:crypto';
import type { ThrottleState, ThrottleStore } from './auth-store.js';
import { throttleAddressKey } from './client-address.js';

export interface ThrottleRule {
  readonly windowSec: number;
  /** Failures within the window that cost nothing (typos). */
  readonly freeFailures: number;
  /** Wait after the first failure beyond the free ones; doubles with each further failure. */
  readonly baseDelaySec: number;
  readonly maxDelaySec: number;
  /** At this many failures within the window, the key is locked for `lockoutSec`. */
  readonly lockoutFailures: number;
  readonly lockoutSec: number;
}

/** One person guessing at one account. */
export const USER_NAME_RULE: ThrottleRule = {
  windowSec: 15 * 60,
  freeFailures: 3,
  baseDelaySec: 1,
  maxDelaySec: 60,
  lockoutFailures: 10,
  lockoutSec: 15 * 60,
};

/** One address spraying many accounts; looser, since a ward's NAT or a jump host puts many people behind one address. */
export const ADDRESS_RULE: ThrottleRule = {
  windowSec: 15 * 60,
  freeFailures: 10,
  baseDelaySec: 1,
  maxDelaySec: 60,
  lockoutFailures: 50,
  lockoutSec: 15 * 60,
};

export interface ThrottleKey {
  readonly key: string;
  readonly rule: ThrottleRule;
  /** Reset by a successful login (the user-name key; see recordLoginSuccess). */
  readonly resetOnSuccess: boolean;
}

/**
 * The keys a login attempt counts against. The user name is stored hashed: people type passwords into the name field,
 * and the throttle table must not collect them.
 */
export function throttleKeys(userName: string, from: string | null): ThrottleKey[] {
  const nameDigest = createHash('sha256').update(userName.toLowerCase(), 'utf8').digest('hex');
  const keys: ThrottleKey[] = [{ key: `user:${nameDigest}`, rule: USER_NAME_RULE, resetOnSuccess: true }];
  const address = from === null ? null : throttleAddressKey(from);
  if (address !== null) keys.push({ key: `addr:${address}`, rule: ADDRESS_RULE, resetOnSuccess: false });
  return keys;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSec: number };

/** Whether an attempt may be checked now; when not, the wait for a 429's Retry-After (whole seconds, at least 1). */
export async function checkThrottle(store: ThrottleStore, keys: readonly ThrottleKey[], nowMs: number): Promise<ThrottleDecision> {
  let blockedUntilMs = 0;
  for (const { key } of keys) {
    const state = await store.getThrottle(key);
    if (state !== undefined) blockedUntilMs = Math.max(blockedUntilMs, state.blockedUntilMs);
  }
  return blockedUntilMs > nowMs ? { allowed: false, retryAfterSec: waitSec(blockedUntilMs, nowMs) } : { allowed: true };
}

/** Counts a failed attempt against every key; returns the wait before the next attempt (0: none). */
export async function recordLoginFailure(store: ThrottleStore, keys: readonly ThrottleKey[], nowMs: number): Promise<number> {
  let blockedUntilMs = 0;
  for (const { key, rule } of keys) {
    const next = afterFailure(await store.getThrottle(key), rule, nowMs);
    await store.putThrottle(key, next);
    blockedUntilMs = Math.max(blockedUntilMs, next.blockedUntilMs);
  }
  return blockedUntilMs > nowMs ? waitSec(blockedUntilMs, nowMs) : 0;
}

/**
 * Clears the user-name key. The address key is left to expire with its window: otherwise an attacker holding one
 * valid account could log into it between guesses to reset the count for the accounts being sprayed.
 */
export async function recordLoginSuccess(store: ThrottleStore, keys: readonly ThrottleKey[]): Promise<void> {
  for (const { key, resetOnSuccess } of keys) if (resetOnSuccess) await store.deleteThrottle(key);
}

export function afterFailure(state: ThrottleState | undefined, rule: ThrottleRule, nowMs: number): ThrottleState {
  const fresh = state === undefined || nowMs - state.windowStartMs >= rule.windowSec * 1000;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartMs = fresh ? nowMs : state.windowStartMs;
  let delaySec = 0;
  if (failures >= rule.lockoutFailures) delaySec = rule.lockoutSec;
  else if (failures > rule.freeFailures) {
    delaySec = Math.min(rule.maxDelaySec, rule.baseDelaySec * 2 ** (failures - rule.freeFailures - 1));
  }
  // A lockout still running is never shortened by a new window.
  const blockedUntilMs = Math.max(state?.blockedUntilMs ?? 0, delaySec > 0 ? nowMs + delaySec * 1000 : 0);
  return { failures, windowStartMs, blockedUntilMs };
}

function waitSec(untilMs: number, nowMs: number): number {
  return Math.max(1, Math.ceil((untilMs - nowMs) / 1000));
}
