/** A bounds-checked reader over bytes: every length a decoder trusts goes through here. */

export class OutOfBounds extends Error {
  constructor(readonly offset: number, readonly wanted: number) {
    super(`read of ${wanted} bytes at offset ${offset} runs past the end`);
    this.name = 'OutOfBounds';
  }
}

/**
 * Reads big-endian (network order) unless told otherwise. A read past the end throws `OutOfBounds`,
 * which a decoder catches once at its top level and turns into a `DecodeIssue`.
 */
export class ByteCursor {
  pos: number;
  readonly end: number;

  constructor(readonly buf: Uint8Array, start = 0, end = buf.length) {
    this.pos = start;
    this.end = Math.min(end, buf.length);
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private need(n: number): number {
    if (n < 0 || this.pos + n > this.end) throw new OutOfBounds(this.pos, n);
    const at = this.pos;
    this.pos += n;
    return at;
  }

  u8(): number {
    return this.buf[this.need(1)] ?? 0;
  }

  u16(littleEndian = false): number {
    const at = this.need(2);
    const a = this.buf[at] ?? 0;
    const b = this.buf[at + 1] ?? 0;
    return littleEndian ? a | (b << 8) : (a << 8) | b;
  }

  u32(littleEndian = false): number {
    const at = this.need(4);
    const a = this.buf[at] ?? 0;
    const b = this.buf[at + 1] ?? 0;
    const c = this.buf[at + 2] ?? 0;
    const d = this.buf[at + 3] ?? 0;
    return littleEndian ? (a | (b << 8) | (c << 16) | (d << 24)) >>> 0 : ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
  }

  /** A view (no copy) of the next n bytes. */
  bytes(n: number): Uint8Array {
    const at = this.need(n);
    return this.buf.subarray(at, at + n);
  }

  skip(n: number): void {
    this.need(n);
  }

  /** A sub-cursor over the next n bytes; this cursor moves past them. */
  sub(n: number): ByteCursor {
    const at = this.need(n);
    return new ByteCursor(this.buf, at, at + n);
  }

  /** The next n bytes as Latin-1 text (one char per byte: safe for any bytes). */
  latin1(n: number): string {
    return latin1(this.bytes(n));
  }
}

/** Latin-1 text of bytes; bounded callers only (no giant strings on the hot path). */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i] ?? 0);
  return s;
}

/** UTF-8 text with invalid sequences replaced, never throwing. */
const utf8Decoder = new TextDecoder('utf-8', { fatal: false });
export function utf8(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
}

/** Index of `needle` in `hay` from `from`, or -1. */
export function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from = 0, to = hay.length): number {
  const last = Math.min(to, hay.length) - needle.length;
  const first = needle[0];
  outer: for (let i = from; i <= last; i++) {
    if (hay[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
