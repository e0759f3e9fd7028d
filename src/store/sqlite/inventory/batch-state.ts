/**
 * The devices and address bindings one ingest batch can reach (§7 scale): loaded with a few set queries
 * up front, then kept in step with every write, so identity resolution asks the database nothing per device.
 */
import type Database from 'better-sqlite3';
import { addressKey, HeldDevices } from '../../../inventory/held-devices.js';
import type { AddressState, DeviceState, IdentityState } from '../../../inventory/identity-state.js';
import { prepared } from '../statement-cache.js';
import { mergeDevices } from './merge.js';
import type { AddressKind, HistoryOrigin } from './schema.js';

export type Raw = Database.Database;

export type { AddressState, DeviceState };

type DeviceRow = Omit<DeviceState, 'addresses'>;

/** One JSON array parameter instead of a variable per value: no SQLite variable limit, one statement text. */
export const IN_JSON = 'IN (SELECT value FROM json_each(?))';
const DEVICE_COLUMNS = 'id, mac, first_seen AS firstSeen, last_seen AS lastSeen, retired_at AS retiredAt';
const ADDRESS_COLUMNS = 'id, device_id AS deviceId, kind, value, first_seen AS firstSeen, last_seen AS lastSeen, released_at AS releasedAt';
const SQL = {
  // Identity is resolved within the batch's site: another site's MAC or IP is another device.
  devicesByMac: `SELECT ${DEVICE_COLUMNS} FROM devices WHERE site_id = ? AND mac ${IN_JSON}`,
  devicesById: `SELECT ${DEVICE_COLUMNS} FROM devices WHERE id ${IN_JSON}`,
  ipOwners: `SELECT device_id AS deviceId FROM device_addresses WHERE site_id = ? AND kind = 'ip' AND released_at IS NULL AND value ${IN_JSON}`,
  addressesOf: `SELECT ${ADDRESS_COLUMNS} FROM device_addresses WHERE device_id ${IN_JSON} ORDER BY id`,
  takenIds: `SELECT id FROM devices WHERE id ${IN_JSON} UNION ALL SELECT alias_id AS id FROM device_aliases WHERE alias_id ${IN_JSON}`,
  insertDevice: `INSERT INTO devices (id, site_id, mac, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)`,
  updateDevice: 'UPDATE devices SET mac = ?, first_seen = ?, last_seen = ?, retired_at = ? WHERE id = ?',
  insertAddress: 'INSERT INTO device_addresses (device_id, site_id, kind, value, first_seen, last_seen, released_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  updateAddress: 'UPDATE device_addresses SET first_seen = ?, last_seen = ?, released_at = ? WHERE id = ?',
  insertHistory: 'INSERT INTO attribute_history (device_id, attribute, old_value, new_value, changed_at, origin) VALUES (?, ?, ?, ?, ?, ?)',
} as const;

export { addressKey };

export class BatchState extends HeldDevices implements IdentityState {
  constructor(
    readonly raw: Raw,
    /** The site of every device this batch reads and writes. */
    readonly siteId: string,
  ) {
    super();
  }

  /** Four set queries: devices by MAC, live owners of the IPs, their address rows, ids a new device must avoid. */
  preload(macs: readonly string[], ips: readonly string[], candidateIds: readonly string[]): void {
    const found = this.all<DeviceRow>(SQL.devicesByMac, this.siteId, JSON.stringify(macs));
    const owners = this.all<{ deviceId: string }>(SQL.ipOwners, this.siteId, JSON.stringify(ips)).map((r) => r.deviceId);
    this.load([...found.map((d) => d.id), ...owners], found);
    const ids = JSON.stringify(candidateIds);
    for (const r of this.all<{ id: string }>(SQL.takenIds, ids, ids)) this.takenIds.add(r.id);
  }

  /** Devices (with every address row) not held yet; `known` are rows already read. */
  load(ids: readonly string[], known: readonly DeviceRow[] = []): void {
    const missing = [...new Set(ids)].filter((id) => !this.devices.has(id));
    if (missing.length === 0) return;
    const rows = new Map(known.map((d) => [d.id, d]));
    const unread = missing.filter((id) => !rows.has(id));
    if (unread.length > 0) for (const d of this.all<DeviceRow>(SQL.devicesById, JSON.stringify(unread))) rows.set(d.id, d);
    for (const id of missing) {
      const row = rows.get(id);
      if (row !== undefined) this.hold({ ...row, addresses: new Map() });
    }
    for (const a of this.all<AddressState>(SQL.addressesOf, JSON.stringify(missing))) this.holdAddress(a);
  }

  /** Merge by SQL at once, what the ingest holds back flushed first; then hold the survivor as it is now. */
  merge(fromId: string, intoId: string, at: string): void {
    this.beforeMerge();
    mergeDevices(this.raw, fromId, intoId, at);
    this.merged(fromId, intoId);
  }

  /** After `fromId` was merged into `intoId` by SQL: drop both, read the survivor back. */
  merged(fromId: string, intoId: string): void {
    for (const id of [fromId, intoId]) {
      const d = this.devices.get(id);
      if (d === undefined) continue;
      for (const a of d.addresses.values()) if (a.kind === 'ip' && this.activeIp.get(a.value) === a) this.activeIp.delete(a.value);
      if (d.mac !== null) this.byMac.delete(d.mac);
      this.devices.delete(id);
    }
    this.takenIds.add(fromId);
    this.survivors.set(fromId, intoId);
    this.load([intoId]);
  }

  insertDevice(id: string, mac: string | null, firstSeen: string, lastSeen: string): DeviceState {
    prepared(this.raw, SQL.insertDevice).run(id, this.siteId, mac, firstSeen, lastSeen);
    this.takenIds.add(id);
    return this.hold({ id, mac, firstSeen, lastSeen, retiredAt: null, addresses: new Map() });
  }

  writeDevice(d: DeviceState): void {
    if (d.mac !== null) this.byMac.set(d.mac, d);
    prepared(this.raw, SQL.updateDevice).run(d.mac, d.firstSeen, d.lastSeen, d.retiredAt, d.id);
  }

  insertAddress(d: DeviceState, kind: AddressKind, value: string, firstSeen: string, lastSeen: string, releasedAt: string | null): AddressState {
    const info = prepared(this.raw, SQL.insertAddress).run(d.id, this.siteId, kind, value, firstSeen, lastSeen, releasedAt);
    return this.holdAddress({ id: Number(info.lastInsertRowid), deviceId: d.id, kind, value, firstSeen, lastSeen, releasedAt });
  }

  writeAddress(a: AddressState): void {
    prepared(this.raw, SQL.updateAddress).run(a.firstSeen, a.lastSeen, a.releasedAt, a.id);
    if (a.kind !== 'ip') return;
    if (a.releasedAt === null) this.activeIp.set(a.value, a);
    else if (this.activeIp.get(a.value) === a) this.activeIp.delete(a.value);
  }

  history(deviceId: string, attribute: string, oldValue: string | null, newValue: string | null, changedAt: string, origin: HistoryOrigin = 'inferred'): void {
    prepared(this.raw, SQL.insertHistory).run(deviceId, attribute, oldValue, newValue, changedAt, origin);
  }

  private all<T>(sql: string, ...params: unknown[]): T[] {
    // Rows of our own STRICT tables, with the column aliases above: the shape is the schema's.
    return prepared(this.raw, sql).all(...params) as T[];
  }
}
