/** A-ASSOCIATE-RQ user identity (PS3.7 D.3.3.7): the pair is checked against the published defaults, never kept. */
import { describe, expect, it } from 'vitest';
import type { DecodeContext, RecordBody } from '../types.js';
import { dicomDecoder } from './index.js';
import { directionBytes, pcapSegments, splitPdus } from './test-support/pcap-segments.js';
import { createDicomState } from './types.js';
import { SHIPPED_DEPS } from '../test-support/deps.js';

const FIXED_RQ_HEADER = 74; // PS3.8 §9.3.2: PDU header + protocol version … calling AE + reserved
const USER_INFO_ITEM = 0x50;
const USER_IDENTITY_RQ = 0x58;

function fixtureRq(): Uint8Array {
  const pdus = splitPdus(directionBytes(pcapSegments(new URL('./fixtures/user-identity.pcap', import.meta.url).pathname), true));
  const rq = pdus[0];
  if (rq === undefined) throw new Error('user-identity.pcap has no A-ASSOCIATE-RQ');
  return rq;
}

function decode(pdu: Uint8Array): RecordBody {
  const ctx: DecodeContext = { tsMs: 0, direction: 'out', src: 'a', sport: 40000, dst: 'b', dport: 11112, state: createDicomState(SHIPPED_DEPS) };
  const r = dicomDecoder.decode(pdu, ctx);
  const rec = r.records[0];
  if (rec === undefined) throw new Error('no record');
  return rec;
}

const u16 = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);

/** Offset of the first item/sub-item of `type` in [from, to) (each: type, reserved, 2-byte length). */
function findItem(b: Uint8Array, from: number, to: number, type: number): number {
  for (let at = from; at + 4 <= to; at += 4 + u16(b, at + 2)) if (b[at] === type) return at;
  throw new Error(`item 0x${type.toString(16)} not found`);
}

/** The fixture's RQ with its user identity sub-item replaced by one carrying `user` and `passcode` (type 2). */
function withIdentity(user: string, passcode: Uint8Array): Uint8Array {
  const rq = fixtureRq();
  const info = findItem(rq, FIXED_RQ_HEADER, rq.length, USER_INFO_ITEM);
  const infoEnd = info + 4 + u16(rq, info + 2);
  const id = findItem(rq, info + 4, infoEnd, USER_IDENTITY_RQ);
  const idEnd = id + 4 + u16(rq, id + 2);
  const name = new TextEncoder().encode(user);
  const body = [2, 0, name.length >> 8, name.length & 0xff, ...name, passcode.length >> 8, passcode.length & 0xff, ...passcode];
  const sub = Uint8Array.from([USER_IDENTITY_RQ, 0, body.length >> 8, body.length & 0xff, ...body]);
  const out = new Uint8Array(rq.length - (idEnd - id) + sub.length);
  out.set(rq.subarray(0, id), 0);
  out.set(sub, id);
  out.set(rq.subarray(idEnd), id + sub.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(2, out.length - 6);
  dv.setUint16(info + 2, infoEnd - info - 4 - (idEnd - id) + sub.length);
  return out;
}

describe('DICOM user identity default credential', () => {
  it('the fixture (dcmtk storescu -usr techuser -pwd S3cretPass) is not a published default', () => {
    const rec = decode(fixtureRq());
    expect(rec).toMatchObject({ kind: 'associate-rq', userIdentity: 'techuser', passcodePresent: true, defaultCredential: false });
    expect(JSON.stringify(rec)).not.toContain('S3cretPass');
  });

  it('a pair from data/default-credentials.json for dicom (CISA ICSMA-18-037-02) is flagged, the passcode dropped', () => {
    const rec = decode(withIdentity('root', new TextEncoder().encode('#bigguy')));
    expect(rec).toMatchObject({ userIdentity: 'root', passcodePresent: true, defaultCredential: true });
    expect(JSON.stringify(rec)).not.toContain('bigguy');
  });

  it('the right user with another passcode, or a default listed only for other protocols, is not flagged', () => {
    expect(decode(withIdentity('root', new TextEncoder().encode('#bigguy2')))).toMatchObject({ defaultCredential: false });
    expect(decode(withIdentity('cisco', new TextEncoder().encode('cisco')))).toMatchObject({ userIdentity: 'cisco', defaultCredential: false });
  });

  it('an empty passcode is not a passcode and matches nothing', () => {
    expect(decode(withIdentity('root', new Uint8Array(0)))).toMatchObject({ passcodePresent: false, defaultCredential: false });
  });
});
