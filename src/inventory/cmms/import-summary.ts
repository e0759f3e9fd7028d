/** What a register import takes and reports (`wardwatch import-cmms`), and the one-line summary a person reads. */
import type { ColumnOverride, ColumnSource, RegisterField } from './column-map.js';
import type { CsvLimits, CsvProblem } from './csv-reader.js';
import type { TypeCategoryOf } from './type-category.js';

export interface ImportOptions {
  /** The file name, kept with each row. */
  source: string;
  overrides: readonly ColumnOverride[];
  /** Who imported (set_by of the manual values). */
  by: string;
  nowMs: number;
  limits?: CsvLimits;
  /** Check and report, then roll everything back: the summary lists what would change (`changes`). */
  dryRun?: boolean;
  /** A free-text equipment type to a category, for rows that give a type and no category. */
  typeCategory?: TypeCategoryOf;
}

/** One header column and what the import does with it. */
export interface ColumnUse {
  column: string;
  field: RegisterField | null;
  source: ColumnSource;
}

/** A device value the import sets (or, in a dry run, would set): from the attribute history it writes. */
export interface ValueChange {
  deviceId: string;
  /** How a person finds the device: its MAC, else its id. */
  device: string;
  /** The register line that set it. */
  line: number | null;
  field: string;
  from: string | null;
  to: string | null;
}

export type SkipReason = CsvProblem | 'wrong-column-count' | 'no-values';

export interface ImportSummary {
  rows: number;
  matched: number;
  unmatched: number;
  skipped: number;
  skipReasons: Partial<Record<SkipReason, number>>;
  /** Values dropped (a MAC that is not one, a date that is not ISO); the rest of their row is imported. */
  invalidValues: number;
  /** Rows with a cell that was not UTF-8 and was read as Windows-1252. */
  windows1252Rows: number;
  /** The first warnings, one line each, naming the line; `moreWarnings` counts the rest. */
  warnings: string[];
  moreWarnings: number;
  /** The header's columns in order, each with the field it fills (null: not imported). */
  columns: ColumnUse[];
  /** Rows whose every cell is empty (a spreadsheet's formatted but unused rows): no device, nothing kept. */
  blank: number;
  /** Rows whose category was derived from their equipment type. */
  categoriesDerived: number;
  /** The first value changes on devices (all of them are in the attribute history); `changeCount` counts them all. */
  changes: ValueChange[];
  changeCount: number;
  dryRun: boolean;
}

export const PROBLEM_TEXT: Record<SkipReason, string> = {
  'too-many-columns': 'too many columns',
  'cell-too-long': 'a cell longer than the limit',
  'record-too-long': 'a row longer than the limit',
  'text-after-quote': 'text after a closing quote',
  'nul-byte': 'a NUL byte',
  'wrong-column-count': 'wrong number of columns',
  'no-values': 'no value in any imported column',
};

/** `412 rows: 380 matched, 25 unmatched, 7 skipped (5 wrong number of columns, 2 text after a closing quote)`. */
export function formatSummary(s: ImportSummary): string {
  const reasons = Object.entries(s.skipReasons).map(([r, n]) => `${n} ${PROBLEM_TEXT[r as SkipReason]}`);
  const extras = [
    s.invalidValues > 0 ? `${s.invalidValues} invalid values ignored` : '',
    s.windows1252Rows > 0 ? `${s.windows1252Rows} rows read as Windows-1252` : '',
  ].filter((x) => x !== '');
  if (s.blank > 0) extras.push(`${s.blank} blank rows ignored`);
  if (s.categoriesDerived > 0) extras.push(`${s.categoriesDerived} categories derived from the equipment type`);
  return `${s.rows} rows: ${s.matched} matched, ${s.unmatched} unmatched, ${s.skipped} skipped${reasons.length > 0 ? ` (${reasons.join(', ')})` : ''}${extras.length > 0 ? `; ${extras.join('; ')}` : ''}`;
}
