/** A person's value for a device field: stored, written over the column, history kept, removable. */
import { sql } from 'kysely';
import { MANUAL_FIELDS, type ManualField } from '../../../inventory/manual-fields.js';
import { addHistory, iso, type Tx } from './tx.js';

export async function setManualValueTx(
  tx: Tx,
  deviceId: string,
  field: ManualField,
  value: string | null,
  by: string,
  origin: 'user' | 'import',
  atMs: number,
): Promise<void> {
  const at = iso(atMs);
  const column = MANUAL_FIELDS[field];
  const existing = await tx.selectFrom('manual_values').selectAll().where('device_id', '=', deviceId).where('field', '=', field).executeTakeFirst();
  const columnValue = column === null ? null : await readColumn(tx, deviceId, column);
  if (value === null) {
    if (existing === undefined) return;
    await tx.deleteFrom('manual_values').where('device_id', '=', deviceId).where('field', '=', field).execute();
    // The inferred value comes back until the next classification refreshes it.
    let restored = existing.inferred_value;
    if (column === 'category') restored ??= 'unknown';
    if (column !== null) await writeColumn(tx, deviceId, column, restored);
    await addHistory(tx, deviceId, field, existing.value, restored, at, origin);
    return;
  }
  const old = existing?.value ?? columnValue;
  if (existing === undefined) {
    await tx
      .insertInto('manual_values')
      .values({ device_id: deviceId, field, value, set_by: by, set_at: at, origin, inferred_value: columnValue })
      .execute();
  } else {
    await tx.updateTable('manual_values').set({ value, set_by: by, set_at: at, origin }).where('device_id', '=', deviceId).where('field', '=', field).execute();
  }
  if (column !== null) await writeColumn(tx, deviceId, column, value);
  if (old !== value) await addHistory(tx, deviceId, field, old, value, at, origin);
}

async function readColumn(tx: Tx, deviceId: string, column: string): Promise<string | null> {
  const { rows } = await sql<{ v: string | null }>`SELECT ${sql.ref(column)} AS v FROM devices WHERE id = ${deviceId}`.execute(tx);
  return rows[0]?.v ?? null;
}

async function writeColumn(tx: Tx, deviceId: string, column: string, value: string | null): Promise<void> {
  await sql`UPDATE devices SET ${sql.ref(column)} = ${value} WHERE id = ${deviceId}`.execute(tx);
}
