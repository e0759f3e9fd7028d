/**
 * The writes identity resolution queues on PostgreSQL (pg-batch-state.ts), sent as a few multi-row statements instead
 * of one round trip each. Between two barriers (a merge, the ingest's own upserts) writes are a segment, sent in a
 * fixed order that respects what the rows need of each other:
 *   1. new devices (with their latest values: an update of a device new in the segment is folded into its insert),
 *   2. updates of devices already stored,
 *   3. address rows released, then 4. other address updates: a binding is released before another takes the IP (the
 *      active-IP unique index, migration 0013),
 *   5. new address rows (latest values folded in; their ids come back through RETURNING),
 *   6. history rows, in the order identity wrote them.
 * Each row is written with its values as of its last write in the segment, so the segment ends as identity left it.
 */
import { sql } from 'kysely';
import type { AddressState, DeviceState } from '../../sqlite/inventory/batch-state.js';
import type { HistoryOrigin } from '../../sqlite/inventory/schema.js';
import type { Tx } from '../../sqlite/inventory/tx.js';
import { dbInt } from '../../db-int.js';
import { insertUnnest } from './pg-unnest.js';

type Write = (tx: Tx) => Promise<void>;
type DeviceRow = [id: string, mac: string | null, firstSeen: string, lastSeen: string, retiredAt: string | null];
type AddressRow = [firstSeen: string, lastSeen: string, releasedAt: string | null];
export type HistoryRow = [deviceId: string, attribute: string, oldValue: string | null, newValue: string | null, changedAt: string, origin: HistoryOrigin];

class Segment {
  readonly newDevices = new Map<string, DeviceRow>();
  readonly deviceUpdates = new Map<string, DeviceRow>();
  readonly newAddresses = new Map<AddressState, AddressRow>();
  readonly addressUpdates = new Map<AddressState, AddressRow>();
  readonly history: HistoryRow[] = [];
}

const deviceRow = (d: DeviceState): DeviceRow => [d.id, d.mac, d.firstSeen, d.lastSeen, d.retiredAt];
const addressRow = (a: AddressState): AddressRow => [a.firstSeen, a.lastSeen, a.releasedAt];

export class WriteQueue {
  private items: (Segment | Write)[] = [];
  private current = new Segment();

  constructor(private readonly siteId: string) {
    this.items.push(this.current);
  }

  insertDevice(d: DeviceState): void {
    this.current.newDevices.set(d.id, deviceRow(d));
  }

  updateDevice(d: DeviceState): void {
    const into = this.current.newDevices.has(d.id) ? this.current.newDevices : this.current.deviceUpdates;
    into.set(d.id, deviceRow(d));
  }

  insertAddress(a: AddressState): void {
    this.current.newAddresses.set(a, addressRow(a));
  }

  updateAddress(a: AddressState): void {
    const into = this.current.newAddresses.has(a) ? this.current.newAddresses : this.current.addressUpdates;
    into.set(a, addressRow(a));
  }

  history(row: HistoryRow): void {
    this.current.history.push(row);
  }

  /** A write that runs after everything queued before it and before everything queued after. */
  barrier(write: Write): void {
    this.current = new Segment();
    this.items.push(write, this.current);
  }

  async flush(tx: Tx): Promise<void> {
    const items = this.items;
    this.current = new Segment();
    this.items = [this.current];
    for (const item of items) {
      if (item instanceof Segment) await this.send(tx, item);
      else await item(tx);
    }
  }

  private async send(tx: Tx, s: Segment): Promise<void> {
    await insertUnnest(tx, 'devices',
      [['id', 'text'], ['mac', 'text'], ['first_seen', 'text'], ['last_seen', 'text'], ['retired_at', 'text'], ['site_id', 'text']],
      [...s.newDevices.values()].map((r) => [...r, this.siteId]), '');
    await updateDevices(tx, [...s.deviceUpdates.values()]);
    const updates = [...s.addressUpdates].map(([a, r]) => [a.id, ...r] as const);
    await updateAddresses(tx, updates.filter((u) => u[3] !== null));
    await updateAddresses(tx, updates.filter((u) => u[3] === null));
    await this.insertAddresses(tx, s.newAddresses);
    await insertUnnest(tx, 'attribute_history',
      [['device_id', 'text'], ['attribute', 'text'], ['old_value', 'text'], ['new_value', 'text'], ['changed_at', 'text'], ['origin', 'text']],
      s.history, '');
  }

  /** Insert, then hand each held address its id (device, kind and value are unique per row). */
  private async insertAddresses(tx: Tx, rows: ReadonlyMap<AddressState, AddressRow>): Promise<void> {
    if (rows.size === 0) return;
    const list = [...rows];
    const col = <T>(f: (e: [AddressState, AddressRow]) => T): T[] => list.map(f);
    const back = await sql<{ id: string | number; device_id: string; kind: string; value: string }>`
      INSERT INTO device_addresses (device_id, site_id, kind, value, first_seen, last_seen, released_at)
      SELECT d, ${this.siteId}, k, v, f, l, r FROM UNNEST(${col(([a]) => a.deviceId)}::text[], ${col(([a]) => a.kind)}::text[],
        ${col(([a]) => a.value)}::text[], ${col(([, r]) => r[0])}::text[], ${col(([, r]) => r[1])}::text[], ${col(([, r]) => r[2])}::text[]) AS u(d, k, v, f, l, r)
      RETURNING id, device_id, kind, value`.execute(tx);
    const ids = new Map(back.rows.map((r) => [`${r.device_id}\0${r.kind}\0${r.value}`, dbInt(r.id)]));
    for (const [a] of list) a.id = ids.get(`${a.deviceId}\0${a.kind}\0${a.value}`) ?? a.id;
  }
}

async function updateDevices(tx: Tx, rows: readonly DeviceRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = (i: number): unknown[] => rows.map((r) => r[i]);
  await sql`UPDATE devices AS d SET mac = u.mac, first_seen = u.f, last_seen = u.l, retired_at = u.r
    FROM UNNEST(${col(0)}::text[], ${col(1)}::text[], ${col(2)}::text[], ${col(3)}::text[], ${col(4)}::text[]) AS u(id, mac, f, l, r)
    WHERE d.id = u.id`.execute(tx);
}

async function updateAddresses(tx: Tx, rows: readonly (readonly [number, string, string, string | null])[]): Promise<void> {
  if (rows.length === 0) return;
  const col = (i: number): unknown[] => rows.map((r) => r[i]);
  await sql`UPDATE device_addresses AS t SET first_seen = u.f, last_seen = u.l, released_at = u.r
    FROM UNNEST(${col(0)}::bigint[], ${col(1)}::text[], ${col(2)}::text[], ${col(3)}::text[]) AS u(id, f, l, r)
    WHERE t.id = u.id`.execute(tx);
}
