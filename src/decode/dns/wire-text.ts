/** Bounded, control-free text from wire bytes, shared by the UDP service decoders (dns, dhcp, nbns, ssdp, ntp, syslog). */
import { ipv4Text, ipv6Text } from '../../capture/addr.js';

/** Longest string any of these decoders emits (design: strings are bounded). */
export const MAX_TEXT = 256;

/** Drops C0/C1 control characters and DEL, trims, and caps the length. */
export function cleanText(s: string, max = MAX_TEXT): string {
  let out = '';
  const n = Math.min(s.length, max * 4);
  for (let i = 0; i < n && out.length < max; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0)) continue;
    out += s.charAt(i);
  }
  return out.trim();
}

/** Text of bytes read as UTF-8 when valid, else Latin-1 (both never throw), cleaned and capped. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
export function bytesText(b: Uint8Array, max = MAX_TEXT): string {
  const view = b.subarray(0, max * 4);
  let s: string;
  try {
    s = strictUtf8.decode(view);
  } catch {
    s = '';
    for (let i = 0; i < view.length; i++) s += String.fromCharCode(view[i] ?? 0);
  }
  return cleanText(s, max);
}

/** Lower-case hex of at most `maxBytes` bytes. */
export function hexText(b: Uint8Array, maxBytes = 64): string {
  let s = '';
  const n = Math.min(b.length, maxBytes);
  for (let i = 0; i < n; i++) s += (b[i] ?? 0).toString(16).padStart(2, '0');
  return s;
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
