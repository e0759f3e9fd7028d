/**
 * Streaming CSV reader (RFC 4180 §2: quoted fields, "" escapes, CRLF or LF, plus a UTF-8 BOM and lone CR endings).
 *
 * It works on bytes, not text: the delimiter, quote, CR and LF are ASCII and mean the same in UTF-8 and Windows-1252,
 * so records are split before any decoding and each cell is decoded on its own (see cell-text.ts). Memory is bounded
 * by the limits below whatever the file's size: a cell or record past its limit stops being kept, its row is reported
 * and skipped, and the quote state is still tracked so the next record starts in the right place.
 */
import { AppError, ErrorCode } from '../../util/app-error.js';
import { decodeCell } from './cell-text.js';

export interface CsvLimits {
  maxColumns: number;
  maxCellBytes: number;
  maxRecordBytes: number;
}

export const DEFAULT_CSV_LIMITS: CsvLimits = { maxColumns: 256, maxCellBytes: 64 * 1024, maxRecordBytes: 1024 * 1024 };

export type CsvProblem = 'too-many-columns' | 'cell-too-long' | 'record-too-long' | 'text-after-quote' | 'nul-byte';

/** A record (`cells`), or a record that broke a rule and is to be skipped (`problem`); `line` is where it starts. */
export type CsvRow =
  | { line: number; cells: string[]; windows1252: boolean; problem: null }
  | { line: number; cells: null; windows1252: boolean; problem: CsvProblem };

/** The file cannot be read on (unterminated quote, UTF-16, binary): the whole import stops. */
export class CsvError extends AppError {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(ErrorCode.BadArgument, `line ${line}: ${message}`);
    this.name = 'CsvError';
  }
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const QUOTE_BYTE = Uint8Array.of(QUOTE);

const enum State { FieldStart, Unquoted, Quoted, QuoteSeen, AfterCr }

export class CsvTokenizer {
  private state = State.FieldStart;
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private parts: Uint8Array[] = [];
  private cellBytes = 0;
  private recordBytes = 0;
  private cells: string[] = [];
  private problem: CsvProblem | null = null;
  private windows1252 = false;

  constructor(
    private readonly delimiter: number = 0x2c,
    private readonly limits: CsvLimits = DEFAULT_CSV_LIMITS,
  ) {}

  /** Feed bytes; completed records are pushed onto `out`. */
  push(buf: Uint8Array, out: CsvRow[]): void {
    const len = buf.length;
    let i = 0;
    while (i < len) {
      switch (this.state) {
        case State.AfterCr:
          this.state = State.FieldStart;
          if (buf[i] === LF) i++;
          break;
        case State.FieldStart:
          if (buf[i] === QUOTE) {
            this.state = State.Quoted;
            this.quoteLine = this.line;
            i++;
          } else {
            this.state = State.Unquoted;
          }
          break;
        case State.Unquoted: {
          let j = i;
          let c = 0;
          // A quote inside an unquoted field is kept as data (`5" screen`), as spreadsheets read it.
          for (; j < len; j++) {
            c = buf[j] ?? 0;
            if (c === this.delimiter || c === LF || c === CR) break;
          }
          this.append(buf.subarray(i, j));
          if (j === len) return;
          this.separator(c, out);
          i = j + 1;
          break;
        }
        case State.Quoted: {
          const j = buf.indexOf(QUOTE, i);
          const end = j < 0 ? len : j;
          this.countLines(buf, i, end);
          this.append(buf.subarray(i, end));
          if (j < 0) return;
          this.state = State.QuoteSeen;
          i = j + 1;
          break;
        }
        case State.QuoteSeen: {
          const c = buf[i] ?? 0;
          if (c === QUOTE) {
            this.append(QUOTE_BYTE);
            this.state = State.Quoted;
            i++;
          } else if (c === this.delimiter || c === LF || c === CR) {
            this.separator(c, out);
            i++;
          } else {
            // `"abc"def` is not RFC 4180; guessing what was meant could file a value under the wrong device.
            this.problem ??= 'text-after-quote';
            this.state = State.Unquoted;
          }
          break;
        }
      }
    }
  }

  /** End of input: the last record (without a final newline) is pushed; an open quote is fatal. */
  end(out: CsvRow[]): void {
    if (this.state === State.Quoted) throw new CsvError(this.quoteLine, 'quoted field never closed (unterminated quote)');
    if (this.state === State.AfterCr) return;
    if (this.state !== State.FieldStart || this.cells.length > 0) {
      this.endCell();
      this.endRecord(out);
    }
  }

  private separator(c: number, out: CsvRow[]): void {
    this.endCell();
    if (c === this.delimiter) {
      this.state = State.FieldStart;
      return;
    }
    this.endRecord(out);
    this.line++;
    this.recordLine = this.line;
    this.state = c === CR ? State.AfterCr : State.FieldStart;
  }

  private countLines(buf: Uint8Array, from: number, to: number): void {
    let k = buf.indexOf(LF, from);
    while (k >= 0 && k < to) {
      this.line++;
      k = buf.indexOf(LF, k + 1);
    }
  }

  private append(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.cellBytes += bytes.length;
    this.recordBytes += bytes.length;
    if (this.problem !== null) return;
    if (this.recordBytes > this.limits.maxRecordBytes) this.problem = 'record-too-long';
    else if (this.cellBytes > this.limits.maxCellBytes) this.problem = 'cell-too-long';
    if (this.problem !== null) {
      this.parts = [];
      this.cells = [];
      return;
    }
    this.parts.push(bytes);
  }

  private endCell(): void {
    if (this.problem === null) {
      const cell = decodeCell(this.parts, this.cellBytes);
      if (cell.windows1252) this.windows1252 = true;
      if (cell.text.includes('\0')) this.problem = 'nul-byte';
      else if (this.cells.length >= this.limits.maxColumns) this.problem = 'too-many-columns';
      else this.cells.push(cell.text);
      if (this.problem !== null) this.cells = [];
    }
    this.parts = [];
    this.cellBytes = 0;
  }

  private endRecord(out: CsvRow[]): void {
    const line = this.recordLine;
    if (this.problem !== null) out.push({ line, cells: null, windows1252: this.windows1252, problem: this.problem });
    // A blank line is no record (spreadsheets leave them at the end).
    else if (!(this.cells.length === 1 && this.cells[0] === '')) out.push({ line, cells: this.cells, windows1252: this.windows1252, problem: null });
    this.cells = [];
    this.recordBytes = 0;
    this.problem = null;
    this.windows1252 = false;
  }
}
