/**
 * Blast radius of a compromised device (mission §5): the devices it can reach by following observed conduits the way a
 * connection is opened, client to server, breadth-first and bounded in hops.
 */
import type { ConduitJson, SegmentDevice, ZoneName } from './types.js';
import { comparePort, compareText, zoneOf } from './zone-conduits.js';

export interface ReachedDevice {
  id: string;
  label: string;
  zone: ZoneName;
  /** Conduits followed from the origin: 1 for a server the origin itself connected to. */
  hops: number;
  /** The last conduit of the first shortest path: the service opened, and `from`, the id of the device opening it. */
  via: { proto: string; port: number | null; app: string | null; from: string };
}

export interface BlastRadius {
  origin: string;
  /** Every device reached, the origin excluded, nearest first, then by zone and label. */
  reached: ReachedDevice[];
  /** Reached devices per zone, zones in name order. */
  byZone: Record<string, number>;
  reasons: string[];
}

export interface BlastRadiusOptions {
  /** Conduits followed at most; 0 reaches nothing, Infinity follows every path. */
  maxHops?: number;
}

/**
 * Lateral movement beyond a few hops is speculative: each hop assumes another exploitable service on the way, and on a
 * flat hospital network a long enough path reaches nearly everything, which tells an analyst nothing.
 */
export const DEFAULT_MAX_HOPS = 3;

/** Services of the origin named one by one in the reasons; the rest are summed in one sentence. */
const MAX_SERVICES_LISTED = 8;

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function describeService(c: Pick<ConduitJson, 'proto' | 'port' | 'app'>): string {
  const where = c.port === null ? c.proto : `${c.proto}/${c.port}`;
  return c.app === null ? where : `${where} (${c.app})`;
}

function compareApp(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}

/** The order a device's outgoing conduits are followed in, so the path kept for each device never depends on input order. */
function compareOutgoing(a: ConduitJson, b: ConduitJson): number {
  return (
    comparePort(a.port, b.port) ||
    compareText(a.proto, b.proto) ||
    compareText(a.serverId, b.serverId) ||
    compareApp(a.app, b.app)
  );
}

/** Outgoing conduits per client, built once; each list is sorted only when its device is expanded. */
class OutgoingIndex {
  private readonly byClient = new Map<string, ConduitJson[]>();
  private readonly sorted = new Set<string>();

  constructor(conduits: readonly ConduitJson[]) {
    for (const c of conduits) {
      // A device talking to itself reaches nothing new.
      if (c.clientId === c.serverId) continue;
      const list = this.byClient.get(c.clientId);
      if (list === undefined) this.byClient.set(c.clientId, [c]);
      else list.push(c);
    }
  }

  from(clientId: string): readonly ConduitJson[] {
    const list = this.byClient.get(clientId);
    if (list === undefined) return [];
    if (!this.sorted.has(clientId)) {
      list.sort(compareOutgoing);
      this.sorted.add(clientId);
    }
    return list;
  }
}

function checkedMaxHops(options: BlastRadiusOptions | undefined): number {
  const maxHops = options?.maxHops ?? DEFAULT_MAX_HOPS;
  if (maxHops !== Infinity && !(Number.isInteger(maxHops) && maxHops >= 0)) {
    throw new RangeError(`blastRadius: maxHops must be a whole number ≥ 0 or Infinity, got ${maxHops}`);
  }
  return maxHops;
}

/** One sentence per service the origin opened (most devices first), the tail summed up. */
function originSentences(who: string, outgoing: readonly ConduitJson[]): string[] {
  if (outgoing.length === 0) {
    return [`${who} opened no connection in the traffic seen (no conduits from this device): nothing reachable by what was observed.`];
  }
  const services = new Map<string, { sample: ConduitJson; servers: Set<string> }>();
  for (const c of outgoing) {
    const key = JSON.stringify([c.proto, c.port, c.app]);
    const s = services.get(key);
    if (s === undefined) services.set(key, { sample: c, servers: new Set([c.serverId]) });
    else s.servers.add(c.serverId);
  }
  // `outgoing` is already in port order, and sort is stable: equal counts keep it.
  const ordered = [...services.values()].sort((a, b) => b.servers.size - a.servers.size);
  const out = ordered
    .slice(0, MAX_SERVICES_LISTED)
    .map((s) => `${who} opened ${describeService(s.sample)} to ${count(s.servers.size, 'device')} in 1 hop.`);
  const rest = ordered.slice(MAX_SERVICES_LISTED);
  if (rest.length > 0) {
    const servers = new Set(rest.flatMap((s) => [...s.servers]));
    out.push(`It also opened ${count(rest.length, 'other service')} to ${count(servers.size, 'device')}.`);
  }
  return out;
}

