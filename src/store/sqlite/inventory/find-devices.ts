/** Look devices up by the identifiers a biomed register holds (reconcile): MAC, IP, hostname, serial, asset tag. */
import { normalizeMac } from '../../../inventory/manual-fields.js';
import type { DeviceJson, DeviceMatch, DeviceQuery, DeviceQueryField } from '../../../inventory/types.js';
import type { Tx } from './tx.js';

/** The ids of devices matching any identifier of the query, each with the fields it matched on. */
export async function matchDevicesTx(tx: Tx, query: DeviceQuery): Promise<Map<string, DeviceQueryField[]>> {
  const matched = new Map<string, DeviceQueryField[]>();
  const note = (ids: readonly { id: string }[], field: DeviceQueryField): void => {
    for (const { id } of ids) {
      const fields = matched.get(id) ?? [];
      if (!fields.includes(field)) fields.push(field);
      matched.set(id, fields);
    }
  };
  const mac = query.mac === undefined ? null : (normalizeMac(query.mac) ?? query.mac.trim().toLowerCase());
  if (mac !== null && mac !== '') {
    note(await tx.selectFrom('devices').select('id').where('mac', '=', mac).execute(), 'mac');
    note(await tx.selectFrom('device_addresses').select('device_id as id').where('kind', '=', 'mac').where('value', '=', mac).execute(), 'mac');
  }
  const ip = query.ip?.trim().toLowerCase();
  if (ip !== undefined && ip !== '') {
    note(await tx.selectFrom('device_addresses').select('device_id as id').where('kind', '=', 'ip').where('value', '=', ip).where('released_at', 'is', null).execute(), 'ip');
  }
  const hostname = query.hostname?.trim().toLowerCase();
  if (hostname !== undefined && hostname !== '') {
    // Hostnames compare case-insensitively (DHCP and NetBIOS disagree on case).
    note(await tx.selectFrom('device_addresses').select('device_id as id').where('kind', '=', 'hostname').where((eb) => eb.fn('lower', ['value']), '=', hostname).execute(), 'hostname');
    note(await tx.selectFrom('manual_values').select('device_id as id').where('field', '=', 'hostname').where((eb) => eb.fn('lower', ['value']), '=', hostname).execute(), 'hostname');
  }
  const serial = query.serial?.trim();
  if (serial !== undefined && serial !== '') note(await tx.selectFrom('devices').select('id').where('serial', '=', serial).execute(), 'serial');
  const assetTag = query.assetTag?.trim();
  if (assetTag !== undefined && assetTag !== '') note(await tx.selectFrom('devices').select('id').where('asset_tag', '=', assetTag).execute(), 'assetTag');
  return matched;
}

/** Most identifiers matched first, then by id. */
export function rankMatches(devices: readonly DeviceJson[], matched: ReadonlyMap<string, DeviceQueryField[]>): DeviceMatch[] {
  return devices
    .map((device) => ({ device, matchedOn: matched.get(device.id) ?? [] }))
    .sort((a, b) => b.matchedOn.length - a.matchedOn.length || a.device.id.localeCompare(b.device.id));
}
