/**
 * Webhook signatures: HMAC-SHA256 (RFC 2104, FIPS 180-4) over `timestamp + "." + body`, sent as
 * `X-Wardwatch-Timestamp: <unix seconds>` and `X-Wardwatch-Signature: sha256=<hex>`. Signing the timestamp with the
 * body lets a receiver refuse a captured request replayed later (the replay window), as Stripe's and Slack's do.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-wardwatch-timestamp';
export const SIGNATURE_HEADER = 'x-wardwatch-signature';
export const EVENT_ID_HEADER = 'x-wardwatch-event-id';
/** Five minutes either way: room for clock skew and a slow retry, too short to keep a replay useful. */
export const DEFAULT_REPLAY_WINDOW_SEC = 300;
const PREFIX = 'sha256=';

function mac(secret: string, timestampSec: number, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${String(timestampSec)}.`).update(body).digest('hex');
}

/** The two headers for `body` sent at `timestampSec`. */
export function signWebhook(secret: string, timestampSec: number, body: string): Record<string, string> {
  return { [TIMESTAMP_HEADER]: String(timestampSec), [SIGNATURE_HEADER]: `${PREFIX}${mac(secret, timestampSec, body)}` };
}

export type VerifyResult = { ok: true; timestampSec: number } | { ok: false; reason: string };

export interface VerifyInput {
  secret: string;
  /** Header names in any case; a repeated header (array) is refused. */
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The raw body exactly as received (re-serialised JSON would not match). */
  body: string | Buffer;
  nowMs: number;
  replayWindowSec?: number;
}

function header(headers: VerifyInput['headers'], name: string): string | null {
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return typeof v === 'string' ? v : null;
  return null;
}

/** For receivers: checks the signature in constant time and the timestamp against the replay window. */
export function verifyWebhook(input: VerifyInput): VerifyResult {
  const ts = header(input.headers, TIMESTAMP_HEADER);
  const sig = header(input.headers, SIGNATURE_HEADER);
  if (ts === null || !/^\d{1,12}$/.test(ts)) return { ok: false, reason: `missing or malformed ${TIMESTAMP_HEADER}` };
  if (sig === null || !sig.startsWith(PREFIX) || !/^[0-9a-f]{64}$/.test(sig.slice(PREFIX.length))) return { ok: false, reason: `missing or malformed ${SIGNATURE_HEADER}` };
  const timestampSec = Number(ts);
  const window = input.replayWindowSec ?? DEFAULT_REPLAY_WINDOW_SEC;
  if (Math.abs(input.nowMs / 1000 - timestampSec) > window) return { ok: false, reason: `timestamp outside the ${String(window)} s replay window` };
  const expected = Buffer.from(mac(input.secret, timestampSec, input.body), 'hex');
  const given = Buffer.from(sig.slice(PREFIX.length), 'hex');
  if (!timingSafeEqual(expected, given)) return { ok: false, reason: 'signature does not match' };
  return { ok: true, timestampSec };
}
