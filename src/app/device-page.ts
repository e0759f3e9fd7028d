/**
 * One page of the inventory for the API: filters over the scored listing and a cursor that stays correct while
 * ingest adds devices. The sort key is the device id (assigned once, never reused), so a device listed before the
 * cursor is never listed again and one after it is never skipped; a device created meanwhile lands on whichever side
 * its id falls.
 */
import { DEVICE_CATEGORIES, type DeviceCategory } from '../identify/types.js';
import type { DeviceJson, RiskJson } from '../inventory/types.js';
import { AppError, ErrorCode } from '../util/app-error.js';
import { listDevices } from './devices.js';

export const RISK_LEVELS = ['critical', 'high', 'medium', 'low', 'info'] as const satisfies readonly RiskJson['level'][];
export const MAX_PAGE = 500;

export interface DevicePageQuery {
  category?: DeviceCategory | undefined;
  vendor?: string | undefined;
  /** Zones are clinical categories (segmentation/zone-conduits.ts zoneOf); kept apart so sites may name zones later. */
  zone?: string | undefined;
  riskLevel?: RiskJson['level'] | undefined;
  /** ISO date/time: devices last seen at or after it. */
  seenSince?: string | undefined;
  /** Case-insensitive text over names, addresses and the register's fields. */
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface DevicePage {
  devices: DeviceJson[];
  /** Pass back as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** Opaque to clients: base64url of the last id served. */
export function encodeCursor(lastId: string): string {
  return Buffer.from(JSON.stringify({ after: lastId }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (typeof parsed !== 'object' || parsed === null || !('after' in parsed) || typeof parsed.after !== 'string') {
    throw new AppError(ErrorCode.BadArgument, 'cursor: not a cursor this server gave out');
  }
  return parsed.after;
}

function searchText(d: DeviceJson): string {
  return [d.id, d.mac, ...d.ips, ...d.hostnames, d.vendor, d.model, d.type, d.location, d.department, d.assetTag, d.serial, d.os.label, d.os.name]
    .filter((v): v is string => v !== null).join('\n').toLowerCase();
}

function matcher(q: DevicePageQuery): (d: DeviceJson) => boolean {
  const since = q.seenSince === undefined ? undefined : Date.parse(q.seenSince);
  if (since !== undefined && !Number.isFinite(since)) throw new AppError(ErrorCode.BadArgument, `seenSince: expected an ISO date/time, not '${String(q.seenSince).slice(0, 40)}'`);
  if (q.category !== undefined && !(DEVICE_CATEGORIES as readonly string[]).includes(q.category)) throw new AppError(ErrorCode.BadArgument, `unknown category '${q.category}'`);
  const vendor = q.vendor?.toLowerCase();
  const text = q.q?.toLowerCase();
  return (d) => (q.category === undefined || d.category === q.category)
    && (q.zone === undefined || d.category === q.zone)
    && (vendor === undefined || (d.vendor ?? '').toLowerCase() === vendor)
    && (q.riskLevel === undefined || d.risk?.level === q.riskLevel)
    && (since === undefined || Date.parse(d.lastSeen) >= since)
    && (text === undefined || searchText(d).includes(text));
}

/** Devices (live ones, as `wardwatch devices` lists them) matching the query, by id, `limit` at most after the cursor. */
export async function pageDevices(ws: Parameters<typeof listDevices>[0], query: DevicePageQuery): Promise<DevicePage> {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_PAGE) throw new AppError(ErrorCode.BadArgument, `limit: 1 to ${String(MAX_PAGE)}`);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const keep = matcher(query);
  const all = (await listDevices(ws)).filter((d) => (after === undefined || d.id > after) && keep(d));
  all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const devices = all.slice(0, query.limit);
  const last = devices[devices.length - 1];
  return { devices, nextCursor: all.length > query.limit && last !== undefined ? encodeCursor(last.id) : null };
}
