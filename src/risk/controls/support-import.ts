/**
 * Imports end-of-support dates from CSV: `vendor,model,end_of_support[,status[,notes]]`, with or without
 * a header row naming vendor and model (a header may order the columns freely). Read with the CMMS importer's RFC 4180 reader. All or nothing:
 * any bad row stops the import and names its line, because a half-imported support list silently under-scores risk.
 * Vendor and model names that a spreadsheet would run as formulas are refused; notes are defused with a leading `'`.
 */
import { CsvError } from '../../inventory/cmms/csv-reader.js';
import { readCsv } from '../../inventory/cmms/csv-stream.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import type { Support } from '../../store/interfaces.js';
import type { ModelSupport } from '../types.js';
import { checkSupport } from './support-input.js';
import { looksLikeFormula } from './values.js';

const FIELDS = ['vendor', 'model', 'endOfSupport', 'status', 'notes'] as const;
type Field = (typeof FIELDS)[number];

const HEADER_NAMES: Record<string, Field> = {
  vendor: 'vendor', manufacturer: 'vendor', model: 'model', end_of_support: 'endOfSupport', endofsupport: 'endOfSupport',
  'end of support': 'endOfSupport', end: 'endOfSupport', eos: 'endOfSupport', status: 'status', notes: 'notes', note: 'notes',
};

export interface SupportImportResult {
  rows: number;
  warnings: string[];
}

const MAX_ROWS = 100_000;

function headerColumns(cells: readonly string[]): (Field | null)[] | null {
  const names = cells.map((c) => c.trim().toLowerCase());
  const cols = names.map((n) => HEADER_NAMES[n] ?? null);
  // A header names the vendor and the model; a data row's model would have to be called "model" to look like one.
  if (!cols.includes('vendor') || !cols.includes('model')) return null;
  for (const need of ['vendor', 'model', 'endOfSupport'] as const) {
    if (!cols.includes(need)) throw new CsvError(1, `header row has no ${need === 'endOfSupport' ? 'end_of_support' : need} column`);
  }
  return cols;
}

export async function importSupportCsv(store: Pick<Support, 'upsert'>, input: AsyncIterable<Uint8Array>, nowMs: number = Date.now()): Promise<SupportImportResult> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const rows = new Map<string, { line: number; row: ModelSupport }>();
  let columns: (Field | null)[] | null = null;
  let first = true;
  for await (const r of readCsv(input)) {
    if (r.problem !== null) {
      errors.push(`line ${r.line}: ${r.problem.replace(/-/g, ' ')}`);
      continue;
    }
    if (first) {
      first = false;
      columns = headerColumns(r.cells);
      if (columns !== null) continue;
    }
    columns ??= [...FIELDS];
    if (rows.size + errors.length >= MAX_ROWS) throw new CsvError(r.line, `more than ${MAX_ROWS} rows`);
    const v: Partial<Record<Field, string>> = {};
    columns.forEach((f, i) => {
      if (f !== null && v[f] === undefined) v[f] = r.cells[i] ?? '';
    });
    if (r.cells.length > columns.length && r.cells.slice(columns.length).some((c) => c.trim() !== '')) {
      errors.push(`line ${r.line}: ${r.cells.length} columns, expected at most ${columns.length}`);
      continue;
    }
    const notes = v.notes?.trim() ?? '';
    try {
      const row = checkSupport({ vendor: v.vendor ?? '', model: v.model ?? '', endOfSupport: v.endOfSupport ?? null, status: v.status ?? null, notes: looksLikeFormula(notes) ? `'${notes}` : notes }, 'import', nowMs);
      const key = `${row.vendor.toLowerCase()}\u0000${row.model.toLowerCase()}`;
      const earlier = rows.get(key);
      if (earlier !== undefined) warnings.push(`line ${r.line}: ${row.vendor} ${row.model} also on line ${earlier.line}; this line wins`);
      rows.set(key, { line: r.line, row });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      errors.push(`line ${r.line}: ${err.message}`);
    }
  }
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more bad row${errors.length === 2 ? '' : 's'}; nothing imported)` : ' (nothing imported)';
    throw new AppError(ErrorCode.BadArgument, `${errors[0] ?? ''}${more}`);
  }
  if (rows.size === 0) throw new AppError(ErrorCode.BadArgument, 'empty file (no support rows)');
  await store.upsert([...rows.values()].map((x) => x.row));
  return { rows: rows.size, warnings };
}
