/**
 * The biomed register (a CMMS export): imported rows become the matched devices' values (origin 'import'), and
 * reconcile compares the register with the devices seen on the wire.
 */
import { typeCategoryIndex } from '../inventory/cmms/type-category.js';
import type { ColumnOverride } from '../inventory/cmms/column-map.js';
import type { ImportSummary } from '../inventory/cmms/import-summary.js';
import type { ReconcileReport } from '../inventory/cmms/reconcile-report.js';
import { loadKnowledgeBase } from '../identify/knowledge/load-kb.js';
import type { Workspace } from '../store/workspace.js';

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
