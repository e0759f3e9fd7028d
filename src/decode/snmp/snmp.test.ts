/** SNMP decoder tests: conformance on real datagrams, captures cross-checked with tshark, a live Net-SNMP run. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { runDecoderConformance } from '../test-support/conformance.js';
import { corpusPath } from '../test-support/corpus.js';
import { ALL_OCCURRENCES, agreementRatio } from '../test-support/multiset-agreement.js';
import { hexBytes, tsharkFields } from '../../test-support/tshark.js';
import { requires } from '../../test-support/tools.js';
import { BerError, berOid, readTlv } from './ber.js';
import { snmpDecoder } from './index.js';
import { parseSnmp } from './parse-snmp.js';
import { snmpAgreement } from './test-support/snmp-vs-tshark.js';

const tshark = requires({ tools: ['tshark'] });
const peers = requires({ root: true, tools: ['tshark', 'tcpdump', 'snmpd', 'snmpget', 'snmpwalk', 'snmptrap'] });

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const decodeAs = (port: number): string[] => ['-d', `udp.port==${port},snmp`, '-d', `udp.port==${port + 1},snmp`];

const CAPTURES: { file: string; extra: string[] }[] = [
  { file: fixture('snmp-peers.pcap'), extra: decodeAs(16161) },
  ...['zeek/snmp_snmpv1_get.pcap', 'zeek/snmp_snmpv1_trap.pcap', 'zeek/snmp_snmpv1_set.pcap', 'zeek/snmp_snmpv2_get.pcap', 'zeek/snmp_snmpv2_get_bulk.pcap',
    'zeek/snmp_snmpv3_get_next.pcap', 'ndpi/snmp.pcap'].map((f) => ({ file: corpusPath(f), extra: [] })),
];

/** One datagram of each PDU shape from the fixture and the corpus. */
function realDatagrams(): { name: string; bytes: Uint8Array }[] {
  const seen = new Set<string>();
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const { file, extra } of CAPTURES) {
    for (const [n = '', v = '', data = '', enc = '', hex = ''] of tsharkFields(file, ['frame.number', 'snmp.version', 'snmp.data', 'snmp.encryptedPDU', 'udp.payload'], { ...ALL_OCCURRENCES, filter: 'snmp', extra })) {
      const shape = `${v}/${data}/${enc === '' ? '' : 'enc'}`;
      if (seen.has(shape)) continue;
      seen.add(shape);
      out.push({ name: `${file.split('/').pop() ?? ''}#${n}`, bytes: hexBytes(hex) });
    }
  }
  return out;
}

describe.skipIf(tshark.skip)(tshark.title('snmp conformance on the datagrams tshark finds'), () => {
  runDecoderConformance(snmpDecoder, tshark.skip ? [] : realDatagrams());
});

describe('BER reader', () => {
  const b = (...x: number[]): Uint8Array => new Uint8Array(x);
  it('reads short and long lengths and refuses indefinite or overlong ones', () => {
    expect(readTlv(b(0x04, 0x02, 0x61, 0x62), 0, 4)).toEqual({ tag: 4, start: 2, end: 4 });
    expect(readTlv(b(0x04, 0x81, 0x01, 0x61), 0, 4)).toEqual({ tag: 4, start: 3, end: 4 });
    expect(() => readTlv(b(0x30, 0x80, 0, 0), 0, 4)).toThrow(BerError);
    expect(() => readTlv(b(0x04, 0x05, 0x61), 0, 3)).toThrow(BerError);
    expect(() => readTlv(b(0x04, 0x85, 1, 1, 1, 1, 1), 0, 7)).toThrow(BerError);
    expect(() => readTlv(b(0x1f, 0x01, 0x00), 0, 3)).toThrow(BerError);
  });

  it('decodes OIDs, including multi-byte arcs, and refuses broken ones', () => {
    const oid = b(0x2b, 0x06, 0x01, 0x04, 0x01, 0xbf, 0x08, 0x03, 0x02, 0x0a);
    expect(berOid(oid, { tag: 6, start: 0, end: oid.length })).toBe('1.3.6.1.4.1.8072.3.2.10');
    expect(() => berOid(b(0x2b, 0x86), { tag: 6, start: 0, end: 2 })).toThrow(BerError);
    expect(() => berOid(b(0x2b, 0x80, 0x01), { tag: 6, start: 0, end: 3 })).toThrow(BerError);
  });

  it('reports a malformed datagram as an issue', () => {
    const r = snmpDecoder.decode(b(0x30, 0x03, 0x02, 0x01, 0x00), { tsMs: 0, direction: 'out', src: 'a', sport: 1, dst: 'b', dport: 161, state: undefined });
    expect(r.records).toEqual([]);
    expect(r.issues[0]?.code).toBe('snmp-malformed');
  });
});

/** A v2c `public` message (RFC 3416 §3) of PDU `pduTag` with the given varbinds, each `[oid bytes, value TLV bytes]` (short-form lengths: under 128 octets). */
function v2c(pduTag: number, varbinds: readonly (readonly [readonly number[], readonly number[]])[]): Uint8Array {
  const tlv = (tag: number, body: readonly number[]): number[] => [tag, body.length, ...body];
  const list = tlv(0x30, varbinds.flatMap(([oid, value]) => tlv(0x30, [...tlv(0x06, oid), ...value])));
  const pdu = tlv(pduTag, [...tlv(0x02, [7]), ...tlv(0x02, [0]), ...tlv(0x02, [0]), ...list]);
  return Uint8Array.from(tlv(0x30, [...tlv(0x02, [1]), ...tlv(0x04, [...Buffer.from('public')]), ...pdu]));
}
const SYS_DESCR = [0x2b, 6, 1, 2, 1, 1, 1, 0];
const SYS_OBJECT_ID = [0x2b, 6, 1, 2, 1, 1, 2, 0];
const octets = (text: string): number[] => [0x04, Buffer.byteLength(text), ...Buffer.from(text)];

