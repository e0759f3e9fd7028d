/**
 * Reconcile the biomed register with the wire: matched devices, seen-but-not-registered,
 * registered-but-not-seen, and conflicts where the register's value differs from what the traffic says.
 */
import type { Kysely } from 'kysely';
import { readDevices } from '../sqlite/read-devices.js';
import type { InventoryDb } from '../sqlite/schema.js';
import type { DeviceJson } from '../types.js';
import { DeviceIndex } from './device-index.js';
import { readRegister, registerDb, type RegisterEntry } from './register-store.js';

export interface ReconcileMatch {
  deviceId: string;
  line: number;
  matchedOn: string;
  register: RegisterEntry['values'];
}

/** A seen device as reconcile reports it: the inventory's own fields, under its id. */
export type SeenDevice = { deviceId: string } & Pick<DeviceJson, 'mac' | 'ips' | 'hostnames' | 'vendor' | 'model' | 'type'>;

export interface RegisteredNotSeen {
  line: number;
  register: RegisterEntry['values'];
  /** Set when the row matched a device that has since been retired (unseen for the retirement period). */
  retiredDeviceId: string | null;
}

export interface Conflict {
  deviceId: string;
  field: string;
  register: string;
  wire: string;
}

export interface ReconcileReport {
  matched: ReconcileMatch[];
  seenNotRegistered: SeenDevice[];
  registeredNotSeen: RegisteredNotSeen[];
  conflicts: Conflict[];
}

/** The fields where a register and the wire can both speak. */
const CONFLICT_FIELDS = ['vendor', 'model', 'serial'];

function words(value: string): string[] {
  return value.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
}

/** Two spellings agree when the words of one all occur in the other: "GE" and "GE Healthcare", "Philips" and
 *  "Philips Medical Systems" are one vendor; "Siemens" and "GE Healthcare" are not. */
export function valuesAgree(field: string, a: string, b: string): boolean {
  // A serial is one token: punctuation and case aside it must be equal.
  if (field === 'serial') return words(a).join('') === words(b).join('');
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 || wb.length === 0) return wa.length === wb.length;
  const [short, long] = wa.length <= wb.length ? [wa, new Set(wb)] : [wb, new Set(wa)];
  return short.every((w) => long.has(w));
}

export async function reconcile(db: Kysely<InventoryDb>): Promise<ReconcileReport> {
  const entries = await readRegister(registerDb(db));
  const all = await readDevices(db, { all: true, includeRetired: true });
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
