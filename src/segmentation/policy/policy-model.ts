/** Allow-list policy model (mission §5): conduits grouped into zone-to-zone rules of exact addresses, for renderers. */
import { isIP } from 'node:net';
import type { ExternalPeerJson } from '../../inventory/types.js';
import type { ConduitJson, SegmentDevice, ZoneName } from '../types.js';
import { comparePort, compareText, zoneOf } from '../zone-conduits.js';

export interface PolicyRule {
  clientIps: string[];
  serverIps: string[];
  proto: string;
  port: number | null;
  app: string | null;
  fromZone: ZoneName;
  toZone: ZoneName;
  flows: number;
  lastSeen: string;
  comment: string;
}

/** Why something observed did not become part of a rule; bad input is data, reported here, never thrown. */
export type PolicySkipReason = 'unsupported-proto' | 'bad-port' | 'no-address' | 'bad-address' | 'family-mismatch';

export interface PolicySkip {
  reason: PolicySkipReason;
  /** What was left out, for people: `ct-1 -> pacs-1 igmp` or `device pump-3`. */
  subject: string;
  detail: string;
}

export interface Policy {
  rules: PolicyRule[];
  zones: { zone: ZoneName; ips: string[] }[];
  generatedFrom: { conduits: number; devices: number };
  skipped: PolicySkip[];
}

/** Protocols a rule can name: tcp and udp with a port, icmp without (ICMPv6 for IPv6 addresses). */
const RULE_PROTOS: ReadonlyMap<string, string> = new Map([
  ['tcp', 'tcp'],
  ['udp', 'udp'],
  ['icmp', 'icmp'],
  ['icmpv6', 'icmp'],
  ['icmp6', 'icmp'],
  ['ipv6-icmp', 'icmp'],
]);

/** The canonical text of an address (IPv6 lower-case and compressed), or null when `text` is not one. */
export function canonicalIp(text: string): string | null {
  const family = isIP(text);
  if (family === 4) return text;
  // A scope id (`fe80::1%eth0`) names an interface, which neither nft nor iptables accepts in an address.
  if (family !== 6 || text.includes('%')) return null;
  return new URL(`http://[${text}]/`).hostname.slice(1, -1);
}

/** Sort key: IPv4 before IPv6, each numerically (fixed-width hex compares like the number). */
function ipSortKey(ip: string): string {
  if (isIP(ip) === 4) return `4${ip.split('.').map((o) => Number(o).toString(16).padStart(2, '0')).join('')}`;
  const [head = '', tail = ''] = ip.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const groups = ip.includes('::')
    ? [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups]
    : headGroups;
  return `6${groups.map((g) => g.padStart(4, '0')).join('')}`;
}

