/**
 * External addresses already stored as devices (databases written before external peers existed, or by a run whose
 * site file declared more networks internal): their traffic becomes external peers of the site's devices, their
 * address bindings are released, and a device left with nothing but external addresses and no MAC is removed. Which
 * addresses are external is the caller's (the site file's) answer, so this runs at the end of an ingest, not in a
 * migration. A device a person gave a value to stays as it is: the person said it is theirs.
 */
import { prepared } from '../statement-cache.js';
import type { Raw } from './batch-state.js';
import { EXTERNAL_PEER_SQL } from './external-peers.js';
import { iso } from './tx.js';

const SQL = {
  conduits: `SELECT id, client_id, server_id, client_ip, server_ip, proto, port, app, flows, bytes, first_seen, last_seen FROM conduits
    WHERE client_ip IS NOT NULL OR server_ip IS NOT NULL`,
  deleteConduit: 'DELETE FROM conduits WHERE id = ?',
  liveIps: `SELECT a.id, a.device_id, a.value, d.mac IS NOT NULL, EXISTS (SELECT 1 FROM manual_values AS m WHERE m.device_id = a.device_id)
    FROM device_addresses AS a JOIN devices AS d ON d.id = a.device_id WHERE a.kind = 'ip' AND a.released_at IS NULL`,
  release: 'UPDATE device_addresses SET released_at = ? WHERE id = ?',
  history: "INSERT INTO attribute_history (device_id, attribute, old_value, new_value, changed_at, origin) VALUES (?, 'ip', ?, NULL, ?, 'inferred')",
  deleteDevice: 'DELETE FROM devices WHERE id = ?',
} as const;

type ConduitCells = [number, string, string, string | null, string | null, string, number, string | null, number, number, string, string];
type AddressCells = [number, string, string, number | boolean, number | boolean];

export interface ForgetExternalResult {
  /** Devices removed: only external addresses, no MAC, nothing a person set. */
  devicesRemoved: number;
  /** External addresses released from devices that stay (a MAC device, one with internal addresses too). */
  addressesReleased: number;
  /** Conduits with an external end turned into external peers (or dropped when both ends were external). */
  conduitsMoved: number;
}

/** What forgetting external addresses writes, decided once for every dialect. */
export interface ForgetExternalPlan {
  result: ForgetExternalResult;
  /** EXTERNAL_PEER_SQL.upsert parameters, in order. */
  peers: unknown[][];
  conduitIds: number[];
  deviceIds: string[];
  /** Released addresses: address id, device id, ip. */
  released: [number, string, string][];
}

/** The conduits (SQL.conduits' cells) and live IP bindings (SQL.liveIps' cells) to change; plain SQL on any dialect. */
export const FORGET_EXTERNAL_READS = { conduits: SQL.conduits, liveIps: SQL.liveIps } as const;

export function planForgetExternal(conduits: readonly unknown[][], liveIps: readonly unknown[][], isExternal: (ip: string) => boolean): ForgetExternalPlan {
  const plan: ForgetExternalPlan = { result: { devicesRemoved: 0, addressesReleased: 0, conduitsMoved: 0 }, peers: [], conduitIds: [], deviceIds: [], released: [] };
  const ext = (ip: string | null): boolean => ip !== null && isExternal(ip);
  for (const c of conduits as ConduitCells[]) {
    const [id, clientId, serverId, clientIp, serverIp, proto, port, app, flows, bytes, first, last] = c;
    const [clientExt, serverExt] = [ext(clientIp), ext(serverIp)];
    if (!clientExt && !serverExt) continue;
    if (clientExt && !serverExt) plan.peers.push([serverId, serverIp, clientIp, 'in', proto, port, app, null, flows, bytes, first, last]);
    else if (serverExt && !clientExt) plan.peers.push([clientId, clientIp, serverIp, 'out', proto, port, app, null, flows, bytes, first, last]);
    plan.conduitIds.push(id);
    plan.result.conduitsMoved++;
  }
  const devices = new Map<string, { hasMac: boolean; personSet: boolean; external: [number, string][]; internal: number }>();
  for (const [addressId, deviceId, ip, hasMac, personSet] of liveIps as AddressCells[]) {
    let d = devices.get(deviceId);
    if (d === undefined) {
      // SQLite answers the two flags as 0/1, PostgreSQL as booleans.
      d = { hasMac: Boolean(hasMac), personSet: Boolean(personSet), external: [], internal: 0 };
      devices.set(deviceId, d);
    }
    if (isExternal(ip)) d.external.push([addressId, ip]);
    else d.internal++;
  }
  for (const [deviceId, d] of devices) {
    if (d.external.length === 0 || d.personSet) continue;
    if (!d.hasMac && d.internal === 0) {
      plan.deviceIds.push(deviceId);
      plan.result.devicesRemoved++;
      continue;
    }
    for (const [addressId, ip] of d.external) {
      plan.released.push([addressId, deviceId, ip]);
      plan.result.addressesReleased++;
    }
  }
  return plan;
}

/** Runs in the caller's transaction. */
export function forgetExternal(raw: Raw, isExternal: (ip: string) => boolean, atMs: number): ForgetExternalResult {
  const plan = planForgetExternal(prepared(raw, SQL.conduits).raw(true).all() as unknown[][], prepared(raw, SQL.liveIps).raw(true).all() as unknown[][], isExternal);
  const upsert = prepared(raw, EXTERNAL_PEER_SQL.upsert);
  for (const p of plan.peers) upsert.run(...p);
  for (const id of plan.conduitIds) prepared(raw, SQL.deleteConduit).run(id);
  for (const id of plan.deviceIds) prepared(raw, SQL.deleteDevice).run(id);
  const at = iso(atMs);
  for (const [addressId, deviceId, ip] of plan.released) {
    prepared(raw, SQL.release).run(at, addressId);
    prepared(raw, SQL.history).run(deviceId, ip, at);
  }
  return plan.result;
}
