/** RDP decoder tests: conformance on real CR/CC TPDUs, parsing, agreement with tshark (fixture and corpus). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { tsharkRows } from '../ssh/test-support/tshark-fields.js';
import { agreement, tsharkFields } from '../../test-support/tshark.js';
import { runDecoderConformance } from '../test-support/conformance.js';
import type { ProtocolRecord } from '../types.js';
import { rdpDecoder } from './index.js';
import { parseTpkt } from './parse-x224.js';
import { corpusPcaps } from '../../test-support/test-data.js';
import { requires } from '../../test-support/tools.js';

const tshark = requires({ tools: ['tshark'] });

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, 'fixtures', 'rdp-peers.pcap');
const corpus = corpusPcaps;
const FIELDS = ['cotp.type', 'rdp.rt_cookie', 'rdp.negReq.requestedProtocols', 'rdp.negReq.selectedProtocol', 'rdp.negFailure.failureCode'];

const tpdus = tshark.skip ? [] : tsharkFields(fixture, ['tcp.srcport', 'tcp.payload'], { filter: 'cotp.type == 0x0e || cotp.type == 0x0d' });
describe.skipIf(tshark.skip)(tshark.title('rdp conformance on the TPDUs tshark finds'), () => {
  runDecoderConformance(rdpDecoder, tpdus.slice(0, 4).map(([port, hex], i) => ({ name: `TPDU #${i + 1}`, bytes: new Uint8Array(Buffer.from(hex ?? '', 'hex')), direction: port === '3389' ? ('in' as const) : ('out' as const) })));
});

/** Our CR/CC records against tshark's rdp fields, in order per sender. */
async function compare(file: string): Promise<{ records: ProtocolRecord[]; compared: number; mismatches: string[] }> {
  const [{ records, issues }, rows] = await Promise.all([recordsOf(file, [rdpDecoder]), tsharkRows(file, [], 'cotp.type == 0x0e || cotp.type == 0x0d', FIELDS)]);
  expect(issues).toEqual([]);
  const a = agreement();
  const pending = [...records];
  for (const t of rows) {
    const i = pending.findIndex((r) => `${r.src}:${String(r.sport)}` === t.sender);
    const r = i < 0 ? undefined : pending.splice(i, 1)[0];
    if (t['cotp.type'] === '0x0e') {
      a.check(t.sender, 'kind', r?.kind, 'connect-request');
      // tshark's rt_cookie keeps the "Cookie: mstshash=" prefix and shows CR LF as blanks.
      a.check(t.sender, 'cookie', r?.cookie, t['rdp.rt_cookie'] ? t['rdp.rt_cookie'].replace(/^Cookie: mstshash=/, '').trim() : null);
      a.check(t.sender, 'requestedProtocolsMask', r?.requestedProtocolsMask, t['rdp.negReq.requestedProtocols'] ? Number(t['rdp.negReq.requestedProtocols']) : null);
    } else {
      a.check(t.sender, 'kind', r?.kind, 'connect-confirm');
      const sel = t['rdp.negReq.selectedProtocol'];
      a.check(t.sender, 'selectedProtocol', r?.selectedProtocol, sel ? ({ 0: 'rdp', 1: 'ssl', 2: 'hybrid', 4: 'rdstls', 8: 'hybrid_ex' } as Record<number, string>)[Number(sel)] : null);
      a.check(t.sender, 'failureCode', r?.failureCode, t['rdp.negFailure.failureCode'] ? Number(t['rdp.negFailure.failureCode']) : null);
    }
  }
  a.check('all', 'unmatched records', pending.length, 0);
  return { records, compared: a.compared, mismatches: a.mismatches };
}

describe('X.224 CR / CC (MS-RDPBCGR §2.2.1.1, §2.2.1.2)', () => {
  it('names requested protocols, 0 being standard RDP security', () => {
    const cr = Buffer.from('030000130ee000000000000100080003000000', 'hex');
    expect(parseTpkt(cr).records[0]).toEqual({ kind: 'connect-request', cookie: null, routingToken: false, requestedProtocols: ['ssl', 'hybrid'], requestedProtocolsMask: 3 });
  });
  it('a routing token is flagged, not taken as a user name', () => {
    const token = Buffer.from('Cookie: msts=3640205228.15629.0000\r\n', 'latin1');
    const x224 = Buffer.concat([Buffer.from([0xe0, 0, 0, 0, 0, 0]), token]);
    const pdu = Buffer.concat([Buffer.from([3, 0, 0, 5 + x224.length, x224.length]), x224]);
    expect(parseTpkt(pdu).records[0]).toMatchObject({ cookie: null, routingToken: true, requestedProtocols: null });
  });
});

describe.skipIf(tshark.skip)(tshark.title('agreement with tshark'), () => {
  it('fixture (impacket rdp_check, mstsc-style client) agrees', async () => {
    const c = await compare(fixture);
    expect(c.records.filter((r) => r.kind === 'connect-request').map((r) => r.cookie)).toEqual([null, 'biomed', 'WARD4-TECH']);
    expect(c.mismatches).toEqual([]);
  });
  it.each(['zeek/rdp_rdp-x509.pcap', 'ndpi/rdp.pcap'])('corpus %s agrees', async (name) => {
    const c = await compare(path.join(corpus, name));
    expect(c.records.length).toBeGreaterThan(0);
    expect(c.mismatches).toEqual([]);
  });
});
