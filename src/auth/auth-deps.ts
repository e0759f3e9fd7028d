/** What the auth use cases run against: the store, a clock (injected so tests control time), and the session policy. */
import type { AuthStore } from './auth-store.js';
import type { SessionPolicy } from './sessions.js';

export interface AuthDeps {
  readonly store: AuthStore;
  /** Epoch milliseconds. */
  readonly now: () => number;
  readonly sessionPolicy: SessionPolicy;
}
