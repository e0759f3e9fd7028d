/** What the dispatcher needs of a destination, whatever carries it (syslog, webhook). */
import type { AlertEvent } from './types.js';

export interface TestOutcome {
  destination: string;
  ok: boolean;
  /** One line for a person: "delivered (HTTP 204)", "connect ECONNREFUSED …". */
  detail: string;
}

export interface AlertDestination {
  readonly name: string;
  /** Queues the event; returns at once and never throws. */
  send(event: AlertEvent): void;
  /** Sends `event` now and reports whether it got through, within `timeoutMs`. */
  test(event: AlertEvent, timeoutMs: number): Promise<TestOutcome>;
  stats(): Record<string, number | boolean | string | null>;
  close(): Promise<void>;
}
