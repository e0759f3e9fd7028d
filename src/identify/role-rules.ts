/**
 * Roles a host shows only across several conversations (docs/architecture.md "identify"): an HL7 interface engine receives
 * application messages from one host and sends application messages on to another (HL7 v2.5 ch. 2: the engine
 * brokers between MSH-3 sending and MSH-5 receiving applications); the HL7 result and DICOM roles of
 * traffic-role-hl7.ts and traffic-role-dicom.ts (laboratory analyzer, device gateway, modality, archive, workstation);
 * the router of traffic-role-router.ts.
 */
import { isSignal } from './computer-role.js';
import type { KnowledgeBase } from './knowledge/kb-types.js';
import { matchRules } from './knowledge/lookup.js';
import { HALF_CONFIDENCE, named, peerOf, ruleEvidence, type HalfSink } from './traffic-role.js';
import { DICOM_IN, DICOM_OUT, DICOM_ROLE_SOURCE, dicomRoles } from './traffic-role-dicom.js';
import { HL7_RESULT_IN, HL7_RESULT_OUT, HL7_RESULT_ROLE_SOURCE, hl7ResultRoles, isDeviceGateway } from './traffic-role-hl7.js';
import { ASTM_RESULT_IN, ASTM_RESULT_OUT, LAB_ROLE_SOURCE, labSystemRole } from './traffic-role-lab.js';
import { ROUTER_HALF, ROUTER_ROLE_SOURCE, routerRole } from './traffic-role-router.js';
import type { Evidence } from './types.js';

export type { HalfSink };

/**
 * Each end of an HL7 application message gets one half of the pattern as `type` evidence under these sources, the
 * peer's address last in the detail (`ORU^R01 from 10.20.30.5`). A half never votes (votingEvidence drops it): it
 * carries the peer across records so that the whole pattern can be judged per device, from stored evidence.
 */
export const HL7_IN_SOURCE = 'hl7.relay.in';
export const HL7_OUT_SOURCE = 'hl7.relay.out';
/** Source of the evidence this module derives; recomputed on every classification, never taken back from storage. */
export const HL7_ROLE_SOURCE = 'rule.device-types.hl7Role';
const HALF_SOURCES: ReadonlySet<string> = new Set([HL7_IN_SOURCE, HL7_OUT_SOURCE, HL7_RESULT_IN, HL7_RESULT_OUT, DICOM_IN, DICOM_OUT, ROUTER_HALF, ASTM_RESULT_IN, ASTM_RESULT_OUT]);
const DERIVED_SOURCES: ReadonlySet<string> = new Set([HL7_ROLE_SOURCE, HL7_RESULT_ROLE_SOURCE, DICOM_ROLE_SOURCE, ROUTER_ROLE_SOURCE, LAB_ROLE_SOURCE]);

/** The type a relay would be, from data/device-types.json `hl7Role` rules (null when a site removed them). */
function relayType(kb: KnowledgeBase): string | null {
  for (const hit of matchRules(kb, 'device-types', 'hl7Role', 'relay')) if (hit.values.type !== undefined) return hit.values.type;
  return null;
}

/** Records both halves of one HL7 application message (not an ACK: the caller filters those). */
export function hl7RelayHalves(kb: KnowledgeBase, messageType: string, src: string, dst: string, sender: HalfSink | null, receiver: HalfSink | null): void {
  const type = relayType(kb);
  if (type === null || src === dst) return;
  sender?.add('type', type, HL7_OUT_SOURCE, `${messageType} to ${dst}`, HALF_CONFIDENCE);
  receiver?.add('type', type, HL7_IN_SOURCE, `${messageType} from ${src}`, HALF_CONFIDENCE);
}

/** Any traffic-role half (HL7 relay, HL7 results, DICOM requests): never votes. */
export function isRelayHalf(e: Evidence): boolean {
  return HALF_SOURCES.has(e.source);
}

/** Evidence this module derived on an earlier classification (host-rules.ts withoutDerived drops it). */
export function isDerivedRole(e: Evidence): boolean {
  return DERIVED_SOURCES.has(e.source);
}

/**
 * Senders and receivers when the host received messages from one host and sent messages to a different one.
 * Receiving only (a PACS taking orders), exchanging with one peer both ways (a modality sending results to the RIS
 * that sends it orders) or sending and hearing only ACKs (ACKs leave no half) is not a relay.
 */
function hl7Relay(evidence: readonly Evidence[]): { from: string[]; to: string[] } | null {
  const from = new Set<string>();
  const to = new Set<string>();
  for (const e of evidence) {
    if (e.source === HL7_IN_SOURCE) from.add(peerOf(e.detail));
    else if (e.source === HL7_OUT_SOURCE) to.add(peerOf(e.detail));
  }
  const senders = [...from].sort();
  const receivers = [...to].sort();
  return senders.some((s) => receivers.some((r) => r !== s)) ? { from: senders, to: receivers } : null;
}

/**
 * Type/category evidence for roles seen across conversations, through data/device-types.json `hl7Role`,
 * `trafficRole` and related rules. A device gateway (results naming other devices) also brokers between peers, so
 * it is not called an interface engine.
 */
export function roleEvidence(kb: KnowledgeBase, evidence: readonly Evidence[], tsMs: number): Evidence[] {
  const relay = hl7Relay(evidence);
  const gateway = isDeviceGateway(evidence);
  // Type evidence of the host's own (not a half, not an interactive-use signal: neither votes).
  const namedType = evidence.some((e) => e.attribute === 'type' && !isRelayHalf(e) && !isSignal(e));
  const out = [...hl7ResultRoles(kb, evidence, tsMs, relay !== null), ...labSystemRole(kb, evidence, tsMs, relay !== null), ...dicomRoles(kb, evidence, tsMs), ...routerRole(kb, evidence, namedType, tsMs)];
  if (relay === null || gateway) return out;
  const seen = `receives HL7 messages from ${named(relay.from)} and sends HL7 messages to ${named(relay.to)}`;
  return [...out, ...ruleEvidence(kb, 'hl7Role', 'relay', HL7_ROLE_SOURCE, seen, tsMs)];
}
