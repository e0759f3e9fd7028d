/**
 * Records and flows become findings. During ingest, detector hits are aggregated per (host, kind, key),
 * remote sessions and internet egress gathered per device, all in bounded memory whatever the capture's size; at
 * the end, hosts are resolved to inventory devices (after the inventory collector wrote them), so whether a device
 * is medical is judged from its final classification, profile detectors (end-of-life OS) run on the devices seen,
 * and everything is upserted: the same fact on a later run updates, never duplicates. Findings belong to the site's
 * devices only: a host outside the site never gets one.
 */
import type { FlowJson } from '../capture/flow-json.js';
import type { WireRecord } from '../decode/records.js';
import { DeviceResolver } from '../findings/device-resolver.js';
import { clientCounts } from '../findings/detectors/client-judge.js';
import { EgressBook, egressFinding } from '../findings/detectors/egress.js';
import { eolOsFinding } from '../findings/detectors/eol-os.js';
import { exposureHits } from '../findings/detectors/exposure.js';
import { isMedical, type Hit } from '../findings/detectors/hit.js';
import { PeerNames } from '../findings/detectors/peer-names.js';
import { recordHits } from '../findings/detectors/record-hits.js';
import { RemoteEndpoints, type VendorNames } from '../findings/detectors/remote-endpoints.js';
import { chainStats, isAlwaysOn, remoteSession, serviceOfSni, type NamedPeer } from '../findings/detectors/remote-access.js';
import { remoteAccessFinding } from '../findings/detectors/remote-findings.js';
import { SessionBook } from '../findings/detectors/session-book.js';
import { SnmpCommunityBook } from '../findings/detectors/snmp-community.js';
import type { FindingsRepository } from '../findings/findings-repository.js';
import { zoneOf, type SiteConfig, type Zone } from '../findings/site.js';
import { SEVERITIES, type FindingInput, type RemoteSession, type Severity } from '../findings/types.js';
import type { InventoryRepository } from '../inventory/inventory-repository.js';
import type { DeviceJson } from '../inventory/types.js';

/** Distinct (host, kind, key) aggregates held; beyond it new ones are counted as dropped. */
export const MAX_AGGREGATES = 50_000;
export const MAX_EVIDENCE_PER_FINDING = 8;
export const MAX_PEERS_PER_FINDING = 5;
/** Clients kept per exposure finding for the end-of-run judgement when no management zone is known. */
export const MAX_JUDGED_CLIENTS = 16;

interface Aggregate {
  hit: Hit;
  severity: Severity;
  firstMs: number;
  lastMs: number;
  count: number;
  evidence: Set<string>;
  peers: Set<string>;
  /** judgeClient hits: client address -> its MAC, the evidence it gave and how often it was seen. */
  clients: Map<string, { mac: string | null; evidence: string; count: number }> | null;
}

/** The store the collector writes to: findings, and remote sessions when the store keeps them. */
export type FindingsSink = FindingsRepository & { recordSessions?(sessions: readonly RemoteSession[]): Promise<number> };

export interface FindingsCollectorResult {
  findings: number;
  sessions: number;
  unresolvedHosts: number;
  dropped: number;
}

const worse = (a: Severity, b: Severity): Severity => (SEVERITIES.indexOf(a) <= SEVERITIES.indexOf(b) ? a : b);
const outside = (zone: Zone): boolean => zone === 'external' || zone === 'vendor';

export class FindingsCollector {
  private readonly aggregates = new Map<string, Aggregate>();
  private readonly book = new SessionBook(MAX_AGGREGATES, MAX_PEERS_PER_FINDING);
  private readonly egress = new EgressBook(MAX_AGGREGATES);
  private readonly names = new PeerNames();
  private readonly snmp = new SnmpCommunityBook();
  private readonly endpoints: RemoteEndpoints;
  private readonly hits: Hit[] = [];
  private dropped = 0;
  private firstMs = Number.POSITIVE_INFINITY;
  private lastMs = Number.NEGATIVE_INFINITY;

  /** `kb`: the knowledge base's vendor names, to recognise vendor remote-service hosts by name (none: by domain only). */
  constructor(
    private readonly inventory: InventoryRepository,
    private readonly store: FindingsSink,
    private readonly site: SiteConfig,
    kb: VendorNames | null = null,
  ) {
    this.endpoints = new RemoteEndpoints(kb);
  }

  record(rec: WireRecord): void {
    this.clock(Date.parse(rec.ts));
    this.names.record(rec);
    recordHits(rec, this.hits);
    if (rec.proto === 'snmp') this.snmp.observe(rec, this.hits);
    this.drain();
  }

