/** Text forms of addresses: dotted IPv4, RFC 5952 IPv6, colon-separated MACs. Used per flow, never per packet. */

export function ipv4Text(w: number): string {
  return `${w >>> 24}.${(w >>> 16) & 255}.${(w >>> 8) & 255}.${w & 255}`;
}

/** RFC 5952: lower case, leading zeros dropped, the longest run (≥ 2) of zero groups as '::'. */
export function ipv6Text(words: ArrayLike<number>): string {
  const groups: number[] = [];
  for (let i = 0; i < 4; i++) {
    const w = words[i] ?? 0;
    groups.push(w >>> 16, w & 0xffff);
  }
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  // IPv4-mapped addresses keep their dotted tail (::ffff:10.0.0.1), as tshark and most tools print them.
  if (bestStart === 0 && bestLen === 5 && groups[5] === 0xffff) return `::ffff:${ipv4Text(words[3] ?? 0)}`;
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

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
