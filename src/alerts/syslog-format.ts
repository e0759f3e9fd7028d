/**
 * One RFC 5424 syslog message (§6): `<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA MSG`, with the
 * CEF line as MSG. Header fields are PRINTUSASCII with the §6.2 lengths; structured data uses only the IANA-registered
 * SD-IDs `origin` (§7.2) and `meta` (§7.3), so no private enterprise number is needed.
 */
import { syslogSeverity } from './risk-level.js';
import type { AlertEvent } from './types.js';

/** RFC 5424 §6.2.1 table 1: the facilities a site may pick for wardwatch's alerts. */
export const SYSLOG_FACILITIES = {
  user: 1, daemon: 3, auth: 4, authpriv: 10, local0: 16, local1: 17, local2: 18, local3: 19, local4: 20, local5: 21, local6: 22, local7: 23,
} as const;
export type SyslogFacility = keyof typeof SYSLOG_FACILITIES;

export const APP_NAME = 'wardwatch';
/** UTF-8 BOM: RFC 5424 §6.4 requires it before a MSG encoded in UTF-8 (plain ASCII may go without). */
const BOM = '\u{feff}';

export interface SyslogHeader {
  facility: SyslogFacility;
  hostname: string;
  procId: string;
  productVersion: string;
  /** `meta sequenceId` (§7.3.1): 1 … 2147483647, counted per sender. */
  sequenceId: number;
}

/** §6.2: a header field is 1*N PRINTUSASCII (33-126); anything else becomes `_`, and empty is the NILVALUE `-`. */
function headerField(s: string, max: number): string {
  const t = s.replace(/[^\x21-\x7e]/g, '_').slice(0, max);
  return t === '' ? '-' : t;
}

/** §6.3.3: inside PARAM-VALUE, `"`, `\` and `]` are escaped with a backslash. */
function paramValue(s: string): string {
  return s.replace(/[\\"\]]/g, (c) => `\\${c}`);
}

/** The message as a string (the caller encodes it as UTF-8 and frames it). */
export function formatSyslog(event: AlertEvent, msg: string, h: SyslogHeader): string {
  const pri = SYSLOG_FACILITIES[h.facility] * 8 + syslogSeverity(event.level);
  const ts = new Date(event.tsMs).toISOString();
  const sd = `[origin software="${APP_NAME}" swVersion="${paramValue(h.productVersion.slice(0, 48))}"][meta sequenceId="${String(h.sequenceId)}"]`;
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x00-\x7f]*$/.test(msg);
  return `<${String(pri)}>1 ${ts} ${headerField(h.hostname, 255)} ${APP_NAME} ${headerField(h.procId, 128)} ${headerField(event.kind, 32)} ${sd} ${ascii ? '' : BOM}${msg}`;
}

/**
 * `text` as UTF-8 in at most `maxBytes` bytes: cut on a character boundary, and never after half of a CEF escape
 * (an odd run of trailing backslashes), so a truncated message still parses.
 */
export function encodeBounded(text: string, maxBytes: number): Buffer {
  const buf = Buffer.from(text, 'utf8');
  if (buf.length <= maxBytes) return buf;
  let end = maxBytes;
  // Step back over UTF-8 continuation bytes (10xxxxxx) to the start of the character that did not fit.
  while (end > 0 && ((buf[end] ?? 0) & 0xc0) === 0x80) end--;
  let slashes = 0;
  while (end - slashes > 0 && buf[end - slashes - 1] === 0x5c) slashes++;
  if (slashes % 2 === 1) end--;
  return buf.subarray(0, end);
}
