/**
 * Zone-to-zone conduits (mission §5, IEC 62443-3-2 zones and conduits): the device-level conduits learned from flows,
 * summed per pair of zones and service, which is the level a segmentation policy is reviewed at.
 */
import type { ConduitJson, SegmentDevice, ZoneName } from './types.js';

/**
 * A service between two zones: every device-level conduit from a client in `fromZone` to `port` of a server in
 * `toZone`. Traffic inside one zone is kept too (fromZone === toZone): east-west flows are what segmentation is for.
 */
export interface ZoneConduit {
  fromZone: ZoneName;
  toZone: ZoneName;
  proto: string;
  port: number | null;
  /** The most common application among the grouped conduits; null when most were not recognised. */
  app: string | null;
  flows: number;
  bytes: number;
  /** Distinct client and server devices (by id, inventoried or not). */
  clients: number;
  servers: number;
  firstSeen: string;
  lastSeen: string;
}

/**
 * A device's zone is its clinical category. A conduit endpoint missing from the devices given is `unknown`: the
 * inventory has not placed it, and guessing `external` would grant it the rules of addresses outside the hospital.
 */
export function zoneOf(device: SegmentDevice | undefined): ZoneName {
  return device === undefined ? 'unknown' : device.category;
}

/**
 * Code-unit order, not `localeCompare`: output must not change with the machine's locale. Shared by segmentation so
 * zone conduits, blast radius and rules list things alike.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ports ascending, portless protocols (null) last. */
export function comparePort(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

interface Group {
  conduit: ZoneConduit;
  clientIds: Set<string>;
  serverIds: Set<string>;
  /** Conduits per app, null for unrecognised; the winner becomes `conduit.app`. */
  apps: Map<string | null, number>;
}

/** Most conduits wins; ties go to the alphabetically first app, and an app named beats none. */
function commonestApp(apps: ReadonlyMap<string | null, number>): string | null {
  let best: string | null = null;
  let bestCount = -1;
  for (const [app, count] of apps) {
    const better =
      count > bestCount || (count === bestCount && app !== null && (best === null || compareText(app, best) < 0));
    if (better) {
      best = app;
      bestCount = count;
    }
  }
  return best;
}

function compareZoneConduits(a: ZoneConduit, b: ZoneConduit): number {
  return (
    b.flows - a.flows ||
    compareText(a.fromZone, b.fromZone) ||
    compareText(a.toZone, b.toZone) ||
    compareText(a.proto, b.proto) ||
    comparePort(a.port, b.port)
  );
}

/** Group device conduits by (fromZone, toZone, proto, port); busiest first, then by name for stable output. */
export function zoneConduits(conduits: readonly ConduitJson[], devices: readonly SegmentDevice[]): ZoneConduit[] {
  const byId = new Map(devices.map((d) => [d.id, d]));
  const groups = new Map<string, Group>();
  for (const c of conduits) {
    const fromZone = zoneOf(byId.get(c.clientId));
    const toZone = zoneOf(byId.get(c.serverId));
    // JSON keeps the parts apart whatever characters a proto holds, and null port distinct from any number.
    const key = JSON.stringify([fromZone, toZone, c.proto, c.port]);
    let g = groups.get(key);
    if (g === undefined) {
      g = {
        conduit: {
          fromZone,
          toZone,
          proto: c.proto,
          port: c.port,
          app: null,
          flows: 0,
          bytes: 0,
          clients: 0,
          servers: 0,
          firstSeen: c.firstSeen,
          lastSeen: c.lastSeen,
        },
        clientIds: new Set(),
        serverIds: new Set(),
        apps: new Map(),
      };
      groups.set(key, g);
    }
    const z = g.conduit;
    z.flows += c.flows;
    z.bytes += c.bytes;
    // ISO 8601 timestamps in one zone (UTC) order as text.
    if (c.firstSeen < z.firstSeen) z.firstSeen = c.firstSeen;
    if (c.lastSeen > z.lastSeen) z.lastSeen = c.lastSeen;
    g.clientIds.add(c.clientId);
    g.serverIds.add(c.serverId);
    g.apps.set(c.app, (g.apps.get(c.app) ?? 0) + 1);
  }
  const out: ZoneConduit[] = [];
  for (const g of groups.values()) {
    out.push({ ...g.conduit, app: commonestApp(g.apps), clients: g.clientIds.size, servers: g.serverIds.size });
  }
  return out.sort(compareZoneConduits);
}
