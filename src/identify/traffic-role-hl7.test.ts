/** Roles from HL7 results (traffic-role-hl7.ts): laboratory analyzer, monitor and pump gateways, and what they are not. */
import { describe, expect, it } from 'vitest';
import type { ProtocolRecord } from '../decode/types.js';
import { classifyDevice } from './classify.js';
import { observationsFromRecord } from './extract-evidence.js';
import { loadKnowledgeBase } from './knowledge/load-kb.js';
import { HL7_RESULT_ROLE_SOURCE } from './traffic-role-hl7.js';
import type { DeviceProfile, Evidence } from './types.js';

const kb = loadKnowledgeBase();
const asOf = new Date('2026-03-02T08:00:00Z');
const [ANALYZER, LIS, ENGINE, EHR, GW, HIS] = ['10.30.1.5', '10.30.1.10', '10.20.10.11', '10.20.10.30', '10.20.30.5', '10.20.10.40'];
const GW_EUI = '00A03700273EDE18';
const [MON_A, MON_B, PUMP_A, PUMP_B] = ['000F14049B507238', '000F14049B507239', '001A010000000001', '001A010000000002'];

interface Msg { type: string; app?: string; systems?: string[]; segments?: string[]; terms?: string[]; devices?: string[] }
function msg(src: string, dst: string, m: Msg): ProtocolRecord {
  return {
    ts: '2026-03-02T08:00:15Z', proto: 'hl7', kind: 'message', src, sport: 40000, dst, dport: 2575, messageType: m.type,
    sendingApplication: m.app ?? 'APP', receivingApplication: 'PEER', segments: m.segments ?? ['MSH', 'PID', 'OBR', 'OBX'],
    observationCodingSystems: m.systems ?? [], mdcTerms: m.terms ?? [], deviceIds: (m.devices ?? []).map((d) => `${d}^DEV^${d}^EUI-64`),
  };
}
const ack = (src: string, dst: string): ProtocolRecord => msg(src, dst, { type: 'ACK^R01', segments: ['MSH', 'MSA'] });

function hostFrom(ip: string, records: readonly ProtocolRecord[]): DeviceProfile {
  const ev: Evidence[] = records.flatMap((r) => observationsFromRecord(r, kb)).filter((o) => o.key.ip === ip).map((o) => o.evidence);
  return classifyDevice(ev, kb, { asOf });
}
const labOul: Msg = { type: 'OUL^R22', app: 'COBAS', systems: ['LN'], segments: ['MSH', 'PID', 'SPM', 'OBR', 'OBX'] };
const vitals = (devices: string[]): Msg => ({ type: 'ORU^R01', app: `DOR^${GW_EUI}^EUI-64`, systems: ['MDC', '99MNDRY'], terms: ['MDC_PULS_OXIM_SAT_O2', 'MDC_ECG_HEART_RATE'], devices });
const infusions = (devices: string[]): Msg => ({ type: 'ORU^R01', app: `PUMPSRV^${GW_EUI}^EUI-64`, systems: ['MDC'], terms: ['MDC_DEV_PUMP_INFUS_MDS', 'MDC_FLOW_FLUID_PUMP'], devices });

describe('laboratory analyzer: sends lab-coded results and receives none', () => {
  it('fires on OUL^R22 with LOINC and a specimen, and on ORU^R01 coded in LOINC', () => {
    const p = hostFrom(ANALYZER, [msg(ANALYZER, LIS, labOul), ack(LIS, ANALYZER)]);
    expect(p).toMatchObject({ type: 'laboratory analyzer', category: 'laboratory' });
    expect(p.evidence.find((e) => e.source === HL7_RESULT_ROLE_SOURCE)?.detail).toMatch(/^sends laboratory results .* to 10\.30\.1\.10 and receives none/);
    expect(hostFrom(ANALYZER, [msg(ANALYZER, LIS, { type: 'ORU^R01', systems: ['LN'] })])).toMatchObject({ type: 'laboratory analyzer' });
  });

  it('must not fire: an interface engine or LIS that relays lab results, nor the LIS that receives them', () => {
    const records = [msg(ANALYZER, ENGINE, labOul), ack(ENGINE, ANALYZER), msg(ENGINE, EHR, { ...labOul, app: 'ENGINE' }), ack(EHR, ENGINE)];
    const engine = hostFrom(ENGINE, records);
    expect(engine.type).toBe('HL7 interface engine');
    expect(engine.category).not.toBe('laboratory');
    expect(hostFrom(EHR, records).type).toBeNull();
    expect(hostFrom(ANALYZER, records).type).toBe('laboratory analyzer');
  });

  it('must not fire: results in local codes only, 11073 device data, or a message without observations', () => {
    expect(hostFrom(ANALYZER, [msg(ANALYZER, LIS, { type: 'ORU^R01', systems: ['L', '99LAB'] })]).type).toBeNull();
    expect(hostFrom(GW, [msg(GW, ENGINE, { ...vitals([]), systems: ['MDC', 'LN'] })]).type).toBeNull();
    expect(hostFrom(ANALYZER, [msg(ANALYZER, LIS, { type: 'ADT^A01', systems: ['LN'] })]).type).toBeNull();
  });
});

