/**
 * The inventory's summing upserts in PostgreSQL's spelling: the SQLite ones (src/store/sqlite/inventory/ingest.ts,
 * merge.ts, external-peers.ts) with scalar min/max as LEAST/GREATEST (PostgreSQL's min/max are aggregates only,
 * https://www.postgresql.org/docs/15/functions-conditional.html#FUNCTIONS-GREATEST-LEAST). Each takes rows from a
 * SELECT, so one statement writes many rows (UNNEST of arrays in pg-ingest.ts, the merged device's rows in pg-merge.ts).
 */
export const PG_UPSERT_ON = {
  evidence: `ON CONFLICT (device_id, attribute, value, source, detail) DO UPDATE SET
    count = device_evidence.count + excluded.count, confidence = GREATEST(device_evidence.confidence, excluded.confidence),
    first_seen = LEAST(device_evidence.first_seen, excluded.first_seen), last_seen = GREATEST(device_evidence.last_seen, excluded.last_seen)`,
  protocols: `ON CONFLICT (device_id, protocol, version) DO UPDATE SET
    first_seen = LEAST(device_protocols.first_seen, excluded.first_seen), last_seen = GREATEST(device_protocols.last_seen, excluded.last_seen)`,
  // The latest addresses win: a rule names where the conduit runs now.
  conduits: `ON CONFLICT (client_id, server_id, proto, port) DO UPDATE SET
    flows = conduits.flows + excluded.flows, bytes = conduits.bytes + excluded.bytes, app = coalesce(excluded.app, conduits.app),
    client_ip = CASE WHEN excluded.last_seen >= conduits.last_seen THEN coalesce(excluded.client_ip, conduits.client_ip) ELSE conduits.client_ip END,
    server_ip = CASE WHEN excluded.last_seen >= conduits.last_seen THEN coalesce(excluded.server_ip, conduits.server_ip) ELSE conduits.server_ip END,
    first_seen = LEAST(conduits.first_seen, excluded.first_seen), last_seen = GREATEST(conduits.last_seen, excluded.last_seen)`,
  // A merge keeps the survivor's app where it had one (merge.ts); an ingest takes the newest.
  conduitsMerge: `ON CONFLICT (client_id, server_id, proto, port) DO UPDATE SET
    flows = conduits.flows + excluded.flows, bytes = conduits.bytes + excluded.bytes, app = coalesce(conduits.app, excluded.app),
    first_seen = LEAST(conduits.first_seen, excluded.first_seen), last_seen = GREATEST(conduits.last_seen, excluded.last_seen)`,
  // The newest name and device address win (a name learnt later is the better one); counts add up.
  externalPeers: `ON CONFLICT (device_id, peer_ip, direction, proto, port) DO UPDATE SET
    flows = external_peers.flows + excluded.flows, bytes = external_peers.bytes + excluded.bytes,
    app = coalesce(external_peers.app, excluded.app),
    server_name = CASE WHEN excluded.last_seen >= external_peers.last_seen THEN coalesce(excluded.server_name, external_peers.server_name) ELSE coalesce(external_peers.server_name, excluded.server_name) END,
    device_ip = CASE WHEN excluded.last_seen >= external_peers.last_seen THEN coalesce(excluded.device_ip, external_peers.device_ip) ELSE external_peers.device_ip END,
    first_seen = LEAST(external_peers.first_seen, excluded.first_seen), last_seen = GREATEST(external_peers.last_seen, excluded.last_seen)`,
} as const;
