/** BSD syslog messages (RFC 3164 §4.1: PRI, TIMESTAMP, HOSTNAME, then TAG: MSG) for synthetic UDP/514 traffic. */

import { ascii } from './byte-writer.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** RFC 3164 §4.1.2 timestamp: `Mmm dd hh:mm:ss`, day space-padded, in UTC here. */
export function syslogTimestamp(unixSec: number): string {
  const d = new Date(unixSec * 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()] ?? 'Jan'} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** `<PRI>TIMESTAMP HOST TAG: MSG` with PRI = facility * 8 + severity (RFC 3164 §4.1.1). */
export function bsdSyslog(facility: number, severity: number, unixSec: number, host: string, tag: string, message: string): Uint8Array {
  return ascii(`<${facility * 8 + severity}>${syslogTimestamp(unixSec)} ${host} ${tag}: ${message}`);
}
