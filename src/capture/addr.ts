/** Text forms of addresses: dotted IPv4, RFC 5952 IPv6, colon-separated MACs. Used per flow, never per packet. */
import { ipv4Text, ipv6Text } from '../util/ip-text.js';

export { ipv4Text, ipv6Text };

export function ipText(version: number, words: ArrayLike<number>): string {
  return version === 6 ? ipv6Text(words) : ipv4Text(words[0] ?? 0);
}

export function macText(mac: number): string | null {
  if (mac < 0) return null;
  const hi = Math.floor(mac / 0x100000000);
  const lo = mac >>> 0;
  const bytes = [hi >>> 8, hi & 255, lo >>> 24, (lo >>> 16) & 255, (lo >>> 8) & 255, lo & 255];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** 48-bit MAC at `o` as a number (fits a double exactly). */
export function readMac(d: Uint8Array, o: number): number {
  const hi = ((d[o] ?? 0) << 8) | (d[o + 1] ?? 0);
  const lo = (((d[o + 2] ?? 0) << 24) | ((d[o + 3] ?? 0) << 16) | ((d[o + 4] ?? 0) << 8) | (d[o + 5] ?? 0)) >>> 0;
  return hi * 0x100000000 + lo;
}

let cachedSec = Number.NaN;
let cachedBase = '';

/** ISO 8601 with microseconds, UTC: 2026-11-29T01:37:17.123456Z (the date part is cached per second). */
export function isoTime(sec: number, nsec: number): string {
  if (sec !== cachedSec) {
    cachedSec = sec;
    cachedBase = new Date(sec * 1000).toISOString().slice(0, 19); // YYYY-MM-DDTHH:MM:SS
  }
  const micros = Math.floor(nsec / 1000).toString().padStart(6, '0');
  return `${cachedBase}.${micros}Z`;
}
