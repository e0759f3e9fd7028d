/** Capture bytes from a Node stream, gunzipped on the fly when they start with the gzip magic (RFC 1952 §2.3.1). */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, type Gunzip } from 'node:zlib';
import { describeIoError } from './capture-errors.js';

/** Why a source stopped before its natural end; the cursor turns it into a CaptureError after the last good packet. */
export type SourceFailure =
  | { kind: 'gzip-truncated' }
  | { kind: 'gzip-corrupt'; reason: string }
  | { kind: 'io'; reason: string };

/** A pull source of byte chunks. Failures are not thrown: read() returns null and `failure` says why. */
export interface ByteSource {
  read(): Promise<Uint8Array | null>;
  /** Bytes taken from the underlying file or pipe so far (compressed bytes for gzip). */
  readonly bytesRead: number;
  readonly totalBytes: number | null;
  readonly failure: SourceFailure | null;
  close(): Promise<void>;
  /** Sources that can fill a caller's buffer directly (plain files) offer this; 0 means the end. */
  readInto?(target: Uint8Array, offset: number, max: number): Promise<number>;
}

const GZIP_ID1 = 0x1f; // RFC 1952 §2.3.1
const GZIP_ID2 = 0x8b;
/**
 * Node's zlib drops the output of the inflate call that fails, so compressed bytes go in in small pieces (little
 * decompressed data precedes a mid-stream error unseen) and the last 8 bytes go in alone (a trailer CRC error then
 * costs no data at all).
 */
const GUNZIP_PIECE_BYTES = 64 * 1024;
const GZIP_TRAILER_BYTES = 8; // RFC 1952 §2.3: CRC32 + ISIZE

export class StreamSource implements ByteSource {
  bytesRead = 0;
  failure: SourceFailure | null = null;
  private readonly raw: AsyncIterator<unknown>;
  private chunks: AsyncIterator<unknown> | null = null;
  private gunzip: Gunzip | null = null;
  private done = false;

  constructor(
    private readonly readable: Readable,
    readonly totalBytes: number | null,
  ) {
    this.raw = readable[Symbol.asyncIterator]();
  }

  async read(): Promise<Uint8Array | null> {
    if (this.done) return null;
    try {
      this.chunks ??= await this.start();
      for (;;) {
        const r = await this.chunks.next();
        if (r.done === true) break;
        const bytes = asBytes(r.value);
        if (bytes.length > 0) return bytes;
      }
    } catch (err) {
      this.failure = classify(err, this.gunzip !== null);
    }
    this.done = true;
    return null;
  }

  async close(): Promise<void> {
    this.done = true;
    this.gunzip?.destroy();
    this.readable.destroy();
    await Promise.resolve();
  }

  /** Reads until the first two bytes are known, then decides between the raw bytes and a gunzip stream. */
  private async start(): Promise<AsyncIterator<unknown>> {
    const head: Uint8Array[] = [];
    let n = 0;
    while (n < 2) {
      const chunk = await this.rawChunk();
      if (chunk === null) break;
      head.push(chunk);
      n += chunk.length;
    }
    const first = head[0];
    const b0 = first?.[0];
    const b1 = first !== undefined && first.length > 1 ? first[1] : head[1]?.[0];
    const rest = this.rawChunks(head);
    if (b0 !== GZIP_ID1 || b1 !== GZIP_ID2) return rest;
    const gunzip = createGunzip({ chunkSize: GUNZIP_PIECE_BYTES });
    this.gunzip = gunzip;
    // A failure on either side destroys gunzip with that error, which its iterator then throws to read().
    pipeline(Readable.from(gzipPieces(rest)), gunzip).catch(() => undefined);
    return gunzip[Symbol.asyncIterator]();
  }

  private async *rawChunks(head: Uint8Array[]): AsyncGenerator<Uint8Array> {
    yield* head;
    for (;;) {
      const chunk = await this.rawChunk();
      if (chunk === null) return;
      yield chunk;
    }
  }

  private async rawChunk(): Promise<Uint8Array | null> {
    const r = await this.raw.next();
    if (r.done === true) return null;
    const bytes = asBytes(r.value);
    this.bytesRead += bytes.length;
    return bytes;
  }
}

/** Re-cuts compressed chunks: pieces of at most GUNZIP_PIECE_BYTES, and the final 8 bytes held back to go alone. */
async function* gzipPieces(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let carry: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    let bytes = chunk;
    if (carry.length + chunk.length <= 2 * GZIP_TRAILER_BYTES) {
      bytes = new Uint8Array(carry.length + chunk.length);
      bytes.set(carry);
      bytes.set(chunk, carry.length);
    } else if (carry.length > 0) {
      yield carry;
    }
    const keep = Math.min(GZIP_TRAILER_BYTES, bytes.length);
    const body = bytes.length - keep;
    for (let i = 0; i < body; i += GUNZIP_PIECE_BYTES) yield bytes.subarray(i, Math.min(body, i + GUNZIP_PIECE_BYTES));
    carry = bytes.subarray(body);
  }
  if (carry.length > 0) yield carry;
}

function asBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw new TypeError('the stream yields text, not bytes');
}

function classify(err: unknown, gzip: boolean): SourceFailure {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  const message = err instanceof Error ? err.message : String(err);
  if (gzip && code === 'Z_BUF_ERROR') return { kind: 'gzip-truncated' }; // zlib: "unexpected end of file"
  if (gzip && code.startsWith('Z_')) return { kind: 'gzip-corrupt', reason: message };
  return { kind: 'io', reason: describeIoError(err) };
}
