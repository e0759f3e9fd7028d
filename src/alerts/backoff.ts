/**
 * Retry delays: exponential backoff with "full jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter",
 * 2015): a random wait in [0, min(cap, base * 2^(attempt-1))), so many senders retrying after one outage spread out.
 */
export interface BackoffSettings {
  baseDelayMs: number;
  maxDelayMs: number;
}

/** The wait before attempt `attempt + 1` (attempt counts from 1); `random` returns [0, 1). */
export function backoffDelayMs(attempt: number, s: BackoffSettings, random: () => number): number {
  const ceiling = Math.min(s.maxDelayMs, s.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** RFC 9110 §10.2.3 Retry-After as delay-seconds (the HTTP-date form is read too); null when absent or unreadable. */
export function retryAfterMs(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d{1,9}$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
