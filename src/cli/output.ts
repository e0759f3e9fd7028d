/**
 * Buffered line output to stdout: lines collect in a chunk written about every 256 KiB, the reader waits for the
 * pipe to drain, and a closed pipe (`wardwatch flows x | head`) ends output quietly instead of crashing.
 */
import type { Writable } from 'node:stream';

const FLUSH_AT = 256 * 1024;

export class LineWriter {
  private parts: (string | Uint8Array)[] = [];
  /** Some part is bytes: the chunk is concatenated as bytes, not joined as a string. */
  private bytes = false;
  private size = 0;
  private draining: Promise<void> | null = null;
  /** The reader closed the pipe: further output is dropped. */
  closed = false;

  constructor(private readonly out: Writable = process.stdout) {
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
    const chunk = this.bytes ? Buffer.concat(this.parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))) : this.parts.join('');
    this.parts = [];
    this.bytes = false;
    this.size = 0;
    if (!this.out.write(chunk) && this.draining === null) {
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