export function compareIps(a: string, b: string): number {
  const ka = ipSortKey(a);
  const kb = ipSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function sortedIps(ips: Iterable<string>): string[] {
  return [...new Set(ips)].sort(compareIps);
}

/** Splits canonical addresses by family, for renderers that write IPv4 and IPv6 rules apart. */
export function splitFamilies(ips: readonly string[]): { v4: string[]; v6: string[] } {
  return { v4: ips.filter((ip) => isIP(ip) === 4), v6: ips.filter((ip) => isIP(ip) === 6) };
}

function describeConduit(c: ConduitJson): string {
  return `${c.clientId} -> ${c.serverId} ${c.proto}${c.port === null ? '' : `/${c.port}`}`;
}

function ruleComment(r: Omit<PolicyRule, 'comment'>): string {
  const service = `${r.proto}${r.port === null ? '' : `/${r.port}`}${r.app === null ? '' : ` (${r.app})`}`;
  const last = /^\d{4}-\d{2}-\d{2}/.exec(r.lastSeen)?.[0] ?? r.lastSeen;
  return `${r.fromZone} -> ${r.toZone} ${service}, ${r.flows} flow${r.flows === 1 ? '' : 's'}, last ${last}`;
}

interface RuleDraft {
  fromZone: ZoneName;
  toZone: ZoneName;
  proto: string;
  port: number | null;
  clients: Set<string>;
  servers: Set<string>;
  apps: Set<string>;
  flows: number;
  lastSeen: string;
}

/** Id of the peer end of an external peer's conduit: no device, in zone `external`. */
const EXTERNAL_ID = 'external:';

/**
 * A device's external peers as conduits to (or from) zone `external`: the inventory keeps addresses outside the site
 * as peers, not devices, and an allow-list must still name the ones the devices were seen reaching.
 */
function peerConduits(peers: readonly ExternalPeerJson[]): ConduitJson[] {
  return peers.map((p) => {
    const [clientId, clientIp, serverId, serverIp] = p.direction === 'out'
      ? [p.deviceId, p.deviceIp, `${EXTERNAL_ID}${p.peerIp}`, p.peerIp]
      : [`${EXTERNAL_ID}${p.peerIp}`, p.peerIp, p.deviceId, p.deviceIp];
    return { clientId, serverId, clientIp, serverIp, proto: p.proto, port: p.port, app: p.app, flows: p.flows, bytes: p.bytes, firstSeen: p.firstSeen, lastSeen: p.lastSeen };
  });
}

/**
 * One rule per (fromZone, toZone, proto, port) over the conduits, naming exactly the addresses seen. An endpoint's
 * address is the conduit's, else its device's; a conduit left without a usable address pair is skipped and listed.
 * External peers (optional) add rules between a device's zone and `external`.
 */
export function buildPolicy(deviceConduits: readonly ConduitJson[], devices: readonly SegmentDevice[], externalPeers: readonly ExternalPeerJson[] = []): Policy {
  const conduits = [...deviceConduits, ...peerConduits(externalPeers)];
  const skipped: PolicySkip[] = [];
  const deviceById = new Map<string, SegmentDevice>();
  const zoneOfId = (id: string): ZoneName => (id.startsWith(EXTERNAL_ID) ? 'external' : zoneOf(deviceById.get(id)));
  const ipsById = new Map<string, string[]>();
  const zoneIps = new Map<ZoneName, Set<string>>();
  const addToZone = (zone: ZoneName, ips: Iterable<string>): void => {
    const set = zoneIps.get(zone) ?? new Set<string>();
    for (const ip of ips) set.add(ip);
    zoneIps.set(zone, set);
  };

  for (const d of devices) {
    const ips: string[] = [];
    for (const raw of d.ips) {
      const ip = canonicalIp(raw);
      if (ip === null) skipped.push({ reason: 'bad-address', subject: `device ${d.id}`, detail: `not an address: ${JSON.stringify(raw)}` });
      else ips.push(ip);
    }
    deviceById.set(d.id, d);
    ipsById.set(d.id, ips);
    addToZone(d.category, ips);
  }

  /** The endpoint's addresses, or a reason to skip the conduit. */
  const endpoint = (id: string, ip: string | null): string[] | { reason: PolicySkipReason; detail: string } => {
    if (ip !== null) {
      const canonical = canonicalIp(ip);
      return canonical === null ? { reason: 'bad-address', detail: `${id}: not an address: ${JSON.stringify(ip)}` } : [canonical];
    }
    const known = ipsById.get(id) ?? [];
    return known.length > 0 ? known : { reason: 'no-address', detail: `${id}: no address seen` };
  };

  const drafts = new Map<string, RuleDraft>();
  for (const c of conduits) {
    const skip = (reason: PolicySkipReason, detail: string): void => {
      skipped.push({ reason, subject: describeConduit(c), detail });
    };
    const proto = RULE_PROTOS.get(c.proto.toLowerCase());
    if (proto === undefined) {
      skip('unsupported-proto', `protocol ${JSON.stringify(c.proto)} is not tcp, udp or icmp`);
      continue;
    }
    const port = proto === 'icmp' ? null : c.port;
    if (proto !== 'icmp' && (port === null || !Number.isInteger(port) || port < 1 || port > 65535)) {
      skip('bad-port', `${proto} needs a port from 1 to 65535, got ${String(c.port)}`);
      continue;
    }
    const clients = endpoint(c.clientId, c.clientIp);
    const servers = endpoint(c.serverId, c.serverIp);
    if (!Array.isArray(clients) || !Array.isArray(servers)) {
      for (const e of [clients, servers]) if (!Array.isArray(e)) skip(e.reason, e.detail);
      continue;
    }
    const families = new Set(clients.map((ip) => isIP(ip)));
    if (!servers.some((ip) => families.has(isIP(ip)))) {
      skip('family-mismatch', `client ${clients.join(', ')} and server ${servers.join(', ')} share no address family`);
      continue;
    }
    const fromZone = zoneOfId(c.clientId);
    const toZone = zoneOfId(c.serverId);
    addToZone(fromZone, clients);
    addToZone(toZone, servers);
    const key = JSON.stringify([fromZone, toZone, proto, port]);
    const draft = drafts.get(key) ?? {
      fromZone, toZone, proto, port, clients: new Set(), servers: new Set(), apps: new Set(), flows: 0, lastSeen: '',
    };
    for (const ip of clients) draft.clients.add(ip);
    for (const ip of servers) draft.servers.add(ip);
    if (c.app !== null && c.app !== '') draft.apps.add(c.app);
    draft.flows += c.flows;
    if (c.lastSeen > draft.lastSeen) draft.lastSeen = c.lastSeen;
    drafts.set(key, draft);
  }

  const rules = [...drafts.values()]
    .map((d): PolicyRule => {
      const rule = {
        clientIps: sortedIps(d.clients),
        serverIps: sortedIps(d.servers),
        proto: d.proto,
        port: d.port,
        app: d.apps.size === 0 ? null : [...d.apps].sort(compareText).join(','),
        fromZone: d.fromZone,
        toZone: d.toZone,
        flows: d.flows,
        lastSeen: d.lastSeen,
      };
      return { ...rule, comment: ruleComment(rule) };
    })
    .sort((a, b) =>
      compareText(a.fromZone, b.fromZone) ||
      compareText(a.toZone, b.toZone) ||
      compareText(a.proto, b.proto) ||
      comparePort(a.port, b.port));

  const zones = [...zoneIps]
    .map(([zone, ips]) => ({ zone, ips: sortedIps(ips) }))
    .sort((a, b) => compareText(a.zone, b.zone));

  return { rules, zones, generatedFrom: { conduits: conduits.length, devices: devices.length }, skipped };
}

/**
 * Comment text safe inside a firewall's double-quoted string: quotes become `'` (nft has no escape inside its
 * strings), backslashes `/`, control characters spaces; cut to `maxBytes` of UTF-8 without splitting a character,
 * ending in `...` when cut.
 */
export function safeComment(text: string, maxBytes: number): string {
  const clean = text.replace(/"/g, "'").replace(/\\/g, '/').replace(/\p{Cc}/gu, ' ');
  if (Buffer.byteLength(clean, 'utf8') <= maxBytes) return clean;
  let out = '';
  let bytes = 0;
  for (const ch of clean) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > maxBytes - 3) break;
    out += ch;
    bytes += size;
  }
  return `${out}...`;
}
