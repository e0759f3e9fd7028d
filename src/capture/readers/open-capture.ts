/** Opens a capture source (file path, '-' for stdin, or any byte stream) as a PacketCursor: pcap, pcapng, gzip of either. */
import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { PacketCursor } from '../packet.js';
import { StreamSource, type ByteSource } from './byte-source.js';
import { FileSource } from './file-source.js';
import { CaptureCursor } from './capture-cursor.js';
import { describeIoError, ioFailure } from './capture-errors.js';

/** Read size for files: large enough that refills are rare, small enough that a 10 GB capture streams. */
export const READ_CHUNK_BYTES = 1 << 20;

/**
 * Opens `pathOrDash` ('-' = stdin). Resolves once the format is known, so a missing file or a file that is not a
 * capture fails here with a CaptureError (`not a pcap or pcapng file`), before any packet is asked for.
 */
export async function openCapture(pathOrDash: string): Promise<PacketCursor> {
  if (pathOrDash === '-') return openCaptureStream('-', process.stdin, null);
  let handle: FileHandle;
  try {
    handle = await open(pathOrDash, 'r');
  } catch (err) {
    throw ioFailure(pathOrDash, 0, describeIoError(err));
  }
  let totalBytes: number | null;
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    totalBytes = stat.isFile() ? stat.size : null; // a FIFO or device has no useful size
  } catch (err) {
    await handle.close();
    throw ioFailure(pathOrDash, 0, describeIoError(err));
  }
  if (totalBytes !== null && !(await startsWithGzip(handle))) return openCursor(pathOrDash, new FileSource(handle, totalBytes));
  // Compressed files and FIFOs go through a stream, which closes the handle when it ends or is destroyed.
  return openCaptureStream(pathOrDash, handle.createReadStream({ highWaterMark: READ_CHUNK_BYTES }), totalBytes);
}

/** Opens any byte stream (stdin, a tcpdump child's stdout, a test's stream) under the given name. */
export async function openCaptureStream(name: string, readable: Readable, totalBytes: number | null): Promise<PacketCursor> {
  return openCursor(name, new StreamSource(readable, totalBytes));
}

async function startsWithGzip(handle: FileHandle): Promise<boolean> {
  const head = new Uint8Array(2);
  const { bytesRead } = await handle.read(head, 0, 2, 0);
  return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b; // RFC 1952 §2.3.1
}

async function openCursor(name: string, source: ByteSource): Promise<PacketCursor> {
  const cursor = new CaptureCursor(name, source);
  try {
    await cursor.detectFormat();
  } catch (err) {
    await cursor.close();
    throw err;
  }
  return cursor;
}