describe('monitor and pump gateways: results naming several other devices', () => {
  it('fires: a patient monitor gateway relays two monitors, a pump server two pumps', () => {
    const g = hostFrom(GW, [msg(GW, ENGINE, vitals([MON_A])), msg(GW, ENGINE, vitals([MON_B])), ack(ENGINE, GW)]);
    expect(g).toMatchObject({ type: 'patient monitor gateway', category: 'patient-monitoring' });
    expect(g.evidence.find((e) => e.source === HL7_RESULT_ROLE_SOURCE)?.detail).toMatch(/naming 2 other devices \(000F14049B507238, 000F14049B507239\)/);
    expect(hostFrom(GW, [msg(GW, ENGINE, infusions([PUMP_A, PUMP_B]))])).toMatchObject({ type: 'infusion pump gateway', category: 'infusion' });
  });

  it('a gateway that also takes ADT from the HIS is a gateway, not an interface engine', () => {
    const g = hostFrom(GW, [msg(HIS, GW, { type: 'ADT^A01' }), msg(GW, ENGINE, vitals([MON_A, MON_B]))]);
    expect(g.type).toBe('patient monitor gateway');
  });

  it('must not fire: one other device only, pump and monitor terms mixed, no terms', () => {
    expect(hostFrom(GW, [msg(GW, ENGINE, vitals([GW_EUI]))]).type).not.toBe('patient monitor gateway');
    expect(hostFrom(GW, [msg(GW, ENGINE, vitals([MON_A]))]).type).toBeNull();
    expect(hostFrom(GW, [msg(GW, ENGINE, vitals([MON_A])), msg(GW, ENGINE, infusions([PUMP_A]))]).type).toBeNull();
    expect(hostFrom(GW, [msg(GW, ENGINE, { ...vitals([MON_A, MON_B]), terms: [] })]).type).toBeNull();
  });

  it('must not fire: an engine forwarding a gateway\'s results (it receives results)', () => {
    const records = [msg(GW, ENGINE, vitals([MON_A, MON_B])), msg(ENGINE, EHR, { ...vitals([MON_A, MON_B]), app: 'ENGINE' })];
    expect(hostFrom(ENGINE, records).type).toBe('HL7 interface engine');
    expect(hostFrom(GW, records).type).toBe('patient monitor gateway');
  });

  it('the halves never vote, and classifying the stored profile again gives the same profile', () => {
    const records = [msg(GW, ENGINE, vitals([MON_A])), msg(GW, ENGINE, vitals([MON_B]))];
    const p = hostFrom(GW, records);
    expect({ ...classifyDevice(p.evidence, kb, { asOf }), evidence: [] }).toEqual({ ...p, evidence: [] });
    expect(hostFrom(ENGINE, records).type).toBeNull();
  });

  it('bad records give nothing and never throw', () => {
    expect(hostFrom(GW, [{ ...msg(GW, ENGINE, vitals([MON_A, MON_B])), deviceIds: 'x', mdcTerms: null, messageType: 42 }]).type).toBeNull();
  });
});

describe('a device reporting its own 11073 observations (IHE PCD-01 reporter = the device)', () => {
  const MON = '10.40.3.21';
  it('fires: vital signs naming no other device (or only itself) make a patient monitor; pump terms an infusion pump', () => {
    const own = { ...vitals([]), app: 'NC_Monitor', systems: ['MDC', '99VENDOR'] };
    const p = hostFrom(MON, [msg(MON, ENGINE, own), ack(ENGINE, MON)]);
    expect(p).toMatchObject({ type: 'patient monitor', category: 'patient-monitoring' });
    expect(p.evidence.find((e) => e.source === HL7_RESULT_ROLE_SOURCE)?.detail).toMatch(/^sends its own ISO\/IEEE 11073 observations \(patient-monitoring terms/);
    expect(hostFrom(GW, [msg(GW, ENGINE, vitals([GW_EUI]))]).type).toBe('patient monitor');
    expect(hostFrom(MON, [msg(MON, ENGINE, { ...infusions([]), app: 'PUMP' })])).toMatchObject({ type: 'infusion pump', category: 'infusion' });
  });

  it('must not fire: a central station or engine that also receives results, mixed terms, LOINC beside MDC, one other device', () => {
    expect(hostFrom(ENGINE, [msg(MON, ENGINE, vitals([])), msg(ENGINE, EHR, { ...vitals([]), app: 'ENGINE' })]).type).not.toBe('patient monitor');
    expect(hostFrom(MON, [msg(MON, ENGINE, vitals([])), msg(MON, ENGINE, infusions([]))]).type).toBeNull();
    expect(hostFrom(MON, [msg(MON, ENGINE, { ...vitals([]), systems: ['MDC', 'LN'] })]).type).toBeNull();
    expect(hostFrom(MON, [msg(MON, ENGINE, vitals([MON_A]))]).type).toBeNull();
    expect(hostFrom(MON, [msg(HIS, MON, { type: 'ORU^R01', systems: ['LN'] }), msg(MON, ENGINE, vitals([]))]).type).not.toBe('patient monitor');
  });
});
