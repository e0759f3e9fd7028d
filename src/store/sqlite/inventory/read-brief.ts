/**
 * Every live device in brief: id, category, vendor, model and current addresses. For views over many devices that
 * need no evidence (segmentation: zones, rules and paths name devices), two queries whatever the inventory's size.
 */
import { DEVICE_CATEGORIES, type DeviceCategory } from '../../../identify/types.js';
import type { DeviceBrief } from '../../../inventory/types.js';
import { rows, type RowSource } from './read-devices.js';

const SQL = {
  devices: 'SELECT id, category, vendor, model FROM devices WHERE retired_at IS NULL ORDER BY first_seen, id',
  addresses: `SELECT a.device_id, a.kind, a.value FROM device_addresses AS a JOIN devices AS d ON d.id = a.device_id
    WHERE d.retired_at IS NULL AND a.kind IN ('ip', 'hostname') AND a.released_at IS NULL ORDER BY a.last_seen DESC, a.value`,
  manualHostnames: "SELECT device_id, value FROM manual_values WHERE field = 'hostname'",
} as const;

/** Plain SQL: the raw SQLite handle or any Kysely handle (PostgreSQL's too). */
export async function readDeviceBriefs(source: RowSource): Promise<DeviceBrief[]> {
  const byId = new Map<string, DeviceBrief>();
  for (const [id, category, vendor, model] of await rows(source, SQL.devices, []) as [string, string, string | null, string | null][]) {
    const known = (DEVICE_CATEGORIES as readonly string[]).includes(category) ? (category as DeviceCategory) : 'unknown';
    byId.set(id, { id, category: known, vendor, model, ips: [], hostnames: [] });
  }
  for (const [id, kind, value] of await rows(source, SQL.addresses, []) as [string, string, string][]) {
    const d = byId.get(id);
    if (d !== undefined) (kind === 'ip' ? d.ips : d.hostnames).push(value);
  }
  // A hostname a person set comes first, as in the full listing.
  for (const [id, value] of await rows(source, SQL.manualHostnames, []) as [string, string][]) {
    const d = byId.get(id);
    if (d !== undefined) d.hostnames = [value, ...d.hostnames.filter((h) => h !== value)];
  }
  return [...byId.values()];
}
