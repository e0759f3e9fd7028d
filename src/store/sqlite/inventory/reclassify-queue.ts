/** Devices a migration changed the evidence of (migration 0012): re-classified at the end of the next ingest run. */
import { prepared } from '../statement-cache.js';
import { IN_JSON, type Raw } from './batch-state.js';

const SQL = {
  queued: 'SELECT device_id FROM reclassify_queue ORDER BY device_id',
  clear: `DELETE FROM reclassify_queue WHERE device_id ${IN_JSON}`,
} as const;

export function queuedForReclassify(raw: Raw): string[] {
  return prepared(raw, SQL.queued).pluck().all() as string[];
}

export function clearQueued(raw: Raw, ids: readonly string[]): void {
  prepared(raw, SQL.clear).run(JSON.stringify(ids));
}
