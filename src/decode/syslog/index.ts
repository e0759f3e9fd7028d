/** The syslog decoder descriptor (RFC 5426 UDP transport, port 514; RFC 5424 / RFC 3164 formats). */
import type { Decoder, ProbeResult } from '../types.js';
import { parseSyslog, readPri } from './parse-syslog.js';
import type { SyslogRecord } from './types.js';

const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';

/** `<PRI>` then an RFC 5424 version or an RFC 3164 month is 'yes'; a bare `<PRI>` is a 'maybe' for port 514. */
function probe(p: Uint8Array): ProbeResult {
  const pri = readPri(p);
  if (pri === null) return 'no';
  const a = p[pri.next];
  const b = p[pri.next + 1];
  if (a === undefined) return 'no';
  if (a === 0x31 && b === 0x20) return 'yes';
  if (b !== undefined) {
    const m = String.fromCharCode(a, b, p[pri.next + 2] ?? 0);
    if (MONTHS.includes(m) && m.length === 3 && MONTHS.indexOf(m) % 3 === 0 && p[pri.next + 3] === 0x20) return 'yes';
  }
  return 'maybe';
}

export const syslogDecoder: Decoder<SyslogRecord> = {
  name: 'syslog',
  transport: 'udp',
  ports: [514],
  probe,
  decode: (pdu) => parseSyslog(pdu),
};
