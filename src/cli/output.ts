/**
 * Buffered line output to stdout: lines collect in a chunk written about every 256 KiB, the reader waits for the
 * pipe to drain, and a closed pipe (`wardwatch flows x | head`) ends output quietly instead of crashing.
 */
import type { Writable } from 'node:stream';

const FLUSH_AT = 256 * 1024;
/** Chunk buffers kept for reuse (one is filled at a time). */
const SPARE_BUFFERS = 2;

export class LineWriter {
  private parts: (string | Uint8Array)[] = [];
  /** Some part is bytes: the chunk is concatenated as bytes, not joined as a string. */
  private bytes = false;
  private size = 0;
  private draining: Promise<void> | null = null;
  /** The reader closed the pipe: further output is dropped. */
  closed = false;
  /**
   * Byte chunks written and done with, to fill again: fresh memory for every chunk costs a page fault per 4 KiB
   * (a tenth of the time of a 46 MB device listing on a VM). Only for stdout and stderr, whose bytes are in the kernel
   * once nothing is queued; a stream in the process (a PassThrough) may pass the very buffer on to its reader.
   */
  private readonly spare: Buffer[] | null;

  constructor(private readonly out: Writable = process.stdout) {
    this.spare = out === process.stdout || out === process.stderr ? [] : null;
    out.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') this.closed = true;
    });
  }

  line(text: string): void {
    if (this.closed) return;
    this.parts.push(text, '\n');
    this.size += text.length + 1;
    if (this.size >= FLUSH_AT) this.flushChunk();
  }

  /**
   * One line from pieces, some already UTF-8 (text cached by the database): written as they are, never decoded into
   * strings only to be encoded again.
   */
  lineOf(pieces: readonly (string | Uint8Array)[]): void {
    if (this.closed) return;
    for (const p of pieces) {
      this.parts.push(p);
      this.size += p.length;
      if (typeof p !== 'string') this.bytes = true;
    }
    this.parts.push('\n');
    this.size += 1;
    if (this.size >= FLUSH_AT) this.flushChunk();
  }

  private flushChunk(): void {
    if (this.parts.length === 0 || this.closed) return;
    let chunk: string | Buffer;
    let whole: Buffer | null = null;
    if (this.bytes) {
      const joined = joinBytes(this.parts, this.spare);
      chunk = joined.used;
      whole = joined.whole;
    } else {
      chunk = this.parts.join('');
    }
    this.parts = [];
    this.bytes = false;
    this.size = 0;
    const accepted = this.out.write(chunk);
    // Nothing left queued: the stream wrote the bytes out during write() (a file always; a pipe when it had room).
    if (whole !== null && this.spare !== null && this.out.writableLength === 0 && this.spare.length < SPARE_BUFFERS) this.spare.push(whole);
    if (!accepted && this.draining === null) {
      this.draining = new Promise((resolve) => {
        const done = (): void => {
          this.out.off('drain', done);
          this.out.off('close', done);
          this.draining = null;
          resolve();
        };
        this.out.on('drain', done);
        this.out.on('close', done);
      });
    }
  }

  /** A promise to await before reading more input, when the pipe is full. */
  backpressure(): Promise<void> | null {
    return this.draining;
  }

  async end(): Promise<void> {
    this.flushChunk();
    if (this.draining !== null) await this.draining;
  }
}

/**
 * The pieces as bytes in one buffer (`used`, the start of `whole`), strings encoded straight into it: no buffer per
 * piece (a listing has 40,000 of them). `whole` is a spare one when one is big enough.
 */
function joinBytes(parts: readonly (string | Uint8Array)[], spare: Buffer[] | null): { whole: Buffer; used: Buffer } {
  let size = 0;
  for (const p of parts) size += typeof p === 'string' ? Buffer.byteLength(p) : p.length;
  const k = spare === null ? -1 : spare.findIndex((b) => b.length >= size);
  const whole = spare !== null && k >= 0 ? (spare.splice(k, 1)[0] as Buffer) : Buffer.allocUnsafeSlow(Math.max(size, 2 * FLUSH_AT));
  let at = 0;
  for (const p of parts) {
    if (typeof p === 'string') at += whole.write(p, at);
    else {
      whole.set(p, at);
      at += p.length;
    }
  }
  return { whole, used: whole.subarray(0, size) };
}
