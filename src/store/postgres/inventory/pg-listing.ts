/**
 * The device listing on PostgreSQL: src/inventory/sqlite/read-devices.ts's reads through Kysely with PostgreSQL's
 * spelling of the id filter and of the evidence array, and each device's listing line (docs/architecture.md device
 * JSON without `risk`) cached in `device_lines` (migration 0008) as on SQLite. The line is built here from the same
 * DeviceJson the listing returns, so `devices --format json` prints what `listDevices` holds on either dialect.
 */
import { sql, type Kysely } from 'kysely';
import { readDevices, RISK_SQL, riskDeviceOf, rows, type ListingSql, type RiskCells } from '../../sqlite/inventory/read-devices.js';
import type { Tx } from '../../sqlite/inventory/tx.js';
import type { InventoryDb } from '../../sqlite/inventory/schema.js';
import type { DeviceJson, RiskDevice } from '../../../inventory/types.js';
import { inPinnedTransaction, WRITER_LOCK_KEY } from '../writer-lock-dialect.js';

/** A JSON list of ids bound as $1 (each listing query binds only it), unpacked by json_array_elements_text. */
const IN_IDS = 'IN (SELECT json_array_elements_text($1::json))';

export const PG_LISTING: ListingSql = {
  inIds: IN_IDS,
  // The order of the evidence array (src/inventory/sqlite/evidence-json.ts): strongest first. The text is parsed by
  // readDevices, so json_build_object's spacing does not reach the output.
  evidenceJsonOf: `SELECT device_id, json_agg(json_build_object('attribute', attribute, 'value', value, 'source', source, 'detail', detail,
    'confidence', confidence) ORDER BY confidence DESC, count DESC, id)::text FROM device_evidence WHERE device_id ${IN_IDS} GROUP BY device_id`,
};

/** Devices built per step when lines are rebuilt: bounds the memory of their lines. */
const CHUNK = 500;
const UNSCORED_TAIL = ',"risk":null}';

export function readDevicesPg(tx: Tx, scope: Parameters<typeof readDevices>[1]): Promise<DeviceJson[]> {
  return readDevices(tx, scope, 'all', PG_LISTING);
}

/** The listing line of a device: its JSON without the `risk` key (which is last, and null until scored). */
function lineOf(d: DeviceJson): Buffer {
  const json = JSON.stringify(d);
  if (!json.endsWith(UNSCORED_TAIL)) throw new Error(`device ${d.id}: its JSON does not end with the risk key`);
  return Buffer.from(`${json.slice(0, json.length - UNSCORED_TAIL.length)}}`);
}

/** The lines of these devices: the cached ones, and the stale ones built now (devices gone since are left out). */
export async function readDeviceLinesPg(tx: Tx, ids: readonly string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  if (ids.length === 0) return out;
  for (const [id, line] of await rows(tx, `SELECT device_id, line FROM device_lines WHERE device_id ${IN_IDS}`, [JSON.stringify(ids)]) as [string, Buffer][]) {
    out.set(id, line);
  }
  const stale = ids.filter((id) => !out.has(id));
  for (const d of stale.length === 0 ? [] : await readDevicesPg(tx, { ids: stale })) out.set(d.id, lineOf(d));
  return out;
}

/**
 * Build the stale lines and store them; the caller runs it in a write transaction, so the triggers that drop a line
 * (migration 0008) and this rebuild never interleave.
 */
export async function refreshDeviceLinesPg(tx: Tx): Promise<void> {
  const stale = (await sql<{ id: string }>`SELECT d.id FROM devices AS d
    WHERE NOT EXISTS (SELECT 1 FROM device_lines AS l WHERE l.device_id = d.id) ORDER BY d.id`.execute(tx)).rows.map((r) => r.id);
  for (let i = 0; i < stale.length; i += CHUNK) {
    const devices = await readDevicesPg(tx, { ids: stale.slice(i, i + CHUNK) });
    if (devices.length === 0) continue;
    await sql`INSERT INTO device_lines (device_id, line) SELECT * FROM UNNEST(${devices.map((d) => d.id)}::text[], ${devices.map(lineOf)}::bytea[])
      ON CONFLICT (device_id) DO UPDATE SET line = excluded.line`.execute(tx);
  }
}

/** What risk reads of every device, in listing order (read-devices.ts readRiskDevices). */
export async function readRiskDevicesPg(tx: Tx, includeRetired: boolean): Promise<RiskDevice[]> {
  return (await rows(tx, RISK_SQL(includeRetired ? 'all' : 'live'), []) as RiskCells[]).map(riskDeviceOf);
}

/** SQLSTATEs of a user or server that may not write: the lines are then built per read, as with the lock taken. */
const CANNOT_WRITE = new Set(['42501', '25006']);

/**
 * Rebuild the stale lines if no writer holds the lock now (pg_try_advisory_xact_lock never waits, so a listing
 * during a long analyze reads instead of queueing behind it) and this user may write. Inside a workspace
 * transaction the lock is held already.
 */
export async function refreshDeviceLinesIfFree(db: Kysely<InventoryDb>): Promise<void> {
  if (inPinnedTransaction()) {
    await refreshDeviceLinesPg(db);
    return;
  }
  await db.connection().execute(async (c) => {
    await sql`BEGIN`.execute(c);
    try {
      const lock = await sql<{ got: boolean }>`SELECT pg_try_advisory_xact_lock(${WRITER_LOCK_KEY.toString()}::bigint) AS got`.execute(c);
      if (lock.rows[0]?.got === true) await refreshDeviceLinesPg(c);
      await sql`COMMIT`.execute(c);
    } catch (err) {
      await sql`ROLLBACK`.execute(c).catch(() => undefined);
      const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
      if (typeof code !== 'string' || !CANNOT_WRITE.has(code)) throw err;
    }
  });
}
