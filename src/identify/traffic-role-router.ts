/**
 * A router by what crosses the segment under its MAC (RFC 1812 §2.2.1 and §5.2.1: a router forwards packets between
 * networks, so frames of many other hosts' addresses carry its link-layer address). src/pipeline/router-addresses.ts
 * finds such MACs; this turns one into type/category evidence through data/device-types.json `trafficRole` rules.
 */
import type { KnowledgeBase } from './knowledge/kb-types.js';
import { ruleEvidence } from './traffic-role.js';
import type { Observation } from './types.js';

/** Source of the evidence: derived anew whenever routers are found, kept like any observation. */
export const ROUTER_ROLE_SOURCE = 'rule.device-types.trafficRole.router';

/** Evidence for the router whose MAC is `mac` (keyed by the MAC alone: its own addresses join it in the inventory). */
export function routerObservations(kb: KnowledgeBase, mac: string, tsMs: number): Observation[] {
  const seen = 'forwards other hosts\' traffic: frames of many addresses it does not claim carry its MAC';
  return ruleEvidence(kb, 'trafficRole', 'ip-router', ROUTER_ROLE_SOURCE, seen, tsMs).map((evidence) => ({ key: { mac, ip: null }, evidence }));
}
