/** Aggregate an ingest batch per device key: evidence counted per distinct fact, protocols per version. */
import type { DeviceKey } from '../identify/types.js';
import { normalizeMac } from './manual-fields.js';
import { deviceKeyString, type IngestBatch } from './types.js';
import type { ResolvedKey } from './identity.js';

export interface EvidenceAgg {
  attribute: string;
  value: string;
  source: string;
  detail: string;
  confidence: number;
  firstMs: number;
  lastMs: number;
  count: number;
}

export interface KeyGroup {
  key: ResolvedKey;
  inputKeys: Set<string>;
  firstMs: number;
  lastMs: number;
  evidence: Map<string, EvidenceAgg>;
  protocols: Map<string, { firstMs: number; lastMs: number }>;
}

function resolveKey(key: DeviceKey): ResolvedKey | null {
  const mac = key.mac === null || key.mac === '' ? null : (normalizeMac(key.mac) ?? key.mac.toLowerCase());
  const ip = key.ip === null || key.ip === '' ? null : key.ip.toLowerCase();
  return mac === null && ip === null ? null : { mac, ip };
}

/**
 * Aggregate the batch per device key. MAC keys come first, oldest first, so an IP seen in this batch with its MAC
 * binds there before IP-only keys look it up, and DHCP moves apply in time order.
 */
export function groupBatch(batch: IngestBatch): KeyGroup[] {
  const groups = new Map<string, KeyGroup>();
  const groupFor = (raw: DeviceKey, firstMs: number, lastMs: number): KeyGroup | null => {
    const key = resolveKey(raw);
    if (key === null) return null;
    const k = deviceKeyString(key);
    let g = groups.get(k);
    if (g === undefined) {
      g = { key, inputKeys: new Set(), firstMs, lastMs, evidence: new Map(), protocols: new Map() };
      groups.set(k, g);
    }
    g.inputKeys.add(deviceKeyString(raw));
    g.firstMs = Math.min(g.firstMs, firstMs);
    g.lastMs = Math.max(g.lastMs, lastMs);
    return g;
  };
  for (const obs of batch.observations) {
    const e = obs.evidence;
    const g = groupFor(obs.key, e.tsMs, e.tsMs);
    if (g === null) continue;
    const ek = `${e.attribute}\0${e.value}\0${e.source}\0${e.detail}`;
    const agg = g.evidence.get(ek);
    if (agg === undefined) {
      g.evidence.set(ek, { attribute: e.attribute, value: e.value, source: e.source, detail: e.detail, confidence: e.confidence, firstMs: e.tsMs, lastMs: e.tsMs, count: 1 });
    } else {
      agg.count++;
      agg.confidence = Math.max(agg.confidence, e.confidence);
      agg.firstMs = Math.min(agg.firstMs, e.tsMs);
      agg.lastMs = Math.max(agg.lastMs, e.tsMs);
    }
  }
  for (const s of batch.sightings) {
    const g = groupFor(s.key, s.firstSeenMs, s.lastSeenMs);
    if (g === null) continue;
    const names = [...s.protocols.map((p) => `${p}\0`), ...(s.protocolVersions ?? []).map((p) => `${p.protocol}\0${p.version}`)];
    for (const name of names) {
      const seen = g.protocols.get(name);
      if (seen === undefined) g.protocols.set(name, { firstMs: s.firstSeenMs, lastMs: s.lastSeenMs });
      else {
        seen.firstMs = Math.min(seen.firstMs, s.firstSeenMs);
        seen.lastMs = Math.max(seen.lastMs, s.lastSeenMs);
      }
    }
  }
  return [...groups.values()].sort((a, b) => {
    if ((a.key.mac === null) !== (b.key.mac === null)) return a.key.mac === null ? 1 : -1;
    return a.lastMs - b.lastMs;
  });
}
