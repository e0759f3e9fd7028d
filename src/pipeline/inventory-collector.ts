/**
 * Records and flows become inventory updates: observations (deduplicated) and sightings (protocols spoken, first
 * and last seen) are gathered per device key and written in batches, one transaction each; then every device the
 * batch touched is re-classified from all its stored evidence, so a later capture refines, never duplicates.
 * The inventory is of the site's own devices: an address outside the site's networks is kept as an external peer of
 * the devices that reach it, and a router's MAC names the router, never the hosts whose traffic it forwards.
 */
import type { FlowJson } from '../capture/flow-json.js';
import { asWireRecord, type WireRecord } from '../decode/records.js';
import type { ProtocolRecord } from '../decode/types.js';
import type { Cidr } from '../findings/cidr.js';
import { classifyDevice } from '../identify/classify.js';
import { observationsFromAddress, observationsFromFlow, observationsFromRecord, synHops } from '../identify/extract-evidence.js';
import type { KnowledgeBase } from '../identify/knowledge/kb-types.js';
import { routerObservations } from '../identify/traffic-role-router.js';
import type { DeviceKey, DeviceProfile, Evidence, Observation } from '../identify/types.js';
import { deviceKeyString, type ConduitSighting, type DeviceSighting, type ExternalPeerSighting } from '../inventory/types.js';
import type { InventoryStore } from '../store/interfaces.js';
import { AddressScope } from './address-scope.js';
import { ExternalPeerBook } from './external-peers.js';
import { isLinkScope, isReversed, isUnicastMac, isUnrouted, usableIp, usableKey } from './device-keys.js';
import { RouterAddresses } from './router-addresses.js';

/**
 * Distinct observations, or distinct device keys sighted, held before a batch is written: bounds memory on long
 * captures. Flows repeat the same facts (an OUI, a SYN signature) for every flow, so once a site's working set (about
 * three facts and two keys per device) exceeds these, every batch rewrites it. 50,000 keeps a 10,000-device site in
 * one window (scripts/bench/inventory-scale.mjs, 10,000 devices: 20,000 wrote 50% more statements, peak RSS 360 MB
 * instead of 440 MB).
 */
const BATCH_OBSERVATIONS = 50_000;
const BATCH_SIGHTINGS = 50_000;
/** Distinct conduits (client, server, protocol, port) held before a batch is written. */
const BATCH_CONDUITS = 50_000;
/** Evidence sources derived from the link-layer MAC: on a host behind a router they would describe the router. */
const MAC_DERIVED_SOURCES: ReadonlySet<string> = new Set(['mac.oui']);
/** An IPv4 LLDP/CDP management address (the announcer's own, as identify reads it). */
const IPV4_TEXT = /^\d{1,3}(\.\d{1,3}){3}$/;

export interface CollectorOptions {
  /** The site's networks (site file `internalNetworks`, management ones included); default RFC 1918 and friends. */
  internalNetworks?: readonly Cidr[];
}

/** What the collector writes through: batches, external addresses turned into peers, re-classification. */
export type CollectorStore = Pick<InventoryStore, 'ingest' | 'forgetExternal' | 'reclassify'>;

interface SightingAcc {
  key: DeviceKey;
  /** deviceKeyString(key), kept: conduits name both ends by it. */
  keyText: string;
  protocols: Set<string>;
  versions: Map<string, { protocol: string; version: string }>;
  firstSeenMs: number;
  lastSeenMs: number;
}

export class InventoryCollector {
  private observations = new Map<string, Observation>();
  private sightings = new Map<string, SightingAcc>();
  private conduits = new Map<string, ConduitSighting>();
  private readonly touched = new Set<string>();
  /** Routers and their own addresses, learnt across batches: a later batch with few of their IPs must not bind those. */
  private readonly routers = new RouterAddresses();
  /** Router MACs whose role was already observed: said once per capture, not once per batch. */
  private readonly routersSaid = new Set<string>();
  private readonly peers = new ExternalPeerBook();
  private readonly scope: AddressScope;
  private readonly isExternal = (ip: string): boolean => this.scope.isExternal(ip);
  private writing: Promise<void> | null = null;
  private latestMs = 0;

