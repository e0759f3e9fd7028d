/** Which destinations an event goes to: every rule whose kinds, minimum risk and zones all match it contributes its own. */
import type { RuleConfig } from './config.js';
import { levelRank } from './risk-level.js';
import type { ZoneName } from '../segmentation/types.js';
import type { AlertEvent } from './types.js';

/** The zones an event touches: a device's, or both ends of a violation; none for ingest status and tests. */
export function eventZones(e: AlertEvent): ZoneName[] {
  switch (e.kind) {
    case 'device-new':
    case 'device-changed':
      return [e.device.zone];
    case 'finding-new':
    case 'finding-reopened':
      return e.device === null ? [] : [e.device.zone];
    case 'segmentation-violation':
      return [e.conduit.fromZone, e.conduit.toZone];
    case 'ingest-status':
    case 'test':
      return [];
  }
}

export function ruleMatches(rule: RuleConfig, e: AlertEvent): boolean {
  if (e.kind === 'test') return false;
  if (rule.kinds !== null && !rule.kinds.includes(e.kind)) return false;
  if (levelRank(e.level) < levelRank(rule.minRisk)) return false;
  if (rule.zones !== null) {
    const zones = rule.zones;
    if (!eventZones(e).some((z) => zones.includes(z))) return false;
  }
  return true;
}

/** Destination names for `e`, each once, in the order rules name them. */
export function routeEvent(rules: readonly RuleConfig[], e: AlertEvent): string[] {
  const out = new Set<string>();
  for (const r of rules) if (ruleMatches(r, e)) for (const d of r.destinations) out.add(d);
  return [...out];
}
