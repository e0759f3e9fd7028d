/**
 * Shared shape of traffic-role "halves" (role-rules.ts): one side of one conversation kept as low-confidence `type`
 * evidence whose detail ends with the peer's address. A half never votes; roles are judged from all of a device's
 * halves at each classification, and what the judgement derives is never taken back from storage.
 */
import type { KnowledgeBase } from './knowledge/kb-types.js';
import { matchRules } from './knowledge/lookup.js';
import type { Evidence, EvidenceAttribute } from './types.js';

/** Below any threshold: a half is a note for the judgement, not a vote (votingEvidence drops it anyway). */
export const HALF_CONFIDENCE = 0.05;

export interface HalfSink {
  add(attribute: EvidenceAttribute, value: string | null, source: string, detail: string, confidence: number): void;
}

/** The peer named last in a half's detail (`… to 10.20.30.5`). */
export function peerOf(detail: string): string {
  return detail.slice(detail.lastIndexOf(' ') + 1);
}

/** The words of a half's detail between its first word and the ` to|from <peer>` tail. */
export function tokensOf(detail: string): string[] {
  const words = detail.split(' ');
  return words.slice(1, Math.max(1, words.length - 2));
}

/** Peers named in a reason: enough for a person to check, short enough to read. */
const MAX_NAMED = 3;

export function named(list: readonly string[]): string {
  return list.length > MAX_NAMED ? `${list.slice(0, MAX_NAMED).join(', ')} and ${String(list.length - MAX_NAMED)} more` : list.join(', ');
}

/**
 * Evidence from the data/device-types.json rules of `field` matching `value`, under `source`, each reason the
 * pattern seen plus the rule's source.
 */
export function ruleEvidence(kb: KnowledgeBase, field: string, value: string, source: string, seen: string, tsMs: number): Evidence[] {
  const out: Evidence[] = [];
  for (const hit of matchRules(kb, 'device-types', field, value)) {
    for (const [attr, v] of Object.entries(hit.values)) {
      out.push({ attribute: attr as EvidenceAttribute, value: v, source, detail: `${seen} (${hit.rule.source})`, confidence: hit.rule.confidence, tsMs });
    }
  }
  return out;
}
