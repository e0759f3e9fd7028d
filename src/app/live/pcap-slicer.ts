/**
 * Cuts a live classic pcap stream (`tcpdump -w -`; libpcap savefile format, https://www.tcpdump.org/manpages/pcap-savefile.5.html)
 * into consecutive captures, each the stream's global header followed by whole packet records, so every slice can be
 * analysed as one run (findings and events need a run's end). A slice starts at its first packet and ends `sliceMs`
 * later, or when the stream ends: a quiet network makes no empty runs. Bytes are pulled only while a slice is read,
 * so an analysis that falls behind holds tcpdump back (the kernel then drops, and tcpdump reports it) rather than
 * memory growing.
 */
import { Readable } from 'node:stream';
import { AppError, ErrorCode } from '../../util/app-error.js';

/** pcap-savefile(5): 24-byte file header, 16-byte record header whose third word is the captured length. */
const FILE_HEADER_BYTES = 24;
const RECORD_HEADER_BYTES = 16;
const MAGIC_MICRO = 0xa1b2c3d4;
const MAGIC_NANO = 0xa1b23c4d;
/** Larger than any snap length tcpdump uses (262144): a bigger length is damage, passed on for the reader to report. */
const MAX_RECORD_BYTES = 1 << 20;

type Chunk = IteratorResult<unknown>;

export class PcapSlicer {
  private readonly source: AsyncIterator<unknown>;
  private header: Buffer | null = null;
  private littleEndian = true;
  private carry: Buffer = Buffer.alloc(0);
  private pending: Promise<Chunk> | null = null;
  private ended = false;
  private readyPromise: Promise<boolean> | null = null;

  constructor(stream: Readable) {
    this.source = stream[Symbol.asyncIterator]();
  }

  /** True once the stream ended and every byte was handed out. */
  get finished(): boolean {
    return this.ended && this.carry.length === 0;
  }

  /**
   * Resolves true when a slice can start (the header and at least one whole record are in hand, or a damaged tail is
   * left to pass on), false when the stream ended with nothing more. Memoised until the next slice is taken.
   */
  ready(): Promise<boolean> {
    this.readyPromise ??= this.waitReady();
    return this.readyPromise;
  }

  /** The next slice (call after ready() resolved true): header, then whole records until `sliceMs` pass or the end. */
  slice(sliceMs: number): Readable {
    const header = this.header;
    if (header === null) throw new Error('PcapSlicer.slice before ready()');
    this.readyPromise = null;
    return Readable.from(this.records(header, Date.now() + sliceMs), { objectMode: false });
  }

  private async *records(header: Buffer, untilMs: number): AsyncGenerator<Buffer> {
    yield header;
    for (;;) {
      const whole = this.wholeRecordBytes();
      if (whole > 0) {
        yield this.take(whole);
        continue;
      }
      if (this.ended) {
        // A record cut short at the end (tcpdump killed mid-write) goes to the reader, which reports the truncation.
        if (this.carry.length > 0) yield this.take(this.carry.length);
        return;
      }
      const got = await this.pull(untilMs - Date.now());
      if (got === 'late') return;
      this.accept(got);
    }
  }

  private async waitReady(): Promise<boolean> {
    while (this.header === null) {
      if (this.ended) return false;
      this.accept(await this.pull(null) as Chunk);
      if (this.carry.length >= FILE_HEADER_BYTES) this.header = this.readHeader();
    }
    while (this.wholeRecordBytes() === 0 && !this.ended) this.accept(await this.pull(null) as Chunk);
    return this.carry.length > 0;
  }

  private readHeader(): Buffer {
    const le = this.carry.readUInt32LE(0);
    const be = this.carry.readUInt32BE(0);
    if (le === MAGIC_MICRO || le === MAGIC_NANO) this.littleEndian = true;
    else if (be === MAGIC_MICRO || be === MAGIC_NANO) this.littleEndian = false;
    else throw new AppError(ErrorCode.NotCapture, 'the live stream is not a pcap capture (tcpdump -w - writes one)');
    return this.take(FILE_HEADER_BYTES);
  }

  /** The next chunk, or 'late' when `waitMs` passes first (the read stays pending for the next slice). */
  private async pull(waitMs: number | null): Promise<Chunk | 'late'> {
    this.pending ??= this.source.next();
    const read = this.pending;
    if (waitMs === null) {
      const r = await read;
      this.pending = null;
      return r;
    }
    if (waitMs <= 0) return 'late';
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => { timer = setTimeout(() => { resolve('late'); }, waitMs); });
    const r = await Promise.race([read, late]);
    clearTimeout(timer);
    if (r !== 'late') this.pending = null;
    return r;
  }

  private accept(r: Chunk): void {
    if (r.done === true) {
      this.ended = true;
      return;
    }
    const chunk = r.value;
    const bytes = Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    this.carry = this.carry.length === 0 ? bytes : Buffer.concat([this.carry, bytes]);
  }

  /** How many leading bytes of `carry` are whole records (all of it when a length is impossible: damage is passed on). */
  private wholeRecordBytes(): number {
    if (this.header === null) return 0;
    let off = 0;
    while (off + RECORD_HEADER_BYTES <= this.carry.length) {
      const len = this.littleEndian ? this.carry.readUInt32LE(off + 8) : this.carry.readUInt32BE(off + 8);
      if (len > MAX_RECORD_BYTES) return this.carry.length;
      if (off + RECORD_HEADER_BYTES + len > this.carry.length) break;
      off += RECORD_HEADER_BYTES + len;
    }
    return off;
  }

  private take(n: number): Buffer {
    const out = this.carry.subarray(0, n);
    this.carry = this.carry.subarray(n);
    return out;
  }
}
