/** Growable byte writer for building synthetic protocol payloads (per message, not per packet). */

/** Latin-1 bytes of a string (one byte per char; use for protocol text that is ASCII by definition). */
export function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** Concatenates byte arrays. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Appends integers (big-endian unless named `le`) and bytes; lengths can be patched in afterwards. */
export class ByteWriter {
  private buf = new Uint8Array(256);
  length = 0;

  private room(n: number): number {
    const at = this.length;
    if (at + n > this.buf.length) {
      const bigger = new Uint8Array(Math.max(this.buf.length * 2, at + n));
      bigger.set(this.buf.subarray(0, at));
      this.buf = bigger;
    }
    this.length = at + n;
    return at;
  }

  u8(v: number): this {
    const at = this.room(1); // before reading this.buf: room() may replace it
    this.buf[at] = v & 0xff;
    return this;
  }

  u16(v: number): this {
    const at = this.room(2);
    this.setU16(at, v);
    return this;
  }

  u32(v: number): this {
    const at = this.room(4);
    this.setU32(at, v);
    return this;
  }

  u16le(v: number): this {
    const at = this.room(2);
    this.buf[at] = v & 0xff;
    this.buf[at + 1] = (v >>> 8) & 0xff;
    return this;
  }

  u32le(v: number): this {
    const at = this.room(4);
    for (let i = 0; i < 4; i++) this.buf[at + i] = (v >>> (8 * i)) & 0xff;
    return this;
  }

  bytes(b: Uint8Array): this {
    const at = this.room(b.length);
    this.buf.set(b, at);
    return this;
  }

  ascii(text: string): this {
    return this.bytes(ascii(text));
  }

  /** `n` copies of byte `v`. */
  fill(v: number, n: number): this {
    const at = this.room(n);
    this.buf.fill(v & 0xff, at, at + n);
    return this;
  }

  /** Text padded (or cut) to exactly `n` bytes with `pad` (space-padded AE titles, NUL-padded names). */
  fixed(text: string, n: number, pad = 0x20): this {
    const b = ascii(text.slice(0, n));
    this.bytes(b);
    return this.fill(pad, n - b.length);
  }

  setU16(at: number, v: number): void {
    this.buf[at] = (v >>> 8) & 0xff;
    this.buf[at + 1] = v & 0xff;
  }

  setU32(at: number, v: number): void {
    this.buf[at] = (v >>> 24) & 0xff;
    this.buf[at + 1] = (v >>> 16) & 0xff;
    this.buf[at + 2] = (v >>> 8) & 0xff;
    this.buf[at + 3] = v & 0xff;
  }

  setU32le(at: number, v: number): void {
    for (let i = 0; i < 4; i++) this.buf[at + i] = (v >>> (8 * i)) & 0xff;
  }

  /** A copy of what was written. */
  toBytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}
