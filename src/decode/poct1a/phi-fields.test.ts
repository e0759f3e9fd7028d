/** POCT1-A PHI fields: which PT elements held a value, by name, on hand-made messages and on the real-peer capture vs tshark. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { decodeAs, tsharkFields } from '../../test-support/tshark.js';
import type { DecodeContext } from '../types.js';
import { createPoct1aState, decodePoct1a, poct1aDecoder } from './index.js';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const enc = new TextEncoder();
const ctx = (): DecodeContext => ({ tsMs: 0, direction: 'out', src: 'a', sport: 1, dst: 'b', dport: 2, state: createPoct1aState() });
const obs = (pt: string): string =>
  `<OBS.R01><HDR><HDR.message_type V="OBS.R01"/><HDR.control_id V="1"/></HDR><SVC><SVC.role_cd V="OBS"/>${pt}</SVC></OBS.R01>`;
const decode = (xml: string): ReturnType<typeof decodePoct1a>['records'][number] | undefined => decodePoct1a(enc.encode(xml), ctx()).records[0];

describe('poct1a phiFields', () => {
  it('names the PT elements that held a value and OBS.value of an identified patient, never a value', () => {
    const r = decode(obs('<PT><PT.patient_id V="PAT-0042"/><PT.name>Testperson^Ann</PT.name><PT.birth_date V="1960-01-01"/><PT.gender_cd V="F"/><OBS><OBS.value V="6.2" U="mmol/L"/></OBS></PT><OPR><OPR.operator_id V="OPR-9"/></OPR>'));
    expect(r).toMatchObject({ patientDataPresent: true, phiFields: ['PT.patient_id', 'PT.name', 'PT.birth_date', 'OBS.value'] });
    const json = JSON.stringify(r);
    for (const v of ['PAT-0042', 'Testperson', '1960-01-01', '6.2', 'OPR-9']) expect(json).not.toContain(v);
  });

  it('reports nothing for empty PT elements, a PT with only its sex, QC observations, hello and status messages', () => {
    expect(decode(obs('<PT><PT.patient_id V=""/><PT.name/><PT.location> </PT.location><OBS><OBS.value V="6.2"/></OBS></PT>'))?.phiFields).toEqual([]);
    expect(decode(obs('<PT><PT.gender_cd V="F"/><OBS><OBS.value V="6.2"/></OBS></PT>'))).toMatchObject({ patientDataPresent: true, phiFields: [] });
    expect(decode(obs('<OBS><OBS.value V="6.2"/></OBS>'))?.phiFields).toEqual([]);
    expect(decode('<HEL.R01><HDR><HDR.message_type V="HEL.R01"/></HDR><DEV><DEV.vendor_id V="X"/></DEV></HEL.R01>')?.phiFields).toEqual([]);
  });

  it('bad input: a truncated PT element, an odd element name, no closing tags', () => {
    expect(decode(obs('<PT><PT.patient_id V="PAT-0042"'))?.phiFields).toEqual(['PT.patient_id']);
    expect(decode(obs('<PT><PT.x"y V="1"/></PT>'))?.phiFields).toEqual([]);
    expect(decode('<OBS.R01><PT.patient_id V="PAT-0042">')?.phiFields).toEqual(['PT.patient_id']);
  });
});

describe('poct1a phiFields on the real-peer capture (fixtures/poct1a.pcap: corpus StatStrip messages, poct1a_peer.py)', () => {
  it('agree with the PT elements tshark\'s xml dissector shows with a value', async () => {
    const file = here('./fixtures/poct1a.pcap');
    const { records } = await recordsOf(file, [poct1aDecoder]);
    const withPhi = records.filter((r) => (r.phiFields as string[]).length > 0);
    expect(withPhi.map((r) => `${JSON.stringify(r.messageType).replace(/"/g, "")} ${(r.phiFields as string[]).join(',')}`)).toEqual(['OBS.R01 PT.patient_id,PT.location,OBS.value']);
    const tags = tsharkFields(file, ['xml.tag'], { decodeAs: decodeAs([15300], 'xml'), aggregator: '/s' }).join('\n');
    const tshark = [...new Set([...tags.matchAll(/<(PT\.[A-Za-z_]+) V="[^"]+"/g)].map((m) => m[1] ?? ''))];
    expect(((withPhi[0]?.phiFields ?? []) as string[]).filter((f) => f.startsWith('PT.'))).toEqual(tshark);
    const json = JSON.stringify(records.map((r) => ({ ...r, ts: undefined, sport: undefined, dport: undefined })));
    for (const v of ['PT222-55-7777', 'Cambridge Hosp', 'ICU-4', 'OP777-88-9999']) expect(json).not.toContain(v);
  });
});
