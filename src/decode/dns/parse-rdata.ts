/** RDATA as presentation text for the types identification uses (RFC 1035 §3.3, RFC 3596, RFC 2782, RFC 6763 §6). */
import { readName } from './parse-name.js';
import { bytesText, cleanText, ipv4At, ipv6At } from '../common/text.js';

/** TXT strings kept per record, and characters per string. */
export const MAX_TXT_STRINGS = 16;
const MAX_TXT_CHARS = 128;

/** RFC 1035 §3.3.14: a sequence of <character-string>s, each a length byte then bytes. */
export function txtStrings(msg: Uint8Array, start: number, len: number): string[] {
  const out: string[] = [];
  const end = Math.min(start + len, msg.length);
  for (let at = start; at < end && out.length < MAX_TXT_STRINGS; ) {
    const n = msg[at] ?? 0;
    const s = msg.subarray(at + 1, Math.min(at + 1 + n, end));
    if (n > 0) out.push(bytesText(s, MAX_TXT_CHARS));
    at += 1 + n;
  }
  return out;
}

function u16(msg: Uint8Array, at: number): number {
  return ((msg[at] ?? 0) << 8) | (msg[at + 1] ?? 0);
}

/** RFC 1035 §3.3: a <character-string> as text, or '' past the end. */
function charString(msg: Uint8Array, at: number, end: number): { s: string; next: number } {
  const n = msg[at] ?? 0;
  return { s: bytesText(msg.subarray(at + 1, Math.min(at + 1 + n, end)), 64), next: at + 1 + n };
}

/**
 * Text of one RR's data, dig-style, or undefined for types we do not render (OPT, DNSSEC, NSEC …) or for RDATA
 * that does not fit its type. Names inside RDATA may be compressed (RFC 1035 §4.1.4; RFC 3597 §4 limits that to
 * the well-known types, which are the ones read with readName here).
 */
export function rdataText(msg: Uint8Array, type: number, start: number, len: number): string | undefined {
  const end = start + len;
  switch (type) {
    case 1: // A
      return len === 4 ? ipv4At(msg, start) : undefined;
    case 28: // AAAA
      return len === 16 ? ipv6At(msg, start) : undefined;
    case 2: // NS
    case 5: // CNAME
    case 12: // PTR
    case 39: // DNAME
      return readName(msg, start)?.name;
    case 33: { // SRV: priority, weight, port, target
      if (len < 7) return undefined;
      const target = readName(msg, start + 6);
      return target === null ? undefined : `${target.name}:${u16(msg, start + 4)}`;
    }
    case 15: { // MX: preference, exchange
      if (len < 3) return undefined;
      const ex = readName(msg, start + 2);
      return ex === null ? undefined : `${u16(msg, start)} ${ex.name}`;
    }
    case 6: { // SOA: mname rname serial …
      const m = readName(msg, start);
      const r = m === null ? null : readName(msg, m.next);
      return m === null || r === null ? undefined : `${m.name} ${r.name}`;
    }
    case 13: { // HINFO: CPU and OS strings; mDNS hosts still announce them
      const cpu = charString(msg, start, end);
      const os = charString(msg, cpu.next, end);
      return cleanText(`${cpu.s} ${os.s}`);
    }
    case 16: // TXT
      return cleanText(txtStrings(msg, start, len).map((s) => `"${s.replace(/"/g, '\\"')}"`).join(' '));
    default:
      return undefined;
  }
}
