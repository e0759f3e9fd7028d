/** Plain-text tables for every command's `--format table`, and the `table|json` format option. */
import { AppError, ErrorCode } from './app-error.js';

export type TableOrJson = 'table' | 'json';

export function formatOption(value: string): TableOrJson {
  if (value === 'table' || value === 'json') return value;
  throw new AppError(ErrorCode.BadArgument, `unknown format '${value}' (use table, json)`);
}

/** Control characters (ANSI escapes in a hostile name from the wire or a file) never reach the terminal. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

export interface TableWidths {
  /** Widest a column may be (one long name cannot push the rest off screen). */
  maxWidth?: number;
  /** Widest the last column may be (a title or a path, read last): `Infinity` leaves it whole. */
  lastMaxWidth?: number;
}

/** Columns padded to their widest cell, capped. */
export function textTable(head: readonly string[], cells: readonly (readonly string[])[], widths: TableWidths = {}): string {
  const maxWidth = widths.maxWidth ?? 48;
  const rows = cells.map((r) => r.map(printable));
  const cap = (i: number): number => (i === head.length - 1 ? widths.lastMaxWidth ?? maxWidth : maxWidth);
  const width = head.map((h, i) => Math.min(cap(i), Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const line = (r: readonly string[]): string => r.map((c, i) => c.slice(0, width[i]).padEnd(width[i] ?? 0)).join('  ').trimEnd();
  return `${[line(head), ...rows.map(line)].join('\n')}\n`;
}
