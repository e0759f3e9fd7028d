/** Reads an SBOM or VEX document for import: size cap, text decoding, JSON parse; failures are one-line AppErrors. */
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

/** An SBOM or VEX document as it arrives: the bytes of a file the CLI read, or of a body the server received. */
export interface DocumentBytes {
  /** The file name or path, as messages name the document. */
  name: string;
  bytes: Uint8Array;
}

export async function readDocument(file: string, maxBytes: number = MAX_DOCUMENT_BYTES): Promise<RawDocument> {
  return decodeDocument({ name: file, bytes: await readDocumentBytes(file, maxBytes) }, maxBytes);
}

/** A file's bytes, refusing what is not a file or is larger than `maxBytes` before reading it. */
export async function readDocumentBytes(file: string, maxBytes: number = MAX_DOCUMENT_BYTES): Promise<Buffer> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new AppError(ErrorCode.BadArgument, `${file}: not a file`);
    if (info.size > maxBytes) throw new AppError(ErrorCode.BadArgument, `${file}: ${info.size} bytes is larger than the ${maxBytes}-byte limit`);
    return await readFile(file);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(ErrorCode.Io, `${file}: cannot read the file`, { cause: err });
  }
}

/** The document's text and digest (no I/O): UTF-8 with or without a byte-order mark. */
export function decodeDocument(doc: DocumentBytes, maxBytes: number = MAX_DOCUMENT_BYTES): RawDocument {
  if (doc.bytes.length > maxBytes) throw new AppError(ErrorCode.BadArgument, `${doc.name}: ${doc.bytes.length} bytes is larger than the ${maxBytes}-byte limit`);
  const bytes = Buffer.from(doc.bytes.buffer, doc.bytes.byteOffset, doc.bytes.length);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // Anything but UTF-8 shows up as a parse error naming the file.
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { file: doc.name, text, sha256 };
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
