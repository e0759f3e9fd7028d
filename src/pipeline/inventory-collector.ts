/**
 * Records and flows become inventory updates: observations (deduplicated) and sightings (protocols spoken, first
 * and last seen) are gathered per device key and written in batches, one transaction each; then every device the
 * batch touched is re-classified from all its stored evidence, so a later capture refines, never duplicates.
 */
import type { FlowJson } from '../capture/flow-json.js';
import type { ProtocolRecord } from '../decode/types.js';
import { classifyDevice } from '../identify/classify.js';
import { observationsFromAddress, observationsFromFlow, observationsFromRecord } from '../identify/extract-evidence.js';
import type { KnowledgeBase } from '../identify/knowledge/kb-types.js';
import type { DeviceKey, DeviceProfile, Evidence, Observation } from '../identify/types.js';
import type { InventoryRepository } from '../inventory/inventory-repository.js';
import { deviceKeyString, type ConduitSighting, type DeviceSighting } from '../inventory/types.js';

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
/** Ports below this are services; a flow seen only mid-stream from such a port was opened by its other end. */
const WELL_KNOWN_PORTS = 1024;
/** Router MACs remembered across batches (a site has few routers; the cap only guards against a pathological capture). */
const MAX_ROUTER_MACS = 4096;
/**
 * A MAC seen with more IPs than this is a router's (traffic between VLANs or to the internet carries the gateway's
 * MAC): its IPs are other devices behind it, kept by IP only, never merged into the router.
 */
const ROUTER_MAC_MIN_IPS = 4;

/** A store that re-classifies many devices in one go (SqliteInventory); others are re-classified one by one. */
interface BulkReclassify {
  reclassify(deviceIds: Iterable<string>, classify: (evidence: Evidence[]) => DeviceProfile, atMs: number): Promise<number>;
}

