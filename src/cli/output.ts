/**
 * Buffered line output to stdout: lines collect in a chunk written about every 256 KiB, the reader waits for the
 * pipe to drain, and a closed pipe (`wardwatch flows x | head`) ends output quietly instead of crashing.
 */
import type { Writable } from 'node:stream';

const FLUSH_AT = 256 * 1024;

export class LineWriter {
  private parts: string[] = [];
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

  private flushChunk(): void {
    if (this.parts.length === 0 || this.closed) return;
    const chunk = this.parts.join('');
    this.parts = [];
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
