/** HL7 v2 / MLLP decoder: unit tests, the shared conformance suite, and the real-peer capture end to end. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { runDecoderConformance, type ConformanceFixture } from '../test-support/conformance.js';
import type { DecodeContext } from '../types.js';
import { decodeHl7, hl7Decoder } from './index.js';
import { frameHl7, MAX_HL7_PDU } from './mllp-frame.js';
import { corpusPath } from '../../test-support/test-data.js';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const corpusDir = corpusPath('hl7/');
const messagesDir = here('./fixtures/messages/');
const enc = new TextEncoder();
const mllp = (text: string | Uint8Array): Uint8Array => {
  const body = typeof text === 'string' ? enc.encode(text) : text;
  return Uint8Array.from([0x0b, ...body, 0x1c, 0x0d]);
};
const ctx: DecodeContext = { tsMs: 0, direction: 'out', src: 'a', sport: 1, dst: 'b', dport: 2575, state: undefined };
const one = (bytes: Uint8Array) => {
  const r = decodeHl7(bytes);
  expect(r.records).toHaveLength(1);
  const rec = r.records[0];
  if (rec === undefined) throw new Error('no record');
  return rec;
};

/** Synthetic patient values written into the fixtures: none may reach a record. */
export const SYNTHETIC_PHI = ['MRN0001', 'SYNTHETIC', '19700101', 'TESTTOWN', '000-00-0000', 'ACCT0001', 'NEXTOFKIN',
  'BED01', 'VISIT0001', '97.531', '61.234', '72.345', '88.765',
  // corpus messages: the nDPI ADT's demo patient, the device messages' patient fields and observation values
  'MOUSE', 'MICKEY', '135769', '19281118', 'Main St', '939-5555', 'notdisney', 'Penicillin', 'JOHN SMITH', 'MDC_DIM']

const fixtureFiles = readdirSync(messagesDir).filter((f) => f.endsWith('.hl7'));
const corpusFiles = readdirSync(corpusDir).filter((f) => f.endsWith('.hl7'));
const fixtures: ConformanceFixture[] = [
  ...fixtureFiles.map((f) => ({ name: f, bytes: mllp(readFileSync(messagesDir + f)) })),
  ...corpusFiles.map((f) => ({ name: `corpus ${f}`, bytes: mllp(readFileSync(corpusDir + f)) })),
];
runDecoderConformance(hl7Decoder, fixtures);

describe('hl7 message fields', () => {
  it('reads MSH, PHI field names and nothing of their values from an ADT^A01', () => {
    const r = one(mllp(readFileSync(messagesDir + 'adt-a01.hl7')));
    expect(r).toMatchObject({
      kind: 'message', sendingApplication: 'WW_ADT^1.2.3.4.5^ISO', sendingFacility: 'WW_HOSP', receivingApplication: 'WW_LAB',
      receivingFacility: 'WW_HOSP', messageType: 'ADT^A01', controlId: 'ADT0001', version: '2.5', framing: 'mllp',
      segments: ['MSH', 'EVN', 'PID', 'NK1', 'PV1'],
    });
    expect(r.phiFields).toEqual(['PID-3', 'PID-5', 'PID-7', 'PID-11', 'PID-13', 'PID-18', 'PID-19', 'NK1-2', 'PV1-3', 'PV1-19']);
    const json = JSON.stringify(r);
    for (const v of SYNTHETIC_PHI) expect(json).not.toContain(v);
  });

  it('keeps OBX-18 and PRT-10/16 equipment identifiers of a gateway ORU^R01 and flags OBX-5 as PHI', () => {
    const r = one(mllp(readFileSync(messagesDir + 'oru-r01-gateway.hl7')));
    expect(r.messageType).toBe('ORU^R01');
    expect(r.deviceIds).toEqual(['0012340000000A01^MONITOR_A^0012340000000A01^EUI-64', '(01)00812345678906(21)SN12345']);
    expect(r.phiFields).toContain('OBX-5');
  });

  it('honours custom encoding characters from MSH-1/MSH-2', () => {
    const r = one(mllp(readFileSync(messagesDir + 'adt-a08-custom-enc.hl7')));
    expect(r).toMatchObject({ sendingApplication: 'WW_CUSTOM^9.8.7.6^ISO', messageType: 'ADT^A08', controlId: 'CUS0001', encodingCharacters: '#*~!&' });
    expect(r.phiFields).toEqual(['PID-3', 'PID-5', 'PID-7']);
  });

  it('accepts LF and CRLF segment separators and a missing final CR', () => {
    expect(one(mllp(readFileSync(messagesDir + 'oru-r01-lf.hl7'))).segments).toEqual(['MSH', 'PID', 'OBX']);
    expect(one(mllp(readFileSync(messagesDir + 'adt-a04-crlf.hl7'))).segments).toEqual(['MSH', 'PID']);
    expect(one(mllp('MSH|^~\\&|A|B|C|D|1||ACK^A01|X1|P|2.5\rMSA|AE|Q9')).ackCode).toBe('AE');
  });

  it('reads MSA of an ACK; ignores the structure component of MSH-9', () => {
    const r = one(mllp('MSH|^~\\&|A|B|C|D|1||ACK^R01^ACK|X1|P|2.5.1^^\rMSA|AA|GW0001\r'));
    expect(r).toMatchObject({ messageType: 'ACK^R01', ackCode: 'AA', ackControlId: 'GW0001', version: '2.5.1' });
  });

  it('does not call OBX-5 PHI in a device-only message, and ignores the HL7 null ""', () => {
    const r = one(mllp('MSH|^~\\&|PUMP|F|||1||ORU^R01|1|P|2.6\rOBX|1|ST|67880^MDC_ATTR_ID_MODEL^MDC||x\r'));
    expect(r.phiFields).toEqual([]);
    expect(one(mllp('MSH|^~\\&|A|F|||1||ADT^A08|1|P|2.6\rPID|||""||^^\r')).phiFields).toEqual([]);
  });

  it('decodes every message of a batch (FHS/BHS … MSH … MSH … BTS/FTS) and bare HL7 without MLLP', () => {
    const batch = decodeHl7(mllp('FHS|^~\\&\rBHS|^~\\&\rMSH|^~\\&|A||||1||ADT^A01|M1|P|2.5\rPID|||1\rMSH|^~\\&|A||||1||ADT^A01|M2|P|2.5\rBTS|2\rFTS|1\r'));
    expect(batch.records.map((r) => [r.controlId, r.segments.join()])).toEqual([['M1', 'MSH,PID'], ['M2', 'MSH,BTS,FTS']]);
    const two = decodeHl7(mllp('MSH|^~\\&|A||||1||ADT^A01|M1|P|2.5\rPID|||1\rMSH|^~\\&|A||||1||ADT^A01|M2|P|2.5\r'));
    expect(two.records.map((r) => r.controlId)).toEqual(['M1', 'M2']);
    expect(one(enc.encode('MSH|^~\\&|A||||1||ADT^A01|B1|P|2.5\r')).framing).toBe('none');
  });

  it('caps strings and strips control characters', () => {
    const r = one(mllp(`MSH|^~\\&|${'A'.repeat(5000)}|F\u0007X||||1||ADT^A01|1|P|2.5`));
    expect(r.sendingApplication).toHaveLength(256);
    expect(r.sendingFacility).toBe('FX');
  });

  it('reports noise as an issue, never throws', () => {
    expect(decodeHl7(mllp('hello')).issues[0]?.code).toBe('hl7-no-msh');
    expect(hl7Decoder.decode(new Uint8Array([0x0d]), ctx).records).toEqual([]);
  });
});

