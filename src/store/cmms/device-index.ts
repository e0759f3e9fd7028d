/**
 * Finds the device a register row names: MAC, then serial, asset tag, IP, hostname — the lookups of
 * findDevicesTx, built once into maps. Why not findDevices per row: five queries a row make a 1M-row register take
 * minutes; the maps hold a few strings per device, and a hospital has thousands of devices, not millions.
 */
import type { Kysely } from 'kysely';
import type { InventoryDb } from '../sqlite/inventory/schema.js';
import type { IdentityField } from '../../inventory/cmms/column-map.js';
import { IDENTITY_FIELDS } from '../../inventory/cmms/column-map.js';

export interface IndexMatch {
  deviceId: string;
  matchedOn: IdentityField;
}

function key(field: IdentityField, value: string): string {
  return field === 'hostname' ? value.trim().toLowerCase() : value.trim();
}

export class DeviceIndex {
  private readonly maps = new Map<IdentityField, Map<string, Set<string>>>(IDENTITY_FIELDS.map((f) => [f, new Map()]));

  static async build(db: Kysely<InventoryDb>): Promise<DeviceIndex> {
    const index = new DeviceIndex();
    for (const d of await db.selectFrom('devices').select(['id', 'mac', 'serial', 'asset_tag']).execute()) {
      if (d.mac !== null) index.add(d.id, 'mac', d.mac);
      if (d.serial !== null) index.add(d.id, 'serial', d.serial);
      if (d.asset_tag !== null) index.add(d.id, 'assetTag', d.asset_tag);
    }
    const addresses = await db.selectFrom('device_addresses').select(['device_id', 'kind', 'value', 'released_at']).where('kind', 'in', ['mac', 'ip', 'hostname']).execute();
    for (const a of addresses) {
      if (a.kind === 'mac') index.add(a.device_id, 'mac', a.value);
      else if (a.kind === 'hostname') index.add(a.device_id, 'hostname', a.value);
      else if (a.released_at === null) index.add(a.device_id, 'ip', a.value);
    }
    const hostnames = await db.selectFrom('manual_values').select(['device_id', 'value']).where('field', '=', 'hostname').execute();
    for (const h of hostnames) index.add(h.device_id, 'hostname', h.value);
    return index;
  }

  /** Also called when an import sets a serial, asset tag or hostname, so later rows find the device by it. */
  add(deviceId: string, field: IdentityField, value: string): void {
    const map = this.maps.get(field);
    if (map === undefined || value.trim() === '') return;
    const k = key(field, value);
    const ids = map.get(k) ?? new Set<string>();
    ids.add(deviceId);
    map.set(k, ids);
  }

  has(deviceId: string, field: IdentityField, value: string): boolean {
    return this.maps.get(field)?.get(key(field, value))?.has(deviceId) ?? false;
  }

  /** The first identifier (in trust order) naming exactly one device; an identifier naming several is passed over. */
  match(values: Partial<Record<IdentityField, string>>): IndexMatch | null {
    for (const field of IDENTITY_FIELDS) {
      const value = values[field];
      if (value === undefined) continue;
      const ids = this.maps.get(field)?.get(key(field, value));
      if (ids?.size === 1) for (const deviceId of ids) return { deviceId, matchedOn: field };
    }
    return null;
  }
}
