/** DICOM UL decoder: conformance suite, one test per PDU kind, framing, and whole fixtures replayed (PS3.8 §9.3). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runDecoderConformance, type ConformanceFixture } from '../test-support/conformance.js';
import type { DecodeContext, Direction, RecordBody } from '../types.js';
import { dicomDecoder } from './index.js';
import { directionBytes, pcapSegments, splitPdus } from './test-support/pcap-segments.js';
import { replay } from './test-support/replay.js';
import { createDicomState, PDATA_WINDOW_BYTES, type DicomState } from './types.js';
import { corpusPath } from '../../test-support/test-data.js';
import { SHIPPED_DEPS } from '../test-support/deps.js';

function fail(): never {
  throw new Error('fixture is missing a PDU');
}
function nth<T>(a: readonly T[], i: number): T {
  return a[i] ?? fail();
}
const frame = (b: Uint8Array, d: Direction, s: unknown): ReturnType<NonNullable<typeof dicomDecoder.frame>> =>
  dicomDecoder.frame ? dicomDecoder.frame(b, d, s) : fail();

const fixture = (name: string): string => new URL(`./fixtures/${name}.pcap`, import.meta.url).pathname;
const corpus = (name: string): string => corpusPath(`dicom/${name}`);

function pdusOf(name: string, out: boolean): Uint8Array[] {
  return splitPdus(directionBytes(pcapSegments(fixture(name)), out));
}

function ctx(direction: Direction, state: DicomState = createDicomState(SHIPPED_DEPS)): DecodeContext {
  return { tsMs: 0, direction, src: 'a', sport: 40000, dst: 'b', dport: 11112, state };
}

function decodeOne(pdu: Uint8Array, direction: Direction, state?: DicomState): RecordBody[] {
  const r = dicomDecoder.decode(pdu, ctx(direction, state));
  expect(r.issues).toEqual([]);
  return r.records;
}

const echoOut = pdusOf('echo', true);
const echoIn = pdusOf('echo', false);
const fixtures: ConformanceFixture[] = [
  { name: 'echo A-ASSOCIATE-RQ', bytes: nth(echoOut, 0), direction: 'out' },
  { name: 'echo A-ASSOCIATE-AC', bytes: nth(echoIn, 0), direction: 'in' },
  { name: 'C-ECHO-RQ P-DATA-TF', bytes: nth(echoOut, 1), direction: 'out' },
  { name: 'C-ECHO-RSP P-DATA-TF', bytes: nth(echoIn, 1), direction: 'in' },
  { name: 'A-RELEASE-RQ', bytes: nth(echoOut, 2), direction: 'out' },
  { name: 'A-RELEASE-RP', bytes: nth(echoIn, 2), direction: 'in' },
  { name: 'A-ASSOCIATE-RJ (refuse)', bytes: nth(pdusOf('refuse', false), 0), direction: 'in' },
  { name: 'A-ASSOCIATE-RJ (called AE)', bytes: nth(pdusOf('reject-ae', false), 0), direction: 'in' },
  { name: 'A-ABORT', bytes: pdusOf('abort', false).at(-1) ?? fail(), direction: 'in' },
  { name: 'user identity A-ASSOCIATE-RQ', bytes: nth(pdusOf('user-identity', true), 0), direction: 'out' },
  { name: 'C-STORE-RSP', bytes: nth(pdusOf('store-explicit', false), 1), direction: 'in' },
  { name: 'C-FIND-RSP', bytes: nth(pdusOf('find', false), 1), direction: 'in' },
  { name: 'aflnet find seed A-ASSOCIATE-RQ', bytes: nth(splitPdus(new Uint8Array(readFileSync(corpus('aflnet_seed_dicom_find.bin')))), 0), direction: 'out' },
];
runDecoderConformance(dicomDecoder, fixtures);

describe('dicom probe', () => {
  it("says 'yes' to an A-ASSOCIATE-RQ from the initiator and an AC from the responder", () => {
    expect(dicomDecoder.probe(nth(echoOut, 0), 'out')).toBe('yes');
    expect(dicomDecoder.probe(nth(echoIn, 0), 'in')).toBe('yes');
    expect(dicomDecoder.probe(nth(echoOut, 0).subarray(0, 60), 'out')).toBe('yes');
  });
  it("says 'maybe' to other PDUs and to too few bytes, 'no' to other protocols", () => {
    expect(dicomDecoder.probe(nth(echoOut, 1), 'out')).toBe('maybe');
    expect(dicomDecoder.probe(nth(echoOut, 2), 'out')).toBe('maybe');
    expect(dicomDecoder.probe(nth(echoOut, 0).subarray(0, 20), 'out')).toBe('maybe');
    expect(dicomDecoder.probe(new TextEncoder().encode('GET / HTTP/1.1\r\n'), 'out')).toBe('no');
    expect(dicomDecoder.probe(Uint8Array.of(0x16, 0x03, 0x01, 0x00, 0x10, 0x01), 'out')).toBe('no');
  });
  it("says 'no' to a wrong protocol version or unprintable AE titles", () => {
    const bad = nth(echoOut, 0).slice();
    bad[7] = 0;
    expect(dicomDecoder.probe(bad, 'out')).toBe('no');
    const ae = nth(echoOut, 0).slice();
    ae[10] = 0x01;
    expect(dicomDecoder.probe(ae, 'out')).toBe('no');
  });
});

describe('dicom PDUs', () => {
  it('A-ASSOCIATE-RQ: AE titles, context, presentation contexts, user information', () => {
    const [rq] = decodeOne(nth(echoOut, 0), 'out');
    expect(rq).toMatchObject({
      kind: 'associate-rq',
      protocolVersion: 1,
      callingAeTitle: 'CT1',
      calledAeTitle: 'PACS',
      applicationContext: '1.2.840.10008.3.1.1.1',
      abstractSyntaxes: ['1.2.840.10008.1.1'],
      transferSyntaxes: ['1.2.840.10008.1.2'],
      presentationContexts: [{ id: 1, abstractSyntax: '1.2.840.10008.1.1', transferSyntaxes: ['1.2.840.10008.1.2'] }],
      maxPduLength: 16384,
      implementationClassUid: '1.2.276.0.7230010.3.0.3.6.7',
      implementationVersionName: 'OFFIS_DCMTK_367',
    });
  });
  it('A-ASSOCIATE-AC: results per context id, accepted abstract syntaxes from the RQ', () => {
    const state = createDicomState(SHIPPED_DEPS);
    decodeOne(nth(echoOut, 0), 'out', state);
    const [ac] = decodeOne(nth(echoIn, 0), 'in', state);
    expect(ac).toMatchObject({
      kind: 'associate-ac',
      calledAeTitle: 'PACS',
      callingAeTitle: 'CT1',
      abstractSyntaxes: ['1.2.840.10008.1.1'],
      presentationContexts: [{ id: 1, result: 0, resultName: 'acceptance', abstractSyntax: '1.2.840.10008.1.1', transferSyntax: '1.2.840.10008.1.2' }],
      maxPduLength: 16384,
    });
    expect(state.transferSyntax.get(1)).toBe('1.2.840.10008.1.2');
  });
  it('A-ASSOCIATE-RJ: result, source, reason', () => {
    expect(decodeOne(nth(pdusOf('refuse', false), 0), 'in')).toEqual([
      { kind: 'associate-rj', result: 1, resultName: 'rejected-permanent', source: 1, sourceName: 'service-user', reason: 1, reasonName: 'no-reason-given' },
    ]);
    expect(decodeOne(nth(pdusOf('reject-ae', false), 0), 'in')[0]).toMatchObject({ reason: 7, reasonName: 'called-ae-title-not-recognized' });
  });
  it('A-RELEASE-RQ/RP and A-ABORT', () => {
    expect(decodeOne(nth(echoOut, 2), 'out')).toEqual([{ kind: 'release-rq' }]);
    expect(decodeOne(nth(echoIn, 2), 'in')).toEqual([{ kind: 'release-rp' }]);
    expect(decodeOne(pdusOf('abort', false).at(-1) ?? fail(), 'in')).toEqual([{ kind: 'abort', source: 0, sourceName: 'service-user', reason: 0 }]);
    const provider = Uint8Array.of(7, 0, 0, 0, 0, 4, 0, 0, 2, 6);
    expect(decodeOne(provider, 'in')).toEqual([{ kind: 'abort', source: 2, sourceName: 'service-provider', reason: 6, reasonName: 'invalid-pdu-parameter-value' }]);
  });
  it('P-DATA-TF commands: C-ECHO-RQ and C-ECHO-RSP with message ids and status', () => {
    expect(decodeOne(nth(echoOut, 1), 'out')[0]).toMatchObject({ kind: 'command', command: 'C-ECHO-RQ', affectedSopClassUid: '1.2.840.10008.1.1', messageId: 1, hasDataset: false });
    expect(decodeOne(nth(echoIn, 1), 'in')[0]).toMatchObject({ command: 'C-ECHO-RSP', messageIdBeingRespondedTo: 1, status: '0000', statusClass: 'success' });
  });
  it('user identity: the user name and that a passcode travelled, never the passcode', () => {
    const [rq] = decodeOne(nth(pdusOf('user-identity', true), 0), 'out');
    expect(rq).toMatchObject({ userIdentityType: 2, userIdentityTypeName: 'username-passcode', userIdentity: 'techuser', passcodePresent: true });
    expect(JSON.stringify(rq)).not.toContain('S3cretPass');
  });
  it('a command split over two PDVs in two PDUs is reassembled per context', () => {
    const pdu = nth(echoOut, 1);
    const cmd = pdu.subarray(12);
    const half = cmd.length >> 1;
    const pdv = (part: Uint8Array, mch: number): Uint8Array => {
      const b = new Uint8Array(12 + part.length);
      const dv = new DataView(b.buffer);
      b[0] = 4;
      dv.setUint32(2, 6 + part.length);
      dv.setUint32(6, 2 + part.length);
      b[10] = 1;
      b[11] = mch;
      b.set(part, 12);
      return b;
    };
    const state = createDicomState(SHIPPED_DEPS);
    expect(decodeOne(pdv(cmd.subarray(0, half), 1), 'out', state)).toEqual([]);
    expect(decodeOne(pdv(cmd.subarray(half), 3), 'out', state)[0]).toMatchObject({ command: 'C-ECHO-RQ', messageId: 1 });
  });
});

describe('dicom framing', () => {
  it('asks for the header, then the whole association PDU', () => {
    expect(frame(nth(echoOut, 0).subarray(0, 3), 'out', createDicomState(SHIPPED_DEPS))).toEqual({ need: 6 });
    expect(frame(nth(echoOut, 0).subarray(0, 10), 'out', createDicomState(SHIPPED_DEPS))).toEqual({ need: nth(echoOut, 0).length });
    expect(frame(nth(echoOut, 0), 'out', createDicomState(SHIPPED_DEPS))).toEqual({ pduLength: nth(echoOut, 0).length });
  });
  it('decodes only the first 64 KiB of a large P-DATA-TF and skips the rest', () => {
    const big = new Uint8Array(6 + 200_000);
    big[0] = 4;
    new DataView(big.buffer).setUint32(2, 200_000);
    new DataView(big.buffer).setUint32(6, 199_996);
    big[10] = 1;
    big[11] = 3; // a command fragment: not skippable without reading
    expect(frame(big.subarray(0, 100), 'out', createDicomState(SHIPPED_DEPS))).toEqual({ need: 6 + PDATA_WINDOW_BYTES });
    expect(frame(big, 'out', createDicomState(SHIPPED_DEPS))).toEqual({ pduLength: 6 + PDATA_WINDOW_BYTES, skip: 200_000 - PDATA_WINDOW_BYTES });
    big[11] = 0; // a data-set fragment no command waits for: only its PDV header is needed
    expect(frame(big.subarray(0, 12), 'out', createDicomState(SHIPPED_DEPS))).toEqual({ pduLength: 12, skip: 200_000 - 6 });
  });
  it('refuses unknown PDU types and absurd association lengths', () => {
    expect(frame(Uint8Array.of(9, 0, 0, 0, 0, 4), 'out', createDicomState(SHIPPED_DEPS))).toHaveProperty('error');
    expect(frame(Uint8Array.of(1, 0, 0x7f, 0, 0, 0), 'out', createDicomState(SHIPPED_DEPS))).toHaveProperty('error');
    expect(frame(Uint8Array.of(5, 0, 0, 1, 0, 0), 'out', createDicomState(SHIPPED_DEPS))).toHaveProperty('error');
  });
});

describe('dicom whole associations (engine framing, both directions)', () => {
  const kinds = (name: string): string[] => replay(dicomDecoder, pcapSegments(fixture(name))).records.map((r) => (r.kind === 'command' ? r.command as string : r.kind));
  it('gives each PDU of echo, find, store, refuse, abort in order', () => {
    expect(kinds('echo')).toEqual(['associate-rq', 'associate-ac', 'C-ECHO-RQ', 'C-ECHO-RSP', 'release-rq', 'release-rp']);
    expect(kinds('find')).toEqual(['associate-rq', 'associate-ac', 'C-FIND-RQ', 'C-FIND-RSP', 'release-rq', 'release-rp']);
    expect(kinds('store-many-contexts')).toEqual(['associate-rq', 'associate-ac', 'C-STORE-RQ', 'C-STORE-RSP', 'release-rq', 'release-rp']);
    expect(kinds('refuse')).toEqual(['associate-rq', 'associate-rj']);
    expect(kinds('abort')).toEqual(['associate-rq', 'associate-ac', 'C-STORE-RQ', 'abort']);
  });
  it('reads the aflnet corpus seeds (dcmtk client streams) without issues', () => {
    for (const [seed, command] of [['echo', 'C-ECHO-RQ'], ['find', 'C-FIND-RQ'], ['get', 'C-GET-RQ'], ['store', 'C-STORE-RQ']] as const) {
      const stream = new Uint8Array(readFileSync(corpus(`aflnet_seed_dicom_${seed}.bin`)));
      const r = replay(dicomDecoder, [{ out: true, sport: 1, dport: 104, seq: 0, payload: stream }]);
      expect(r.issues).toEqual([]);
      expect(r.records[0]).toMatchObject({ kind: 'associate-rq', implementationClassUid: expect.stringMatching(/^1\.2\.276\.0\.7230010\.3\./) as unknown });
      expect(r.records.map((x) => x.command)).toContain(command);
    }
  });
});
