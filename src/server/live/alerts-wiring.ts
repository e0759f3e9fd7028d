/**
 * Alerts fed from the event bus: every event live ingest publishes goes to the dispatcher (src/alerts), which routes
 * it by its rules (event kinds, minimum risk, zones) to syslog and webhook destinations. The SSE stream and the
 * alerts see the same events.
 */
import { hostname } from 'node:os';
import { AlertDispatcher, JsonlDeadLetterFile, type AlertsConfig } from '../../alerts/index.js';
import type { EventBus } from './event-bus.js';

/** The version in syslog's `origin swVersion` and CEF's header (as `wardwatch --version`, src/cli/main.ts). */
export const PRODUCT_VERSION = '0.1.0';

export interface WiredAlerts {
  dispatcher: AlertDispatcher;
  /** Stops feeding the dispatcher and closes its destinations (webhook retries still waiting are dead-lettered). */
  close(): Promise<void>;
}

export function makeDispatcher(config: AlertsConfig, deadLetterFile: string | undefined): AlertDispatcher {
  return new AlertDispatcher({
    config,
    identity: { hostname: hostname(), procId: String(process.pid), productVersion: PRODUCT_VERSION },
    ...(deadLetterFile !== undefined ? { deadLetter: new JsonlDeadLetterFile(deadLetterFile) } : {}),
  });
}

export function wireAlerts(bus: EventBus, config: AlertsConfig, deadLetterFile: string | undefined): WiredAlerts {
  const dispatcher = makeDispatcher(config, deadLetterFile);
  const unsubscribe = bus.subscribe((e) => { dispatcher.dispatch(e.event); });
  return {
    dispatcher,
    close: async () => {
      unsubscribe();
      await dispatcher.close();
    },
  };
}
