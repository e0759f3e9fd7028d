/** Conduits as docs/architecture.md-style JSON (mission §5): every one, busiest first, or those of one device. */
import type { ConduitJson } from '../../../inventory/types.js';
import { prepared } from '../statement-cache.js';
import type { Raw } from './batch-state.js';

const COLUMNS = 'client_id, server_id, client_ip, server_ip, proto, port, app, flows, bytes, first_seen, last_seen';
const ORDER = 'ORDER BY flows DESC, client_id, server_id, proto, port';
const SQL = {
  all: `SELECT ${COLUMNS} FROM conduits ${ORDER}`,
  ofDevice: `SELECT ${COLUMNS} FROM conduits WHERE client_id = ? OR server_id = ? ${ORDER}`,
} as const;

type Cells = [string, string, string | null, string | null, string, number, string | null, number, number, string, string];

function toJson(c: Cells): ConduitJson {
  return {
    clientId: c[0], serverId: c[1], clientIp: c[2], serverIp: c[3], proto: c[4], port: c[5] === -1 ? null : c[5], app: c[6],
    flows: c[7], bytes: c[8], firstSeen: c[9], lastSeen: c[10],
  };
}

/** Every conduit, or only those with `deviceId` at either end. */
export function readConduits(raw: Raw, deviceId?: string): ConduitJson[] {
  const rows = deviceId === undefined ? prepared(raw, SQL.all).raw(true).all() : prepared(raw, SQL.ofDevice).raw(true).all(deviceId, deviceId);
  return (rows as Cells[]).map(toJson);
}
