/**
 * The biomed register (a CMMS export): imported rows become the matched devices' values (origin 'import'), and
 * reconcile compares the register with the devices seen on the wire.
 */
import { Readable } from 'node:stream';
import { typeCategoryIndex } from '../inventory/cmms/type-category.js';
import type { ColumnOverride } from '../inventory/cmms/column-map.js';
import type { ImportSummary } from '../inventory/cmms/import-summary.js';
import type { ReconcileReport } from '../inventory/cmms/reconcile-report.js';
import { findFormulaCells, type FormulaCell } from '../inventory/cmms/formula-cells.js';
import { loadKnowledgeBase } from '../identify/knowledge/load-kb.js';
import type { Workspace } from '../store/workspace.js';
import { AppError, ErrorCode } from '../util/app-error.js';

export interface RegisterImport {
  /** The file name, kept with each row and in the import's `by` (`cmms:<name>`). */
  source: string;
  overrides: readonly ColumnOverride[];
  /** Check and report, then roll everything back. */
  dryRun: boolean;
  nowMs?: number;
}

/** One transaction: every row or none (a dry run rolls back and reports what would change). */
export function importRegister(ws: Workspace, input: AsyncIterable<Uint8Array>, options: RegisterImport): Promise<ImportSummary> {
  // A free-text equipment type maps to a category through the shipped rules and FDA product codes.
  const typeCategory = typeCategoryIndex(loadKnowledgeBase());
  return ws.register.import(input, {
    source: options.source, overrides: options.overrides, by: `cmms:${options.source}`, nowMs: options.nowMs ?? Date.now(), typeCategory, dryRun: options.dryRun,
  });
}

/** Matched, seen-not-registered, registered-not-seen and conflicts. */
export function reconcile(ws: Workspace): Promise<ReconcileReport> {
  return ws.register.reconcile();
}

/**
 * Row problems no spreadsheet export produces (a NUL byte, a record or cell past the reader's limits, thousands of
 * columns): an uploaded register with them is refused whole instead of imported with those rows skipped.
 */
const HOSTILE_ROW_PROBLEMS = ['nul-byte', 'record-too-long', 'cell-too-long', 'too-many-columns'] as const;

export interface RegisterPreview {
  /** The dry run: the detected column mapping (`columns`), what would match and change. */
  summary: ImportSummary;
  /** Cells a spreadsheet would run as code (inventory/cmms/formula-cells.ts); an upload with any is refused. */
  formulaCells: FormulaCell[];
  /** Why an import of this file would be refused; empty when it would go ahead. */
  refusals: string[];
}

/** The bytes as the one-chunk stream the register reader takes. */
const once = (bytes: Uint8Array): AsyncIterable<Uint8Array> => Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);

/** What importing an uploaded register would do, writing nothing (the API's preview). */
export async function previewRegister(ws: Workspace, bytes: Uint8Array, options: Omit<RegisterImport, 'dryRun'>): Promise<RegisterPreview> {
  const formulaCells = await findFormulaCells(once(bytes));
  const summary = await importRegister(ws, once(bytes), { ...options, dryRun: true });
  const refusals = formulaCells.map((c) => `line ${c.line}, column "${c.column.slice(0, 40)}": a cell a spreadsheet would run as a formula`);
  for (const problem of HOSTILE_ROW_PROBLEMS) {
    const n = summary.skipReasons[problem] ?? 0;
    if (n > 0) refusals.push(`${n} rows with ${problem.replace(/-/g, ' ')}`);
  }
  return { summary, formulaCells, refusals };
}

/** Imports an uploaded register unless its preview finds a reason to refuse it; then nothing is written. */
export async function importUploadedRegister(ws: Workspace, bytes: Uint8Array, options: Omit<RegisterImport, 'dryRun'>): Promise<ImportSummary> {
  const { refusals } = await previewRegister(ws, bytes, options);
  if (refusals.length > 0) throw new AppError(ErrorCode.BadArgument, `${options.source}: not imported: ${refusals.slice(0, 3).join('; ')}${refusals.length > 3 ? ` and ${refusals.length - 3} more` : ''}`);
  return importRegister(ws, once(bytes), { ...options, dryRun: false });
}
