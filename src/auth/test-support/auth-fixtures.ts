/** Shared fixtures for the auth tests: a store with a controllable clock. */
import type { AuthDeps } from '../auth-deps.js';
import { MemoryAuthStore } from '../memory-auth-store.js';
import { DEFAULT_SESSION_POLICY } from '../sessions.js';

export const CLI_ORIGIN = { actor: { kind: 'system', name: 'cli', role: null }, from: null } as const;

/** A password the policy accepts, for users the tests create. */
export const GOOD_PASSWORD = 'correct horse battery staple';

export interface TestAuth extends AuthDeps {
  readonly store: MemoryAuthStore;
  /** Moves the clock on. */
  advance(ms: number): void;
}

export function testAuth(startMs = Date.UTC(2026, 0, 5, 8, 0, 0)): TestAuth {
  let nowMs = startMs;
  return {
    store: new MemoryAuthStore(),
    now: () => nowMs,
    sessionPolicy: DEFAULT_SESSION_POLICY,
    advance: (ms) => {
      nowMs += ms;
    },
  };
}
