/** Reads an SBOM or VEX file for import: size cap, text decoding, JSON parse; failures are one-line AppErrors. */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { AppError, ErrorCode } from '../../util/app-error.js';

/** Far above any real device SBOM (the largest public ones are a few MB) and still parseable in memory. */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

export interface RawDocument {
  file: string;
  text: string;
  sha256: string;
}

export async function readDocument(file: string, maxBytes: number = MAX_DOCUMENT_BYTES): Promise<RawDocument> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new AppError(ErrorCode.BadArgument, `${file}: not a file`);
    if (info.size > maxBytes) throw new AppError(ErrorCode.BadArgument, `${file}: ${info.size} bytes is larger than the ${maxBytes}-byte limit`);
    bytes = await readFile(file);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(ErrorCode.Io, `${file}: cannot read the file`, { cause: err });
  }
  return documentFromBytes(file, bytes);
}

/** A document already in memory (an upload): its text and SHA-256, as readDocument gives for a file. */
export function documentFromBytes(file: string, bytes: Buffer): RawDocument {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // UTF-8 with or without a byte-order mark; anything else shows up as a parse error naming the file.
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { file, text, sha256 };
}

/** JSON.parse (iterative in V8, so deep nesting cannot overflow the stack) with the file named in the error. */
export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] ?? 'parse error' : 'parse error';
    throw new AppError(ErrorCode.BadArgument, `${file}: not valid JSON (${why})`);
  }
}

/** True when the text starts (after whitespace) with `{`: a JSON document rather than tag-value or XML. */
export function looksLikeJson(text: string): boolean {
  return /^\s*\{/.test(text.slice(0, 1024));
}
