/**
 * Imports a CMMS / biomed register export (issue 4 §4) in one transaction: every row is matched to a device (MAC,
 * serial, asset tag, IP, hostname) and its values become the device's values with origin 'import'; rows that match no
 * device are kept as registered-but-not-seen. A file that cannot be read on rolls everything back.
 */
import type { Kysely } from 'kysely';
import { AppError, ErrorCode } from '../../util/app-error.js';
import type { ManualField } from '../manual-fields.js';
import { setManualValueTx } from '../sqlite/manual-values.js';
import type { InventoryDb } from '../sqlite/schema.js';
import { iso } from '../sqlite/tx.js';
import { IDENTITY_FIELDS, resolveColumns, type ColumnOverride, type RegisterField } from './column-map.js';
import { CsvError, type CsvLimits, type CsvProblem } from './csv-reader.js';
import { readCsv } from './csv-stream.js';
import { DeviceIndex } from './device-index.js';
import { registerDb, RegisterWriter } from './register-store.js';
import { rowValues } from './row-values.js';

export interface ImportOptions {
  /** The file name, kept with each row. */
  source: string;
  overrides: readonly ColumnOverride[];
  /** Who imported (set_by of the manual values). */
  by: string;
  nowMs: number;
  limits?: CsvLimits;
}

export type SkipReason = CsvProblem | 'wrong-column-count';

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
}

const MAX_WARNINGS = 20;

const PROBLEM_TEXT: Record<SkipReason, string> = {
  'too-many-columns': 'too many columns',
  'cell-too-long': 'a cell longer than the limit',
  'record-too-long': 'a row longer than the limit',
  'text-after-quote': 'text after a closing quote',
  'nul-byte': 'a NUL byte',
  'wrong-column-count': 'wrong number of columns',
};

function isManualValueField(field: RegisterField): field is ManualField {
  return field !== 'mac' && field !== 'ip';
}

export function importRegister(db: Kysely<InventoryDb>, input: AsyncIterable<Uint8Array>, options: ImportOptions): Promise<ImportSummary> {
  return db.transaction().execute(async (tx) => {
    const summary: ImportSummary = { rows: 0, matched: 0, unmatched: 0, skipped: 0, skipReasons: {}, invalidValues: 0, windows1252Rows: 0, warnings: [], moreWarnings: 0 };
    const warn = (line: number, text: string): void => {
      if (summary.warnings.length < MAX_WARNINGS) summary.warnings.push(`line ${line}: ${text}`);
      else summary.moreWarnings++;
    };
    const skip = (line: number, reason: SkipReason, detail = ''): void => {
      summary.skipped++;
      summary.skipReasons[reason] = (summary.skipReasons[reason] ?? 0) + 1;
      warn(line, `${PROBLEM_TEXT[reason]}${detail}; row skipped`);
    };
    const writer = new RegisterWriter(registerDb(tx), options.source, iso(options.nowMs));
    await writer.clear();
    const index = await DeviceIndex.build(tx);
    const matchedLines = new Map<string, number>();
    let columns: (RegisterField | null)[] | null = null;
    for await (const row of readCsv(input, options.limits === undefined ? {} : { limits: options.limits })) {
      if (columns === null) {
        if (row.problem !== null) throw new CsvError(row.line, `header row: ${PROBLEM_TEXT[row.problem]}`);
        columns = resolveColumns(row.cells.map((c) => c.trim()), options.overrides);
        continue;
      }
      summary.rows++;
      if (row.windows1252) summary.windows1252Rows++;
      if (row.problem !== null) {
        skip(row.line, row.problem);
        continue;
      }
      if (row.cells.length !== columns.length) {
        skip(row.line, 'wrong-column-count', ` (${row.cells.length}, the header has ${columns.length})`);
        continue;
      }
      const { values, invalid } = rowValues(row.cells, columns);
      for (const bad of invalid) warn(row.line, `${bad.field} "${bad.value.slice(0, 40)}" is not valid; value ignored`);
      summary.invalidValues += invalid.length;
      const match = index.match(values);
      if (match === null) {
        summary.unmatched++;
      } else {
        summary.matched++;
        const earlier = matchedLines.get(match.deviceId);
        if (earlier !== undefined) warn(row.line, `names the same device as line ${earlier}; this row's values win`);
        matchedLines.set(match.deviceId, row.line);
        for (const [field, value] of Object.entries(values) as [RegisterField, string][]) {
          if (!isManualValueField(field)) continue;
          // A hostname the device already shows (DHCP says "CT01", the register "ct01") is not a second name.
          if (field === 'hostname' && index.has(match.deviceId, 'hostname', value)) continue;
          await setManualValueTx(tx, match.deviceId, field, value, options.by, 'import', options.nowMs);
          if ((IDENTITY_FIELDS as readonly string[]).includes(field)) index.add(match.deviceId, field as (typeof IDENTITY_FIELDS)[number], value);
        }
      }
      await writer.add({ line: row.line, values, deviceId: match?.deviceId ?? null, matchedOn: match?.matchedOn ?? null });
    }
    if (columns === null) throw new AppError(ErrorCode.BadArgument, 'empty file (no header row)');
    await writer.flush();
    return summary;
  });
}

/** `412 rows: 380 matched, 25 unmatched, 7 skipped (5 wrong number of columns, 2 text after a closing quote)`. */
export function formatSummary(s: ImportSummary): string {
  const reasons = Object.entries(s.skipReasons).map(([r, n]) => `${n} ${PROBLEM_TEXT[r as SkipReason]}`);
  const extras = [
    s.invalidValues > 0 ? `${s.invalidValues} invalid values ignored` : '',
    s.windows1252Rows > 0 ? `${s.windows1252Rows} rows read as Windows-1252` : '',
  ].filter((x) => x !== '');
  return `${s.rows} rows: ${s.matched} matched, ${s.unmatched} unmatched, ${s.skipped} skipped${reasons.length > 0 ? ` (${reasons.join(', ')})` : ''}${extras.length > 0 ? `; ${extras.join('; ')}` : ''}`;
}
