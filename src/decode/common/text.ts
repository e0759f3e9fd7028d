/** Bounded, control-free text from wire bytes and the hex/MAC/IP forms every decoder prints (design: strings are bounded). */
import { ipv4Text, ipv6Text } from '../../util/ip-text.js';
import { latin1, utf8 } from './byte-cursor.js';

/** Longest string a decoder emits unless a caller asks for less (or, rarely, more). */
export const MAX_TEXT = 256;

/**
 * Drops C0/C1 control characters and DEL from the first `scan` characters of `s`, keeps at most `max` of the rest,
 * then trims (unless `trim` is false). The scan bound makes a huge input cost no more than a small one; the UDP,
 * TCP-text and ASN.1 decoders scan 4x `max`, the NTLMSSP/SMB/SNMP string readers 2x (their inputs are already
 * bounded, but `utf8Text` keeps the 2x bound it always had).
 */
export function cleanText(s: string, max = MAX_TEXT, scan = max * 4, trim = true): string {
  let out = '';
  const n = Math.min(s.length, scan);
  for (let i = 0; i < n && out.length < max; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) continue;
    out += s.charAt(i);
  }
  return trim ? out.trim() : out;
}

/** `cleanText` as the HTTP and TLS decoders use it: every character scanned, surrounding spaces kept. */
export function cleanTextUntrimmed(s: string, max = MAX_TEXT): string {
  return cleanText(s, max, Infinity, false);
}

/**
 * Record-field cleaning for the clinical decoders (HL7, ASTM, POCT1-A, DICOM, IntelliVue): controls dropped from the
 * whole string, trimmed, and only then cut to `cap`; empty text is null.
 */
export function cleanString(text: string, cap = MAX_TEXT): string | null {
  const t = cleanText(text, Infinity, Infinity);
  if (t.length === 0) return null;
  return t.length > cap ? t.slice(0, cap) : t;
}

/**
 * `cleanString` of `bytes[start, end)` read as UTF-8 (invalid sequences replaced) or Latin-1. Reads at most 4 bytes
 * per kept character, so a huge field costs no more than a small one.
 */
export function cleanField(bytes: Uint8Array, start: number, end: number, cap = MAX_TEXT, asUtf8 = true): string | null {
  const s = Math.max(0, start);
  const e = Math.min(bytes.length, end, s + cap * 4);
  if (e <= s) return null;
  const view = bytes.subarray(s, e);
  return cleanString(asUtf8 ? utf8(view) : latin1(view), cap);
}

/** Text of bytes read as UTF-8 when valid, else Latin-1 (both never throw), cleaned and capped. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
export function bytesText(b: Uint8Array, max = MAX_TEXT): string {
  const view = b.subarray(0, max * 4);
  let s: string;
  try {
    s = strictUtf8.decode(view);
  } catch {
    s = latin1(view);
  }
  return cleanText(s, max);
}

/** UTF-16LE text (an odd trailing byte is ignored); stops at a NUL. */
export function utf16leText(b: Uint8Array, max = MAX_TEXT): string {
  let s = '';
  const n = Math.min(b.length >> 1, max * 2);
  for (let i = 0; i < n; i++) {
    const c = (b[2 * i] ?? 0) | ((b[2 * i + 1] ?? 0) << 8);
    if (c === 0) break;
    s += String.fromCharCode(c);
  }
  return cleanText(s, max, max * 2);
}

/** OEM (code page unknown to a passive observer: read as Latin-1) text; stops at a NUL. */
export function oemText(b: Uint8Array, max = MAX_TEXT): string {
  const n = Math.min(b.length, max * 2);
  let i = 0;
  while (i < n && b[i] !== 0) i++;
  return cleanText(latin1(b.subarray(0, i)), max, max * 2);
}

/** UTF-8 text (invalid sequences replaced), for SNMP octet strings that are printable. */
export function utf8Text(b: Uint8Array, max = MAX_TEXT): string {
  return cleanText(utf8(b.subarray(0, max * 4)), max, max * 2);
}

const HEX = '0123456789abcdef';

/** Lower-case hex of at most `maxBytes` bytes. */
export function hexText(b: Uint8Array, maxBytes = 64): string {
  let s = '';
  const n = Math.min(b.length, maxBytes);
  for (let i = 0; i < n; i++) {
    const v = b[i] ?? 0;
    s += (HEX[v >> 4] ?? '') + (HEX[v & 15] ?? '');
  }
  return s;
}

/** Lower-case, zero-padded hex of a 16-bit value. */
export function hex4(v: number): string {
  return v.toString(16).padStart(4, '0');
}

/** Colon-separated hex, the form MAC addresses are printed in. */
export function macAt(b: Uint8Array, at: number, len = 6): string {
  const parts: string[] = [];
  for (let i = 0; i < len; i++) parts.push((b[at + i] ?? 0).toString(16).padStart(2, '0'));
  return parts.join(':');
}

/** Dotted IPv4 of the four bytes at `at` (caller checked bounds). */
export function ipv4At(b: Uint8Array, at: number): string {
  return ipv4Text((((b[at] ?? 0) << 24) | ((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0)) >>> 0);
}

/** RFC 5952 IPv6 of the sixteen bytes at `at` (caller checked bounds). */
export function ipv6At(b: Uint8Array, at: number): string {
  const words = [0, 0, 0, 0];
  for (let i = 0; i < 4; i++) {
    const o = at + i * 4;
    words[i] = (((b[o] ?? 0) << 24) | ((b[o + 1] ?? 0) << 16) | ((b[o + 2] ?? 0) << 8) | (b[o + 3] ?? 0)) >>> 0;
  }
  return ipv6Text(words);
}

/** Whether every byte in [from, to) is printable ASCII or common whitespace: guards text probes. */
export function isPrintableAscii(b: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < Math.min(to, b.length); i++) {
    const c = b[i] ?? 0;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c > 0x7e) return false;
  }
  return true;
}
