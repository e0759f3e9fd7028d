/**
 * Register cells that would run as code when a spreadsheet opens an export of them (OWASP "CSV Injection",
 * https://owasp.org/www-community/attacks/CSV_Injection): a leading = + - @ followed by a function call
 * (`=HYPERLINK(…)`, `@SUM(…)`) or a DDE link (`=cmd|' /C calc'!A0`). Narrower than "starts with - or +": a register
 * holds "-" for none, "-2 basement", "+49 …" phone numbers, which exports defuse anyway (app/devices-csv.ts csvCell).
 */
import { readCsv } from './csv-stream.js';

/** A sign, then a name followed by `(` (a function) or `|` (DDE: application|topic!item). */
const SIGN_THEN_CALL = /^[\t\r ]*[=+\-@][\t ]*[A-Za-z_][A-Za-z0-9_.]*[\t ]*[(|]/;
/** After `=` (which register text hardly ever starts with) a call anywhere: `=0+HYPERLINK(…)`. */
const EQUALS_THEN_ANY_CALL = /^[\t\r ]*=.*[A-Za-z_][A-Za-z0-9_.]*[\t ]*[(|]/;

export function isExecutableCell(text: string): boolean {
  return SIGN_THEN_CALL.test(text) || EQUALS_THEN_ANY_CALL.test(text);
}

export interface FormulaCell {
  line: number;
  /** The header's name for the cell's column ('' when the row is longer than the header). */
  column: string;
}

/** The first `max` executable cells of a CSV (header included: a column name is exported too). */
export async function findFormulaCells(source: AsyncIterable<Uint8Array>, max = 10): Promise<FormulaCell[]> {
  const found: FormulaCell[] = [];
  let header: string[] | null = null;
  for await (const row of readCsv(source)) {
    if (row.cells === null) continue;
    header ??= row.cells;
    row.cells.forEach((cell, i) => {
      if (found.length < max && isExecutableCell(cell)) found.push({ line: row.line, column: header?.[i] ?? '' });
    });
    if (found.length >= max) break;
  }
  return found;
}
