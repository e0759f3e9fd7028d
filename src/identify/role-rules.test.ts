/** HL7 interface engine from the HL7 messages a host receives and sends (role-rules.ts, data/device-types.json hl7Role). */
import { describe, expect, it } from 'vitest';
import type { ProtocolRecord } from '../decode/types.js';
import { classifyDevice } from './classify.js';
import { observationsFromRecord } from './extract-evidence.js';
import { loadKnowledgeBase } from './knowledge/load-kb.js';
import { HL7_IN_SOURCE, HL7_ROLE_SOURCE, roleEvidence } from './role-rules.js';
import type { DeviceProfile, Evidence } from './types.js';

const kb = loadKnowledgeBase();
const asOf = new Date('2026-03-02T08:00:00Z');

function msg(src: string, dst: string, messageType: string, sending: string, receiving: string): ProtocolRecord {
  return { ts: '2024-03-04T08:00:15Z', proto: 'hl7', kind: 'message', src, sport: 40000, dst, dport: 2575, sendingApplication: sending, receivingApplication: receiving, messageType };
}

/** Classifies the host at `ip` from the evidence the messages give it. */
function hostFrom(ip: string, records: readonly ProtocolRecord[]): DeviceProfile {
  const ev: Evidence[] = records.flatMap((r) => observationsFromRecord(r, kb)).filter((o) => o.key.ip === ip).map((o) => o.evidence);
  return classifyDevice(ev, kb, { asOf });
}

const GW = '10.20.30.5';
const IE = '10.20.10.11';
const PACS = '10.20.10.10';
const RIS = '10.20.10.20';

describe('HL7 interface engine: receives messages from one host, sends messages to another', () => {
  it('fires on the sample\'s pattern: ORU in from the gateway, ORM out to the PACS (ACKs both ways)', () => {
    const p = hostFrom(IE, [
      msg(GW, IE, 'ORU^R01', 'MINDRAY_EGATEWAY', 'HL7IE01'), msg(IE, GW, 'ACK', 'HL7IE01', 'MINDRAY_EGATEWAY'),
      msg(IE, PACS, 'ORM^O01', 'HL7IE01', 'PACS01'), msg(PACS, IE, 'ACK', 'PACS01', 'HL7IE01'),
    ]);
    expect(p).toMatchObject({ type: 'HL7 interface engine', category: 'clinical-system' });
    expect(p.evidence.find((e) => e.source === HL7_ROLE_SOURCE)?.detail).toMatch(/^receives HL7 messages from 10\.20\.30\.5 and sends HL7 messages to 10\.20\.10\.10 \(HL7 v2\.5/);
  });

  it('must not fire: a host that only receives (a PACS taking orders from several senders)', () => {
    const p = hostFrom(PACS, [msg(IE, PACS, 'ORM^O01', 'HL7IE01', 'PACS01'), msg(RIS, PACS, 'ORM^O01', 'RIS', 'PACS01'), msg(PACS, IE, 'ACK', 'PACS01', 'HL7IE01'), msg(PACS, RIS, 'ACK', 'PACS01', 'RIS')]);
    expect(p.type).not.toBe('HL7 interface engine');
    expect(p.evidence.some((e) => e.source === HL7_ROLE_SOURCE)).toBe(false);
  });

  it('must not fire: a modality that sends ORU and receives ACKs (from two receivers)', () => {
    const p = hostFrom(GW, [msg(GW, IE, 'ORU^R01', 'GW', 'IE'), msg(IE, GW, 'ACK', 'IE', 'GW'), msg(GW, RIS, 'ORU^R01', 'GW', 'RIS'), msg(RIS, GW, 'ACK^R01^ACK', 'RIS', 'GW')]);
    expect(p.type).not.toBe('HL7 interface engine');
  });

  it('must not fire: messages both ways with one peer only (orders in from the RIS, results back to it)', () => {
    const p = hostFrom(PACS, [msg(RIS, PACS, 'ORM^O01', 'RIS', 'PACS01'), msg(PACS, RIS, 'ORU^R01', 'PACS01', 'RIS')]);
    expect(p.type).not.toBe('HL7 interface engine');
  });

  it('the halves never vote and a re-classification of the stored evidence gives the same profile', () => {
    const records = [msg(GW, IE, 'ORU^R01', 'GW', 'IE'), msg(IE, PACS, 'ORU^R01', 'IE', 'PACS')];
    const receiverOnly = hostFrom(PACS, records);
    expect(receiverOnly.evidence.some((e) => e.source === HL7_IN_SOURCE)).toBe(true);
    expect(receiverOnly.type).toBeNull();
    const p = hostFrom(IE, records);
    expect({ ...classifyDevice(p.evidence, kb, { asOf }), evidence: [] }).toEqual({ ...p, evidence: [] });
  });

  it('names at most three peers in its reason', () => {
    const ev = (src: string, detail: string): Evidence => ({ attribute: 'type', value: 'HL7 interface engine', source: src, detail, confidence: 0.05, tsMs: 0 });
    const many = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5'].map((ip) => ev(HL7_IN_SOURCE, `ORU^R01 from ${ip}`));
    const out = roleEvidence(kb, [...many, ev('hl7.relay.out', 'ORU^R01 to 10.0.0.9')], 0);
    expect(out.map((e) => e.attribute).sort()).toEqual(['category', 'type']);
    expect(out[0]?.detail).toMatch(/from 10\.0\.0\.1, 10\.0\.0\.2, 10\.0\.0\.3 and 2 more and sends HL7 messages to 10\.0\.0\.9/);
  });
});
