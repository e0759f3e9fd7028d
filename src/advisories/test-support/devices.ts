/** Test helper: put devices (vendor, model, firmware) into an inventory the way the pipeline does (ingest + profile). */
import type { SqliteInventory } from '../../store/sqlite/inventory/sqlite-inventory.js';
import { batch, key, obs, profile, seen, T0 } from '../../inventory/test-support/batch.js';

export interface TestDevice { name: string; vendor: string | null; model: string | null; firmware: string | null }

/** Returns name -> device id. MACs and IPs are made up, one per device. */
export async function addDevices(inventory: SqliteInventory, devices: readonly TestDevice[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [i, d] of devices.entries()) {
    const mac = `02:00:00:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 0xff).toString(16).padStart(2, '0')}`;
    const ip = `10.99.${i >> 8}.${(i & 0xff) + 1}`;
    const k = key(mac, ip);
    const r = await inventory.ingest(batch([obs(k, 'hostname', d.name)], [seen(k, ['dhcp'])]));
    const id = r.deviceIds.get(`${mac}|${ip}`);
    if (id === undefined) throw new Error(`no id for ${d.name}`);
    await inventory.applyProfile(id, profile({ vendor: d.vendor, model: d.model, firmware: d.firmware, hostnames: [d.name], confidence: 0.9 }), T0);
    ids.set(d.name, id);
  }
  return ids;
}
