/**
 * The laboratory information system from what it receives: ASTM E1394 carries results from clinical instruments to a
 * "computer system" (ASTM E1394-97 §1 scope; CLSI LIS2-A2), so the host that receives ASTM result messages and sends
 * none on is the laboratory's information system. Middleware and analyser data managers receive results too, but
 * pass them on (IHE LAW: Analyzer Manager between analyzers and the LIS), so a host that sends ASTM or HL7 results
 * itself, or brokers HL7 between peers, gets no claim.
 */
import type { KnowledgeBase } from './knowledge/kb-types.js';
import { HALF_CONFIDENCE, named, peerOf, ruleEvidence, type HalfSink } from './traffic-role.js';
import { HL7_RESULT_OUT } from './traffic-role-hl7.js';
import type { Evidence } from './types.js';

export const ASTM_RESULT_IN = 'astm.result.in';
export const ASTM_RESULT_OUT = 'astm.result.out';
export const LAB_ROLE_SOURCE = 'rule.device-types.labRole';

/** Both ends of one ASTM message: the instrument sent results, the peer received them. */
export function astmHalves(src: string, dst: string, sender: HalfSink | null, receiver: HalfSink | null): void {
  if (src === dst) return;
  sender?.add('type', 'sends ASTM results', ASTM_RESULT_OUT, `ASTM to ${dst}`, HALF_CONFIDENCE);
  receiver?.add('type', 'receives ASTM results', ASTM_RESULT_IN, `ASTM from ${src}`, HALF_CONFIDENCE);
}

/** `engine`: the host also brokers HL7 messages between two peers (role-rules.ts). */
export function labSystemRole(kb: KnowledgeBase, evidence: readonly Evidence[], tsMs: number, engine: boolean): Evidence[] {
  const senders = [...new Set(evidence.filter((e) => e.source === ASTM_RESULT_IN).map((e) => peerOf(e.detail)))].sort();
  if (senders.length === 0 || engine) return [];
  if (evidence.some((e) => e.source === ASTM_RESULT_OUT || e.source === HL7_RESULT_OUT)) return [];
  const seen = `receives ASTM E1394 results from ${String(senders.length)} instrument${senders.length === 1 ? '' : 's'} (${named(senders)}) and passes none on`;
  return ruleEvidence(kb, 'trafficRole', 'astm-results-receiver', LAB_ROLE_SOURCE, seen, tsMs);
}
