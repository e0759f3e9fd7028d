/**
 * A per-address request budget in fixed windows: enough to stop one client from starving the others (and to slow
 * password guessing before the login's own lockout). In memory: one process serves one site.
 */
export interface RateLimitOptions {
  /** Requests one address may make per window. */
  max: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 1200, windowMs: 60_000 };

/** `take(address, nowMs)`: null when the request may go on, else the seconds until the window resets. */
export function rateLimiter(options: RateLimitOptions): (address: string, nowMs: number) => number | null {
  let windowStart = 0;
  // Cleared at each window's start, so memory is bounded by the addresses seen in one window.
  let counts = new Map<string, number>();
  return (address, nowMs) => {
    if (nowMs - windowStart >= options.windowMs) {
      windowStart = nowMs;
      counts = new Map();
    }
    const n = (counts.get(address) ?? 0) + 1;
    counts.set(address, n);
    return n > options.max ? Math.max(1, Math.ceil((windowStart + options.windowMs - nowMs) / 1000)) : null;
  };
}
