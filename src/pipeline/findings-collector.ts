/**
 * Records and flows become findings (issue 5 §1). During ingest, detector hits are aggregated per (host, kind, key)
 * and remote sessions kept up to a cap, so memory stays bounded whatever the capture's size; at the end, hosts are
 * resolved to inventory devices (after the inventory collector wrote them), profile detectors (end-of-life OS) run
 * on the devices seen, and everything is upserted: the same fact on a later run updates, never duplicates.
 */
import type { FlowJson } from '../capture/flow-json.js';
import type { ProtocolRecord } from '../decode/types.js';
import { eolOsFinding } from '../findings/detectors/eol-os.js';
import { exposureHits } from '../findings/detectors/exposure.js';
import { isMedical, type Hit } from '../findings/detectors/hit.js';
import { recordHits } from '../findings/detectors/record-hits.js';
import { chainStats, isAlwaysOn, remoteSession, serviceOfSni } from '../findings/detectors/remote-access.js';
import { SessionBook } from '../findings/detectors/session-book.js';
import { remoteAccessFinding } from '../findings/detectors/remote-findings.js';
import type { FindingsRepository } from '../findings/findings-repository.js';
import { zoneOf, type SiteConfig } from '../findings/site.js';
import { SEVERITIES, type FindingInput, type RemoteSession, type Severity } from '../findings/types.js';
import type { InventoryRepository } from '../inventory/inventory-repository.js';
import type { DeviceJson } from '../inventory/types.js';

/** Distinct (host, kind, key) aggregates held; beyond it new ones are counted as dropped. */
export const MAX_AGGREGATES = 50_000;
export const MAX_EVIDENCE_PER_FINDING = 8;
export const MAX_PEERS_PER_FINDING = 5;
/** TLS flows waiting for their end with a remote-support server name. */
const MAX_SNI_FLOWS = 4096;

interface Aggregate {
  hit: Hit;
  severity: Severity;
  firstMs: number;
  lastMs: number;
  count: number;
  evidence: Set<string>;
  peers: Set<string>;
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

export class FindingsCollector {
  private readonly aggregates = new Map<string, Aggregate>();
  private readonly book = new SessionBook(MAX_AGGREGATES, MAX_PEERS_PER_FINDING);
  private readonly sniFlows = new Map<string, string>();
  private readonly hits: Hit[] = [];
  private dropped = 0;
  private firstMs = Number.POSITIVE_INFINITY;
  private lastMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly inventory: InventoryRepository,
    private readonly store: FindingsSink,
    private readonly site: SiteConfig,
  ) {}

  record(rec: ProtocolRecord): void {
    this.clock(Date.parse(rec.ts));
    if (rec.proto === 'tls' && rec.kind === 'client-hello' && typeof rec.sni === 'string') {
      const service = serviceOfSni(rec.sni);
      if (service !== null) {
        if (this.sniFlows.size >= MAX_SNI_FLOWS) this.sniFlows.delete(this.sniFlows.keys().next().value ?? '');
        this.sniFlows.set(flowKey(rec.src, rec.sport, rec.dst, rec.dport), service);
      }
    }
    recordHits(rec, this.hits);
    this.drain();
  }

  flow(f: FlowJson): void {
    this.clock(Date.parse(f.first));
    this.clock(Date.parse(f.last));
    const k = flowKey(f.src, f.sport, f.dst, f.dport);
    const sni = this.sniFlows.get(k) ?? null;
    if (sni !== null) this.sniFlows.delete(k);
    exposureHits(f, this.site, this.hits);
    this.drain();
    const s = remoteSession(f, this.site, sni);
    if (s !== null) this.book.add(s);
  }

  /** Resolves hosts to devices, adds profile findings, writes everything; call after the inventory is written. */
  async finish(): Promise<FindingsCollectorResult> {
    const ids = new Map<string, string | null>();
    const devices = new Map<string, DeviceJson>();
    let unresolved = 0;
    const resolve = async (ip: string, mac: string | null): Promise<DeviceJson | null> => {
      let id = ids.get(ip);
      if (id === undefined) {
        id = await this.lookup(ip, mac);
        ids.set(ip, id);
        if (id === null) unresolved++;
      }
      if (id === null) return null;
      let d = devices.get(id);
      if (d === undefined) {
        d = (await this.inventory.getDevice(id)) ?? undefined;
        if (d === undefined) return null;
        devices.set(id, d);
      }
      return d;
    };
    const inputs: FindingInput[] = [];
    for (const a of this.aggregates.values()) {
      const d = await resolve(a.hit.ip, a.hit.mac);
      if (d === null) continue;
      const input = this.toInput(a, d);
      if (input !== null) inputs.push(input);
    }
    const sessions: RemoteSession[] = [];
    const captureMs = Number.isFinite(this.firstMs) ? this.lastMs - this.firstMs : 0;
    for (const g of this.book.groups()) {
      const d = await resolve(g.ip, g.mac);
      if (d === null) continue;
      const stats = chainStats(g.intervals);
      const alwaysOn = isAlwaysOn(stats, captureMs);
      inputs.push(remoteAccessFinding(d.id, isMedical(d.category), {
        service: g.service, sessions: g.sessions, total: g.total, totalBytes: g.bytes, totalMs: g.ms, peers: [...g.peers],
        firstMs: g.firstMs, lastMs: g.lastMs, alwaysOn, longestMs: stats.longestMs,
      }));
      for (const s of g.sessions) sessions.push({ deviceId: d.id, peer: s.peer, service: s.service, startMs: s.startMs, endMs: s.endMs, bytes: s.bytes, alwaysOn });
    }
    const eolDevices = await this.profileFindings(inputs);
    await this.store.upsert(inputs);
    // A device seen in this run whose OS is no longer end-of-life (updated, or re-identified) closes the old finding.
    for (const [id, keep] of eolDevices) await this.store.closeStale('eol-os', [id], keep);
    if (sessions.length > 0 && this.store.recordSessions !== undefined) await this.store.recordSessions(sessions);
    return { findings: inputs.length, sessions: sessions.length, unresolvedHosts: unresolved, dropped: this.dropped + this.book.dropped };
  }