  constructor(
    private readonly inventory: CollectorStore,
    private readonly kb: KnowledgeBase,
    private readonly sources: readonly string[],
    options: CollectorOptions = {},
  ) {
    this.scope = new AddressScope(options.internalNetworks);
  }

  /** A record as the decode sink stamped it (tests and other callers may hand in a plain ProtocolRecord). */
  record(rec: ProtocolRecord): void {
    const tsMs = Date.parse(rec.ts);
    const wire = asWireRecord(rec);
    this.peers.learn(wire, this.isExternal);
    this.claimFromRecord(wire);
    // A link-layer record (LLDP, CDP) names its sender by MAC only: its `src` is that MAC's text, no address.
    const ip = rec.src === rec.srcMac ? null : rec.src;
    // An external sender is no device: what it says about itself is dropped (observe), what it says of ours is kept.
    if (!this.scope.isExternal(ip)) this.sighting({ mac: rec.srcMac ?? null, ip }, rec.proto, tsMs, wire.proto === 'hl7' ? wire.version : null);
    for (const o of observationsFromRecord(rec, this.kb)) this.observe(o);
    // The sender's own MAC (per datagram: many DHCP clients share one broadcast flow) names its NIC's maker.
    if (rec.srcMac !== undefined && rec.srcMac !== null) for (const o of observationsFromAddress({ mac: rec.srcMac, ip }, tsMs, this.kb)) this.observe(o);
  }

  /** An ARP sender (request or reply): the MAC-to-IP binding of a host on this segment, said by the host itself. */
  arp(mac: string, ip: string | null, tsMs: number): void {
    if (this.scope.isExternal(ip)) return;
    if (ip !== null) this.claim(mac, ip);
    this.sighting({ mac, ip }, 'arp', tsMs, null);
    for (const o of observationsFromAddress({ mac, ip }, tsMs, this.kb)) this.observe(o);
  }

  flow(f: FlowJson): void {
    const srcExternal = this.scope.isExternal(f.src);
    const dstExternal = this.scope.isExternal(f.dst);
    // Between two addresses outside the site (transit on a mirrored uplink): no device of the site took part.
    if (srcExternal && dstExternal) return;
    const first = Date.parse(f.first);
    const last = Date.parse(f.last);
    this.claimFromFlow(f);
    const src = srcExternal ? null : this.sighting({ mac: f.srcMac, ip: f.src }, f.app, first, null);
    // Sent to a group MAC, a unicast-looking address is a directed broadcast (10.20.255.255) or a cluster's: no device.
    const dstGroup = f.dstMac !== null && !isUnicastMac(f.dstMac);
    const dst = dstExternal || dstGroup ? null : this.sighting({ mac: f.dstMac, ip: f.dst }, f.app, first, null);
    if (src !== null && last > src.lastSeenMs) src.lastSeenMs = last;
    if (dst !== null && last > dst.lastSeenMs) dst.lastSeenMs = last;
    for (const o of observationsFromFlow(f, this.kb)) this.observe(o);
    if (src !== null && dst !== null) this.conduit(f, src, dst, first, last);
    // One end is no device because it is outside the site, not because it is a broadcast or multicast group.
    else if (src !== null && dstExternal) this.externalPeer(f, src, f.dst, f.dstMac, true, first, last);
    else if (dst !== null && srcExternal) this.externalPeer(f, dst, f.src, f.srcMac, false, first, last);
  }

  /** A promise to await when a batch is being written (the reader waits instead of memory growing). */
  backpressure(): Promise<void> | null {
    const full = this.observations.size >= BATCH_OBSERVATIONS || this.sightings.size >= BATCH_SIGHTINGS || this.conduits.size >= BATCH_CONDUITS || this.peers.size >= BATCH_CONDUITS;
    if (this.writing === null && full) this.writing = this.write().finally(() => (this.writing = null));
    return this.writing;
  }

