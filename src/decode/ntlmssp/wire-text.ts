/** Bounded, control-free text from wire bytes (UTF-16LE, OEM/Latin-1, UTF-8) for NTLMSSP, SMB and SNMP records. */
import { utf8 } from '../byte-cursor.js';

/** Longest string a record keeps. */
export const MAX_TEXT = 256;

/** Drop C0/C1 control characters (and DEL), trim, cap the length. */
export function cleanText(s: string, max = MAX_TEXT): string {
  let out = '';
  const n = Math.min(s.length, max * 2);
  for (let i = 0; i < n && out.length < max; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) continue;
    out += String.fromCharCode(c);
  }
  return out.trim();
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
  return cleanText(s, max);
}

/** OEM (code page unknown to a passive observer: read as Latin-1) text; stops at a NUL. */
export function oemText(b: Uint8Array, max = MAX_TEXT): string {
  let s = '';
  const n = Math.min(b.length, max * 2);
  for (let i = 0; i < n; i++) {
    const c = b[i] ?? 0;
    if (c === 0) break;
    s += String.fromCharCode(c);
  }
  return cleanText(s, max);
}

/** UTF-8 text (invalid sequences replaced), for SNMP octet strings that are printable. */
export function utf8Text(b: Uint8Array, max = MAX_TEXT): string {
  return cleanText(utf8(b.subarray(0, max * 4)), max);
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
