/**
 * Reads a CSV byte stream record by record (RFC 4180 via CsvTokenizer): the byte-order mark picks the encoding
 * (Unicode §23.8: EF BB BF UTF-8, FF FE UTF-16LE, FE FF UTF-16BE), the delimiter is guessed from the header line (`,`,
 * `;` as European Excel writes, or tab as Excel's "Unicode Text" export writes), one chunk in memory.
 *
 * UTF-16 is transcoded to UTF-8 by iconv-lite's streaming decoder (which keeps a code unit or surrogate pair split
 * across chunks), so the tokenizer always sees bytes in which `,` `"` CR LF are single ASCII bytes.
 */
import { Buffer } from 'node:buffer';
import iconv from 'iconv-lite';
import { CsvError, CsvTokenizer, DEFAULT_CSV_LIMITS, type CsvLimits, type CsvRow } from './csv-reader.js';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];
const DELIMITERS = [0x2c, 0x3b, 0x09] as const;
/** Enough bytes to see a BOM and a header line. */
const SNIFF_BYTES = 64 * 1024;

export interface CsvStreamOptions {
  limits?: CsvLimits;
  /** A byte value; guessed from the first line when absent. */
  delimiter?: number;
}

function startsWith(buf: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => buf[i] === b);
}

/** The delimiter that occurs most in the first line outside quotes; comma on a tie or none. */
export function guessDelimiter(head: Uint8Array): number {
  const counts = new Map<number, number>();
  let quoted = false;
  for (const c of head) {
    if (c === 0x22) quoted = !quoted;
    else if (!quoted && (c === 0x0a || c === 0x0d)) break;
    else if (!quoted && (DELIMITERS as readonly number[]).includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: number = DELIMITERS[0];
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

type SourceEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

function encodingOf(head: Uint8Array): SourceEncoding {
  if (startsWith(head, UTF16LE_BOM)) return 'utf-16le';
  if (startsWith(head, UTF16BE_BOM)) return 'utf-16be';
  return 'utf-8';
}

/** UTF-16 chunks to UTF-8 bytes; the BOM is dropped (iconv-lite strips it by default). */
async function* utf16ToUtf8(source: AsyncIterable<Uint8Array>, encoding: 'utf-16le' | 'utf-16be'): AsyncGenerator<Uint8Array> {
  const decoder = iconv.getDecoder(encoding);
  for await (const chunk of source) {
    const text = decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (text !== '') yield Buffer.from(text, 'utf8');
  }
  const rest = decoder.end();
  if (rest !== undefined && rest !== '') yield Buffer.from(rest, 'utf8');
}

/** Sniffs the first bytes, then replays them ahead of the rest of the stream. */
async function sniff(source: AsyncIterator<Uint8Array>): Promise<{ head: Uint8Array; done: boolean }> {
  const pending: Uint8Array[] = [];
  let bytes = 0;
  while (bytes < SNIFF_BYTES) {
    const next = await source.next();
    if (next.done === true) return { head: Buffer.concat(pending, bytes), done: true };
    pending.push(next.value);
    bytes += next.value.length;
  }
  return { head: Buffer.concat(pending, bytes), done: false };
}

async function* replay(head: Uint8Array, done: boolean, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (head.length > 0) yield head;
  if (done) return;
  for (let next = await rest.next(); next.done !== true; next = await rest.next()) yield next.value;
}

/** ASCII text in UTF-16 without a BOM: a NUL in every other byte (odd ones for LE, even ones for BE). */
function looksLikeUtf16(head: Uint8Array): boolean {
  const sample = head.subarray(0, Math.min(head.length, 64) & ~1);
  if (sample.length < 4) return false;
  const zeroAt = (parity: number): boolean => sample.every((b, i) => (i % 2 === parity) === (b === 0));
  return zeroAt(1) || zeroAt(0);
}

function checkBody(head: Uint8Array): Uint8Array {
  if (head.includes(0)) {
    if (looksLikeUtf16(head)) throw new CsvError(1, 'UTF-16 text without a byte-order mark; export it as CSV UTF-8 or as Unicode Text');
    throw new CsvError(1, 'NUL bytes: a binary file, not CSV text');
  }
  return startsWith(head, UTF8_BOM) ? head.subarray(UTF8_BOM.length) : head;
}

/** Yields records in file order; throws CsvError when the file cannot be read on. */
export async function* readCsv(source: AsyncIterable<Uint8Array>, options: CsvStreamOptions = {}): AsyncGenerator<CsvRow> {
  let rest: AsyncIterator<Uint8Array> = source[Symbol.asyncIterator]();
  let first = await sniff(rest);
  const encoding = encodingOf(first.head);
  if (encoding !== 'utf-8') {
    // Sniffed again after transcoding, so the binary check and the delimiter guess see UTF-8 either way.
    rest = utf16ToUtf8(replay(first.head, first.done, rest), encoding);
    first = await sniff(rest);
  }
  const head = checkBody(first.head);
  const tokenizer = new CsvTokenizer(options.delimiter ?? guessDelimiter(head), options.limits ?? DEFAULT_CSV_LIMITS);
  const out: CsvRow[] = [];
  tokenizer.push(head, out);
  if (!first.done) {
    for (let next = await rest.next(); next.done !== true; next = await rest.next()) {
      yield* out;
      out.length = 0;
      tokenizer.push(next.value, out);
    }
  }
  tokenizer.end(out);
  yield* out;
}
