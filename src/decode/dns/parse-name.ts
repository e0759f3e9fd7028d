/** DNS domain names with message compression (RFC 1035 §3.1, §4.1.4), loop-safe and length-bounded. */
import { bytesText } from '../common/text.js';

/** RFC 1035 §2.3.4: 255 octets on the wire; also bounds the label loop. */
const MAX_NAME_OCTETS = 255;
/** Compression pointers followed before a name is declared a loop. */
const MAX_JUMPS = 32;

export interface NameRead {
  /** Dotted text, '.' for the root; each label cleaned of control characters. */
  name: string;
  /** Offset just past the name where it began (after the first pointer when compressed). */
  next: number;
}

/**
 * Reads the name at `at` in `msg`. Returns null when a label or pointer runs past the end, a pointer loops or
 * points forward into itself too often, the name is longer than 255 octets, or a label type is reserved (0x40/0x80).
 */
export function readName(msg: Uint8Array, at: number): NameRead | null {
  let pos = at;
  let next = -1;
  let jumps = 0;
  let octets = 0;
  let name = '';
  for (;;) {
    if (pos >= msg.length) return null;
    const len = msg[pos] ?? 0;
    if (len === 0) {
      if (next < 0) next = pos + 1;
      break;
    }
    const type = len & 0xc0;
    if (type === 0xc0) {
      if (pos + 1 >= msg.length) return null;
      if (++jumps > MAX_JUMPS) return null;
      if (next < 0) next = pos + 2;
      pos = ((len & 0x3f) << 8) | (msg[pos + 1] ?? 0);
      continue;
    }
    if (type !== 0) return null; // RFC 6891 §5: extended label types are obsolete
    if (pos + 1 + len > msg.length) return null;
    octets += len + 1;
    if (octets > MAX_NAME_OCTETS) return null;
    const label = bytesText(msg.subarray(pos + 1, pos + 1 + len), 63);
    name = name === '' ? label : `${name}.${label}`;
    pos += 1 + len;
  }
  return { name: name === '' ? '.' : name, next };
}
