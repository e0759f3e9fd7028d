/** A router by what it forwards (traffic-role-router.ts through role-rules.ts and data/device-types.json trafficRole). */
import { describe, expect, it } from 'vitest';
import { classifyDevice } from './classify.js';
import { observationsFromAddress } from './extract-evidence.js';
import { loadKnowledgeBase } from './knowledge/load-kb.js';
import { ROUTER_ROLE_SOURCE, routerObservations } from './traffic-role-router.js';
import type { DeviceProfile, Evidence } from './types.js';

const kb = loadKnowledgeBase();
const asOf = new Date('2026-03-02T08:00:00Z');
/** A Fortinet OUI (IEEE MA-L 00090F). */
const MAC = '00:09:0f:00:00:01';
const forwards = routerObservations(MAC, 0).map((o) => o.evidence);
const oui = observationsFromAddress({ mac: MAC, ip: null }, 0, kb).map((o) => o.evidence);
const classify = (evidence: Evidence[]): DeviceProfile => classifyDevice(evidence, kb, { asOf });
const lldpSwitch: Evidence[] = [
  { attribute: 'type', value: 'network switch', source: 'lldp.capabilities', detail: 'bridge', confidence: 0.6, tsMs: 0 },
  { attribute: 'category', value: 'network', source: 'lldp.capabilities', detail: 'bridge', confidence: 0.6, tsMs: 0 },
];

describe('a host that forwards other hosts\' traffic', () => {
  it('is a router, network equipment, when nothing else names its kind', () => {
    const p = classify([...oui, ...forwards]);
    expect([p.vendor, p.type, p.category]).toEqual(['Fortinet', 'router', 'network']);
    expect(classify(p.evidence)).toEqual(p); // derived evidence handed back is recomputed, not counted twice
  });

  it('must not call a routing switch a router: its LLDP type stands, the role only seconds the category', () => {
    const p = classify([...lldpSwitch, ...forwards]);
    expect([p.type, p.category]).toEqual(['network switch', 'network']);
    expect(p.evidence.some((e) => e.source === ROUTER_ROLE_SOURCE && e.attribute === 'type')).toBe(false);
  });

  it('must not fire without the forwarding fact: a maker\'s OUI alone names no router', () => {
    expect(classify(oui).type).toBeNull();
  });
});
