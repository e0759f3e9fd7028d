/**
 * A strict, bounded BER reader for SNMP (X.690 §8.1: identifier, definite short/long-form lengths; §8.3 INTEGER,
 * §8.19 OBJECT IDENTIFIER). Indefinite lengths, multi-byte tags and lengths past the enclosing element are errors.
 */

export class BerError extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
    this.name = 'BerError';
  }
}

/** One TLV: `tag` is the identifier octet; the value is buf[start, end). */
export interface Tlv {
  tag: number;
  start: number;
  end: number;
}

/** SNMP messages fit in a UDP datagram: a length needs at most 3 octets (4 accepted, like net-snmp). */
const MAX_LENGTH_OCTETS = 4;
/** OIDs in SNMP have at most 128 arcs (RFC 2578 §3.5); a longer one is garbage. */
export const MAX_OID_ARCS = 128;
/** INTEGERs longer than this lose precision in a JS number; SNMP's are at most 5 octets (Counter64 is 9). */
const MAX_INTEGER_OCTETS = 6;

export const TAG_INTEGER = 0x02;
export const TAG_OCTET_STRING = 0x04;
export const TAG_NULL = 0x05;
export const TAG_OID = 0x06;
export const TAG_SEQUENCE = 0x30;
/** SMIv2 application types (RFC 2578 §7.1.12): IpAddress. */
export const TAG_IP_ADDRESS = 0x40;

/** Reads the TLV at `at`, whose value must end by `limit`. */
export function readTlv(buf: Uint8Array, at: number, limit: number): Tlv {
  if (at + 2 > limit) throw new BerError(at, 'element header runs past its container');
  const tag = buf[at] ?? 0;
  if ((tag & 0x1f) === 0x1f) throw new BerError(at, 'multi-octet tags are not used by SNMP');
  const first = buf[at + 1] ?? 0;
  let len: number;
  let start: number;
  if (first < 0x80) {
    len = first;
    start = at + 2;
  } else {
    const n = first & 0x7f;
    if (n === 0) throw new BerError(at + 1, 'indefinite length is not allowed');
    if (n > MAX_LENGTH_OCTETS) throw new BerError(at + 1, `length of ${n} octets`);
    if (at + 2 + n > limit) throw new BerError(at + 1, 'length octets run past the container');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (buf[at + 2 + i] ?? 0);
    start = at + 2 + n;
  }
  if (len > limit - start) throw new BerError(at, `element of ${len} bytes runs past its container`);
  return { tag, start, end: start + len };
}

/** Reads the TLV at `at` and checks its tag. */
export function expectTlv(buf: Uint8Array, at: number, limit: number, tag: number, what: string): Tlv {
  const t = readTlv(buf, at, limit);
  if (t.tag !== tag) throw new BerError(at, `${what}: expected tag 0x${tag.toString(16)}, got 0x${t.tag.toString(16)}`);
  return t;
}

/** A signed INTEGER value (X.690 §8.3). */
export function berInteger(buf: Uint8Array, t: Tlv): number {
  const n = t.end - t.start;
  if (n === 0 || n > MAX_INTEGER_OCTETS) throw new BerError(t.start, `integer of ${n} octets`);
  let v = (buf[t.start] ?? 0) >= 0x80 ? -1 : 0;
  for (let i = t.start; i < t.end; i++) v = v * 256 + (buf[i] ?? 0);
  return v;
}

/** Dotted OBJECT IDENTIFIER (X.690 §8.19): base-128 arcs, the first octet(s) holding two arcs. */
export function berOid(buf: Uint8Array, t: Tlv): string {
  if (t.end === t.start) throw new BerError(t.start, 'empty object identifier');
  const arcs: number[] = [];
  let v = 0;
  for (let i = t.start; i < t.end; i++) {
    const b = buf[i] ?? 0;
    if (v === 0 && b === 0x80) throw new BerError(i, 'non-minimal OID arc');
    v = v * 128 + (b & 0x7f);
    if (v > Number.MAX_SAFE_INTEGER / 128) throw new BerError(i, 'OID arc too large');
    if ((b & 0x80) !== 0) continue;
    if (arcs.length === 0) {
      // X.690 §8.19.4: the first subidentifier is 40 * arc1 + arc2, arc1 in 0..2.
      const first = v < 40 ? 0 : v < 80 ? 1 : 2;
      arcs.push(first, v - 40 * first);
    } else arcs.push(v);
    if (arcs.length > MAX_OID_ARCS) throw new BerError(i, 'OID has too many arcs');
    v = 0;
  }
  if ((buf[t.end - 1] ?? 0) & 0x80) throw new BerError(t.end - 1, 'OID ends inside an arc');
  return arcs.join('.');
}
