/** Streaming classic-pcap writer (draft-ietf-opsawg-pcap §4 file header, §5 packet record), buffered. */

import { closeSync, openSync, writeSync } from 'node:fs';

/** §4: magic for microsecond timestamps. */
export const PCAP_MAGIC_USEC = 0xa1b2c3d4;
/** §4: magic for nanosecond timestamps. */
export const PCAP_MAGIC_NSEC = 0xa1b23c4d;
/** LINKTYPE_ETHERNET (tcpdump.org link-layer header types). */
export const LINKTYPE_ETHERNET = 1;

const FILE_HEADER_LEN = 24;
const RECORD_HEADER_LEN = 16;
const DEFAULT_BUFFER_BYTES = 4 * 1024 * 1024;

/** Where synthesised frames go: the pcap writer, or a test's collector. */
export interface PacketSink {
  /** `frame[offset, offset + length)` is one frame; `origLen` defaults to `length`. */
  writePacket(frame: Uint8Array, offset: number, length: number, tsSec: number, tsNsec: number, origLen?: number): void;
}

export interface PcapWriterOptions {
  /** Write the nanosecond magic and nanosecond fractions (default: microseconds). */
  readonly nanosecond?: boolean;
  readonly linkType?: number;
  /** Frames longer than this are cut (caplen < origlen), like tcpdump -s. Default 262144. */
  readonly snapLen?: number;
  /** Size of the staging buffer; one write syscall per full buffer. Default 4 MiB. */
  readonly bufferBytes?: number;
}

/** A file descriptor (written with writeSync, no copy) or a callback that receives a fresh copy of each chunk, e.g. `(c) => stream.write(c)` for a WriteStream. */
export type PcapTarget = number | ((chunk: Uint8Array) => void);

/**
 * Writes little-endian classic pcap. Records are staged in one large buffer and handed to the target a
 * whole buffer at a time, so writing millions of packets costs a few hundred syscalls, not millions.
 */
export class PcapWriter implements PacketSink {
  private readonly target: PcapTarget;
  private readonly ownsFd: boolean;
  private readonly nanosecond: boolean;
  private readonly snapLen: number;
  private readonly buf: Uint8Array;
  private readonly view: DataView;
  private used = 0;
  private closed = false;
  /** Packets written so far. */
  packets = 0;
  /** Bytes of file output so far (header included), flushed or not. */
  bytes = 0;

  /** Create (truncate) `path` and write to it; `close()` closes the file. */
  static toFile(path: string, options: PcapWriterOptions = {}): PcapWriter {
    return new PcapWriter(openSync(path, 'w'), options, true);
  }

  constructor(target: PcapTarget, options: PcapWriterOptions = {}, ownsFd = false) {
    this.target = target;
    this.ownsFd = ownsFd && typeof target === 'number';
    this.nanosecond = options.nanosecond ?? false;
    this.snapLen = options.snapLen ?? 262144;
    const size = Math.max(options.bufferBytes ?? DEFAULT_BUFFER_BYTES, FILE_HEADER_LEN + RECORD_HEADER_LEN + this.snapLen);
    this.buf = new Uint8Array(size);
    this.view = new DataView(this.buf.buffer);
    const v = this.view;
    v.setUint32(0, this.nanosecond ? PCAP_MAGIC_NSEC : PCAP_MAGIC_USEC, true);
    v.setUint16(4, 2, true); // version 2.4 (§4)
    v.setUint16(6, 4, true);
    v.setUint32(8, 0, true); // reserved (formerly thiszone)
    v.setUint32(12, 0, true); // reserved (formerly sigfigs)
    v.setUint32(16, this.snapLen, true);
    v.setUint32(20, options.linkType ?? LINKTYPE_ETHERNET, true);
    this.used = FILE_HEADER_LEN;
    this.bytes = FILE_HEADER_LEN;
  }

  writePacket(frame: Uint8Array, offset: number, length: number, tsSec: number, tsNsec: number, origLen = length): void {
    if (this.closed) throw new Error('PcapWriter: write after close');
    const capLen = length < this.snapLen ? length : this.snapLen;
    const need = RECORD_HEADER_LEN + capLen;
    if (this.used + need > this.buf.length) this.flush();
    const v = this.view;
    const at = this.used;
    v.setUint32(at, tsSec, true);
    v.setUint32(at + 4, this.nanosecond ? tsNsec : Math.floor(tsNsec / 1000), true);
    v.setUint32(at + 8, capLen, true);
    v.setUint32(at + 12, origLen, true);
    this.buf.set(frame.subarray(offset, offset + capLen), at + RECORD_HEADER_LEN);
    this.used = at + need;
    this.bytes += need;
    this.packets++;
  }

  /** Hand everything staged so far to the target. */
  flush(): void {
    if (this.used === 0) return;
    const t = this.target;
    if (typeof t === 'number') {
      let done = 0;
      while (done < this.used) done += writeSync(t, this.buf, done, this.used - done);
    } else {
      t(this.buf.slice(0, this.used));
    }
    this.used = 0;
  }

  /** Flush, and close the file if this writer opened it. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    if (this.ownsFd && typeof this.target === 'number') closeSync(this.target);
  }
}
