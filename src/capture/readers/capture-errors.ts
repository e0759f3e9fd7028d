/** The three ways a capture file can be bad, as `CaptureError`s with the messages the CLI prints. */
import { CaptureError, ErrorCode } from '../../util/app-error.js';

/** The bytes are neither pcap nor pcapng (nor gzip of either); the CLI prints `error: <file>: not a pcap or pcapng file`. */
export function notCapture(file: string): CaptureError {
  return new CaptureError(ErrorCode.NotCapture, file, 0, 'not a pcap or pcapng file');
}

/** The file ends inside the record that starts at `byteOffset` (offset in the decompressed bytes). */
export function truncated(file: string, byteOffset: number): CaptureError {
  return new CaptureError(ErrorCode.CaptureTruncated, file, byteOffset, `capture truncated at byte ${byteOffset}`);
}

/** A record that cannot be right (impossible length, unknown interface ...), starting at `byteOffset`. */
export function corrupt(file: string, byteOffset: number, reason: string): CaptureError {
  return new CaptureError(ErrorCode.CaptureCorrupt, file, byteOffset, `capture corrupt at byte ${byteOffset}: ${reason}`);
}

/** The bytes could not be read at all (missing file, permission, read error). */
export function ioFailure(file: string, byteOffset: number, reason: string): CaptureError {
  return new CaptureError(ErrorCode.Io, file, byteOffset, reason);
}

/** A Node system error turned into a short reason without the path (the CLI prints the path itself). */
export function describeIoError(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return err instanceof Error ? `cannot read: ${err.message}` : 'cannot read';
  }
}