describe('hl7 probe and MLLP framing', () => {
  it('probes VT+MSH as yes, bare MSH| as maybe, other bytes as no', () => {
    expect(hl7Decoder.probe(mllp('MSH|^~\\&|'), 'out')).toBe('yes');
    expect(hl7Decoder.probe(enc.encode('MSH|^~\\&|'), 'out')).toBe('maybe');
    expect(hl7Decoder.probe(new Uint8Array([0x0b]), 'out')).toBe('maybe');
    expect(hl7Decoder.probe(enc.encode('GET / HTTP/1.1'), 'out')).toBe('no');
  });

  it('frames whole blocks, waits for a split block, tolerates FS without CR and skips noise', () => {
    const block = mllp('MSH|^~\\&|A||||1||ADT^A01|M1|P|2.5');
    expect(frameHl7(block)).toEqual({ pduLength: block.length });
    expect(frameHl7(block.subarray(0, 10))).toEqual({ need: 11 });
    const noCr = block.subarray(0, block.length - 1);
    expect(frameHl7(Uint8Array.from([...noCr, 0x0b]))).toEqual({ pduLength: noCr.length });
    expect(frameHl7(Uint8Array.from([0x0d, 0x0a, 0x0b, 0x4d]))).toEqual({ pduLength: 2 });
    const big = new Uint8Array(MAX_HL7_PDU + 10).fill(0x41);
    big[0] = 0x0b;
    expect(frameHl7(big)).toEqual({ pduLength: MAX_HL7_PDU });
  });

  it('frames bare HL7 at the next MSH line, or at a buffer that ends on a segment terminator', () => {
    const two = enc.encode('MSH|^~\\&|A||||1||ADT^A01|M1|P|2.5\rPID|1\rMSH|^~\\&|A||||1||ADT^A01|M2|P|2.5\r');
    expect(frameHl7(two)).toEqual({ pduLength: 40 });
    expect(frameHl7(two.subarray(40))).toEqual({ pduLength: two.length - 40 });
    expect(frameHl7(two.subarray(0, 20))).toEqual({ need: 21 });
  });
});

describe('hl7 records of the real-peer capture (fixtures/hl7-mllp.pcap, made by make-fixtures.sh)', () => {
  it('gives one record per message on every connection, split segments included, and no PHI', async () => {
    const { records, issues } = await recordsOf(here('./fixtures/hl7-mllp.pcap'), [hl7Decoder]);
    expect(issues).toEqual([]);
    const ids = records.filter((r) => r.messageType !== 'ACK').map((r) => r.controlId);
    expect(ids).toEqual(['ADT0001', 'GW0001', 'CUS0001', 'LF0001', 'CRLF0001', 'LOOSE0001', 'LOOSE0002', 'GW0001',
      '202506100151270003', '23545', '1', '934576120110613083617', '1421727433']);
    // every message was ACKed by the listener, whose ACKs crossed two TCP segments each
    expect(records.filter((r) => r.messageType === 'ACK' && r.sport === 2575 && r.ackCode === 'AA')).toHaveLength(14);
    const json = JSON.stringify(records);
    for (const v of SYNTHETIC_PHI) expect(json).not.toContain(v);
  });
});
