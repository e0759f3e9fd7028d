/**
 * Delivers alert events to one webhook: a JSON POST signed as webhook-signature.ts describes, retried with backoff on
 * 5xx, 429, timeouts and connection errors (a 4xx other than 429 means the request itself is wrong: retrying cannot
 * help), then written to the dead-letter sink. Redirects are not followed: a signed alert goes only where configured.
 */
import { backoffDelayMs, retryAfterMs } from './backoff.js';
import { redactUrl, type DeadLetterSink } from './dead-letter.js';
import type { AlertEvent } from './types.js';
import { EVENT_ID_HEADER, signWebhook } from './webhook-signature.js';

export interface WebhookTarget {
  name: string;
  url: string;
  secret: string;
  timeoutMs?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Deliveries running at once; the rest wait in order (a receiver is not hit by a thousand requests at once). */
  maxConcurrent?: number;
  /** Events waiting at most; beyond that an event is dead-lettered at once rather than held in memory. */
  maxWaiting?: number;
}

export interface WebhookDeps {
  deadLetter?: DeadLetterSink;
  random?: () => number;
  now?: () => number;
}

export type DeliveryResult =
  | { ok: true; attempts: number; status: number }
  | { ok: false; attempts: number; error: string; status: number | null };

const DEFAULTS = { timeoutMs: 5000, maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000, maxConcurrent: 4, maxWaiting: 10_000 } as const;

type Attempt = { kind: 'ok'; status: number } | { kind: 'retry' | 'fatal'; status: number | null; error: string; waitMs: number | null };

export class WebhookSender {
  private readonly t: Required<WebhookTarget>;
  private readonly running = new Set<Promise<DeliveryResult>>();
  private readonly waiting: AlertEvent[] = [];
  /** Dead-letter writes for events refused at the door (not deliveries: they take no delivery slot). */
  private readonly filing = new Set<Promise<void>>();
  private readonly stop = new AbortController();
  private readonly counts = { delivered: 0, failed: 0 };

  constructor(target: WebhookTarget, private readonly deps: WebhookDeps = {}) {
    this.t = { ...DEFAULTS, ...target };
  }

  /** Queues a delivery and returns at once; the outcome lands in stats() or the dead-letter sink. */
  send(event: AlertEvent): void {
    if (this.waiting.length >= this.t.maxWaiting) {
      this.counts.failed++;
      const filed = this.deadLetter(event, 0, 'too many deliveries waiting');
      this.filing.add(filed);
      void filed.finally(() => this.filing.delete(filed));
      return;
    }
    this.waiting.push(event);
    this.startNext();
  }

  stats(): { delivered: number; failed: number; pending: number } {
    return { ...this.counts, pending: this.waiting.length + this.running.size };
  }

  /** Every delivery queued so far has finished (delivered or dead-lettered). */
  async idle(): Promise<void> {
    while (this.running.size > 0 || this.waiting.length > 0 || this.filing.size > 0) {
      this.startNext();
      await Promise.allSettled([...this.running, ...this.filing]);
    }
  }

  private startNext(): void {
    while (this.running.size < this.t.maxConcurrent) {
      const event = this.waiting.shift();
      if (event === undefined) return;
      this.track(this.deliver(event));
    }
  }

  private track(p: Promise<DeliveryResult>): void {
    this.running.add(p);
    void p.finally(() => {
      this.running.delete(p);
      this.startNext();
    });
  }

  /** Stops retrying (a delivery waiting for its next attempt is dead-lettered now) and waits for the rest. */
  async close(): Promise<void> {
    this.stop.abort();
    await this.idle();
  }

  /** One event through every attempt; never rejects. `maxAttempts` overrides the target's (the test message uses 1). */
  async deliver(event: AlertEvent, opts: { maxAttempts?: number } = {}): Promise<DeliveryResult> {
    const body = JSON.stringify(event);
    const maxAttempts = opts.maxAttempts ?? this.t.maxAttempts;
    let last: Exclude<Attempt, { kind: 'ok' }> = { kind: 'fatal', status: null, error: 'stopped before the first attempt', waitMs: null };
    let attempts = 0;
    while (attempts < maxAttempts && !this.stop.signal.aborted) {
      attempts++;
      const result = await this.attempt(body, event.id);
      if (result.kind === 'ok') {
        this.counts.delivered++;
        return { ok: true, attempts, status: result.status };
      }
      last = result;
      if (last.kind === 'fatal' || attempts >= maxAttempts) break;
      const jitter = backoffDelayMs(attempts, this.t, this.deps.random ?? Math.random);
      await this.sleep(Math.min(this.t.maxDelayMs, Math.max(jitter, last.waitMs ?? 0)));
    }
    if (this.stop.signal.aborted && last.kind === 'retry') last = { ...last, error: `${last.error}; stopped before the next attempt` };
    this.counts.failed++;
    await this.deadLetter(event, attempts, last.error);
    return { ok: false, attempts, error: last.error, status: last.status };
  }

  private async attempt(body: string, eventId: string): Promise<Attempt> {
    const now = this.deps.now ?? Date.now;
    const headers = { 'content-type': 'application/json', 'user-agent': 'wardwatch-alerts', [EVENT_ID_HEADER]: eventId, ...signWebhook(this.t.secret, Math.floor(now() / 1000), body) };
    try {
      const res = await fetch(this.t.url, {
        method: 'POST', body, headers, redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(this.t.timeoutMs), this.stop.signal]),
      });
      await res.body?.cancel();
      if (res.status >= 200 && res.status < 300) return { kind: 'ok', status: res.status };
      const error = `HTTP ${String(res.status)}`;
      if (res.status >= 500 || res.status === 429) return { kind: 'retry', status: res.status, error, waitMs: retryAfterMs(res.headers.get('retry-after'), now()) };
      return { kind: 'fatal', status: res.status, error, waitMs: null };
    } catch (e) {
      return { kind: 'retry', status: null, error: describe(e), waitMs: null };
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const signal = this.stop.signal;
      function done(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done);
    });
  }

  private async deadLetter(event: AlertEvent, attempts: number, lastError: string): Promise<void> {
    const sink = this.deps.deadLetter;
    if (sink === undefined) return;
    const now = this.deps.now ?? Date.now;
    try {
      await sink.record({ failedAt: new Date(now()).toISOString(), destination: this.t.name, target: redactUrl(this.t.url), attempts, lastError, event });
    } catch {
      // The sink's disk is full or gone: the alert is lost either way, and a crash would lose the others too.
    }
  }
}

/** A fetch failure as one line: undici hides the useful part (ECONNREFUSED, timeout) in `cause`. */
function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  if (e.name === 'TimeoutError') return 'timed out';
  const cause = e.cause instanceof Error ? `: ${e.cause.message}` : '';
  return `${e.message}${cause}`;
}
