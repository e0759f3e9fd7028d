/**
 * Internet egress: a site device opening connections to addresses outside the site's networks (not
 * its vendor networks: those are remote access). Gathered per device during ingest in bounded memory; at the end
 * one finding per medical device (its category judged from the inventory then), with the services it used, the
 * peers it reached and their TLS server names or DNS names as evidence. High when any of it was clear text.
 */
import type { FlowJson } from '../../capture/flow-json.js';
import { zoneOf, type SiteConfig } from '../site.js';
import { accepted, orient } from './exposure.js';
import type { FindingInput } from '../types.js';

/** Services and peers named per device; counts go on past them. */
export const MAX_EGRESS_SERVICES = 8;
export const MAX_EGRESS_PEERS = 8;
/** Apps whose traffic is readable, so egress with them sends clear text over the internet. */
const CLEARTEXT_APPS: ReadonlySet<string> = new Set(['hl7', 'dicom', 'telnet', 'ftp', 'http', 'snmp', 'astm', 'poct1a', 'syslog']);

export interface EgressGroup {
  ip: string;
  mac: string | null;
  firstMs: number;
  lastMs: number;
  flows: number;
  bytes: number;
  /** `tcp/443` -> flows, in the order first seen. */
  services: Map<string, number>;
  /** peer address -> its name (TLS SNI or DNS), or null. */
  peers: Map<string, string | null>;
  clearApps: Set<string>;
}

/** An accepted connection (a refused or unanswered SYN opened nothing); UDP counts as sent. */
function opened(f: FlowJson): boolean {
  return f.proto !== 'tcp' || accepted(f);
}

export class EgressBook {
  private readonly byIp = new Map<string, EgressGroup>();
  dropped = 0;

  constructor(private readonly maxGroups: number) {}

  groups(): IterableIterator<EgressGroup> {
    return this.byIp.values();
  }

  /** Counts the flow when it leaves the site; `name` is the far end's TLS or DNS name when known. */
  add(f: FlowJson, site: SiteConfig, name: string | null): void {
    const o = orient(f);
    if (zoneOf(site, o.server) !== 'external' || !opened(f)) return;
    const from = zoneOf(site, o.client);
    if (from !== 'internal' && from !== 'management') return;
    let g = this.byIp.get(o.client);
    const first = Date.parse(f.first);
    const last = Date.parse(f.last);
    if (g === undefined) {
      if (this.byIp.size >= this.maxGroups) {
        this.dropped++;
        return;
      }
      g = { ip: o.client, mac: o.clientMac, firstMs: first, lastMs: last, flows: 0, bytes: 0, services: new Map(), peers: new Map(), clearApps: new Set() };
      this.byIp.set(o.client, g);
    }
    g.flows++;
    g.bytes += f.bytesOut + f.bytesIn;
    if (first < g.firstMs) g.firstMs = first;
    if (last > g.lastMs) g.lastMs = last;
    const service = `${f.proto}/${o.port ?? '?'}`;
    const n = g.services.get(service);
    if (n !== undefined) g.services.set(service, n + 1);
    else if (g.services.size < MAX_EGRESS_SERVICES) g.services.set(service, 1);
    const known = g.peers.get(o.server);
    if (known === undefined ? g.peers.size < MAX_EGRESS_PEERS : known === null && name !== null) g.peers.set(o.server, name);
    if (f.app !== null && CLEARTEXT_APPS.has(f.app)) g.clearApps.add(f.app);
  }
}

/**
 * The device's one internet-egress finding. `key` is the one it already has in the store, else the first service
 * it was seen using: the identity stays the same while the services and peers named in it grow.
 */
export function egressFinding(deviceId: string, g: EgressGroup, key: string | null): FindingInput {
  const services = [...g.services.keys()];
  const clear = [...g.clearApps];
  const peers = [...g.peers].map(([ip, name]) => (name === null ? ip : `${ip} (${name})`));
  const names = [...new Set([...g.peers.values()].filter((n): n is string => n !== null))];
  return {
    deviceId, kind: 'internet-egress', key: key ?? services[0] ?? 'internet', severity: clear.length > 0 ? 'high' : 'medium',
    title: `Medical device talks to the internet (${services.slice(0, 3).join(', ')}${services.length > 3 ? ' …' : ''})`,
    detail: `The device opened connections to addresses outside the hospital's networks${clear.length > 0 ? `, some in clear text (${clear.join(', ')})` : ''}. Confirm with the vendor which are needed (updates, remote service) and allow only those at the firewall; block the rest.`,
    evidence: [
      `${g.flows} connection${g.flows === 1 ? '' : 's'} to ${g.peers.size}${g.peers.size >= MAX_EGRESS_PEERS ? '+' : ''} internet address${g.peers.size === 1 ? '' : 'es'} over ${services.join(', ')}, ${g.bytes} bytes`,
      ...(names.length > 0 ? [`names (TLS SNI / DNS): ${names.join(', ')}`] : []),
      ...peers.map((p) => `reached ${p}`),
    ],
    firstSeenMs: g.firstMs, lastSeenMs: g.lastMs, count: g.flows,
    facts: { service: services[0] ?? '', peers: [...g.peers.keys()].slice(0, 5), external: true },
  };
}