  flow(f: FlowJson): void {
    this.clock(Date.parse(f.first));
    this.clock(Date.parse(f.last));
    const hello = f.app === 'tls' ? this.names.takeHello(f.src, f.sport, f.dst, f.dport) : null;
    exposureHits(f, this.site, this.hits, hello?.http === true);
    this.drain();
    const dstOut = zoneOf(this.site, f.dst) === 'external';
    if (!dstOut && zoneOf(this.site, f.src) !== 'external') {
      const s = remoteSession(f, this.site, hello?.sni == null ? null : serviceOfSni(hello.sni));
      if (s !== null) this.book.add(s);
      return;
    }
    // A flow with the internet: its far end named by TLS or DNS (a flow caught mid-stream may start from it).
    const name = hello?.sni ?? this.names.dnsName(dstOut ? f.dst : f.src);
    const endpoint = name === null ? null : this.endpoints.match(name);
    const named: NamedPeer | null = name !== null && endpoint !== null ? { name, endpoint } : null;
    const s = remoteSession(f, this.site, name === null ? null : serviceOfSni(name), named);
    if (s !== null) this.book.add(s);
    this.egress.add(f, this.site, name);
  }

  /** Resolves hosts to devices, adds profile findings, writes everything; call after the inventory is written. */
  async finish(): Promise<FindingsCollectorResult> {
    const devices = new DeviceResolver(this.inventory, (ip) => zoneOf(this.site, ip));
    const inputs: FindingInput[] = [];
    for (const a of this.aggregates.values()) {
      const d = await devices.resolve(a.hit.ip, a.hit.mac);
      if (d === null) continue;
      const input = await this.toInput(a, d, devices);
      if (input !== null) inputs.push(input);
    }
    const sessions: RemoteSession[] = [];
    const captureMs = Number.isFinite(this.firstMs) ? this.lastMs - this.firstMs : 0;
    for (const g of this.book.groups()) {
      const d = await devices.resolve(g.ip, g.mac);
      if (d === null || (g.medicalOnly && !isMedical(d.category))) continue;
      const stats = chainStats(g.intervals);
      const alwaysOn = isAlwaysOn(stats, captureMs);
      inputs.push(remoteAccessFinding(d.id, isMedical(d.category), {
        service: g.service, sessions: g.sessions, total: g.total, totalBytes: g.bytes, totalMs: g.ms, peers: [...g.peers],
        firstMs: g.firstMs, lastMs: g.lastMs, alwaysOn, longestMs: stats.longestMs,
      }));
      for (const s of g.sessions) sessions.push({ deviceId: d.id, peer: s.peer, service: s.service, startMs: s.startMs, endMs: s.endMs, bytes: s.bytes, alwaysOn });
    }
    for (const g of this.egress.groups()) {
      const d = await devices.resolve(g.ip, g.mac);
      if (d === null || !isMedical(d.category)) continue;
      inputs.push(egressFinding(d.id, g, await this.existingKey(d.id)));
    }
    const eolDevices = await this.profileFindings(inputs);
    await this.store.upsert(inputs);
    // A device seen in this run whose OS is no longer end-of-life (updated, or re-identified) closes the old finding.
    for (const [id, keep] of eolDevices) await this.store.closeStale('eol-os', [id], keep);
    if (sessions.length > 0 && this.store.recordSessions !== undefined) await this.store.recordSessions(sessions);
    return { findings: inputs.length, sessions: sessions.length, unresolvedHosts: devices.unresolved, dropped: this.dropped + this.book.dropped + this.egress.dropped };
  }

  /** The key of the device's internet-egress finding from earlier runs, so it stays one finding. */
  private async existingKey(deviceId: string): Promise<string | null> {
    if (typeof this.store.list !== 'function') return null;
    const old = await this.store.list({ deviceId, kinds: ['internet-egress'] });
    const first = [...old].sort((a, b) => a.firstSeen.localeCompare(b.firstSeen))[0];
    return first?.key ?? null;
  }

  private async profileFindings(inputs: FindingInput[]): Promise<Map<string, Set<string>>> {
    const seen = new Map<string, Set<string>>();
    if (!Number.isFinite(this.firstMs)) return seen;
    const since = new Date(this.firstMs - 1000).toISOString();
    for (const d of await this.inventory.listDevices()) {
      if (d.lastSeen < since) continue;
      // An internet host the capture happened to show is no device of the site: no finding for it.
      if (d.ips.length > 0 && d.ips.every((ip) => outside(zoneOf(this.site, ip)))) continue;
      const f = eolOsFinding(d);
      seen.set(d.id, new Set(f === null ? [] : [f.key]));
      if (f !== null) inputs.push(f);
    }
    return seen;
  }

