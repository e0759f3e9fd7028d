/**
 * Reconcile the biomed register with the wire: matched devices, seen-but-not-registered,
 * registered-but-not-seen, and conflicts where the register's value differs from what the traffic says.
 */
import type { Kysely } from 'kysely';
import type { InventoryDb } from '../sqlite/inventory/schema.js';
import type { DeviceJson } from '../../inventory/types.js';
import { DeviceIndex } from './device-index.js';
import { readRegister, registerDb } from './register-store.js';
import { CONFLICT_FIELDS, valuesAgree, type ReconcileReport } from '../../inventory/cmms/reconcile-report.js';

export type { ReconcileReport };

/**
 * `listDevices`: every device, retired ones too, as the inventory store lists them (its dialect's reads; the
 * register and the index below are plain Kysely).
 */
export async function reconcile(db: Kysely<InventoryDb>, listDevices: () => Promise<DeviceJson[]>): Promise<ReconcileReport> {
  const entries = await readRegister(registerDb(db));
  const all = await listDevices();
  const live = new Map(all.filter((d) => d.retiredAt === null).map((d) => [d.id, d]));
  const retired = new Set(all.filter((d) => d.retiredAt !== null).map((d) => d.id));
  // Rows unmatched at import may name a device seen since: look them up again (read-only; a re-import applies values).
  const index = await DeviceIndex.build(db);
  const report: ReconcileReport = { matched: [], seenNotRegistered: [], registeredNotSeen: [], conflicts: [] };
  const registered = new Set<string>();
  for (const entry of entries) {
    const found = entry.deviceId === null ? index.match(entry.values) : { deviceId: entry.deviceId, matchedOn: entry.matchedOn ?? '' };
    if (found !== null && live.has(found.deviceId)) {
      registered.add(found.deviceId);
      report.matched.push({ deviceId: found.deviceId, line: entry.line, matchedOn: found.matchedOn, register: entry.values });
    } else {
      const retiredId = found !== null && retired.has(found.deviceId) ? found.deviceId : null;
      report.registeredNotSeen.push({ line: entry.line, register: entry.values, retiredDeviceId: retiredId });
    }
  }
  for (const d of live.values()) {
    if (registered.has(d.id)) continue;
    report.seenNotRegistered.push({ deviceId: d.id, mac: d.mac, ips: d.ips, hostnames: d.hostnames, vendor: d.vendor, model: d.model, type: d.type });
  }
  const manual = await db
    .selectFrom('manual_values')
    .select(['device_id', 'field', 'value', 'inferred_value'])
    .where('origin', '=', 'import')
    .where('field', 'in', CONFLICT_FIELDS)
    .where('inferred_value', 'is not', null)
    .orderBy('device_id')
    .orderBy('field')
    .execute();
  for (const m of manual) {
    if (m.inferred_value === null || !live.has(m.device_id) || valuesAgree(m.field, m.value, m.inferred_value)) continue;
    report.conflicts.push({ deviceId: m.device_id, field: m.field, register: m.value, wire: m.inferred_value });
  }
  return report;
}
