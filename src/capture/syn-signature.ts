/** Reads a SYN's TCP options (RFC 9293 §3.1, RFC 7323, RFC 2018) into a p0f-style signature. Runs once per SYN. */
import type { SynSignature } from './flow.js';
import type { PacketInfo } from './packet-info.js';

const OPTION_NAMES: Record<number, string> = { 0: 'eol', 1: 'nop', 2: 'mss', 3: 'ws', 4: 'sok', 5: 'sack', 8: 'ts' };

export function readSynSignature(d: Uint8Array, info: PacketInfo): SynSignature {
  let mss: number | null = null;
  let windowScale: number | null = null;
  const names: string[] = [];
  let o = info.tcpOptionsOffset;
  const end = o + info.tcpOptionsLength;
  while (o < end) {
    const kind = d[o] ?? 0;
    if (kind === 0) {
      names.push(end - o > 1 ? `eol+${end - o - 1}` : 'eol');
      break;
    }
    if (kind === 1) {
      names.push('nop');
      o++;
      continue;
    }
    const len = d[o + 1] ?? 0;
    if (len < 2 || o + len > end) {
      names.push('?bad');
      break;
    }
    if (kind === 2 && len === 4) mss = ((d[o + 2] ?? 0) << 8) | (d[o + 3] ?? 0);
    if (kind === 3 && len === 3) windowScale = d[o + 2] ?? 0;
    names.push(OPTION_NAMES[kind] ?? `?${kind}`);
    o += len;
  }
  return {
    ttl: info.ttl,
    window: info.window,
    mss,
    windowScale,
    options: names.join(','),
    ipVersion: info.ipVersion,
    ipOptionsLength: info.ipOptionsLength,
  };
}
