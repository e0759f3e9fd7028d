/** The alerts library `wardwatch serve` calls: config, event building, dispatch, test messages, webhook verification. */
export { parseAlertsConfig, type AlertsConfig, type DestinationConfig, type RuleConfig } from './config.js';
export { buildAlertEvent, type AlertSource } from './build-event.js';
export { AlertDispatcher, type DispatcherOptions } from './dispatcher.js';
export { JsonlDeadLetterFile, type DeadLetter, type DeadLetterSink } from './dead-letter.js';
export { formatCef } from './cef.js';
export { verifyWebhook, signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER, EVENT_ID_HEADER } from './webhook-signature.js';
export type { TestOutcome } from './destination.js';
export { ALERT_KINDS, type AlertEvent, type AlertKind, type IngestStatus } from './types.js';
