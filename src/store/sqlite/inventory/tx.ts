/** Shared helpers for the SQLite inventory's Kysely paths: the transaction type, ISO time, history rows. */
import type { Kysely } from 'kysely';
import { iso } from '../../../inventory/identity-state.js';
import type { HistoryOrigin, InventoryDb } from './schema.js';

/** A Kysely handle inside (or outside) a transaction; every write below takes one. */
export type Tx = Kysely<InventoryDb>;

export { iso };

export async function addHistory(
  tx: Tx,
  deviceId: string,
  attribute: string,
  oldValue: string | null,
  newValue: string | null,
  changedAt: string,
  origin: HistoryOrigin,
): Promise<void> {
  await tx
    .insertInto('attribute_history')
    .values({ device_id: deviceId, attribute, old_value: oldValue, new_value: newValue, changed_at: changedAt, origin })
    .execute();
}