  private async toInput(a: Aggregate, d: DeviceJson, devices: DeviceResolver): Promise<FindingInput | null> {
    const h = a.hit;
    let severity = a.severity;
    if (h.notOn?.includes(d.category) === true) return null;
    if (h.medicalOnly === true && !isMedical(d.category)) {
      if (h.nonMedicalSeverity === undefined) return null;
      severity = h.nonMedicalSeverity;
    }
    let evidence = [...a.evidence];
    let peers = [...a.peers];
    let count = a.count;
    if (a.clients !== null) {
      // No management zone: only clients that count as non-management hosts make the finding (client-judge.ts).
      const counted: string[] = [];
      evidence = [];
      count = 0;
      for (const [ip, c] of a.clients) {
        const client = await devices.resolve(ip, c.mac, false);
        if (!clientCounts(h.ip, ip, client?.category ?? null)) continue;
        counted.push(ip);
        evidence.push(c.evidence);
        count += c.count;
      }
      if (counted.length === 0) return null;
      peers = counted.slice(0, MAX_PEERS_PER_FINDING);
      evidence = evidence.slice(0, MAX_EVIDENCE_PER_FINDING);
    }
    return {
      deviceId: d.id, kind: h.kind, key: h.key, severity, title: h.title, detail: h.detail, evidence,
      firstSeenMs: a.firstMs, lastSeenMs: a.lastMs, count, facts: { ...h.facts, ...(peers.length > 0 ? { peers } : {}) },
    };
  }

  private drain(): void {
    for (const h of this.hits) this.add(h);
    this.hits.length = 0;
  }

  private add(raw: Hit): void {
    const h = this.owner(raw);
    if (h === null) return;
    const k = `${h.ip}|${h.kind}|${h.key}`;
    let a = this.aggregates.get(k);
    if (a === undefined) {
      if (this.aggregates.size >= MAX_AGGREGATES) {
        this.dropped++;
        return;
      }
      a = { hit: h, severity: h.severity, firstMs: h.tsMs, lastMs: h.tsMs, count: 0, evidence: new Set(), peers: new Set(), clients: h.judgeClient === undefined ? null : new Map() };
      this.aggregates.set(k, a);
    }
    a.count++;
    a.severity = worse(a.severity, h.severity);
    if (h.severity === a.severity) a.hit = h; // title and detail follow the worst observation
    if (h.tsMs < a.firstMs) a.firstMs = h.tsMs;
    if (h.tsMs > a.lastMs) a.lastMs = h.tsMs;
    if (h.judgeClient !== undefined && a.clients !== null) {
      const c = a.clients.get(h.judgeClient.ip);
      if (c !== undefined) c.count++;
      else if (a.clients.size < MAX_JUDGED_CLIENTS) a.clients.set(h.judgeClient.ip, { mac: h.judgeClient.mac, evidence: h.evidence, count: 1 });
      return;
    }
    // An observation that needs no judgement (a client from the internet) makes the finding stand on its own.
    if (h.judgeClient === undefined) a.clients = null;
    if (a.evidence.size < MAX_EVIDENCE_PER_FINDING) a.evidence.add(h.evidence);
    if (h.peer !== undefined && a.peers.size < MAX_PEERS_PER_FINDING) a.peers.add(h.peer);
  }

  /**
   * Findings belong to the site's devices. A hit on a host outside the site (internet or vendor network) moves to the
   * site-side end of its session (a login sent out, a weak TLS server used) when the detector named one; otherwise it
   * is dropped, so no finding (and no device) is ever made for an outside host.
   */
  private owner(h: Hit): Hit | null {
    if (!outside(zoneOf(this.site, h.ip))) return h;
    if (h.client === undefined) return null;
    const zone = zoneOf(this.site, h.client.ip);
    if (zone !== 'internal' && zone !== 'management') return null;
    const moved: Hit = { ...h, ip: h.client.ip, mac: h.client.mac, peer: h.ip, ...h.asClient, facts: { ...h.facts, external: true } };
    delete moved.client;
    return moved;
  }

  private clock(ms: number): void {
    if (Number.isNaN(ms)) return;
    if (ms < this.firstMs) this.firstMs = ms;
    if (ms > this.lastMs) this.lastMs = ms;
  }
}
