/** The buffered pull cursor over one capture source: format detection, buffer handling, end-of-data verdicts. */
import { newPacketRef, type CursorStep, type PacketCursor, type PacketRef } from '../packet.js';
import type { ByteSource } from './byte-source.js';
import { corrupt, ioFailure, notCapture, truncated } from './capture-errors.js';
import { PcapParser, pcapMagic } from './pcap-parser.js';
import { PcapngParser } from './pcapng-parser.js';
import { NEED_MORE, type RecordParser } from './record-parser.js';

const PCAPNG_SHB_TYPE = [0x0a, 0x0d, 0x0d, 0x0a] as const; // pcapng §4.1, same in both byte orders
/** Working buffer for direct file reads: big enough that refills are rare, small enough to stay in cache. */
const DIRECT_READ_BYTES = 4 << 20;

/**
 * Owns one working buffer. `buf[start, end)` holds bytes not yet parsed; `base` is the file offset of `buf[0]`.
 * refill() moves the leftover of a partial record to the front and appends the next chunk, growing the buffer
 * only when the bytes present do not fit, so its size follows the largest record actually seen.
 */
export class CaptureCursor implements PacketCursor {
  readonly packet: PacketRef = newPacketRef();
  private buf = new Uint8Array(0);
  private view = new DataView(this.buf.buffer);
  private start = 0;
  private end = 0;
  private base = 0;
  private parser: RecordParser | null = null;
  private ended = false;
  /** The error that stopped this cursor; thrown again by every later next(). */
  private failed: Error | null = null;

  constructor(
    readonly name: string,
    private readonly source: ByteSource,
  ) {}

  get bytesRead(): number {
    return this.source.bytesRead;
  }

  get totalBytes(): number | null {
    return this.source.totalBytes;
  }

  /** Reads until the format is known; throws `not a pcap or pcapng file` (or an I/O error) early. */
  async detectFormat(): Promise<void> {
    for (;;) {
      if (this.failed !== null) throw this.failed;
      try {
        if ((this.parser ?? this.choose()) !== null) return;
      } catch (err) {
        throw this.stop(err);
      }
      await this.refill();
    }
  }

  next(): CursorStep {
    if (this.failed !== null) throw this.failed;
    try {
      return this.step();
    } catch (err) {
      throw this.stop(err);
    }
  }

  async refill(): Promise<void> {
    if (this.ended || this.failed !== null) return;
    if (this.source.readInto !== undefined) {
      await this.fillDirect(this.source.readInto.bind(this.source));
      return;
    }
    const chunk = await this.source.read();
    if (chunk === null) this.ended = true;
    else this.append(chunk);
  }

  async close(): Promise<void> {
    this.ended = true;
    await this.source.close();
  }

  private step(): CursorStep {
    const parser = this.parser ?? this.choose();
    if (parser === null) return 'refill';
    const packet = this.packet;
    for (;;) {
      const len = parser.parse(this.buf, this.view, this.start, this.end, this.base + this.start, packet);
      if (len === NEED_MORE) return this.ended ? this.finish() : 'refill';
      this.start += len; // len > 0: every pass advances
      if (parser.isPacket) return 'packet';
    }
  }

  /** Picks the parser from the first four bytes; null while they have not arrived. */
  private choose(): RecordParser | null {
    const at = this.start;
    if (this.end - at < 4) {
      if (!this.ended) return null;
      throw this.source.failure === null ? notCapture(this.name) : this.damage();
    }
    const b = this.buf;
    const b0 = b[at] ?? 0;
    const b1 = b[at + 1] ?? 0;
    const b2 = b[at + 2] ?? 0;
    const b3 = b[at + 3] ?? 0;
    if (pcapMagic(b0, b1, b2, b3) !== null) this.parser = new PcapParser(this.name);
    else if (b0 === PCAPNG_SHB_TYPE[0] && b1 === PCAPNG_SHB_TYPE[1] && b2 === PCAPNG_SHB_TYPE[2] && b3 === PCAPNG_SHB_TYPE[3]) {
      this.parser = new PcapngParser(this.name);
    } else throw notCapture(this.name);
    return this.parser;
  }

  /** The bytes have stopped: a clean end, or the error that explains why the rest is missing. */
  private finish(): CursorStep {
    if (this.start < this.end || this.source.failure !== null) throw this.damage();
    return 'end';
  }

  /** The error for bytes that stopped at the unparsed position (inside a record, or a failed read). */
  private damage(): Error {
    const at = this.base + this.start;
    const failure = this.source.failure;
    if (failure?.kind === 'io') return ioFailure(this.name, at, failure.reason);
    if (failure?.kind === 'gzip-corrupt') return corrupt(this.name, at, `gzip data damaged (${failure.reason})`);
    return truncated(this.name, at);
  }

  /** Remembers the error so every later call fails the same way instead of reading on. */
  private stop(err: unknown): Error {
    this.failed = err instanceof Error ? err : new Error(String(err));
    return this.failed;
  }

  /** Moves the unparsed bytes to the front, then reads straight into the free space behind them. */
  private async fillDirect(readInto: (target: Uint8Array, offset: number, max: number) => Promise<number>): Promise<void> {
    this.compact();
    const keep = this.end;
    // A record larger than the free space (a jumbo frame after a full buffer) doubles the buffer.
    if (this.buf.length - keep < DIRECT_READ_BYTES / 2) this.grow(Math.max(DIRECT_READ_BYTES, this.buf.length * 2));
    const n = await readInto(this.buf, keep, this.buf.length - keep);
    if (n === 0) this.ended = true;
    else this.end = keep + n;
  }

  private compact(): void {
    if (this.start === 0) return;
    const keep = this.end - this.start;
    if (keep > 0) this.buf.copyWithin(0, this.start, this.end);
    this.base += this.start;
    this.start = 0;
    this.end = keep;
  }

  private grow(size: number): void {
    const grown = new Uint8Array(size);
    grown.set(this.buf.subarray(0, this.end));
    this.buf = grown;
    this.view = new DataView(grown.buffer);
  }

  private append(chunk: Uint8Array): void {
    const keep = this.end - this.start;
    if (this.start > 0) {
      if (keep > 0) this.buf.copyWithin(0, this.start, this.end);
      this.base += this.start;
      this.start = 0;
      this.end = keep;
    }
    const need = keep + chunk.length;
    if (need > this.buf.length) {
      const grown = new Uint8Array(Math.max(need, this.buf.length * 2));
      grown.set(this.buf.subarray(0, keep));
      this.buf = grown;
      this.view = new DataView(grown.buffer);
    }
    this.buf.set(chunk, keep);
    this.end = need;
  }
}
