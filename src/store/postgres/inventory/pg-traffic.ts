/**
 * Conduits and external peers read back on PostgreSQL, as src/store/sqlite/inventory/read-conduits.ts and
 * external-peers.ts list them: busiest first, port -1 as null, BIGINT counts as numbers.
 */
import { sql } from 'kysely';
import type { Tx } from '../../sqlite/inventory/tx.js';
import type { ConduitJson, ExternalPeerJson } from '../../../inventory/types.js';
import { dbInt } from '../../db-int.js';

interface ConduitRow {
  clientId: string; serverId: string; clientIp: string | null; serverIp: string | null; proto: string; port: number; app: string | null;
  flows: string | number; bytes: string | number; firstSeen: string; lastSeen: string;
}

interface PeerRow {
  deviceId: string; deviceIp: string | null; peerIp: string; serverName: string | null; direction: 'out' | 'in'; proto: string; port: number;
  app: string | null; flows: string | number; bytes: string | number; firstSeen: string; lastSeen: string;
}

export async function readConduitsPg(tx: Tx, deviceId?: string): Promise<ConduitJson[]> {
  const where = deviceId === undefined ? sql`` : sql`WHERE client_id = ${deviceId} OR server_id = ${deviceId}`;
  const rows = await sql<ConduitRow>`SELECT client_id AS "clientId", server_id AS "serverId", client_ip AS "clientIp", server_ip AS "serverIp",
    proto, port, app, flows, bytes, first_seen AS "firstSeen", last_seen AS "lastSeen"
    FROM conduits ${where} ORDER BY flows DESC, client_id, server_id, proto, port`.execute(tx);
  return rows.rows.map((r) => ({ ...r, port: r.port === -1 ? null : r.port, flows: dbInt(r.flows), bytes: dbInt(r.bytes) }));
}

export async function readExternalPeersPg(tx: Tx, deviceId?: string): Promise<ExternalPeerJson[]> {
  const where = deviceId === undefined ? sql`` : sql`WHERE device_id = ${deviceId}`;
  const rows = await sql<PeerRow>`SELECT device_id AS "deviceId", device_ip AS "deviceIp", peer_ip AS "peerIp", server_name AS "serverName",
    direction, proto, port, app, flows, bytes, first_seen AS "firstSeen", last_seen AS "lastSeen"
    FROM external_peers ${where} ORDER BY flows DESC, bytes DESC, device_id, peer_ip, direction, proto, port`.execute(tx);
  return rows.rows.map((r) => ({ ...r, port: r.port === -1 ? null : r.port, flows: dbInt(r.flows), bytes: dbInt(r.bytes) }));
}
