/** A webhook destination: the config's target over one WebhookSender; a test message is one attempt, not dead-lettered. */
import type { WebhookDestinationConfig } from './config.js';
import type { DeadLetterSink } from './dead-letter.js';
import type { AlertDestination, TestOutcome } from './destination.js';
import type { AlertEvent } from './types.js';
import { WebhookSender, type WebhookDeps } from './webhook-sender.js';

export class WebhookDestination implements AlertDestination {
  readonly name: string;
  private readonly sender: WebhookSender;
  private readonly probe: WebhookSender;

  constructor(config: WebhookDestinationConfig, deps: WebhookDeps & { deadLetter?: DeadLetterSink } = {}) {
    this.name = config.name;
    const target = { name: config.name, url: config.url, secret: config.secret, timeoutMs: config.timeoutMs, maxAttempts: config.maxAttempts };
    this.sender = new WebhookSender(target, deps);
    // The probe has no dead-letter sink: a failed test is answered to the person who asked, not filed.
    this.probe = new WebhookSender({ ...target, maxAttempts: 1 }, { ...(deps.random !== undefined ? { random: deps.random } : {}), ...(deps.now !== undefined ? { now: deps.now } : {}) });
  }

  send(event: AlertEvent): void {
    this.sender.send(event);
  }

  async test(event: AlertEvent, timeoutMs: number): Promise<TestOutcome> {
    const timer = new Promise<TestOutcome>((resolve) => setTimeout(() => { resolve({ destination: this.name, ok: false, detail: 'timed out' }); }, timeoutMs).unref());
    const attempt = this.probe.deliver(event, { maxAttempts: 1 }).then((r): TestOutcome => (r.ok
      ? { destination: this.name, ok: true, detail: `delivered (HTTP ${String(r.status)})` }
      : { destination: this.name, ok: false, detail: `not delivered: ${r.error}` }));
    return Promise.race([attempt, timer]);
  }

  stats(): Record<string, number | boolean | string | null> {
    return { ...this.sender.stats() };
  }

  /** Waits for deliveries in progress; retries still waiting are cut short and dead-lettered. */
  idle(): Promise<void> {
    return this.sender.idle();
  }

  async close(): Promise<void> {
    await Promise.all([this.sender.close(), this.probe.close()]);
  }
}
