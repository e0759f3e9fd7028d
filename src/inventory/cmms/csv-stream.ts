/**
 * Reads a CSV byte stream record by record (RFC 4180 via CsvTokenizer): BOM, UTF-16 and binary checks on the first
 * bytes, the delimiter guessed from the header line (`,`, `;` as European Excel writes, or tab), one chunk in memory.
 */
import { Buffer } from 'node:buffer';
import { CsvError, CsvTokenizer, DEFAULT_CSV_LIMITS, type CsvLimits, type CsvRow } from './csv-reader.js';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
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

function checkHead(head: Uint8Array): Uint8Array {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    throw new CsvError(1, 'the file is UTF-16 text; export it as CSV UTF-8');
  }
  if (head.includes(0)) throw new CsvError(1, 'NUL bytes: a binary file, not CSV text');
  return startsWith(head, UTF8_BOM) ? head.subarray(UTF8_BOM.length) : head;
}

/** Yields records in file order; throws CsvError when the file cannot be read on. */
export async function* readCsv(source: AsyncIterable<Uint8Array>, options: CsvStreamOptions = {}): AsyncGenerator<CsvRow> {
  let tokenizer: CsvTokenizer | null = null;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const out: CsvRow[] = [];
  const start = (head: Uint8Array): CsvTokenizer => {
    const body = checkHead(head);
    const t = new CsvTokenizer(options.delimiter ?? guessDelimiter(body), options.limits ?? DEFAULT_CSV_LIMITS);
    t.push(body, out);
    return t;
  };
  for await (const chunk of source) {
    if (tokenizer === null) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < SNIFF_BYTES) continue;
      tokenizer = start(Buffer.concat(pending, pendingBytes));
      pending = [];
    } else {
      tokenizer.push(chunk, out);
    }
    yield* out;
    out.length = 0;
  }
  tokenizer ??= start(Buffer.concat(pending, pendingBytes));
  tokenizer.end(out);
  yield* out;
}