function canReclassify(inventory: InventoryRepository): inventory is InventoryRepository & BulkReclassify {
  return typeof (inventory as Partial<BulkReclassify>).reclassify === 'function';
}

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
  /** MACs found to be routers in any batch so far: a later batch with few of their IPs must not bind those IPs. */
  private readonly routers = new Set<string>();
  private writing: Promise<void> | null = null;
  private latestMs = 0;

  constructor(
    private readonly inventory: InventoryRepository,
    private readonly kb: KnowledgeBase,
    private readonly sources: readonly string[],
  ) {}

  record(rec: ProtocolRecord): void {
    const tsMs = Date.parse(rec.ts);
    this.sighting({ mac: rec.srcMac ?? null, ip: rec.src }, rec.proto, tsMs, rec.proto === 'hl7' && typeof rec.version === 'string' ? rec.version : null);
    for (const o of observationsFromRecord(rec, this.kb)) this.observe(o);
    // The sender's own MAC (per datagram: many DHCP clients share one broadcast flow) names its NIC's maker.
    if (rec.srcMac !== undefined && rec.srcMac !== null) for (const o of observationsFromAddress({ mac: rec.srcMac, ip: rec.src }, tsMs, this.kb)) this.observe(o);
  }

  /** An ARP sender: the MAC-to-IP binding of a host on this segment (a device that may say nothing else). */
  arp(mac: string, ip: string | null, tsMs: number): void {
    this.sighting({ mac, ip }, 'arp', tsMs, null);
    for (const o of observationsFromAddress({ mac, ip }, tsMs, this.kb)) this.observe(o);
  }

  flow(f: FlowJson): void {
    const first = Date.parse(f.first);
    const last = Date.parse(f.last);
    const src = this.sighting({ mac: f.srcMac, ip: f.src }, f.app, first, null);
    const dst = this.sighting({ mac: f.dstMac, ip: f.dst }, f.app, first, null);
    for (const acc of [src, dst]) if (acc !== null && last > acc.lastSeenMs) acc.lastSeenMs = last;
    for (const o of observationsFromFlow(f, this.kb)) this.observe(o);
    if (src !== null && dst !== null) this.conduit(f, src, dst, first, last);
  }

  /** A promise to await when a batch is being written (the reader waits instead of memory growing). */
  backpressure(): Promise<void> | null {
    const full = this.observations.size >= BATCH_OBSERVATIONS || this.sightings.size >= BATCH_SIGHTINGS || this.conduits.size >= BATCH_CONDUITS;
    if (this.writing === null && full) this.writing = this.write().finally(() => (this.writing = null));
    return this.writing;
  }

  /** Writes what is left, then re-classifies every device touched in this run. */
  async finish(asOf: Date): Promise<void> {
    if (this.writing !== null) await this.writing;
    await this.write();
    const classify = (evidence: Evidence[]): DeviceProfile => classifyDevice(evidence, this.kb, { asOf });
    if (canReclassify(this.inventory)) {
      await this.inventory.reclassify(this.touched, classify, this.latestMs);
      return;
    }
    for (const id of this.touched) await this.inventory.applyProfile(id, classify(await this.inventory.evidenceFor(id)), this.latestMs);
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
    const reversed = f.syn === undefined && f.sport !== null && f.dport !== null && f.sport < WELL_KNOWN_PORTS && f.dport >= WELL_KNOWN_PORTS;
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

  /** MACs bound to many IPs in this batch are routers; the ones found in earlier batches still are. */
  private routerMacs(): Set<string> {
    const ips = new Map<string, Set<string>>();
    for (const s of this.sightings.values()) {
      if (s.key.mac === null || s.key.ip === null || this.routers.has(s.key.mac)) continue;
      const set = ips.get(s.key.mac) ?? new Set<string>();
      set.add(s.key.ip);
      ips.set(s.key.mac, set);
    }
    const found = new Set(this.routers);
    for (const [mac, set] of ips) {
      if (set.size < ROUTER_MAC_MIN_IPS) continue;
      found.add(mac);
      if (this.routers.size < MAX_ROUTER_MACS) this.routers.add(mac);
    }
    return found;
  }

  private observe(raw: Observation): void {
    const key = usableKey(raw.key);
    if (key === null) return;
    const o = { key, evidence: raw.evidence };
    const e = o.evidence;
    const k = `${deviceKeyString(o.key)}|${e.attribute}|${e.value}|${e.source}|${e.detail}`;
    const seen = this.observations.get(k);
    if (seen === undefined) this.observations.set(k, o);
    else if (e.tsMs > seen.evidence.tsMs) seen.evidence.tsMs = e.tsMs;
  }

  private async write(): Promise<void> {
    if (this.observations.size === 0 && this.sightings.size === 0 && this.conduits.size === 0) return;
    const routers = this.routerMacs();
    const rekey = (key: DeviceKey): DeviceKey => (key.mac !== null && key.ip !== null && routers.has(key.mac) ? { mac: null, ip: key.ip } : key);
    const observations = [...this.observations.values()].map((o) => ({ key: rekey(o.key), evidence: o.evidence }));
    const sightings: DeviceSighting[] = [...this.sightings.values()].map((s) => ({
      key: rekey(s.key),
      protocols: [...s.protocols].sort(),
      protocolVersions: [...s.versions.values()],
      firstSeenMs: s.firstSeenMs,
      lastSeenMs: s.lastSeenMs,
    }));
    const conduits = [...this.conduits.values()].map((c) => ({ ...c, client: rekey(c.client), server: rekey(c.server) }));
    this.observations = new Map();
    this.sightings = new Map();
    this.conduits = new Map();
    const result = await this.inventory.ingest({ observations, sightings, conduits, sources: this.sources });
    for (const id of result.deviceIds.values()) this.touched.add(id);
  }
}

/** Broadcast, multicast, unspecified and all-zero addresses name no device: such parts of a key are dropped. */
function usableKey(key: DeviceKey): DeviceKey | null {
  const mac = key.mac;
  const macOk = mac !== null && mac !== '00:00:00:00:00:00' && mac !== 'ff:ff:ff:ff:ff:ff' && (Number.parseInt(mac.slice(0, 2), 16) & 1) === 0;
  const ip = key.ip;
  const ipOk = ip !== null && ip !== '' && ip !== '0.0.0.0' && ip !== '255.255.255.255' && ip !== '::' && !/^(22[4-9]|23\d)\./.test(ip) && !ip.toLowerCase().startsWith('ff');
  if (!macOk && !ipOk) return null;
  return { mac: macOk ? mac : null, ip: ipOk ? ip : null };
}