function reachSentences(reached: readonly ReachedDevice[], byZone: Record<string, number>, maxHops: number): string[] {
  const deepest = reached.reduce((m, r) => Math.max(m, r.hops), 0);
  const bound = maxHops === Infinity ? deepest : maxHops;
  if (reached.length === 0) return [`Reaches no other device within ${count(bound, 'hop')}.`];
  const zones = Object.entries(byZone)
    .sort(([za, a], [zb, b]) => b - a || compareText(za, zb))
    .map(([zone, n]) => count(n, `${zone} device`));
  const out = [`Reaches ${zones.join(', ')} within ${count(bound, 'hop')}.`];
  if (deepest > 1) {
    const perHop = new Array<number>(deepest).fill(0);
    for (const r of reached) perHop[r.hops - 1] = (perHop[r.hops - 1] ?? 0) + 1;
    const parts = perHop.map((n, i) => `${n} at ${count(i + 1, 'hop')}`);
    out.push(`By distance: ${parts.join(', ')}.`);
  }
  return out;
}

function compareReached(a: ReachedDevice, b: ReachedDevice): number {
  return a.hops - b.hops || compareText(a.zone, b.zone) || compareText(a.label, b.label) || compareText(a.id, b.id);
}

/**
 * What `originId` can reach if compromised. Only client → server: an allow-list built from conduits lets a connection
 * be opened that way alone, so a compromised server does not reach its clients. Breadth-first, so each device is
 * reached once, by its fewest hops; among equally short paths the first in conduit order (port, proto, server) wins.
 * An origin with no conduits, known to the inventory or not, yields an empty result that says so.
 */
export function blastRadius(
  originId: string,
  conduits: readonly ConduitJson[],
  devices: readonly SegmentDevice[],
  options?: BlastRadiusOptions,
): BlastRadius {
  const maxHops = checkedMaxHops(options);
  const byId = new Map(devices.map((d) => [d.id, d]));
  const index = new OutgoingIndex(conduits);
  const seen = new Set([originId]);
  const reached: ReachedDevice[] = [];
  // Level by level: every device of `frontier` is `hops - 1` conduits from the origin.
  let frontier = [originId];
  for (let hops = 1; hops <= maxHops && frontier.length > 0; hops++) {
    const next: string[] = [];
    for (const from of frontier) {
      for (const c of index.from(from)) {
        if (seen.has(c.serverId)) continue;
        seen.add(c.serverId);
        next.push(c.serverId);
        const d = byId.get(c.serverId);
        reached.push({
          id: c.serverId,
          label: d?.label ?? c.serverId,
          zone: zoneOf(d),
          hops,
          via: { proto: c.proto, port: c.port, app: c.app, from },
        });
      }
    }
    frontier = next;
  }
  reached.sort(compareReached);

  const zoneCounts = new Map<string, number>();
  for (const r of reached) zoneCounts.set(r.zone, (zoneCounts.get(r.zone) ?? 0) + 1);
  const byZone = Object.fromEntries([...zoneCounts].sort(([a], [b]) => compareText(a, b)));

  const origin = byId.get(originId);
  const outgoing = index.from(originId);
  const reasons = originSentences(`${origin?.label ?? originId} (${zoneOf(origin)})`, outgoing);
  if (outgoing.length > 0) reasons.push(...reachSentences(reached, byZone, maxHops));
  // The loop stopped at the bound with devices still to expand: say how many lie just past it, so a bound that hides
  // much is visible without following speculative paths.
  const beyond = new Set<string>();
  for (const from of frontier) for (const c of index.from(from)) if (!seen.has(c.serverId)) beyond.add(c.serverId);
  if (beyond.size > 0) {
    reasons.push(`${count(beyond.size, 'more device')} one hop past the ${maxHops}-hop bound ${beyond.size === 1 ? 'was' : 'were'} not followed.`);
  }
  return { origin: originId, reached, byZone, reasons };
}
