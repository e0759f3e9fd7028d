/** ASTM PHI fields: which P and R fields were present, by name, on hand-made records and on the real-peer capture. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import type { DecodeContext } from '../types.js';
import { astmDecoder, createAstmState, decodeAstm } from './index.js';
import { fieldHasValue } from './phi-fields.js';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const latin = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const ctx = (): DecodeContext => ({ tsMs: 0, direction: 'out', src: 'a', sport: 1, dst: 'b', dport: 2, state: createAstmState() });
const decode = (s: string): ReturnType<typeof decodeAstm>['records'] => decodeAstm(latin(s), ctx()).records;

/** Synthetic patient values of the hand-made messages below. */
const SYNTHETIC = ['PAT-0042', 'LAB-77', 'Testperson', 'Ann', '19600101', 'Maintown', '555-0100', 'WARD-9', '6.2'];

describe('astm phiFields', () => {
  it('names the identifying P fields present and R-4 of a named patient, never a value', () => {
    const [r] = decode('H|\\^&|||c311^1\rP|1|PAT-0042|LAB-77||Testperson^Ann||19600101|F||Maintown||555-0100|||||||||||||WARD-9\rO|1|S1\rR|1|^^^GLU|6.2|mmol/L\rL|1|N\r');
    expect(r?.phiFields).toEqual(['P-3', 'P-4', 'P-6', 'P-8', 'P-11', 'P-13', 'P-26', 'R-4']);
    expect(r?.patientDataPresent).toBe(true);
    const json = JSON.stringify(r);
    for (const v of SYNTHETIC) expect(json).not.toContain(v);
  });

  it('reports nothing for an anonymous P record (sequence only, empty components, sex only) and its results', () => {
    expect(decode('H|\\^&|||c311^1\rP|1\rO|1|S1\rR|1|^^^GLU|6.2|mmol/L\rL|1|N\r')[0]?.phiFields).toEqual([]);
    expect(decode('H|\\^&|||c311^1\rP|1||||^^^^|||F\rR|1|^^^GLU|6.2\rL|1|N\r')[0]).toMatchObject({ phiFields: [], patientDataPresent: true });
    // QC and calibration results without any P record are no patient data.
    expect(decode('H|\\^&|||c311^1\rQ|1|^ALL\rR|1|^^^GLU|6.2\rL|1|N\r')[0]?.phiFields).toEqual([]);
  });

  it('a result belongs to the patient of the P record before it, not to an earlier one', () => {
    const [r] = decode('H|\\^&\rP|1|PAT-0042\rR|1|^^^GLU|\rP|2\rR|1|^^^GLU|6.2\rL|1\r');
    expect(r?.phiFields).toEqual(['P-3']);
  });

  it('reads fields with the delimiters the H record declares', () => {
    const [r] = decode('H!~#$!!!c311#1\rP!1!!!!Testperson#Ann\rL!1\r');
    expect(r?.phiFields).toEqual(['P-6']);
    expect(fieldHasValue('~#$ ', '!~#$')).toBe(false);
    expect(fieldHasValue('', '|\\^&')).toBe(false);
  });

  it('bad input: a P record without a header, a truncated P record, control noise', () => {
    expect(decode('P|1|PAT-0042\r')).toEqual([]);
    expect(decode('H|\\^&\rP|1|PAT-00')).toEqual([]);
    const r = decodeAstm(latin('H|\\^&\rP\rP|\rR\rR|\rL|1\r'), ctx());
    expect(r.records[0]?.phiFields).toEqual([]);
  });
});

describe('astm phiFields on the real-peer capture (fixtures/astm.pcap: corpus analyzer output, astm_peer.py)', () => {
  it('names the P fields of the analyzers that send patient records and nothing for the rest', async () => {
    const { records } = await recordsOf(here('./fixtures/astm.pcap'), [astmDecoder]);
    const got = records.map((r) => `${JSON.stringify(r.senderName).replace(/"/g, "")}: ${(r.phiFields as string[]).join(',')}`);
    expect(got).toEqual([
      'Afinion 2 Analyzer: P-4,R-4', 'SENAITE: ', 'c311: ', 'DCA VANTAGE: P-3,R-4', '.806149 Happy Hospital: ', 'ABX: P-6,P-8,R-4',
      'XN-550: P-5,P-6,P-8,P-26,R-4', 'XP-100: ', 'c311: ', 'XN-550: P-5,P-6,P-8,P-26,R-4',
    ]);
    // The patient values those P records carry on the wire.
    const json = JSON.stringify(records);
    for (const v of ['Mohale', 'Rita', '19771201', 'BU24R554', '37182', '3643', 'WEST']) expect(json).not.toContain(v);
  });
});
