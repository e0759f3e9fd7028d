/**
 * Each device's evidence array as JSON text (docs/architecture.md `devices[].evidence`), cached in
 * `device_evidence_json` (migration 0007): the listing reads one string a device instead of grouping and sorting
 * 100,000s of evidence rows on every run.
 */
import { prepared } from '../statement-cache.js';
import type { Raw } from './batch-state.js';

/** Strongest first: the order of the output's evidence array (read-devices.ts `summary` ranks the same way). */
const ARRAY = `json_group_array(json_object('attribute', attribute, 'value', value, 'source', source, 'detail', detail,
  'confidence', confidence) ORDER BY confidence DESC, "count" DESC, id)`;

/** The arrays of the devices in a JSON list of ids, built by SQLite in C; devices without evidence have no row. */
export const EVIDENCE_JSON_OF = `SELECT device_id, ${ARRAY} FROM device_evidence
  WHERE device_id IN (SELECT value FROM json_each(?)) GROUP BY device_id`;

// As bytes (a Buffer off the JS heap), for an export that writes them out as they are.
const CACHED_BYTES = 'SELECT device_id, CAST(json AS BLOB) FROM device_evidence_json WHERE device_id IN (SELECT value FROM json_each(?))';
const EMPTY = Buffer.from('[]');

const STALE = 'FROM devices AS d WHERE NOT EXISTS (SELECT 1 FROM device_evidence_json AS j WHERE j.device_id = d.id)';
// One statement: it reads the evidence and writes the text in the same transaction, so a concurrent ingest (whose
// triggers drop the rows it makes stale) can never leave an older array behind.
const REFRESH = `INSERT INTO device_evidence_json (device_id, json)
  SELECT d.id, coalesce((SELECT ${ARRAY} FROM device_evidence WHERE device_id = d.id), '[]') ${STALE}`;

/** Build every stale array now; the caller holds the write lock (a transaction of its own). */
export function fillEvidenceJson(raw: Raw): void {
  prepared(raw, REFRESH).run();
}

/**
 * Rebuild the stale arrays, if this connection may write now. It never waits: with the write lock held elsewhere (a
 * live capture) or a read-only file, the listing builds the stale arrays itself for this run. Returns whether the
 * cache is complete.
 */
export function refreshEvidenceJson(raw: Raw): boolean {
  if (raw.prepare(`SELECT 1 ${STALE} LIMIT 1`).get() === undefined) return true;
  const timeout = raw.pragma('busy_timeout', { simple: true }) as number;
  raw.pragma('busy_timeout = 0');
  try {
    raw.prepare(REFRESH).run();
    return true;
  } catch (err) {
    if (isBusyOrReadOnly(err)) return false;
    throw err;
  } finally {
    raw.pragma(`busy_timeout = ${String(timeout)}`);
  }
}

/** The arrays of these devices as UTF-8 JSON text: the cached ones, and the stale ones built now (`[]`: no evidence). */
export function readEvidenceJson(raw: Raw, ids: readonly string[]): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const param = JSON.stringify(ids);
  for (const [id, json] of prepared(raw, CACHED_BYTES).raw(true).all(param) as [string, Uint8Array][]) out.set(id, json);
  const stale = ids.filter((id) => !out.has(id));
  if (stale.length === 0) return out;
  for (const id of stale) out.set(id, EMPTY);
  for (const [id, json] of prepared(raw, EVIDENCE_JSON_OF).raw(true).all(JSON.stringify(stale)) as [string, string][]) out.set(id, Buffer.from(json));
  return out;
}

export function isBusyOrReadOnly(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED|READONLY)/.test(code);
}
