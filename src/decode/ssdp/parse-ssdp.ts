/** SSDP messages over UDP (UPnP Device Architecture 2.0 §1.2.2, §1.3.2, §1.3.3): HTTPU start line + headers. */
import { latin1 } from '../common/byte-cursor.js';
import { cleanText } from '../common/text.js';
import type { DecodeResult } from '../types.js';
import type { SsdpRecord } from './types.js';

/** SSDP datagrams are small (UDA recommends one MTU); headers beyond this are not read. */
const MAX_HEADER_BYTES = 4096;
const MAX_HEADER_LINES = 64;

const FIELDS: ReadonlyMap<string, 'st' | 'nt' | 'nts' | 'usn' | 'location' | 'server' | 'userAgent'> = new Map([
  ['st', 'st'], ['nt', 'nt'], ['nts', 'nts'], ['usn', 'usn'], ['location', 'location'], ['al', 'location'],
  ['server', 'server'], ['user-agent', 'userAgent'],
]);

export function parseSsdp(pdu: Uint8Array): DecodeResult<SsdpRecord> {
  const text = latin1(pdu.subarray(0, MAX_HEADER_BYTES));
  const lines = text.split(/\r?\n/, MAX_HEADER_LINES);
  const start = lines[0] ?? '';
  let rec: SsdpRecord;
  if (start.startsWith('M-SEARCH ')) rec = { kind: 'search' };
  else if (start.startsWith('NOTIFY ')) rec = { kind: 'notify' };
  else if (/^HTTP\/1\.[01] \d{3}/.test(start)) rec = { kind: 'response', status: Number(start.slice(9, 12)) };
  else return { records: [], issues: [{ code: 'ssdp-bad-start-line', offset: 0, message: 'not an M-SEARCH, NOTIFY or HTTP status line' }] };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = FIELDS.get(line.slice(0, colon).trim().toLowerCase());
    // The first occurrence wins, as a duplicate header is a sender bug we should not let override.
    if (key !== undefined && rec[key] === undefined) {
      const value = cleanText(line.slice(colon + 1));
      if (value !== '') rec[key] = key === 'location' ? value.replace(/^<(.*)>$/, '$1') : value;
    }
  }
  return { records: [rec], issues: [] };
}
