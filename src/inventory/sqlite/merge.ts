/** Merge an IP-only device into the MAC device it turned out to be (issue 4 §3): rows move, the older first_seen stays. */
import { sql } from 'kysely';
import { addHistory, type Tx } from './tx.js';

const COALESCED_COLUMNS = [
  'vendor', 'model', 'type', 'os_name', 'os_version', 'os_label', 'os_end_of_life', 'firmware', 'serial',
  'location', 'department', 'asset_tag', 'owner', 'support_end', 'support_status',
] as const;

export async function mergeDevices(tx: Tx, fromId: string, intoId: string, at: string): Promise<void> {
  await mergeAddresses(tx, fromId, intoId);
  await mergeEvidence(tx, fromId, intoId);
  await mergeProtocols(tx, fromId, intoId);
  // A person's value on the surviving device wins; the other's fills the gaps.
  await sql`UPDATE OR IGNORE manual_values SET device_id = ${intoId} WHERE device_id = ${fromId}`.execute(tx);
  await tx.updateTable('attribute_history').set({ device_id: intoId }).where('device_id', '=', fromId).execute();
  await tx.updateTable('device_aliases').set({ device_id: intoId }).where('device_id', '=', fromId).execute();
  const fill = COALESCED_COLUMNS.map((c) => `${c} = coalesce(d.${c}, f.${c})`).join(', ');
  await sql`UPDATE devices AS d SET first_seen = min(d.first_seen, f.first_seen), last_seen = max(d.last_seen, f.last_seen),
    category = CASE WHEN d.category = 'unknown' THEN f.category ELSE d.category END,
    confidence = max(d.confidence, f.confidence), ${sql.raw(fill)}
    FROM devices AS f WHERE d.id = ${intoId} AND f.id = ${fromId}`.execute(tx);
  // Cascades remove what could not move (rows the surviving device already had).
  await tx.deleteFrom('devices').where('id', '=', fromId).execute();
  await tx.insertInto('device_aliases').values({ alias_id: fromId, device_id: intoId, merged_at: at }).execute();
  await addHistory(tx, intoId, 'mergedFrom', fromId, intoId, at, 'inferred');
}

async function mergeAddresses(tx: Tx, fromId: string, intoId: string): Promise<void> {
  const rows = await tx.selectFrom('device_addresses').selectAll().where('device_id', '=', fromId).execute();
  for (const row of rows) {
    const same = await tx
      .selectFrom('device_addresses')
      .select(['id', 'released_at'])
      .where('device_id', '=', intoId)
      .where('kind', '=', row.kind)
      .where('value', '=', row.value)
      .executeTakeFirst();
    if (same === undefined) {
      await tx.updateTable('device_addresses').set({ device_id: intoId }).where('id', '=', row.id).execute();
      continue;
    }
    // Delete first: the active-IP unique index allows one live binding per address.
    await tx.deleteFrom('device_addresses').where('id', '=', row.id).execute();
    await tx
      .updateTable('device_addresses')
      .set({
        first_seen: sql`min(first_seen, ${row.first_seen})`,
        last_seen: sql`max(last_seen, ${row.last_seen})`,
        released_at: row.released_at === null ? null : same.released_at,
      })
      .where('id', '=', same.id)
      .execute();
  }
}

async function mergeEvidence(tx: Tx, fromId: string, intoId: string): Promise<void> {
  await sql`INSERT INTO device_evidence (device_id, attribute, value, source, detail, confidence, first_seen, last_seen, count)
    SELECT ${intoId}, attribute, value, source, detail, confidence, first_seen, last_seen, count
    FROM device_evidence WHERE device_id = ${fromId} AND true
    ON CONFLICT (device_id, attribute, value, source, detail) DO UPDATE SET
      count = device_evidence.count + excluded.count,
      confidence = max(device_evidence.confidence, excluded.confidence),
      first_seen = min(device_evidence.first_seen, excluded.first_seen),
      last_seen = max(device_evidence.last_seen, excluded.last_seen)`.execute(tx);
}

async function mergeProtocols(tx: Tx, fromId: string, intoId: string): Promise<void> {
  await sql`INSERT INTO device_protocols (device_id, protocol, version, first_seen, last_seen)
    SELECT ${intoId}, protocol, version, first_seen, last_seen FROM device_protocols WHERE device_id = ${fromId} AND true
    ON CONFLICT (device_id, protocol, version) DO UPDATE SET
      first_seen = min(device_protocols.first_seen, excluded.first_seen),
      last_seen = max(device_protocols.last_seen, excluded.last_seen)`.execute(tx);
}
