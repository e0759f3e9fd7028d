/** Reading a source's bytes with a size cap: a local file (stat first) or an http(s) URL (Node fetch, timeout). */
import { open, stat } from 'node:fs/promises';
import type { ReadableStreamDefaultReader, ReadableStreamReadResult } from 'node:stream/web';
import { AppError, ErrorCode } from '../../util/app-error.js';

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface FetchLimits { maxBytes: number; timeoutMs: number }

export type TextFetcher = (url: string, limits: FetchLimits) => Promise<string>;

function mib(n: number): string {
  if (n < 1024) return `${n} bytes`;
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}

export async function readFileText(file: string, limits: FetchLimits): Promise<string> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new AppError(ErrorCode.BadArgument, 'not a regular file');
    size = s.size;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(ErrorCode.Io, `cannot read (${err instanceof Error && 'code' in err ? String(err.code) : 'error'})`, { cause: err });
  }
  if (size > limits.maxBytes) throw new AppError(ErrorCode.BadArgument, `file is ${mib(size)}, over the ${mib(limits.maxBytes)} limit (--max-size)`);
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buf, 0, size, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** GET with a timeout; the body is read as a stream and abandoned past maxBytes. */
export const fetchUrlText: TextFetcher = async (url, limits) => {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(limits.timeoutMs), redirect: 'follow', headers: { accept: 'application/json, text/plain' } });
  } catch (err) {
    const why = err instanceof Error && err.name === 'TimeoutError' ? `no answer within ${limits.timeoutMs / 1000} s` : err instanceof Error ? err.message : String(err);
    throw new AppError(ErrorCode.Io, `cannot fetch (${why})`, { cause: err });
  }
  if (!response.ok) throw new AppError(ErrorCode.Io, `HTTP ${response.status} ${response.statusText}`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limits.maxBytes) throw new AppError(ErrorCode.BadArgument, `response is ${mib(declared)}, over the ${mib(limits.maxBytes)} limit`);
  if (response.body === null) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader() as unknown as ReadableStreamDefaultReader<Uint8Array>;
  for (;;) {
    const chunk: ReadableStreamReadResult<Uint8Array> = await reader.read();
    if (chunk.done) break;
    const value = chunk.value;
    total += value.byteLength;
    if (total > limits.maxBytes) {
      await reader.cancel();
      throw new AppError(ErrorCode.BadArgument, `response is over the ${mib(limits.maxBytes)} limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
};
