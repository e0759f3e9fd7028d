/**
 * The test message a person sends to check a destination (`wardwatch alerts test`): a `test` event, which no rule
 * routes, through the destination's real path, with an answer saying whether it got through.
 */
import { buildAlertEvent } from './build-event.js';
import type { AlertDestination, TestOutcome } from './destination.js';

export const DEFAULT_TEST_TIMEOUT_MS = 10_000;

export async function sendTestMessage(destination: AlertDestination, nowMs: number, timeoutMs = DEFAULT_TEST_TIMEOUT_MS): Promise<TestOutcome> {
  const event = buildAlertEvent({ kind: 'test' }, { nowMs });
  if (event === null) return { destination: destination.name, ok: false, detail: 'no test event' };
  try {
    return await destination.test(event, timeoutMs);
  } catch (e) {
    return { destination: destination.name, ok: false, detail: e instanceof Error ? e.message : String(e) };
  }
}
