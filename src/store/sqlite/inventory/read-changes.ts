/**
 * What changed in the inventory since a moment (the `changes` command and analyze's "changes since the last run"):
 * devices first seen, attribute_history rows. Times are the capture clock the ingest stamps them with.
 */
import type { Kysely } from 'kysely';
import type { HistoryEntry } from '../../../inventory/types.js';
import { dbInt } from '../../db-int.js';
import type { InventoryDb } from './schema.js';

export interface NewDevice {
  id: string;
  ip: string | null;
  vendor: string | null;
  type: string | null;
  firstSeen: string;
}

export interface AttributeChange {
  id: number;
  deviceId: string;
  attribute: string;
  oldValue: string | null;
  newValue: string | null;
  changedAt: string;
}

/** One device's attribute history, oldest first (either dialect: plain Kysely). */
export async function historyOf(db: Kysely<InventoryDb>, deviceId: string): Promise<HistoryEntry[]> {
  const rows = await db.selectFrom('attribute_history').selectAll().where('device_id', '=', deviceId).orderBy('changed_at').orderBy('id').execute();
  return rows.map((r) => ({ attribute: r.attribute, oldValue: r.old_value, newValue: r.new_value, changedAt: r.changed_at, origin: r.origin }));
}

/** The newest packet time stored (a device's last_seen), or null for an empty inventory. */
export async function newestSeen(db: Kysely<InventoryDb>): Promise<string | null> {
  const row = await db.selectFrom('devices').select((eb) => eb.fn.max('last_seen').as('t')).executeTakeFirst();
  return row?.t ?? null;
}

/** Live devices first seen at or after `since` (ISO), oldest first, with one current IP each. */
export async function newDevicesSince(db: Kysely<InventoryDb>, since: string): Promise<NewDevice[]> {
  return withIps(db, await db.selectFrom('devices').select(['id', 'vendor', 'type', 'first_seen']).where('first_seen', '>=', since)
    .where('retired_at', 'is', null).orderBy('first_seen').orderBy('id').execute());
}

/** These devices (ids that are gone are skipped), for a diff against a snapshot. */
export async function devicesById(db: Kysely<InventoryDb>, ids: readonly string[]): Promise<NewDevice[]> {
  if (ids.length === 0) return [];
  const rows: { id: string; vendor: string | null; type: string | null; first_seen: string }[] = [];
  // Chunks stay under SQLite's bound-parameter limit.
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(...await db.selectFrom('devices').select(['id', 'vendor', 'type', 'first_seen']).where('id', 'in', ids.slice(i, i + 500)).execute());
  }
  return withIps(db, rows.sort((a, b) => a.first_seen.localeCompare(b.first_seen) || a.id.localeCompare(b.id)));
}

async function withIps(db: Kysely<InventoryDb>, rows: readonly { id: string; vendor: string | null; type: string | null; first_seen: string }[]): Promise<NewDevice[]> {
  const ips = new Map<string, { value: string; last: string }>();
  for (let i = 0; i < rows.length; i += 500) {
    const addr = await db.selectFrom('device_addresses').select(['device_id', 'value', 'last_seen']).where('kind', '=', 'ip').where('released_at', 'is', null)
      .where('device_id', 'in', rows.slice(i, i + 500).map((r) => r.id)).execute();
    for (const a of addr) {
      const had = ips.get(a.device_id);
      if (had === undefined || a.last_seen > had.last) ips.set(a.device_id, { value: a.value, last: a.last_seen });
    }
  }
  return rows.map((r) => ({ id: r.id, ip: ips.get(r.id)?.value ?? null, vendor: r.vendor, type: r.type, firstSeen: r.first_seen }));
}

/** All live device ids: the snapshot analyze takes before a run. */
export async function liveDeviceIds(db: Kysely<InventoryDb>): Promise<string[]> {
  return (await db.selectFrom('devices').select('id').where('retired_at', 'is', null).execute()).map((r) => r.id);
}

/** The newest attribute_history row id (0 when none): rows after it were written by a later run. */
export async function lastHistoryId(db: Kysely<InventoryDb>): Promise<number> {
  const row = await db.selectFrom('attribute_history').select((eb) => eb.fn.max('id').as('n')).executeTakeFirst();
  return dbInt(row?.n ?? 0);
}

/** Attribute changes of a device that already existed (not a new device's first values), filtered by `where`. */
export async function attributeChanges(db: Kysely<InventoryDb>, where: { since?: string; afterId?: number }): Promise<AttributeChange[]> {
  let q = db.selectFrom('attribute_history').selectAll().where('old_value', 'is not', null);
  if (where.since !== undefined) q = q.where('changed_at', '>=', where.since);
  if (where.afterId !== undefined) q = q.where('id', '>', where.afterId);
  const rows = await q.orderBy('changed_at').orderBy('id').execute();
  return rows.map((r) => ({ id: dbInt(r.id), deviceId: r.device_id, attribute: r.attribute, oldValue: r.old_value, newValue: r.new_value, changedAt: r.changed_at }));
}

/**
 * The start of the last finished analyze run. A run's batch rows stay unfinished until the end of the run marks them
 * all finished (src/app/analyze.ts, RunLog), so unfinished rows are a run in progress or one killed in the middle:
 * they count for nothing, and they end the run before them. The run is then the newest finished row and the finished
 * rows just before it with the same sources (two finished runs in a row over the same sources read as one). `wall` is
 * when it started; `capture` its earliest packet (null when its rows predate that note). Null when no run finished.
 */
export async function lastRunStart(db: Kysely<InventoryDb>): Promise<{ wall: string; capture: string | null } | null> {
  const rows = await db.selectFrom('ingest_runs').select(['started', 'finished', 'sources', 'stats']).orderBy('id', 'desc').limit(10_000).execute();
  const from = rows.findIndex((r) => r.finished !== null);
  const newest = rows[from];
  if (newest === undefined) return null;
  let wall = newest.started;
  let capture: string | null = null;
  for (const r of rows.slice(from)) {
    if (r.finished === null || r.sources !== newest.sources) break;
    if (r.started < wall) wall = r.started;
    const first = firstPacket(r.stats);
    if (first !== null && (capture === null || first < capture)) capture = first;
  }
  return { wall, capture };
}

function firstPacket(stats: string): string | null {
  try {
    const parsed: unknown = JSON.parse(stats);
    if (typeof parsed === 'object' && parsed !== null && 'firstPacket' in parsed && typeof parsed.firstPacket === 'string') return parsed.firstPacket;
  } catch {
    // A run row written by hand or damaged: no start from it.
  }
  return null;
}
