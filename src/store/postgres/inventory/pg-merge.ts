/**
 * Merge an IP-only device into the MAC device it turned out to be, on PostgreSQL: the statements of
 * src/store/sqlite/inventory/merge.ts with UPDATE OR IGNORE as an UPDATE that skips rows the survivor already has, and
 * scalar min/max as LEAST/GREATEST. Merges are rare: a few statements each, row by row for addresses.
 */
import { sql } from 'kysely';
import type { Tx } from '../../sqlite/inventory/tx.js';
import { PG_UPSERT_ON } from './pg-upserts.js';

const COALESCED_COLUMNS = [
  'vendor', 'model', 'type', 'os_name', 'os_version', 'os_label', 'os_end_of_life', 'firmware', 'serial',
  'location', 'department', 'asset_tag', 'owner', 'support_end', 'support_status',
] as const;

interface AddressRow { id: string; kind: string; value: string; firstSeen: string; lastSeen: string; releasedAt: string | null }

export async function mergeDevicesPg(tx: Tx, fromId: string, intoId: string, at: string): Promise<void> {
  await mergeAddresses(tx, fromId, intoId);
  await sql`INSERT INTO device_evidence (device_id, attribute, value, source, detail, confidence, first_seen, last_seen, count)
    SELECT ${intoId}, attribute, value, source, detail, confidence, first_seen, last_seen, count FROM device_evidence WHERE device_id = ${fromId}
    ${sql.raw(PG_UPSERT_ON.evidence)}`.execute(tx);
  await sql`INSERT INTO device_protocols (device_id, protocol, version, first_seen, last_seen)
    SELECT ${intoId}, protocol, version, first_seen, last_seen FROM device_protocols WHERE device_id = ${fromId}
    ${sql.raw(PG_UPSERT_ON.protocols)}`.execute(tx);
  // Summed per re-pointed key first: one INSERT may not update a row twice (two rows of `from` can land on one key).
  await sql`INSERT INTO conduits (client_id, server_id, proto, port, app, client_ip, server_ip, flows, bytes, first_seen, last_seen, site_id)
    SELECT c, s, proto, port, max(app), max(client_ip), max(server_ip), sum(flows), sum(bytes), min(first_seen), max(last_seen), min(site_id)
    FROM (SELECT CASE WHEN client_id = ${fromId} THEN ${intoId} ELSE client_id END AS c, CASE WHEN server_id = ${fromId} THEN ${intoId} ELSE server_id END AS s,
      proto, port, app, client_ip, server_ip, flows, bytes, first_seen, last_seen, site_id
      FROM conduits WHERE client_id = ${fromId} OR server_id = ${fromId}) AS moved
    GROUP BY c, s, proto, port
    ${sql.raw(PG_UPSERT_ON.conduitsMerge)}`.execute(tx);
  await sql`INSERT INTO external_peers (device_id, device_ip, peer_ip, direction, proto, port, app, server_name, flows, bytes, first_seen, last_seen)
    SELECT ${intoId}, device_ip, peer_ip, direction, proto, port, app, server_name, flows, bytes, first_seen, last_seen
    FROM external_peers WHERE device_id = ${fromId}
    ${sql.raw(PG_UPSERT_ON.externalPeers)}`.execute(tx);
  // A person's value on the surviving device wins; the other's fills the gaps.
  await sql`UPDATE manual_values SET device_id = ${intoId} WHERE device_id = ${fromId}
    AND field NOT IN (SELECT field FROM manual_values WHERE device_id = ${intoId})`.execute(tx);
  await tx.updateTable('attribute_history').set({ device_id: intoId }).where('device_id', '=', fromId).execute();
  await tx.updateTable('device_aliases').set({ device_id: intoId }).where('device_id', '=', fromId).execute();
  await sql`UPDATE devices AS d SET first_seen = LEAST(d.first_seen, f.first_seen), last_seen = GREATEST(d.last_seen, f.last_seen),
    category = CASE WHEN d.category = 'unknown' THEN f.category ELSE d.category END, confidence = GREATEST(d.confidence, f.confidence),
    ${sql.raw(COALESCED_COLUMNS.map((c) => `${c} = coalesce(d.${c}, f.${c})`).join(', '))}
    FROM devices AS f WHERE d.id = ${intoId} AND f.id = ${fromId}`.execute(tx);
  // Cascades remove what could not move (rows the surviving device already had).
  await tx.deleteFrom('devices').where('id', '=', fromId).execute();
  await tx.insertInto('device_aliases').values({ alias_id: fromId, device_id: intoId, merged_at: at }).execute();
  await tx.insertInto('attribute_history')
    .values({ device_id: intoId, attribute: 'mergedFrom', old_value: fromId, new_value: intoId, changed_at: at, origin: 'inferred' }).execute();
}

async function mergeAddresses(tx: Tx, fromId: string, intoId: string): Promise<void> {
  const rows = (await sql<AddressRow>`SELECT id, kind, value, first_seen AS "firstSeen", last_seen AS "lastSeen", released_at AS "releasedAt"
    FROM device_addresses WHERE device_id = ${fromId} ORDER BY id`.execute(tx)).rows;
  for (const row of rows) {
    const same = (await sql<{ id: string; releasedAt: string | null }>`SELECT id, released_at AS "releasedAt" FROM device_addresses
      WHERE device_id = ${intoId} AND kind = ${row.kind} AND value = ${row.value}`.execute(tx)).rows[0];
    if (same === undefined) {
      await sql`UPDATE device_addresses SET device_id = ${intoId} WHERE id = ${row.id}`.execute(tx);
      continue;
    }
    // Delete first: the active-IP unique index allows one live binding per address.
    await sql`DELETE FROM device_addresses WHERE id = ${row.id}`.execute(tx);
    await sql`UPDATE device_addresses SET first_seen = LEAST(first_seen, ${row.firstSeen}), last_seen = GREATEST(last_seen, ${row.lastSeen}),
      released_at = ${row.releasedAt === null ? null : same.releasedAt} WHERE id = ${same.id}`.execute(tx);
  }
}
