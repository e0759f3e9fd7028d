/** Cleartext PHI from laboratory protocols: ASTM E1394 and POCT1-A records with PHI fields, on both ends; none without. */
import { describe, expect, it } from 'vitest';
import type { ProtocolRecord } from '../../decode/types.js';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import type { Hit } from './hit.js';
import { phiHits } from './phi.js';
import { recordHits } from './record-hits.js';
import { asWireRecord } from '../../decode/records.js';

const T = '2024-03-04T08:00:00.000Z';
const fixture = (p: string): string => new URL(`../../decode/${p}`, import.meta.url).pathname;

function rec(over: Partial<ProtocolRecord>): ProtocolRecord {
  return { ts: T, proto: 'astm', kind: 'header', src: '10.20.50.7', sport: 49152, dst: '10.20.10.3', dport: 5000, srcMac: '00:11:22:33:44:55', dstMac: null, ...over };
}

/** Through recordHits, the one entry the findings collector calls: a protocol it does not route is never seen. */
const hitsOf = (r: ProtocolRecord): Hit[] => {
  const out: Hit[] = [];
  recordHits(asWireRecord(r), out);
  return out;
};

describe('cleartext PHI in ASTM and POCT1-A', () => {
  it('an ASTM message naming a patient: sent by the analyzer, received by the LIS, fields named', () => {
    const hs = hitsOf(rec({ phiFields: ['P-6', 'P-8', 'R-4'], patientDataPresent: true }));
    expect(hs.map((h) => `${h.ip} ${h.kind} ${h.key} ${h.severity}`)).toEqual(['10.20.50.7 cleartext-phi astm:sent high', '10.20.10.3 cleartext-phi astm:received high']);
    expect(hs[0]).toMatchObject({ mac: '00:11:22:33:44:55', peer: '10.20.10.3', title: 'Sends patient data in clear (ASTM)', facts: { service: 'astm/5000' } });
    expect(hs[0]?.evidence).toBe('ASTM message from 10.20.50.7 to 10.20.10.3:5000 carried P-6, P-8, R-4 without TLS');
  });

  it('a POCT1-A observation with a patient id: both ends', () => {
    const hs = hitsOf(rec({ proto: 'poct1a', kind: 'message', messageType: 'OBS.R01', phiFields: ['PT.patient_id', 'OBS.value'], dport: 15300 }));
    expect(hs.map((h) => `${h.ip} ${h.key}`)).toEqual(['10.20.50.7 poct1a:sent', '10.20.10.3 poct1a:received']);
    expect(hs[1]?.title).toBe('Receives patient data in clear (POCT1-A)');
    expect(hs[0]?.evidence).toMatch(/POCT1-A OBS\.R01 .* carried PT\.patient_id, OBS\.value without TLS/);
  });

  // A record without its phiFields list, or with a string there, no longer type-checks (src/decode/records.ts).
  it('no finding without PHI fields: QC results, an anonymous P record, hello and status messages', () => {
    expect(hitsOf(rec({ phiFields: [], patientDataPresent: true }))).toEqual([]);
    expect(hitsOf(rec({ proto: 'poct1a', kind: 'hello', phiFields: [] }))).toEqual([]);
    expect(hitsOf(rec({ proto: 'poct1a', kind: 'device-status', patientDataPresent: true, phiFields: [] }))).toEqual([]);
  });

  it('real-peer captures: the ASTM messages with patient records and the POCT1-A OBS.R01 raise, nothing else; no value leaks', async () => {
    const astm = await recordsOf(fixture('astm/fixtures/astm.pcap'));
    const poct = await recordsOf(fixture('poct1a/fixtures/poct1a.pcap'));
    const out: Hit[] = [];
    for (const r of [...astm.records, ...poct.records]) phiHits(asWireRecord(r), out);
    expect(out.filter((h) => h.key === 'astm:sent')).toHaveLength(5); // Afinion 2, DCA Vantage, Pentra (ABX), XN-550 framed and bare
    expect(out.filter((h) => h.key === 'astm:received')).toHaveLength(5);
    expect(out.filter((h) => h.key.startsWith('poct1a:')).map((h) => h.key)).toEqual(['poct1a:sent', 'poct1a:received']);
    expect(out.some((h) => /P-6, P-8/.test(h.evidence))).toBe(true);
    const json = JSON.stringify(out);
    for (const v of ['Mohale', 'Rita', '19771201', 'BU24R554', 'PT222-55-7777', 'Cambridge Hosp', 'OP777-88-9999']) expect(json).not.toContain(v);
  });
});
