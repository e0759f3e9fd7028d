/**
 * POCT1-A2 over TCP: each message is one XML document (optional `<?xml …?>`, then a root element named after the
 * message type, `<HEL.R01>` … `</HEL.R01>`). Probe by the root element name; frame by its closing tag.
 */
import { latin1 } from '../common/byte-cursor.js';
import type { FrameResult, ProbeResult } from '../types.js';

/** POCT1-A message types (POCT1-A2 device messaging layer): hello, device status, directive, observations, events,
 *  operator list, end of topic, acknowledgement, end of transmission, request, escape, keep-alive, terminate. */
export const POCT1A_TYPES = new Set(['HEL', 'DST', 'DTV', 'OBS', 'EVS', 'OPL', 'END', 'ACK', 'EOT', 'REQ', 'ESC', 'KPA', 'TRM', 'DTS']);
/** Messages larger than this are cut (their head carries the HDR and DEV elements). */
export const MAX_XML_PDU = 1024 * 1024;
const MAX_HEAD = 512;

export interface RootTag {
  /** Root element name (`HEL.R01`), or null when the head is not a POCT1-A message. */
  name: string | null;
  /** More bytes are needed to know. */
  partial: boolean;
}

/** The root element of the document at the start of `p`, skipping blanks, the XML declaration and comments. */
export function rootTag(p: Uint8Array): RootTag {
  // Cheap rejection first: probes run on every unclaimed flow, and XML must open with '<' after blanks.
  let first = 0;
  while (first < p.length && first < MAX_HEAD && (p[first] === 0x20 || p[first] === 0x09 || p[first] === 0x0d || p[first] === 0x0a)) first++;
  if (first < p.length && p[first] !== 0x3c && p[first] !== 0xef) return { name: null, partial: false };
  const head = latin1(p.subarray(0, MAX_HEAD));
  let i = 0;
  for (let guard = 0; guard < 8; guard++) {
    while (i < head.length && /\s/.test(head[i] ?? '')) i++;
    if (head.startsWith('<?', i) || head.startsWith('<!--', i)) {
      const end = head.indexOf(head.startsWith('<?', i) ? '?>' : '-->', i);
      if (end < 0) return { name: null, partial: head.length < MAX_HEAD && ('<?xml'.startsWith(head.slice(i, i + 5)) || head.startsWith('<!--', i)) };
      i = end + 2;
      continue;
    }
    break;
  }
  if (i >= head.length) return { name: null, partial: head.length < MAX_HEAD };
  const m = /^<([A-Z]{3})\.([A-Z]\d\d)[\s>/]/.exec(head.slice(i, i + 12));
  if (m === null) return { name: null, partial: head.length - i < 9 && '<'.startsWith(head[i] ?? '<') };
  return { name: POCT1A_TYPES.has(m[1] ?? '') ? `${m[1] ?? ''}.${m[2] ?? ''}` : null, partial: false };
}

export function probePoct1a(p: Uint8Array): ProbeResult {
  const r = rootTag(p);
  if (r.name !== null) return 'yes';
  return r.partial && p.length > 0 ? 'maybe' : 'no';
}

/** Index just after `</name>` in `p`, or -1. */
function closingTag(p: Uint8Array, name: string, limit: number): number {
  const needle = `</${name}`;
  const first = needle.charCodeAt(0);
  outer: for (let i = 0; i + needle.length < limit; i++) {
    if (p[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (p[i + j] !== needle.charCodeAt(j)) continue outer;
    for (let k = i + needle.length; k < limit; k++) if (p[k] === 0x3e) return k + 1;
    return -1;
  }
  return -1;
}

/** One PDU: a whole message up to its root's closing tag (and trailing blanks), or noise up to the next `<`. */
export function framePoct1a(buf: Uint8Array): FrameResult {
  if (buf.length === 0) return { need: 1 };
  const limit = Math.min(buf.length, MAX_XML_PDU);
  const root = rootTag(buf);
  if (root.name === null) {
    if (root.partial) return { need: buf.length + 1 };
    let next = 1;
    while (next < limit && buf[next] !== 0x3c) next++;
    return { pduLength: next };
  }
  const end = closingTag(buf, root.name, limit);
  if (end < 0) return buf.length >= MAX_XML_PDU ? { pduLength: MAX_XML_PDU } : { need: buf.length + 1 };
  let after = end;
  while (after < buf.length && (buf[after] === 0x0d || buf[after] === 0x0a || buf[after] === 0x20 || buf[after] === 0x00)) after++;
  return { pduLength: after };
}
