/**
 * External peers (migration 0012): traffic between a site device and an address outside the site's networks, summed
 * per (device, peer, direction, protocol, server port) across batches and runs. Written after the batch's devices are
 * resolved, read busiest first for `conduits` and for each device's JSON.
 */
import { prepared } from '../statement-cache.js';
import { deviceKeyString, EXTERNAL_PEERS_IN_DEVICE, type ExternalPeerJson, type ExternalPeerSighting } from '../../../inventory/types.js';
import { IN_JSON, type BatchState, type Raw } from './batch-state.js';
import { iso } from './tx.js';

const UPSERT_SET = `flows = external_peers.flows + excluded.flows, bytes = external_peers.bytes + excluded.bytes,
  app = coalesce(external_peers.app, excluded.app),
  server_name = CASE WHEN excluded.last_seen >= external_peers.last_seen THEN coalesce(excluded.server_name, external_peers.server_name) ELSE coalesce(external_peers.server_name, excluded.server_name) END,
  device_ip = CASE WHEN excluded.last_seen >= external_peers.last_seen THEN coalesce(excluded.device_ip, external_peers.device_ip) ELSE external_peers.device_ip END,
  first_seen = min(external_peers.first_seen, excluded.first_seen), last_seen = max(external_peers.last_seen, excluded.last_seen)`;

const COLUMNS = 'device_id, device_ip, peer_ip, server_name, direction, proto, port, app, flows, bytes, first_seen, last_seen';
const ORDER = 'ORDER BY flows DESC, bytes DESC, device_id, peer_ip, direction, proto, port';

export const EXTERNAL_PEER_SQL = {
  /** The newest name and device address win (a name learnt later is the better one); counts add up. */
  upsert: `INSERT INTO external_peers (device_id, device_ip, peer_ip, direction, proto, port, app, server_name, flows, bytes, first_seen, last_seen)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (device_id, peer_ip, direction, proto, port) DO UPDATE SET ${UPSERT_SET}`,
  /** A merged device's peers re-pointed at the survivor and summed into what it already had. */
  merge: `INSERT INTO external_peers (device_id, device_ip, peer_ip, direction, proto, port, app, server_name, flows, bytes, first_seen, last_seen)
    SELECT @into, device_ip, peer_ip, direction, proto, port, app, server_name, flows, bytes, first_seen, last_seen
    FROM external_peers WHERE device_id = @from AND true
    ON CONFLICT (device_id, peer_ip, direction, proto, port) DO UPDATE SET ${UPSERT_SET}`,
  all: `SELECT ${COLUMNS} FROM external_peers ${ORDER}`,
  ofDevice: `SELECT ${COLUMNS} FROM external_peers WHERE device_id = ? ${ORDER}`,
  // The busiest few of each device, for its JSON: ranked in SQLite, only those rows come out.
  ofDevices: (where: string) => `SELECT ${COLUMNS} FROM (
      SELECT *, row_number() OVER (PARTITION BY device_id ORDER BY flows DESC, bytes DESC, peer_ip, direction, proto, port) AS n
      FROM external_peers ${where}) AS ranked WHERE n <= ${String(EXTERNAL_PEERS_IN_DEVICE)}
    ORDER BY device_id, n`,
} as const;

type Cells = [string, string | null, string, string | null, 'out' | 'in', string, number, string | null, number, number, string, string];

function toJson(c: Cells): ExternalPeerJson {
  return {
    deviceId: c[0], deviceIp: c[1], peerIp: c[2], serverName: c[3], direction: c[4], proto: c[5], port: c[6] === -1 ? null : c[6], app: c[7],
    flows: c[8], bytes: c[9], firstSeen: c[10], lastSeen: c[11],
  };
}

/** Peers whose device resolved in this batch (its key was in the batch's sightings). */
export function writeExternalPeers(raw: Raw, state: BatchState, peers: readonly ExternalPeerSighting[], deviceIds: ReadonlyMap<string, string>): void {
  if (peers.length === 0) return;
  const upsert = prepared(raw, EXTERNAL_PEER_SQL.upsert);
  for (const p of peers) {
    const id = deviceIds.get(deviceKeyString(p.device));
    if (id === undefined) continue;
    upsert.run(state.survivorOf(id), p.device.ip, p.peerIp, p.direction, p.proto, p.port ?? -1, p.app, p.serverName, p.flows, p.bytes, iso(p.firstSeenMs), iso(p.lastSeenMs));
  }
}

/** Every external peer, busiest first, or those of one device. */
export function readExternalPeers(raw: Raw, deviceId?: string): ExternalPeerJson[] {
  const rows = deviceId === undefined ? prepared(raw, EXTERNAL_PEER_SQL.all).raw(true).all() : prepared(raw, EXTERNAL_PEER_SQL.ofDevice).raw(true).all(deviceId);
  return (rows as Cells[]).map(toJson);
}

/**
 * The busiest EXTERNAL_PEERS_IN_DEVICE peers of each device (all, or those in a JSON list of ids, filtered by
 * `inIds`, the dialect's spelling): rows for peerOfCells. The subquery is named: PostgreSQL 15 requires it.
 */
export function devicePeersSql(byIds: boolean, inIds: string = IN_JSON): string {
  return EXTERNAL_PEER_SQL.ofDevices(byIds ? `WHERE device_id ${inIds}` : '');
}

/** A row of devicePeersSql as the device's JSON lists it, with the device's id. */
export function peerOfCells(cells: unknown[]): { deviceId: string; peer: Omit<ExternalPeerJson, 'deviceId'> } {
  const { deviceId, ...peer } = toJson(cells as Cells);
  return { deviceId, peer };
}
