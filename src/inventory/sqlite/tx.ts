/** Shared helpers for the SQLite inventory: the transaction type, ISO time, history rows, address upserts. */
import { sql, type Kysely } from 'kysely';
import type { AddressKind, HistoryOrigin, InventoryDb } from './schema.js';

/** A Kysely handle inside (or outside) a transaction; every write below takes one. */
export type Tx = Kysely<InventoryDb>;

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

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

/** Record that a device showed an address value; a new value next to older ones of its kind is a change in history. */
export async function touchAddress(
  tx: Tx,
  deviceId: string,
  kind: Exclude<AddressKind, 'ip'>,
  value: string,
  firstSeen: string,
  lastSeen: string,
): Promise<void> {
  const existing = await tx
    .selectFrom('device_addresses')
    .select('id')
    .where('device_id', '=', deviceId)
    .where('kind', '=', kind)
    .where('value', '=', value)
    .executeTakeFirst();
  if (existing !== undefined) {
    await tx
      .updateTable('device_addresses')
      .set({ first_seen: sql`min(first_seen, ${firstSeen})`, last_seen: sql`max(last_seen, ${lastSeen})` })
      .where('id', '=', existing.id)
      .execute();
    return;
  }
  const previous = await latestAddress(tx, deviceId, kind);
  await tx
    .insertInto('device_addresses')
    .values({ device_id: deviceId, kind, value, first_seen: firstSeen, last_seen: lastSeen, released_at: null })
    .execute();
  if (previous !== null) await addHistory(tx, deviceId, historyName(kind), previous, value, firstSeen, 'inferred');
}

/** The most recently seen active value of a kind on a device. */
export async function latestAddress(tx: Tx, deviceId: string, kind: AddressKind): Promise<string | null> {
  const row = await tx
    .selectFrom('device_addresses')
    .select('value')
    .where('device_id', '=', deviceId)
    .where('kind', '=', kind)
    .where('released_at', 'is', null)
    .orderBy('last_seen', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.value ?? null;
}

/** History uses the JSON (camelCase) names. */
export function historyName(kind: AddressKind): string {
  return kind === 'switch_port' ? 'switchPort' : kind;
}
