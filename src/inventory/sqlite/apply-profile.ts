/** Write identify's classification onto a device (issue 4 §2-4): history on change, a person's value always wins. */
import { sql } from 'kysely';
import type { DeviceProfile } from '../../identify/types.js';
import { addHistory, iso, type Tx } from './tx.js';

type ClassifiedColumn = 'vendor' | 'model' | 'type' | 'category' | 'os_name' | 'os_version' | 'os_label' | 'os_end_of_life' | 'firmware' | 'serial';

/** Column -> the camelCase name history and manual values use. */
const COLUMN_NAMES: Record<ClassifiedColumn, string> = {
  vendor: 'vendor', model: 'model', type: 'type', category: 'category', os_name: 'osName', os_version: 'osVersion',
  os_label: 'osLabel', os_end_of_life: 'osEndOfLife', firmware: 'firmware', serial: 'serial',
};

function profileColumns(p: DeviceProfile): Record<ClassifiedColumn, string | number | null> {
  return {
    vendor: p.vendor, model: p.model, type: p.type, category: p.category, os_name: p.os.name, os_version: p.os.version,
    os_label: p.os.label, os_end_of_life: p.os.endOfLife === null ? null : Number(p.os.endOfLife), firmware: p.firmware, serial: p.serial,
  };
}

export async function applyProfileTx(tx: Tx, deviceId: string, profile: DeviceProfile, atMs: number): Promise<void> {
  const at = iso(atMs);
  const current = await tx.selectFrom('devices').selectAll().where('id', '=', deviceId).executeTakeFirstOrThrow();
  const manual = new Set((await tx.selectFrom('manual_values').select('field').where('device_id', '=', deviceId).execute()).map((r) => r.field));
  const next = profileColumns(profile);
  const updates: Partial<Record<ClassifiedColumn, string | number | null>> = {};
  for (const column of Object.keys(next) as ClassifiedColumn[]) {
    const name = COLUMN_NAMES[column];
    const value = next[column];
    if (manual.has(name)) {
      // Keep what the wire says beside the person's value, for reconcile's conflicts.
      await tx.updateTable('manual_values').set({ inferred_value: value === null ? null : String(value) }).where('device_id', '=', deviceId).where('field', '=', name).execute();
      continue;
    }
    const old = current[column];
    if (old === value) continue;
    updates[column] = value;
    await addHistory(tx, deviceId, name, old === null ? null : String(old), value === null ? null : String(value), at, 'inferred');
  }
  for (const [column, value] of Object.entries(updates)) {
    await sql`UPDATE devices SET ${sql.ref(column)} = ${value} WHERE id = ${deviceId}`.execute(tx);
  }
  await tx.updateTable('devices').set({ confidence: Math.min(1, Math.max(0, profile.confidence)) }).where('id', '=', deviceId).execute();
  // Derived evidence (an OUI lookup, a rule) may exist only in the profile: keep it, without counting it again.
  for (const e of profile.evidence) {
    await sql`INSERT INTO device_evidence (device_id, attribute, value, source, detail, confidence, first_seen, last_seen, count)
      VALUES (${deviceId}, ${e.attribute}, ${e.value}, ${e.source}, ${e.detail}, ${e.confidence}, ${iso(e.tsMs)}, ${iso(e.tsMs)}, 1)
      ON CONFLICT (device_id, attribute, value, source, detail) DO UPDATE SET
        confidence = max(confidence, excluded.confidence), last_seen = max(last_seen, excluded.last_seen)`.execute(tx);
  }
}

