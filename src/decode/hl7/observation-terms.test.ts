/** OBX-3 coding systems and 11073 (MDC) term names: kept for identification, never a value or a lab test code. */
import { describe, expect, it } from 'vitest';
import { decodeHl7 } from './index.js';

const mllp = (text: string): Uint8Array => Uint8Array.from([0x0b, ...new TextEncoder().encode(text), 0x1c, 0x0d]);
const rec = (text: string): Record<string, unknown> => {
  const r = decodeHl7(mllp(text)).records[0];
  if (r === undefined) throw new Error('no record');
  return r;
};

describe('hl7 OBX-3 observation identifiers', () => {
  it('keeps MDC term names and coding systems of a device ORU, not values or units', () => {
    const r = rec('MSH|^~\\&|GW^00A03700273EDE18^EUI-64|F|||1||ORU^R01|1|P|2.6\rPID|||1\rOBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.3.1.150456|97|262688^MDC_DIM_PERCENT^MDC\rOBX|2|NM|108^MNDRY_ECG_PAUSE_RATE^99MNDRY||0\r');
    expect(r.observationCodingSystems).toEqual(['MDC', '99MNDRY']);
    expect(r.mdcTerms).toEqual(['MDC_PULS_OXIM_SAT_O2']);
    expect(JSON.stringify(r)).not.toMatch(/MDC_DIM|"97"|MNDRY_ECG/);
  });

  it('keeps the LOINC coding system of a lab result but not the test code or name', () => {
    const r = rec('MSH|^~\\&|ANALYZER|LAB|LIS|LAB|1||OUL^R22|1|P|2.5.1\rPID|||1\rSPM|1|S1\rOBX|1|NM|2345-7^Glucose^LN||5.4|mmol/L\r');
    expect(r.observationCodingSystems).toEqual(['LN']);
    expect(r.mdcTerms).toEqual([]);
    expect(JSON.stringify(r)).not.toMatch(/2345-7|Glucose|5\.4/);
  });

  it('must not keep: malformed coding systems, non-MDC text, more than the cap', () => {
    expect(rec('MSH|^~\\&|A|B|||1||ORU^R01|1|P|2.5\rOBX|1|ST|x^MDC_FAKE^has space\r').observationCodingSystems).toEqual([]);
    expect(rec('MSH|^~\\&|A|B|||1||ORU^R01|1|P|2.5\rOBX|1|ST|1^not a term^MDC\r').mdcTerms).toEqual([]);
    const many = Array.from({ length: 40 }, (_, i) => `OBX|${String(i)}|NM|${String(i)}^MDC_T${String(i)}^MDC||1`).join('\r');
    expect((rec(`MSH|^~\\&|A|B|||1||ORU^R01|1|P|2.6\r${many}\r`).mdcTerms as string[]).length).toBe(16);
  });
});