  /** Writes what is left, then re-classifies every device touched in this run. */
  async finish(asOf: Date): Promise<void> {
    if (this.writing !== null) await this.writing;
    await this.write();
    // External addresses an older run stored as devices become peers, by this run's idea of the site's networks.
    await this.inventory.forgetExternal(this.isExternal, this.latestMs || asOf.getTime());
    const classify = (evidence: Evidence[]): DeviceProfile => classifyDevice(evidence, this.kb, { asOf });
    await this.inventory.reclassify(this.touched, classify, this.latestMs);
  }

  /** The capture's own clock: end-of-life is judged as of the newest packet, so old captures read as they were. */
  get latestCaptureMs(): number {
    return this.latestMs;
  }

  private sighting(raw: DeviceKey, protocol: string | null, tsMs: number, hl7Version: string | null): SightingAcc | null {
    const key = usableKey(raw);
    if (key === null) return null;
    if (tsMs > this.latestMs) this.latestMs = tsMs;
    const k = deviceKeyString(key);
    let acc = this.sightings.get(k);
    if (acc === undefined) {
      acc = { key, keyText: k, protocols: new Set(), versions: new Map(), firstSeenMs: tsMs, lastSeenMs: tsMs };
      this.sightings.set(k, acc);
    }
    if (protocol !== null) acc.protocols.add(protocol);
    if (hl7Version !== null) acc.versions.set(`hl7|${hl7Version}`, { protocol: 'hl7', version: hl7Version });
    if (tsMs < acc.firstSeenMs) acc.firstSeenMs = tsMs;
    if (tsMs > acc.lastSeenMs) acc.lastSeenMs = tsMs;
    return acc;
  }

  /**
   * The flow summed into its conduit: who opened it to which service. The flow's source opened it (the flow table
   * orients a flow by its SYN); a flow caught mid-stream from a well-known port to a high one is the other way round.
   */
  private conduit(f: FlowJson, src: SightingAcc, dst: SightingAcc, firstMs: number, lastMs: number): void {
    if (src.key.ip === null || dst.key.ip === null) return;
    const reversed = isReversed(f);
    const [client, server, port] = reversed ? [dst, src, f.sport] : [src, dst, f.dport];
    const from = client.key;
    const to = server.key;
    const k = `${client.keyText}>${server.keyText}|${f.proto}|${String(port)}`;
    const bytes = f.bytesOut + f.bytesIn;
    const had = this.conduits.get(k);
    if (had === undefined) {
      this.conduits.set(k, { client: from, server: to, proto: f.proto, port, app: f.app, flows: 1, bytes, firstSeenMs: firstMs, lastSeenMs: lastMs });
      return;
    }
    had.flows++;
    had.bytes += bytes;
    had.app ??= f.app;
    if (firstMs < had.firstSeenMs) had.firstSeenMs = firstMs;
    if (lastMs > had.lastSeenMs) had.lastSeenMs = lastMs;
  }

  /**
   * A flow with an address outside the site, summed into the site device's external peers. `deviceIsSource`: the
   * device is the flow's source; a flow caught mid-stream from a well-known port is turned round as for conduits.
   */
  private externalPeer(f: FlowJson, device: SightingAcc, peerIp: string, peerMac: string | null, deviceIsSource: boolean, firstMs: number, lastMs: number): void {
    if (peerMac !== null && isUnicastMac(peerMac)) this.routers.external(peerMac, peerIp);
    const reversed = isReversed(f);
    const opened = deviceIsSource !== reversed;
    this.peers.add(device.key, device.keyText, f, peerIp, opened ? 'out' : 'in', reversed ? f.sport : f.dport, firstMs, lastMs);
  }

  /** What a flow shows a sender to be as itself: a never-routed link-local destination, a handshake at its initial TTL. */
  private claimFromFlow(f: FlowJson): void {
    if (isLinkScope(f.dst) || (f.syn !== undefined && isUnrouted(f.syn.ttl))) this.claim(f.srcMac, f.src);
    if (f.synAck !== undefined && isUnrouted(f.synAck.ttl)) this.claim(f.dstMac, f.dst);
  }

