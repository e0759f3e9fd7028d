/**
 * Roles from who sends HL7 result messages (HL7 v2.5 ch. 7: ORU unsolicited observations, OUL laboratory results)
 * and what they carry: a laboratory analyzer sends results coded in LOINC (HL7 table 0396 "LN"), with a specimen (SPM,
 * §7.4.3) or as OUL (IHE LAW/LTW), and receives no results itself; a monitor or pump gateway relays observations
 * whose OBX-18 / PRT equipment identifiers name several other devices (IHE PCD TF-2: EUI-64 equipment instance
 * identifiers), coded in the 11073 nomenclature whose terms tell pumps from physiological monitors.
 */
import type { ProtocolRecord } from '../decode/types.js';
import type { KnowledgeBase } from './knowledge/kb-types.js';
import { matchRules } from './knowledge/lookup.js';
import { HALF_CONFIDENCE, named, peerOf, ruleEvidence, tokensOf, type HalfSink } from './traffic-role.js';
import type { Evidence } from './types.js';

export const HL7_RESULT_OUT = 'hl7.result.out';
export const HL7_RESULT_IN = 'hl7.result.in';
export const HL7_RESULT_ROLE_SOURCE = 'rule.device-types.hl7Results';
const RESULT_MESSAGE = /^(ORU|OUL)\^/i;
/** Other devices named per half: a gateway shows itself over a few messages, the detail stays short. */
const MAX_DEVICES_PER_HALF = 4;
const EUI64 = /\b([0-9A-F]{16})\b/i;

function strings(rec: ProtocolRecord, name: string): string[] {
  const v = rec[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The EUI-64 an HD or EI field names (`NAME^0123456789ABCDEF^EUI-64`, `id^name^0123…^EUI-64`), upper-case. */
function eui64Of(field: string): string | null {
  if (!/\^EUI-64\b/i.test(field)) return null;
  return EUI64.exec(field)?.[1]?.toUpperCase() ?? null;
}

/** Flags of one result message: `lab`, `mdc`, `cat=<category>` from its 11073 terms, `dev=<EUI-64>` of others. */
function flagsOf(kb: KnowledgeBase, rec: ProtocolRecord, type: string): string[] {
  const systems = strings(rec, 'observationCodingSystems');
  const segments = strings(rec, 'segments');
  const flags: string[] = [];
  if (systems.includes('LN') || /^OUL\^/i.test(type) || (segments.includes('SPM') && segments.includes('OBX'))) flags.push('lab');
  if (systems.includes('MDC')) flags.push('mdc');
  const cats = new Set<string>();
  for (const term of strings(rec, 'mdcTerms')) for (const hit of matchRules(kb, 'device-types', 'mdcTerm', term)) if (hit.values.category !== undefined) cats.add(hit.values.category);
  for (const c of [...cats].sort()) flags.push(`cat=${c}`);
  const sending = typeof rec.sendingApplication === 'string' ? rec.sendingApplication : '';
  const own = eui64Of(sending);
  const others = new Set<string>();
  for (const id of strings(rec, 'deviceIds')) {
    const eui = eui64Of(id);
    if (eui !== null && eui !== own) others.add(eui);
  }
  for (const d of [...others].sort().slice(0, MAX_DEVICES_PER_HALF)) flags.push(`dev=${d}`);
  return flags;
}

/** Both halves of one HL7 result message: what the sender sent, and that the receiver received results. */
export function hl7ResultHalves(kb: KnowledgeBase, rec: ProtocolRecord, sender: HalfSink | null, receiver: HalfSink | null): void {
  const type = typeof rec.messageType === 'string' ? rec.messageType.trim() : '';
  if (!RESULT_MESSAGE.test(type) || rec.src === rec.dst || /\s/.test(type)) return;
  const flags = flagsOf(kb, rec, type);
  sender?.add('type', 'sends HL7 results', HL7_RESULT_OUT, [type, ...flags, 'to', rec.dst].join(' '), HALF_CONFIDENCE);
  receiver?.add('type', 'receives HL7 results', HL7_RESULT_IN, `${type} from ${rec.src}`, HALF_CONFIDENCE);
}

/** Other devices' EUI-64s named in the results a host sends (not its own, from its MSH-3), sorted. */
export function relayedDevices(evidence: readonly Evidence[]): string[] {
  const ids = new Set<string>();
  for (const e of evidence) if (e.source === HL7_RESULT_OUT) for (const t of tokensOf(e.detail)) if (t.startsWith('dev=')) ids.add(t.slice(4));
  return [...ids].sort();
}

/** A device gateway: sends results naming two or more other devices and receives no results by HL7. */
export function isDeviceGateway(evidence: readonly Evidence[]): boolean {
  return relayedDevices(evidence).length >= 2 && !evidence.some((e) => e.source === HL7_RESULT_IN);
}

/**
 * Patient monitor or pump: sends its own 11073-coded observations of one kind, names no other device and receives no
 * results (a gateway names the devices behind it, a central station or engine receives). Laboratory analyzer: sends lab-coded results, no 11073 device data, names at most one device (itself), and never
 * receives results (an LIS, middleware or interface engine does). Gateway: relays results naming two or more other
 * devices' EUI-64s and receives no results by HL7; pump or monitor gateway only when the 11073 terms say one kind.
 * `engine`: the host also brokers HL7 messages between two peers (role-rules.ts).
 */
export function hl7ResultRoles(kb: KnowledgeBase, evidence: readonly Evidence[], tsMs: number, engine: boolean): Evidence[] {
  const outs = evidence.filter((e) => e.source === HL7_RESULT_OUT);
  if (outs.length === 0 || evidence.some((e) => e.source === HL7_RESULT_IN)) return [];
  const flags = new Set(outs.flatMap((e) => tokensOf(e.detail)));
  const peers = [...new Set(outs.map((e) => peerOf(e.detail)))].sort();
  const devices = relayedDevices(evidence);
  const cats = [...flags].filter((f) => f.startsWith('cat=')).map((f) => f.slice(4));
  if (devices.length >= 2) {
    if (cats.length !== 1) return [];
    const seen = `sends HL7 results naming ${String(devices.length)} other devices (${named(devices)}) to ${named(peers)} and receives none`;
    return ruleEvidence(kb, 'trafficRole', `hl7-device-relay-${cats[0] ?? ''}`, HL7_RESULT_ROLE_SOURCE, seen, tsMs);
  }
  // A host that also brokers other HL7 messages between two peers is an engine's pattern: no device claim then.
  if (!engine && devices.length === 0 && flags.has('mdc') && !flags.has('lab') && cats.length === 1) {
    // IHE PCD-01: the device itself as Device Observation Reporter; its 11073 terms say which kind of device.
    const seen = `sends its own ISO/IEEE 11073 observations (${cats[0] ?? ''} terms, no other device named) to ${named(peers)} and receives none`;
    return ruleEvidence(kb, 'trafficRole', `hl7-device-observations-${cats[0] ?? ''}`, HL7_RESULT_ROLE_SOURCE, seen, tsMs);
  }
  if (!engine && flags.has('lab') && !flags.has('mdc')) {
    const seen = `sends laboratory results (LOINC-coded, specimen or OUL) to ${named(peers)} and receives none`;
    return ruleEvidence(kb, 'trafficRole', 'hl7-lab-results', HL7_RESULT_ROLE_SOURCE, seen, tsMs);
  }
  return [];
}
