/**
 * The PostgreSQL batch state (src/inventory/identity-state.ts): the same four set queries up front as the SQLite one
 * (src/store/sqlite/inventory/batch-state.ts), arrays bound as `= ANY($1)`, then every write identity makes is queued
 * (pg-write-queue.ts) and sent by `flush` in the ingest's transaction, a few multi-row statements per merge. Queuing
 * keeps identity resolution synchronous.
 */
import { sql } from 'kysely';
import { HeldDevices } from '../../../inventory/held-devices.js';
import type { IdentityState } from '../../../inventory/identity-state.js';
import { addressKey, type AddressState, type DeviceState } from '../../sqlite/inventory/batch-state.js';
import type { AddressKind, HistoryOrigin } from '../../sqlite/inventory/schema.js';
import type { Tx } from '../../sqlite/inventory/tx.js';
import { dbInt } from '../../db-int.js';
import { mergeDevicesPg } from './pg-merge.js';
import { WriteQueue } from './pg-write-queue.js';

type DeviceRow = Omit<DeviceState, 'addresses'>;
type Write = (tx: Tx) => Promise<void>;

const DEVICE_COLUMNS = sql`id, mac, first_seen AS "firstSeen", last_seen AS "lastSeen", retired_at AS "retiredAt"`;
const ADDRESS_COLUMNS = sql`id, device_id AS "deviceId", kind, value, first_seen AS "firstSeen", last_seen AS "lastSeen", released_at AS "releasedAt"`;

const minIso = (a: string, b: string): string => (b < a ? b : a);
const maxIso = (a: string, b: string): string => (b > a ? b : a);

export class PgBatchState extends HeldDevices implements IdentityState {
  private readonly queue: WriteQueue;

  constructor(
    private readonly tx: Tx,
    readonly siteId: string,
  ) {
    super();
    this.queue = new WriteQueue(siteId);
  }

  /** Devices by MAC, live owners of the IPs, their address rows, ids a new device must avoid: four queries. */
  async preload(macs: readonly string[], ips: readonly string[], candidateIds: readonly string[]): Promise<void> {
    const found = (await sql<DeviceRow>`SELECT ${DEVICE_COLUMNS} FROM devices WHERE site_id = ${this.siteId} AND mac = ANY(${macs}::text[])`.execute(this.tx)).rows;
    const owners = (await sql<{ deviceId: string }>`SELECT device_id AS "deviceId" FROM device_addresses
      WHERE site_id = ${this.siteId} AND kind = 'ip' AND released_at IS NULL AND value = ANY(${ips}::text[])`.execute(this.tx)).rows;
    await this.load([...found.map((d) => d.id), ...owners.map((o) => o.deviceId)], found);
    const taken = await sql<{ id: string }>`SELECT id FROM devices WHERE id = ANY(${candidateIds}::text[])
      UNION ALL SELECT alias_id AS id FROM device_aliases WHERE alias_id = ANY(${candidateIds}::text[])`.execute(this.tx);
    for (const r of taken.rows) this.takenIds.add(r.id);
  }

  private async load(ids: readonly string[], known: readonly DeviceRow[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.devices.has(id));
    if (missing.length === 0) return;
    const rows = new Map(known.map((d) => [d.id, d]));
    const unread = missing.filter((id) => !rows.has(id));
    if (unread.length > 0) {
      const read = await sql<DeviceRow>`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = ANY(${unread}::text[])`.execute(this.tx);
      for (const d of read.rows) rows.set(d.id, d);
    }
    for (const id of missing) {
      const row = rows.get(id);
      if (row !== undefined) this.hold({ ...row, addresses: new Map() });
    }
    const addresses = await sql<AddressState>`SELECT ${ADDRESS_COLUMNS} FROM device_addresses WHERE device_id = ANY(${missing}::text[]) ORDER BY id`.execute(this.tx);
    // BIGINT comes back as a string from pg: ids are compared and written back, a number keeps them one type.
    for (const a of addresses.rows) this.holdAddress({ ...a, id: dbInt(a.id) });
  }

  insertDevice(id: string, mac: string | null, firstSeen: string, lastSeen: string): DeviceState {
    this.takenIds.add(id);
    const d = this.hold({ id, mac, firstSeen, lastSeen, retiredAt: null, addresses: new Map() });
    this.queue.insertDevice(d);
    return d;
  }

  writeDevice(d: DeviceState): void {
    if (d.mac !== null) this.byMac.set(d.mac, d);
    this.queue.updateDevice(d);
  }

  insertAddress(d: DeviceState, kind: AddressKind, value: string, firstSeen: string, lastSeen: string, releasedAt: string | null): AddressState {
    // The row's id is known once the insert ran (the queue sets it), before any later write reads it.
    const a = this.holdAddress({ id: -1, deviceId: d.id, kind, value, firstSeen, lastSeen, releasedAt });
    this.queue.insertAddress(a);
    return a;
  }

  writeAddress(a: AddressState): void {
    this.queue.updateAddress(a);
    if (a.kind !== 'ip') return;
    if (a.releasedAt === null) this.activeIp.set(a.value, a);
    else if (this.activeIp.get(a.value) === a) this.activeIp.delete(a.value);
  }

  history(deviceId: string, attribute: string, oldValue: string | null, newValue: string | null, changedAt: string, origin: HistoryOrigin = 'inferred'): void {
    this.queue.history([deviceId, attribute, oldValue, newValue, changedAt, origin]);
  }

  /**
   * The merge is queued like any write (pg-merge.ts runs it in order); what it does to the survivor's seen window
   * and address rows is done here too, as merge.ts's statements do it, so resolution goes on without reading back.
   */
  merge(fromId: string, intoId: string, at: string): void {
    const from = this.device(fromId);
    const into = this.device(intoId);
    this.beforeMerge();
    this.queue.barrier((tx) => mergeDevicesPg(tx, fromId, intoId, at));
    for (const a of from.addresses.values()) {
      const key = addressKey(a.kind, a.value);
      const same = into.addresses.get(key);
      if (this.activeIp.get(a.value) === a) this.activeIp.delete(a.value);
      if (same === undefined) {
        a.deviceId = intoId;
        into.addresses.set(key, a);
        if (a.kind === 'ip' && a.releasedAt === null) this.activeIp.set(a.value, a);
        continue;
      }
      same.firstSeen = minIso(same.firstSeen, a.firstSeen);
      same.lastSeen = maxIso(same.lastSeen, a.lastSeen);
      same.releasedAt = a.releasedAt === null ? null : same.releasedAt;
      if (same.kind === 'ip' && same.releasedAt === null) this.activeIp.set(same.value, same);
    }
    into.firstSeen = minIso(into.firstSeen, from.firstSeen);
    into.lastSeen = maxIso(into.lastSeen, from.lastSeen);
    this.devices.delete(fromId);
    this.takenIds.add(fromId);
    this.survivors.set(fromId, intoId);
  }

  /** Add a write of the ingest's own (evidence, protocols) in its place among identity's. */
  push(write: Write): void {
    this.queue.barrier(write);
  }

  /** Send every queued write, in order. */
  flush(): Promise<void> {
    return this.queue.flush(this.tx);
  }
}
