/**
 * One page of the inventory for the API: filters over the scored listing and a cursor that stays correct while
 * ingest adds devices. The sort key is the device id (assigned once, never reused), so a device listed before the
 * cursor is never listed again and one after it is never skipped; a device created meanwhile lands on whichever side
 * its id falls.
 */
import { DEVICE_CATEGORIES, type DeviceCategory } from '../identify/types.js';
import type { DeviceJson, RiskDevice, RiskJson } from '../inventory/types.js';
import type { Scored } from '../risk/assess.js';
import type { Workspace } from '../store/workspace.js';
import { AppError, ErrorCode } from '../util/app-error.js';
import { scoredInventory } from './scored-cache.js';

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

/** What can be decided from the scored risk columns alone, before any device's JSON is read. */
function coarseMatcher(q: DevicePageQuery, after: string | undefined): (d: Scored<RiskDevice>) => boolean {
  if (q.category !== undefined && !(DEVICE_CATEGORIES as readonly string[]).includes(q.category)) throw new AppError(ErrorCode.BadArgument, `unknown category '${q.category}'`);
  const vendor = q.vendor?.toLowerCase();
  return (d) => (after === undefined || d.id > after)
    && (q.category === undefined || d.category === q.category)
    && (q.zone === undefined || d.category === q.zone)
    && (vendor === undefined || (d.vendor ?? '').toLowerCase() === vendor)
    && (q.riskLevel === undefined || d.risk.level === q.riskLevel);
}

/** What needs the device's whole JSON: text search and last seen. */
function fineMatcher(q: DevicePageQuery): (d: DeviceJson) => boolean {
  const since = q.seenSince === undefined ? undefined : Date.parse(q.seenSince);
  if (since !== undefined && !Number.isFinite(since)) throw new AppError(ErrorCode.BadArgument, `seenSince: expected an ISO date/time, not '${String(q.seenSince).slice(0, 40)}'`);
  const text = q.q?.toLowerCase();
  return (d) => (since === undefined || Date.parse(d.lastSeen) >= since) && (text === undefined || searchText(d).includes(text));
}

/**
 * Devices (live ones, as `wardwatch devices` lists them) matching the query, by id, `limit` at most after the cursor.
 * Risk comes from the scored inventory kept between reads (scored-cache.ts: recomputed when data, weights or day
 * move); only the devices a page may show have their cached JSON read, a chunk at a time, so a page of 100 out of
 * 10,000 devices does not build 10,000 objects with evidence.
 */
export async function pageDevices(ws: Workspace, query: DevicePageQuery): Promise<DevicePage> {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_PAGE) throw new AppError(ErrorCode.BadArgument, `limit: 1 to ${String(MAX_PAGE)}`);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const fine = fineMatcher(query);
  const { devices: scored } = await scoredInventory(ws);
  const candidates = scored.filter(coarseMatcher(query, after)); // already by id
  const linesOf = (ids: readonly string[]): Promise<Map<string, Buffer>> => ws.inventory.deviceLines(ids);
  const devices: DeviceJson[] = [];
  let more = false;
  for (let start = 0; start < candidates.length && !more; start += query.limit) {
    const chunk = candidates.slice(start, start + query.limit);
    const lines = await linesOf(chunk.map((d) => d.id));
    for (const d of chunk) {
      const line = lines.get(d.id);
      if (line === undefined) continue; // merged away since it was scored
      const device = { ...(JSON.parse(line.toString('utf8')) as DeviceJson), supportEnd: d.supportEnd, supportStatus: d.supportStatus, risk: d.risk };
      if (!fine(device)) continue;
      if (devices.length === query.limit) {
        more = true;
        break;
      }
      devices.push(device);
    }
  }
  const last = devices[devices.length - 1];
  return { devices, nextCursor: more && last !== undefined ? encodeCursor(last.id) : null };
}
