/**
 * A router by what crosses the segment under its MAC (RFC 1812 §2.2.1 and §5.2.1: a router forwards packets between
 * networks, so frames of many other hosts' addresses carry its link-layer address). src/pipeline/router-addresses.ts
 * finds such MACs and records the fact as a half (it never votes); role-rules.ts judges it at each classification
 * through data/device-types.json `trafficRole` rules: network equipment always, and type router only when nothing
 * names a more specific kind (a layer-3 switch's LLDP capabilities, a sysDescr).
 */
import type { KnowledgeBase } from './knowledge/kb-types.js';
import { HALF_CONFIDENCE, ruleEvidence } from './traffic-role.js';
import type { Evidence, Observation } from './types.js';

/** Source of the half: the host forwards other hosts' traffic. */
export const ROUTER_HALF = 'flow.router.forwards';
/** Source of the evidence derived from the half; recomputed on every classification, never taken back from storage. */
export const ROUTER_ROLE_SOURCE = 'rule.device-types.trafficRole.router';
const SEEN = 'forwards other hosts\' traffic: frames of many addresses it does not claim carry its MAC';

/** The half for the router whose MAC is `mac` (keyed by the MAC alone: its own addresses join it in the inventory). */
export function routerObservations(mac: string, tsMs: number): Observation[] {
  return [{ key: { mac, ip: null }, evidence: { attribute: 'type', value: 'router', source: ROUTER_HALF, detail: SEEN, confidence: HALF_CONFIDENCE, tsMs } }];
}

/**
 * Type/category evidence for a host that forwards others' traffic. `namedType`: another source names what it is; then
 * only the category is said, so a routing switch stays the switch its LLDP or sysDescr says.
 */
export function routerRole(kb: KnowledgeBase, evidence: readonly Evidence[], namedType: boolean, tsMs: number): Evidence[] {
  if (!evidence.some((e) => e.source === ROUTER_HALF)) return [];
  const hits = ruleEvidence(kb, 'trafficRole', 'ip-router', ROUTER_ROLE_SOURCE, SEEN, tsMs);
  return namedType ? hits.filter((e) => e.attribute !== 'type') : hits;
}
