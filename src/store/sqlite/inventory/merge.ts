/** Merge an IP-only device into the MAC device it turned out to be: rows move, the older first_seen stays. */
import { prepared } from '../statement-cache.js';
import type { Raw } from './batch-state.js';
import { EXTERNAL_PEER_SQL } from './external-peers.js';

const COALESCED_COLUMNS = [
  'vendor', 'model', 'type', 'os_name', 'os_version', 'os_label', 'os_end_of_life', 'firmware', 'serial',
  'location', 'department', 'asset_tag', 'owner', 'support_end', 'support_status',
] as const;

const SQL = {
  // A person's value on the surviving device wins; the other's fills the gaps.
  manual: 'UPDATE OR IGNORE manual_values SET device_id = ? WHERE device_id = ?',
  history: 'UPDATE attribute_history SET device_id = ? WHERE device_id = ?',
  aliases: 'UPDATE device_aliases SET device_id = ? WHERE device_id = ?',
  columns: `UPDATE devices AS d SET first_seen = min(d.first_seen, f.first_seen), last_seen = max(d.last_seen, f.last_seen),
    category = CASE WHEN d.category = 'unknown' THEN f.category ELSE d.category END,
    confidence = max(d.confidence, f.confidence), ${COALESCED_COLUMNS.map((c) => `${c} = coalesce(d.${c}, f.${c})`).join(', ')}
    FROM devices AS f WHERE d.id = ? AND f.id = ?`,
  // Cascades remove what could not move (rows the surviving device already had).
  deleteDevice: 'DELETE FROM devices WHERE id = ?',
  alias: 'INSERT INTO device_aliases (alias_id, device_id, merged_at) VALUES (?, ?, ?)',
  addHistory: "INSERT INTO attribute_history (device_id, attribute, old_value, new_value, changed_at, origin) VALUES (?, 'mergedFrom', ?, ?, ?, 'inferred')",
  addressesOf: 'SELECT id, kind, value, first_seen AS firstSeen, last_seen AS lastSeen, released_at AS releasedAt FROM device_addresses WHERE device_id = ?',
  sameAddress: 'SELECT id, released_at AS releasedAt FROM device_addresses WHERE device_id = ? AND kind = ? AND value = ?',
  moveAddress: 'UPDATE device_addresses SET device_id = ? WHERE id = ?',
  deleteAddress: 'DELETE FROM device_addresses WHERE id = ?',
  joinAddress: 'UPDATE device_addresses SET first_seen = min(first_seen, ?), last_seen = max(last_seen, ?), released_at = ? WHERE id = ?',
  evidence: `INSERT INTO device_evidence (device_id, attribute, value, source, detail, confidence, first_seen, last_seen, count)
    SELECT ?, attribute, value, source, detail, confidence, first_seen, last_seen, count
    FROM device_evidence WHERE device_id = ? AND true
    ON CONFLICT (device_id, attribute, value, source, detail) DO UPDATE SET
      count = device_evidence.count + excluded.count,
      confidence = max(device_evidence.confidence, excluded.confidence),
      first_seen = min(device_evidence.first_seen, excluded.first_seen),
      last_seen = max(device_evidence.last_seen, excluded.last_seen)`,
  protocols: `INSERT INTO device_protocols (device_id, protocol, version, first_seen, last_seen)
    SELECT ?, protocol, version, first_seen, last_seen FROM device_protocols WHERE device_id = ? AND true
    ON CONFLICT (device_id, protocol, version) DO UPDATE SET
      first_seen = min(device_protocols.first_seen, excluded.first_seen),
      last_seen = max(device_protocols.last_seen, excluded.last_seen)`,
  // The merged device's conduits, either end, re-pointed at the survivor and summed into what it already had.
  conduits: `INSERT INTO conduits (client_id, server_id, proto, port, app, client_ip, server_ip, flows, bytes, first_seen, last_seen, site_id)
    SELECT CASE WHEN client_id = @from THEN @into ELSE client_id END, CASE WHEN server_id = @from THEN @into ELSE server_id END,
      proto, port, app, client_ip, server_ip, flows, bytes, first_seen, last_seen, site_id
    FROM conduits WHERE (client_id = @from OR server_id = @from) AND true
    ON CONFLICT (client_id, server_id, proto, port) DO UPDATE SET
      flows = conduits.flows + excluded.flows, bytes = conduits.bytes + excluded.bytes, app = coalesce(conduits.app, excluded.app),
      first_seen = min(conduits.first_seen, excluded.first_seen), last_seen = max(conduits.last_seen, excluded.last_seen)`,
} as const;

interface AddressRow {
  id: number;
  kind: string;
  value: string;
  firstSeen: string;
  lastSeen: string;
  releasedAt: string | null;
}

/** Merges are rare (an IP-only device turning out to be a MAC device): plain statements, row by row, suffice. */
export function mergeDevices(raw: Raw, fromId: string, intoId: string, at: string): void {
  mergeAddresses(raw, fromId, intoId);
  prepared(raw, SQL.evidence).run(intoId, fromId);
  prepared(raw, SQL.protocols).run(intoId, fromId);
  prepared(raw, SQL.conduits).run({ from: fromId, into: intoId });
  prepared(raw, EXTERNAL_PEER_SQL.merge).run({ from: fromId, into: intoId });
  for (const sql of [SQL.manual, SQL.history, SQL.aliases]) prepared(raw, sql).run(intoId, fromId);
  prepared(raw, SQL.columns).run(intoId, fromId);
  prepared(raw, SQL.deleteDevice).run(fromId);
  prepared(raw, SQL.alias).run(fromId, intoId, at);
  prepared(raw, SQL.addHistory).run(intoId, fromId, intoId, at);
}

function mergeAddresses(raw: Raw, fromId: string, intoId: string): void {
  const rows = prepared(raw, SQL.addressesOf).all(fromId) as AddressRow[];
  for (const row of rows) {
    const same = prepared(raw, SQL.sameAddress).get(intoId, row.kind, row.value) as { id: number; releasedAt: string | null } | undefined;
    if (same === undefined) {
      prepared(raw, SQL.moveAddress).run(intoId, row.id);
      continue;
    }
    // Delete first: the active-IP unique index allows one live binding per address.
    prepared(raw, SQL.deleteAddress).run(row.id);
    prepared(raw, SQL.joinAddress).run(row.firstSeen, row.lastSeen, row.releasedAt === null ? null : same.releasedAt, same.id);
  }
}
