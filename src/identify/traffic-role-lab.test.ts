/** The LIS from what it receives (traffic-role-lab.ts): ASTM E1394 results in, none passed on. */
import { describe, expect, it } from 'vitest';
import type { ProtocolRecord } from '../decode/types.js';
import { classifyDevice } from './classify.js';
import { observationsFromRecord } from './extract-evidence.js';
import { loadKnowledgeBase } from './knowledge/load-kb.js';
import { LAB_ROLE_SOURCE } from './traffic-role-lab.js';
import type { DeviceProfile, Evidence } from './types.js';

const kb = loadKnowledgeBase();
const asOf = new Date('2026-03-02T08:00:00Z');
const [GX, XN, LIS, MW, EHR] = ['10.30.1.5', '10.30.1.6', '10.30.1.10', '10.30.1.20', '10.20.10.30'];

const header = (src: string, dst: string, sender = 'XN-350'): ProtocolRecord => ({
  ts: '2026-03-02T08:00:15Z', proto: 'astm', kind: 'header', src, sport: 40000, dst, dport: 5001, sender, senderName: sender,
});
const oru = (src: string, dst: string): ProtocolRecord => ({
  ts: '2026-03-02T08:00:16Z', proto: 'hl7', kind: 'message', src, sport: 40001, dst, dport: 2575, messageType: 'ORU^R01',
  sendingApplication: 'MW', receivingApplication: 'LIS', segments: ['MSH', 'PID', 'OBR', 'OBX'], observationCodingSystems: ['LN'], mdcTerms: [], deviceIds: [],
});

function hostFrom(ip: string, records: readonly ProtocolRecord[]): DeviceProfile {
  const ev: Evidence[] = records.flatMap((r) => observationsFromRecord(r, kb)).filter((o) => o.key.ip === ip).map((o) => o.evidence);
  return classifyDevice(ev, kb, { asOf });
}

describe('laboratory information system: receives ASTM results and passes none on', () => {
  it('fires for the receiver of one or several instruments', () => {
    const p = hostFrom(LIS, [header(GX, LIS, 'GeneXpert'), header(XN, LIS)]);
    expect(p).toMatchObject({ type: 'laboratory information system', category: 'clinical-system' });
    expect(p.evidence.find((e) => e.source === LAB_ROLE_SOURCE)?.detail).toMatch(/^receives ASTM E1394 results from 2 instruments \(10\.30\.1\.5, 10\.30\.1\.6\)/);
    expect(hostFrom(LIS, [header(GX, LIS)]).type).toBe('laboratory information system');
  });

  it('must not fire: middleware that sends the results on (HL7 ORU or ASTM), nor the instrument that sends them', () => {
    expect(hostFrom(MW, [header(GX, MW), oru(MW, LIS)]).type).not.toBe('laboratory information system');
    expect(hostFrom(MW, [header(GX, MW), header(MW, LIS)]).type).not.toBe('laboratory information system');
    expect(hostFrom(GX, [header(GX, LIS)]).type).not.toBe('laboratory information system');
    expect(hostFrom(EHR, [oru(MW, EHR)]).type).toBeNull();
  });
});
