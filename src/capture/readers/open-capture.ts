/** Opens a capture source (file path, '-' for stdin, or any byte stream) as a PacketCursor: pcap, pcapng, gzip of either. */
import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { PacketCursor } from '../packet.js';
import { StreamSource } from './byte-source.js';
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
  // The stream closes the handle when it ends or is destroyed.
  return openCaptureStream(pathOrDash, handle.createReadStream({ highWaterMark: READ_CHUNK_BYTES }), totalBytes);
}

/** Opens any byte stream (stdin, a tcpdump child's stdout, a test's stream) under the given name. */
export async function openCaptureStream(name: string, readable: Readable, totalBytes: number | null): Promise<PacketCursor> {
  const cursor = new CaptureCursor(name, new StreamSource(readable, totalBytes));
  try {
    await cursor.detectFormat();
  } catch (err) {
    await cursor.close();
    throw err;
  }
  return cursor;
}
