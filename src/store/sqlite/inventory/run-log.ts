/**
 * An analyze run's batch rows in `ingest_runs` (migration 0001): each batch writes its row marked finished, and a run
 * of several batches is finished only when its end commits (src/app/analyze.ts), so a batch's row is held open in the
 * batch's own transaction and the end of the run finishes them all in its transaction.
 */
import { prepared } from '../statement-cache.js';
import type { Raw } from './batch-state.js';
import { IN_JSON } from './batch-state.js';
import { iso } from './tx.js';

const SQL = {
  holdOpen: 'UPDATE ingest_runs SET finished = NULL WHERE id = ?',
  finish: `UPDATE ingest_runs SET finished = ? WHERE id ${IN_JSON}`,
  list: 'SELECT id, sources, finished FROM ingest_runs ORDER BY id',
} as const;

export function holdRunOpen(raw: Raw, runId: number): void {
  prepared(raw, SQL.holdOpen).run(runId);
}

export function finishRuns(raw: Raw, runIds: readonly number[], atMs: number): void {
  if (runIds.length > 0) prepared(raw, SQL.finish).run(iso(atMs), JSON.stringify(runIds));
}

export function listRuns(raw: Raw): { id: number; sources: string; finished: string | null }[] {
  return prepared(raw, SQL.list).all() as { id: number; sources: string; finished: string | null }[];
}
