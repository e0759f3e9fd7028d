/**
 * External peers of the site's devices: flows between a device and an address outside the site's networks, summed per
 * (device, peer, direction, protocol, server port), each named when the capture showed the name the device asked for
 * (TLS SNI, RFC 6066 §3; HTTP Host, RFC 9110 §7.2) or a DNS answer that resolved to it (RFC 1035 §3.4.1).
 */
import type { FlowJson } from '../capture/flow-json.js';
import type { WireRecord } from '../decode/records.js';
import type { DeviceKey } from '../identify/types.js';
import type { ExternalPeerSighting } from '../inventory/types.js';

/** Names remembered per (client, server) and per resolved address; the oldest go first. */
const MAX_NAMES = 65_536;
/** Longest name kept (a DNS name is at most 253 characters, RFC 1035 §2.3.4). */
const MAX_NAME_LENGTH = 253;

function remember(map: Map<string, string>, key: string, name: string): void {
  if (map.size >= MAX_NAMES && !map.has(key)) map.delete(map.keys().next().value ?? '');
  map.set(key, name);
}

/** A host name as a peer's label: the Host header without its port, lower-case; null when empty or too long. */
function hostName(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  // `name:port` has one colon; a bracketed IPv6 literal ends at its bracket; a bare IPv6 literal is left whole.
  const colon = raw.indexOf(':');
  const end = raw.startsWith('[') ? raw.indexOf(']') + 1 : colon >= 0 && colon === raw.lastIndexOf(':') ? colon : raw.length;
  const name = raw.slice(0, end > 0 ? end : raw.length).trim().toLowerCase();
  return name === '' || name.length > MAX_NAME_LENGTH ? null : name;
}

export class ExternalPeerBook {
  /** `client|server` -> the name the client asked that server for (SNI, Host). */
  private readonly asked = new Map<string, string>();
  /** Address -> the name a DNS answer resolved to it. */
  private readonly resolved = new Map<string, string>();
  private peers = new Map<string, ExternalPeerSighting>();

  /** Names from records: called for every record (cheap: a look at `proto` and `kind` first). */
  learn(rec: WireRecord, isExternal: (ip: string) => boolean): void {
    if (rec.proto === 'tls' && rec.kind === 'client-hello') {
      const name = hostName(rec.sni);
      if (name !== null && isExternal(rec.dst)) remember(this.asked, `${rec.src}|${rec.dst}`, name);
    } else if (rec.proto === 'http' && rec.kind === 'request') {
      const name = hostName(rec.host);
      if (name !== null && name !== rec.dst && isExternal(rec.dst)) remember(this.asked, `${rec.src}|${rec.dst}`, name);
    } else if (rec.proto === 'dns' && rec.kind === 'response' && rec.answers !== undefined) {
      const qname = hostName(rec.qname);
      for (const answer of rec.answers) {
        if (answer.type !== 'A' && answer.type !== 'AAAA') continue;
        const name = qname ?? hostName(answer.name);
        if (name !== null && isExternal(answer.data)) remember(this.resolved, answer.data, name);
      }
    }
  }

  /** One flow between a site device (`device`, keyed `deviceText`) and an external address, summed into its peer. */
  add(device: DeviceKey, deviceText: string, f: FlowJson, peerIp: string, direction: 'out' | 'in', port: number | null, firstMs: number, lastMs: number): void {
    const k = `${deviceText}>${peerIp}|${direction}|${f.proto}|${String(port)}`;
    const bytes = f.bytesOut + f.bytesIn;
    const had = this.peers.get(k);
    if (had === undefined) {
      const serverName = direction === 'out' ? this.nameOf(device.ip, peerIp) : null;
      this.peers.set(k, { device, peerIp, direction, proto: f.proto, port, app: f.app, serverName, flows: 1, bytes, firstSeenMs: firstMs, lastSeenMs: lastMs });
      return;
    }
    had.flows++;
    had.bytes += bytes;
    had.app ??= f.app;
    if (had.serverName === null && direction === 'out') had.serverName = this.nameOf(device.ip, peerIp);
    if (firstMs < had.firstSeenMs) had.firstSeenMs = firstMs;
    if (lastMs > had.lastSeenMs) had.lastSeenMs = lastMs;
  }

  /** The name the client asked this server for, else the name DNS resolved to the address. */
  private nameOf(client: string | null, server: string): string | null {
    return (client === null ? undefined : this.asked.get(`${client}|${server}`)) ?? this.resolved.get(server) ?? null;
  }

  get size(): number {
    return this.peers.size;
  }

  /** The peers summed since the last drain; the names stay for later flows. */
  drain(): ExternalPeerSighting[] {
    const out = [...this.peers.values()];
    this.peers = new Map();
    return out;
  }
}
