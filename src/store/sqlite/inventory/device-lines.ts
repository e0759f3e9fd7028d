/**
 * Each device's listing line, cached in `device_lines` (migration 0008): the device's docs/architecture.md JSON
 * with its evidence array and without `risk`, as UTF-8 bytes. `devices --format json` reads one blob a device and adds
 * what is computed on read (risk, and support dates a model's record fills), instead of reading five tables and
 * serialising every device again on every run.
 */
import { prepared } from '../statement-cache.js';
import { beginWrite, commitWrite, rollbackWrite } from '../nested-transactions.js';
import type { Raw } from './batch-state.js';
import { fillEvidenceJson, isBusyOrReadOnly, readEvidenceJson } from './evidence-json.js';
import { readDevices } from './read-devices.js';

/** Address space a listing lets SQLite map (pages beyond it come through read() as usual). */
const LISTING_MMAP_BYTES = 1 << 30;
/** Devices built per step: bounds the memory of their lines. */
const CHUNK = 500;
/** How readDevices' JSON ends with parts 'no-evidence': risk is always null and last there. */
const UNSCORED_TAIL = '[],"risk":null}';
const CLOSE = Buffer.from('}');

const CACHED = 'SELECT device_id, line FROM device_lines WHERE device_id IN (SELECT value FROM json_each(?))';
const STALE = 'SELECT d.id FROM devices AS d WHERE NOT EXISTS (SELECT 1 FROM device_lines AS l WHERE l.device_id = d.id)';
// The device's own JSON from us, its evidence array joined on by SQLite from the evidence cache: the 46 MB of evidence of
// 10,000 devices never passes through JavaScript (no garbage to collect, half the peak memory of an ingest's end).
const STORE = `INSERT OR REPLACE INTO device_lines (device_id, line)
  SELECT @id, CAST(@head || coalesce((SELECT json FROM device_evidence_json WHERE device_id = @id), '[]') || '}' AS BLOB)`;

/**
 * Each device's JSON up to its evidence array (`…,"evidence":`), by id. The cut is at our own fixed tail, never user
 * text: readDevices' JSON ends with the evidence and risk keys, in that order.
 */
async function heads(raw: Raw, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const d of await readDevices(raw, { ids }, 'no-evidence')) {
    const json = JSON.stringify(d);
    if (!json.endsWith(UNSCORED_TAIL)) throw new Error(`device ${d.id}: its JSON does not end with the evidence and risk keys`);
    out.set(d.id, json.slice(0, json.length - UNSCORED_TAIL.length));
  }
  return out;
}

/** The lines of these devices built from the tables now (ids of devices that no longer exist are left out). */
export async function buildDeviceLines(raw: Raw, ids: readonly string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  if (ids.length === 0) return out;
  const evidence = readEvidenceJson(raw, ids);
  for (const [id, head] of await heads(raw, ids)) out.set(id, Buffer.concat([Buffer.from(head), evidence.get(id) ?? Buffer.from('[]'), CLOSE]));
  return out;
}

/**
 * Rebuild the stale lines (and the evidence arrays under them), if this connection may write now. It never waits:
 * with the write lock held elsewhere (a live capture) or a read-only file, readDeviceLines builds the stale lines for
 * that run instead. One transaction: the lines are read and written under the same lock, so a concurrent ingest
 * (whose triggers drop what it makes stale) can never leave an older line behind. Returns whether the cache is complete.
 */
export async function refreshDeviceLines(raw: Raw): Promise<boolean> {
  if (raw.prepare(`${STALE} LIMIT 1`).get() === undefined) return true;
  // Inside a workspace's transaction (the end of an analyze run) the lock is held already: a savepoint of it.
  if (holdsTransaction(raw)) return refreshInTransaction(raw);
  const timeout = raw.pragma('busy_timeout', { simple: true }) as number;
  raw.pragma('busy_timeout = 0');
  try {
    raw.exec('BEGIN IMMEDIATE');
  } catch (err) {
    raw.pragma(`busy_timeout = ${String(timeout)}`);
    if (isBusyOrReadOnly(err)) return false;
    throw err;
  }
  try {
    await rebuildStale(raw);
    raw.exec('COMMIT');
    return true;
  } catch (err) {
    if (raw.inTransaction) raw.exec('ROLLBACK');
    if (isBusyOrReadOnly(err)) return false;
    throw err;
  } finally {
    raw.pragma(`busy_timeout = ${String(timeout)}`);
  }
}

/** Read through a call: narrowing `raw.inTransaction` here would hide that the rebuild below may open one. */
function holdsTransaction(raw: Raw): boolean {
  return raw.inTransaction;
}

/** Under the lock: the evidence arrays the lines join on are complete and stay so until the commit. */
async function rebuildStale(raw: Raw): Promise<void> {
  fillEvidenceJson(raw);
  const stale = (raw.prepare(STALE).pluck().all() as string[]);
  const store = prepared(raw, STORE);
  for (let i = 0; i < stale.length; i += CHUNK) {
    for (const [id, head] of await heads(raw, stale.slice(i, i + CHUNK))) store.run({ id, head });
  }
}

async function refreshInTransaction(raw: Raw): Promise<boolean> {
  beginWrite(raw);
  try {
    await rebuildStale(raw);
    commitWrite(raw);
    return true;
  } catch (err) {
    rollbackWrite(raw);
    throw err;
  }
}

/**
 * Let this connection read the file mapped: a listing of 10,000 devices reads ~50 MB of lines, about twice as fast
 * mapped as copied page by page through read(). Only for listings: mapped pages count in the resident
 * size, and an ingest that reads the whole file would seem to double its memory.
 */
export function mapForListing(raw: Raw): void {
  raw.pragma(`mmap_size = ${String(LISTING_MMAP_BYTES)}`);
}

/** The lines of these devices: the cached ones, and the stale ones built now (devices gone since are left out). */
export async function readDeviceLines(raw: Raw, ids: readonly string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  // Iterated, not collected: no array of rows on top of the map (the lines are most of a listing's bytes).
  for (const [id, line] of prepared(raw, CACHED).raw(true).iterate(JSON.stringify(ids)) as IterableIterator<[string, Buffer]>) out.set(id, line);
  const stale = ids.filter((id) => !out.has(id));
  if (stale.length > 0) for (const [id, line] of await buildDeviceLines(raw, stale)) out.set(id, line);
  return out;
}
