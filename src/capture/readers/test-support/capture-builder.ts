/** Test-only writers for classic pcap and pcapng bytes in either byte order (pcap §4-5, pcapng §4), for cases no tool writes. */

/** A growable little byte writer with a fixed byte order. */
class ByteWriter {
  private buf = new Uint8Array(256);
  private view = new DataView(this.buf.buffer);
  length = 0;

  constructor(public littleEndian: boolean) {}

  private room(n: number): number {
    if (this.length + n > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
      grown.set(this.buf.subarray(0, this.length));
      this.buf = grown;
      this.view = new DataView(grown.buffer);
    }
    const at = this.length;
    this.length += n;
    return at;
  }

  u8(v: number): this {
    const at = this.room(1); // room() may replace buf, so it runs before buf is read
    this.buf[at] = v & 0xff;
    return this;
  }

  u16(v: number): this {
    const at = this.room(2);
    this.view.setUint16(at, v, this.littleEndian);
    return this;
  }

  u32(v: number): this {
    const at = this.room(4);
    this.view.setUint32(at, v >>> 0, this.littleEndian);
    return this;
  }

  i64(v: bigint): this {
    const at = this.room(8);
    this.view.setBigInt64(at, v, this.littleEndian);
    return this;
  }

  bytes(b: Uint8Array): this {
    const at = this.room(b.length);
    this.buf.set(b, at);
    return this;
  }

  pad4(): this {
    while (this.length % 4 !== 0) this.u8(0);
    return this;
  }

  /** Overwrites a u32 already written (block lengths). */
  setU32(at: number, v: number): void {
    this.view.setUint32(at, v >>> 0, this.littleEndian);
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

export interface PcapOptions {
  littleEndian: boolean;
  nanoseconds?: boolean;
  /** Kuznetzov's patched format: magic a1b2cd34 and 24-byte record headers. */
  modified?: boolean;
  /** The whole 32-bit link-type field, so tests can set the FCS bits above the link type. */
  linkTypeField?: number;
  snapLen?: number;
  version?: readonly [number, number];
}

export interface PcapRecord {
  sec: number;
  /** Microseconds or nanoseconds, as the file says. */
  frac: number;
  data: Uint8Array;
  origLen?: number;
}

export function buildPcap(options: PcapOptions, records: readonly PcapRecord[]): Uint8Array {
  const w = new ByteWriter(options.littleEndian);
  w.u32(options.modified === true ? 0xa1b2cd34 : options.nanoseconds === true ? 0xa1b23c4d : 0xa1b2c3d4);
  w.u16(options.version?.[0] ?? 2).u16(options.version?.[1] ?? 4);
  w.u32(0).u32(0).u32(options.snapLen ?? 262_144).u32(options.linkTypeField ?? 1);
  for (const r of records) {
    w.u32(r.sec).u32(r.frac).u32(r.data.length).u32(r.origLen ?? r.data.length);
    if (options.modified === true) w.u32(1).u16(0x0800).u8(0).u8(0);
    w.bytes(r.data);
  }
  return w.result();
}

export interface InterfaceOptions {
  /** if_tsresol byte (default: no option, i.e. microseconds). */
  tsresol?: number;
  tsoffset?: bigint;
}

/** Writes pcapng blocks in order; `section()` starts a new section, possibly in the other byte order. */
export class PcapngBuilder {
  private readonly w: ByteWriter;

  constructor(littleEndian: boolean) {
    this.w = new ByteWriter(littleEndian);
    this.section(littleEndian);
  }

  section(littleEndian: boolean): this {
    this.w.littleEndian = littleEndian;
    return this.block(0x0a0d0d0a, (w) => {
      w.u32(0x1a2b3c4d).u16(1).u16(0).i64(-1n);
    });
  }

  interface(linkType: number, snapLen: number, options: InterfaceOptions = {}): this {
    return this.block(1, (w) => {
      w.u16(linkType).u16(0).u32(snapLen);
      // A name option first, so the parser has to walk past an option it ignores.
      w.u16(2).u16(3).bytes(new Uint8Array([0x65, 0x74, 0x68])).pad4();
      if (options.tsresol !== undefined) w.u16(9).u16(1).u8(options.tsresol).pad4();
      if (options.tsoffset !== undefined) w.u16(14).u16(8).i64(options.tsoffset);
      w.u16(0).u16(0);
    });
  }

  /** Enhanced Packet Block; `ts` is the 64-bit count of the interface's units. */
  epb(ifId: number, ts: bigint, data: Uint8Array, origLen = data.length): this {
    return this.block(6, (w) => {
      w.u32(ifId).u32(Number(ts >> 32n)).u32(Number(ts & 0xffffffffn)).u32(data.length).u32(origLen);
      w.bytes(data).pad4();
    });
  }

  /** Obsolete Packet Block (pcapng Appendix A): 16-bit interface id and a drops count. */
  pb(ifId: number, ts: bigint, data: Uint8Array, origLen = data.length): this {
    return this.block(2, (w) => {
      w.u16(ifId).u16(0).u32(Number(ts >> 32n)).u32(Number(ts & 0xffffffffn)).u32(data.length).u32(origLen);
      w.bytes(data).pad4();
    });
  }

  /** Simple Packet Block: `data` is what is stored (the snaplen cut is the reader's job), `origLen` the wire length. */
  spb(data: Uint8Array, origLen = data.length): this {
    return this.block(3, (w) => {
      w.u32(origLen).bytes(data).pad4();
    });
  }

  /** Any block with an opaque body (NRB, ISB, custom ...), which readers must skip. */
  other(type: number, body: Uint8Array): this {
    return this.block(type, (w) => {
      w.bytes(body).pad4();
    });
  }

  result(): Uint8Array {
    return this.w.result();
  }

  private block(type: number, body: (w: ByteWriter) => void): this {
    const w = this.w;
    const start = w.length;
    w.u32(type).u32(0);
    body(w);
    w.u32(0);
    const total = w.length - start;
    w.setU32(start + 4, total);
    w.setU32(w.length - 4, total);
    return this;
  }
}

/** `n` bytes with a recognisable pattern. */
export function payload(n: number, seed = 1): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed * 7) & 0xff;
  return b;
}
