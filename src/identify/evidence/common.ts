/** Shared helpers for per-protocol evidence extraction: record field access, device keys, evidence emission. */
import type { ProtocolRecord } from '../../decode/types.js';
import type { KnowledgeBase, RuleSetName } from '../knowledge/kb-types.js';
import { matchRules } from '../knowledge/lookup.js';
import type { DeviceKey, EvidenceAttribute, Observation } from '../types.js';

/** A record's string field, trimmed, or null when absent/empty/not a string. Prefer `clean(rec.field)` on a typed record. */
export function text(rec: ProtocolRecord, name: string): string | null {
  return clean(rec[name]);
}

/**
 * A field of a typed record (src/decode/records.ts), trimmed, or null when absent, empty or not a string: the name is
 * checked by the compiler, the value still at run time (a record is data from the wire).
 */
export function clean(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const t = value.trim();
  return t === '' ? null : t;
}

export function strings(rec: ProtocolRecord, name: string): string[] {
  return cleanList(rec[name]);
}

/** A list field of a typed record: its non-empty strings, or none when it is not a list. */
export function cleanList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string' && x !== '') : [];
}

/** A MAC that names one station: not absent, all-zero (loopback captures) or group-addressed. */
export function unicastMac(mac: string | null | undefined): string | null {
  if (mac === undefined || mac === null || mac === '' || mac === '00:00:00:00:00:00') return null;
  const first = Number.parseInt(mac.slice(0, 2), 16);
  return Number.isNaN(first) || (first & 0x01) !== 0 ? null : mac.toLowerCase();
}

export function unicastIp(ip: string): string | null {
  // Unspecified, limited-broadcast and IPv4 multicast (224/4) addresses name no single device.
  if (ip === '' || ip === '0.0.0.0' || ip === '255.255.255.255' || (!ip.includes(':') && /^2(2[4-9]|3\d)\./.test(ip))) return null;
  if (/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(ip)) return null; // link-layer records put MACs in src/dst
  return ip;
}

export function senderKey(rec: ProtocolRecord): DeviceKey {
  return { mac: unicastMac(rec.srcMac), ip: unicastIp(rec.src) };
}

export function receiverKey(rec: ProtocolRecord): DeviceKey {
  return { mac: unicastMac(rec.dstMac), ip: unicastIp(rec.dst) };
}

export function tsMsOf(rec: ProtocolRecord): number {
  const ms = Date.parse(rec.ts);
  return Number.isNaN(ms) ? 0 : ms;
}

/** Collects observations about one device key from one record. */
export class Emitter {
  constructor(
    private readonly out: Observation[],
    private readonly key: DeviceKey,
    private readonly tsMs: number,
  ) {}

  add(attribute: EvidenceAttribute, value: string | null, source: string, detail: string, confidence: number): void {
    if (value === null || confidence <= 0) return;
    const v = value.trim();
    if (v === '') return;
    this.out.push({ key: this.key, evidence: { attribute, value: v, source, detail, confidence, tsMs: this.tsMs } });
  }

  /**
   * Evidence from every matching rule of a knowledge rule set; the detail names the rule and its source. A toolkit
   * rule's facts go under `toolkitSource`, so that classification can tell the embedded stack from the device.
   */
  rules(kb: KnowledgeBase, set: RuleSetName, field: string, value: string | null, source: string, toolkitSource: string = source): void {
    if (value === null) return;
    for (const hit of matchRules(kb, set, field, value)) {
      const detail = `${value} ~ /${hit.rule.match}/ (${set}: ${hit.rule.source})`;
      const from = hit.rule.toolkit ? toolkitSource : source;
      for (const [attr, v] of Object.entries(hit.values)) this.add(attr as EvidenceAttribute, v, from, detail, hit.rule.confidence);
    }
  }

  get empty(): boolean {
    return this.key.mac === null && this.key.ip === null;
  }
}

/** An emitter for the sender or receiver, or null when that side has no usable identity. */
export function emitterFor(out: Observation[], rec: ProtocolRecord, side: 'sender' | 'receiver'): Emitter | null {
  const e = new Emitter(out, side === 'sender' ? senderKey(rec) : receiverKey(rec), tsMsOf(rec));
  return e.empty ? null : e;
}
