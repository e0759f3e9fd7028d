/**
 * The alerts entry point for `wardwatch serve`: built once from the validated config, it turns what happened into an
 * alert event (build-event.ts), routes it by the rules and hands it to each destination without waiting.
 */
import { AppError, ErrorCode } from '../util/app-error.js';
import { buildAlertEvent, type AlertSource } from './build-event.js';
import type { AlertsConfig } from './config.js';
import type { DeadLetterSink } from './dead-letter.js';
import type { AlertDestination, TestOutcome } from './destination.js';
import { routeEvent } from './rules.js';
import { SyslogDestination, type SyslogIdentity } from './syslog-destination.js';
import { DEFAULT_TEST_TIMEOUT_MS, sendTestMessage } from './test-message.js';
import type { AlertEvent } from './types.js';
import { WebhookDestination } from './webhook-destination.js';
import type { WebhookDeps } from './webhook-sender.js';

export interface DispatcherOptions {
  config: AlertsConfig;
  /** Host name and process id for the syslog header; the version for CEF and `origin swVersion`. */
  identity: SyslogIdentity;
  /** Where webhook deliveries go after their last attempt (JsonlDeadLetterFile). */
  deadLetter?: DeadLetterSink;
  /** Clock and randomness for webhook retries (tests make them fast and fixed). */
  webhook?: Omit<WebhookDeps, 'deadLetter'>;
}

export class AlertDispatcher {
  private readonly destinations = new Map<string, AlertDestination>();
  private readonly counts = { events: 0, routed: 0, unrouted: 0 };

  /** Opens every destination (reads TLS files now, so a bad path fails at start, not at the first alert). */
  constructor(private readonly opts: DispatcherOptions) {
    for (const d of opts.config.destinations) {
      const dest = d.type === 'syslog'
        ? new SyslogDestination(d, opts.identity)
        : new WebhookDestination(d, { ...opts.webhook, ...(opts.deadLetter !== undefined ? { deadLetter: opts.deadLetter } : {}) });
      this.destinations.set(d.name, dest);
    }
  }

  /** Builds the event for `source`, sends it where the rules say, and returns it (null when nothing was alert-worthy). */
  publish(source: AlertSource, nowMs: number): AlertEvent | null {
    const event = buildAlertEvent(source, { nowMs });
    if (event !== null) this.dispatch(event);
    return event;
  }

  /** Sends an already built event; returns the destinations it went to. */
  dispatch(event: AlertEvent): string[] {
    this.counts.events++;
    const names = routeEvent(this.opts.config.rules, event);
    if (names.length === 0) this.counts.unrouted++;
    for (const n of names) {
      const dest = this.destinations.get(n);
      if (dest === undefined) continue;
      this.counts.routed++;
      try {
        dest.send(event);
      } catch {
        // A destination's own bug must not stop the others nor the ingest that raised the event.
      }
    }
    return names;
  }

  /** A test message to one destination (by name). */
  async test(name: string, nowMs: number, timeoutMs = DEFAULT_TEST_TIMEOUT_MS): Promise<TestOutcome> {
    const dest = this.destinations.get(name);
    if (dest === undefined) {
      const known = [...this.destinations.keys()].join(', ');
      throw new AppError(ErrorCode.NotFound, `no alert destination '${name}'${known === '' ? ' (none configured)' : ` (known: ${known})`}`);
    }
    return sendTestMessage(dest, nowMs, timeoutMs);
  }

  /** A test message to every destination, in config order. */
  testAll(nowMs: number, timeoutMs = DEFAULT_TEST_TIMEOUT_MS): Promise<TestOutcome[]> {
    return Promise.all([...this.destinations.values()].map((d) => sendTestMessage(d, nowMs, timeoutMs)));
  }

  stats(): { events: number; routed: number; unrouted: number; destinations: Record<string, Record<string, number | boolean | string | null>> } {
    const destinations: Record<string, Record<string, number | boolean | string | null>> = {};
    for (const [n, d] of this.destinations) destinations[n] = d.stats();
    return { ...this.counts, destinations };
  }

  /** Stops every destination: syslog senders close their sockets, webhook retries still waiting are dead-lettered. */
  async close(): Promise<void> {
    await Promise.all([...this.destinations.values()].map((d) => d.close()));
  }
}
