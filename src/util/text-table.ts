/** Plain-text tables for every command's `--format table`, and the `table|json` format option. */
import { AppError, ErrorCode } from './app-error.js';

export type TableOrJson = 'table' | 'json';

export function formatOption(value: string): TableOrJson {
  if (value === 'table' || value === 'json') return value;
  throw new AppError(ErrorCode.BadArgument, `unknown format '${value}' (use table, json)`);
}

/** Control characters (ANSI escapes in a hostile name from the wire or a file) never reach the terminal. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

export interface TableWidths {
  /** Widest a column may be (one long name cannot push the rest off screen). */
  maxWidth?: number;
  /** Widest the last column may be (a title or a path, read last): `Infinity` leaves it whole. */
  lastMaxWidth?: number;
  /** Per column, over the two above (`Infinity`: never cut, e.g. an OS name that is the point of the row). */
  columnMaxWidth?: readonly (number | undefined)[];
  /** A cut cell ends in `…`, so a shortened name is not read as the whole one. */
  markCut?: boolean;
}

/** Each column's width: its widest cell (head included), capped. Cells are as `printable` leaves them. */
export function columnWidths(head: readonly string[], rows: readonly (readonly string[])[], widths: TableWidths = {}): number[] {
  const maxWidth = widths.maxWidth ?? 48;
  const cap = (i: number): number => widths.columnMaxWidth?.[i] ?? (i === head.length - 1 ? widths.lastMaxWidth ?? maxWidth : maxWidth);
  return head.map((h, i) => Math.min(cap(i), Math.max(h.length, ...rows.map((r) => printable(r[i] ?? '').length))));
}

/** One row padded to `width` (two spaces between columns), cells cut to fit. */
export function tableRow(cells: readonly string[], width: readonly number[], markCut = false): string {
  return cells.map((raw, i) => {
    const c = printable(raw);
    const w = width[i] ?? 0;
    const cut = c.length <= w ? c : markCut && w > 1 ? `${c.slice(0, w - 1)}…` : c.slice(0, w);
    return cut.padEnd(w);
  }).join('  ').trimEnd();
}

/** Columns padded to their widest cell, capped. */
export function textTable(head: readonly string[], cells: readonly (readonly string[])[], widths: TableWidths = {}): string {
  const width = columnWidths(head, cells, widths);
  const markCut = widths.markCut === true;
  return `${[tableRow(head, width, markCut), ...cells.map((r) => tableRow(r, width, markCut))].join('\n')}\n`;
}