  /** A DHCP relay sending from its giaddr (RFC 1542 §4.1), an LLDP/CDP management address: the sender's own. */
  private claimFromRecord(rec: WireRecord): void {
    const mac = rec.srcMac ?? null;
    if (rec.proto === 'dhcp' && rec.relayIp !== undefined && rec.relayIp === rec.src) {
      // Relayed: a router forwarded it, whichever router the relay agent is; its MAC is no client's.
      this.claim(mac, rec.relayIp);
      if (mac !== null && isUnicastMac(mac)) this.routers.markRouter(mac);
    }
    // A DHCP server's offer or ack names the subnet's router (option 3); that address's owner is judged in detect().
    if (rec.proto === 'dhcp' && (rec.kind === 'offer' || rec.kind === 'ack')) for (const ip of rec.routers ?? []) if (IPV4_TEXT.test(ip)) this.routers.gateway(ip);
    if ((rec.proto === 'lldp' || rec.proto === 'cdp') && rec.managementAddress !== null && IPV4_TEXT.test(rec.managementAddress)) {
      this.claim(mac, rec.managementAddress);
    }
  }

  /** Every local handshake claims its sender again: a repeat is one map lookup, checked before anything else. */
  private claim(mac: string | null, ip: string): void {
    if (mac === null || this.routers.ownerOf(ip) === mac || !isUnicastMac(mac)) return;
    this.routers.claim(mac, usableIp(ip));
  }

  private observe(raw: Observation): void {
    const key = usableKey(raw.key);
    // About an address outside the site (an internet server's banner, its SYN+ACK): no device of the site.
    if (key === null || this.scope.isExternal(key.ip)) return;
    const o = { key, evidence: raw.evidence };
    const e = o.evidence;
    const k = `${deviceKeyString(o.key)}|${e.attribute}|${e.value}|${e.source}|${e.detail}`;
    const seen = this.observations.get(k);
    if (seen === undefined) this.observations.set(k, o);
    else if (e.tsMs > seen.evidence.tsMs) seen.evidence.tsMs = e.tsMs;
  }

  private async write(): Promise<void> {
    if (this.observations.size === 0 && this.sightings.size === 0 && this.conduits.size === 0 && this.peers.size === 0) return;
    this.routers.detect([...this.sightings.values()].map((s) => s.key));
    for (const mac of [...this.routers.routerMacs(), ...this.routers.namedGateways()]) {
      if (this.routersSaid.has(mac)) continue;
      this.routersSaid.add(mac);
      for (const o of routerObservations(mac, this.latestMs)) this.observe(o);
    }
    const rekey = (key: DeviceKey): DeviceKey => this.routers.rekey(key).key;
    const observations = [...this.observations.values()].flatMap((o) => {
      const r = this.routers.rekey(o.key);
      // What the router's MAC says (its OUI) is the router's: it goes to the router, never to the host behind it.
      if (r.routed && MAC_DERIVED_SOURCES.has(o.evidence.source)) return [{ key: { mac: o.key.mac, ip: null }, evidence: o.evidence }];
      // A SYN that crossed a router yet stays on a MAC-keyed device (a NAT address the router claims, a forwarder not
      // yet known as a router) shows a stack behind that MAC, not the MAC's own: it describes no device here.
      if (r.key.mac !== null && (synHops(o.evidence) ?? 0) > 0) return [];
      return [{ key: r.key, evidence: o.evidence }];
    });
    const sightings: DeviceSighting[] = [...this.sightings.values()].map((s) => ({
      key: rekey(s.key),
      protocols: [...s.protocols].sort(),
      protocolVersions: [...s.versions.values()],
      firstSeenMs: s.firstSeenMs,
      lastSeenMs: s.lastSeenMs,
    }));
    const conduits = [...this.conduits.values()].map((c) => ({ ...c, client: rekey(c.client), server: rekey(c.server) }));
    const externalPeers: ExternalPeerSighting[] = this.peers.drain().map((p) => ({ ...p, device: rekey(p.device) }));
    this.observations = new Map();
    this.sightings = new Map();
    this.conduits = new Map();
    const result = await this.inventory.ingest({ observations, sightings, conduits, externalPeers, sources: this.sources });
    for (const id of result.deviceIds.values()) this.touched.add(id);
  }
}