describe('varbind value types and multi-line DisplayStrings', () => {
  it('fires: a response keeps each value\'s type, and a sysDescr\'s line breaks and tabs become spaces', () => {
    const rec = parseSnmp(v2c(0xa2, [[SYS_DESCR, octets('IOS C2960 (fc1)\r\nSupport:\thttp://www.cisco.com')], [SYS_OBJECT_ID, [0x06, 0x07, 0x2b, 6, 1, 4, 1, 9, 1]]]));
    expect(rec.sysDescr).toBe('IOS C2960 (fc1) Support: http://www.cisco.com');
    expect(rec.varbindTypes).toEqual(['octet-string', 'object-identifier']);
  });

  it('must not fire: an agent\'s noSuchObject is a type, not a value; a request\'s NULLs are the manager\'s', () => {
    const missing = parseSnmp(v2c(0xa2, [[SYS_DESCR, [0x80, 0x00]]]));
    expect(missing.varbindTypes).toEqual(['no-such-object']);
    expect(missing.sysDescr).toBeUndefined();
    const get = parseSnmp(v2c(0xa0, [[SYS_DESCR, [0x05, 0x00]], [SYS_OBJECT_ID, [0x05, 0x00]]]));
    expect(get).toMatchObject({ kind: 'get', varbindTypes: ['null', 'null'] });
    expect(get.sysDescr).toBeUndefined();
    expect(parseSnmp(v2c(0xa2, [[SYS_DESCR, [0x47, 0x00]]])).varbindTypes).toEqual(['tag-0x47']);
  });
});

describe.skipIf(tshark.skip)(tshark.title('SNMP records against tshark'), () => {
  for (const { file, extra } of CAPTURES) {
    it(`agrees with tshark on ${file.split('/').slice(-2).join('/')}`, async () => {
      const { records, issues } = await recordsOf(file, [snmpDecoder]);
      expect(issues).toEqual([]);
      expect(records.length).toBe(tsharkFields(file, ['frame.number'], { ...ALL_OCCURRENCES, filter: 'snmp', extra }).length);
      const rows = snmpAgreement(file, records, extra);
      expect(rows.filter((r) => r.onlyOurs.length > 0 || r.onlyTshark.length > 0)).toEqual([]);
      expect(agreementRatio(rows)).toBeGreaterThanOrEqual(0.999);
    });
  }

  it('reads the agent identity, v3 user and engine, and traps from the Net-SNMP fixture', async () => {
    const { records } = await recordsOf(fixture('snmp-peers.pcap'), [snmpDecoder]);
    expect(records.find((r) => r.sysObjectId !== undefined)).toMatchObject({
      kind: 'response',
      version: '2c',
      community: 'public',
      defaultCommunity: true,
      sysDescr: 'Synthetic infusion gateway (Net-SNMP fixture agent)',
      sysObjectId: '1.3.6.1.4.1.8072.3.2.10',
      sysName: 'ww-fixture-agent',
      sysContact: 'biomed@example.org',
      sysLocation: 'Ward 4B equipment room (synthetic)',
    });
    expect(records.find((r) => r.version === '3' && r.kind === 'response')).toMatchObject({ user: 'wardv3', securityLevel: 'authNoPriv' });
    expect(records.filter((r) => r.kind === 'encrypted').map((r) => r.user)).toEqual(['wardv3', 'wardv3']);
    expect(records.find((r) => r.kind === 'get-bulk')).toMatchObject({ nonRepeaters: 1, maxRepetitions: 3 });
    expect(records.filter((r) => r.kind === 'trap').map((r) => r.pduType)).toEqual(['trap-v1', 'trap-v2']);
    expect(records.find((r) => r.community === 'wrongcommunity')).toMatchObject({ defaultCommunity: false });
  });

  it('keeps no value a manager sent: a set and its error response carry no sys* fields', async () => {
    const { records } = await recordsOf(fixture('snmp-peers.pcap'), [snmpDecoder]);
    const set = records.find((r) => r.kind === 'set');
    const answer = records.find((r) => r.kind === 'response' && r.requestId === set?.requestId);
    expect(answer?.errorStatus).not.toBe(0);
    expect(answer?.sysContact).toBeUndefined();
    expect(parseSnmp(hexBytes('302902010104067075626c6963a31c020101020100020100301130' + '0f06082b060102010104000403616263')).sysContact).toBeUndefined();
  });
});


describe.skipIf(peers.skip)(peers.title('SNMP with live Net-SNMP peers'), () => {
  it('decodes a fresh snmpd / snmpget / snmpwalk / snmptrap capture and agrees with tshark', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww-snmp-'));
    const port = 20000 + 2 * Math.floor(Math.random() * 10000);
    const r = spawnSync('bash', [fixture('make-fixtures.sh'), dir, String(port)], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status, r.stderr).toBe(0);
    const file = join(dir, 'snmp-peers.pcap');
    const { records } = await recordsOf(file, [snmpDecoder]);
    expect(records.some((x) => x.sysName === 'ww-fixture-agent')).toBe(true);
    expect(records.some((x) => x.user === 'wardv3')).toBe(true);
    const rows = snmpAgreement(file, records, decodeAs(port));
    expect(rows.filter((x) => x.onlyOurs.length > 0 || x.onlyTshark.length > 0)).toEqual([]);
  }, 30_000);
});