  private async profileFindings(inputs: FindingInput[]): Promise<Map<string, Set<string>>> {
    const seen = new Map<string, Set<string>>();
    if (!Number.isFinite(this.firstMs)) return seen;
    const since = new Date(this.firstMs - 1000).toISOString();
    for (const d of await this.inventory.listDevices()) {
      if (d.lastSeen < since) continue;
      const f = eolOsFinding(d);
      seen.set(d.id, new Set(f === null ? [] : [f.key]));
      if (f !== null) inputs.push(f);
    }
    return seen;
  }

  /**
   * By IP first (one active holder at a time); by MAC only when the IP is unknown (a router's MAC fronts many) and
   * inside the site: an address outside it is no device, and the MAC it came with is the gateway's.
   */
  private async lookup(ip: string, mac: string | null): Promise<string | null> {
    const byIp = await this.inventory.findDevices({ ip });
    if (byIp.length === 1) return byIp[0]?.device.id ?? null;
    const zone = zoneOf(this.site, ip);
    if (byIp.length === 0 && mac !== null && zone !== 'external' && zone !== 'vendor') {
      const byMac = await this.inventory.findDevices({ mac });
      if (byMac.length === 1 && (byMac[0]?.device.ips.length ?? 0) <= 1) return byMac[0]?.device.id ?? null;
    }
    return null;
  }

  private toInput(a: Aggregate, d: DeviceJson): FindingInput | null {
    const h = a.hit;
    let severity = a.severity;
    if (h.medicalOnly === true && !isMedical(d.category)) {
      if (h.nonMedicalSeverity === undefined) return null;
      severity = h.nonMedicalSeverity;
    }
    const peers = [...a.peers];
    return {
      deviceId: d.id, kind: h.kind, key: h.key, severity, title: h.title, detail: h.detail, evidence: [...a.evidence],
      firstSeenMs: a.firstMs, lastSeenMs: a.lastMs, count: a.count, facts: { ...h.facts, ...(peers.length > 0 ? { peers } : {}) },
    };
  }

  private drain(): void {
    for (const h of this.hits) this.add(h);
    this.hits.length = 0;
  }

  private add(raw: Hit): void {
    const h = this.owner(raw);
    const k = `${h.ip}|${h.kind}|${h.key}`;
    let a = this.aggregates.get(k);
    if (a === undefined) {
      if (this.aggregates.size >= MAX_AGGREGATES) {
        this.dropped++;
        return;
      }
      a = { hit: h, severity: h.severity, firstMs: h.tsMs, lastMs: h.tsMs, count: 0, evidence: new Set(), peers: new Set() };
      this.aggregates.set(k, a);
    }
    a.count++;
    a.severity = worse(a.severity, h.severity);
    if (h.severity === a.severity) a.hit = h; // title and detail follow the worst observation
    if (h.tsMs < a.firstMs) a.firstMs = h.tsMs;
    if (h.tsMs > a.lastMs) a.lastMs = h.tsMs;
    if (a.evidence.size < MAX_EVIDENCE_PER_FINDING) a.evidence.add(h.evidence);
    if (h.peer !== undefined && a.peers.size < MAX_PEERS_PER_FINDING) a.peers.add(h.peer);
  }

  /** A login to a server on the internet is the internal client's problem (it sent its password out). */
  private owner(h: Hit): Hit {
    if (h.client === undefined || zoneOf(this.site, h.ip) !== 'external') return h;
    const zone = zoneOf(this.site, h.client.ip);
    return zone === 'internal' || zone === 'management' ? { ...h, ip: h.client.ip, mac: h.client.mac, peer: h.ip } : h;
  }

  private clock(ms: number): void {
    if (Number.isNaN(ms)) return;
    if (ms < this.firstMs) this.firstMs = ms;
    if (ms > this.lastMs) this.lastMs = ms;
  }
}

function flowKey(src: string, sport: number | null, dst: string, dport: number | null): string {
  return `${src}|${sport ?? ''}|${dst}|${dport ?? ''}`;
}
