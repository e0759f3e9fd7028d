/** VNC decoder tests: conformance on real RFB greetings, security messages, agreement with tshark. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { tsharkRows } from '../ssh/test-support/tshark-fields.js';
import { agreement } from '../../test-support/tshark.js';
import { runDecoderConformance } from '../test-support/conformance.js';
import type { ProtocolRecord } from '../types.js';
import { vncDecoder } from './index.js';
import { securityName } from './parse-rfb.js';
import { corpusPath } from '../../test-support/test-data.js';
import { requires } from '../../test-support/tools.js';

const tshark = requires({ tools: ['tshark'] });

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, 'fixtures', 'vnc-peers.pcap');
const corpus = corpusPath('pcaps/ndpi/vnc.pcap');
const FIELDS = ['ip.dst', 'tcp.dstport', 'vnc.server_proto_ver', 'vnc.client_proto_ver', 'vnc.num_security_types', 'vnc.security_type', 'vnc.server_security_type', 'vnc.client_security_type'];
const ver = (s: string): string => s.split('.').map(Number).join('.');

// A client's version line decodes alone only under 3.3 (its record comes at once); the server's needs the client's.
runDecoderConformance(vncDecoder, [{ name: 'RFB 3.3 client version', bytes: new TextEncoder().encode('RFB 003.003\n') }]);

/**
 * Our handshake records against tshark: versions from the greetings; the types tshark shows (3.7+ lists as
 * vnc.security_type, 3.3's server type, the client's choice). tshark misreads later RFB 4.x traffic as more
 * client_security_type values: only the first per sender is compared.
 */
async function compare(file: string, ports: readonly number[]): Promise<{ records: ProtocolRecord[]; compared: number; mismatches: string[] }> {
  const [{ records, issues }, rows] = await Promise.all([recordsOf(file, [vncDecoder]), tsharkRows(file, ports.map((p) => `tcp.port==${p},vnc`), FIELDS.slice(2).join(' || '), FIELDS)]);
  // The corpus capture misses segments later in the session (after the handshake): the engine reports those gaps.
  expect(issues.filter((i) => i.issue.code !== 'stream-gap')).toEqual([]);
  const a = agreement();
  const seen = new Set<string>();
  for (const t of rows) {
    const flow = `${t.sender}>${t['ip.dst']}:${t['tcp.dstport']}`;
    const mine = records.filter((r) => `${r.src}:${String(r.sport)}>${r.dst}:${String(r.dport)}` === flow);
    const server = mine.find((r) => r.side === 'server');
    const client = mine.find((r) => r.side === 'client');
    const once = (what: string): boolean => !seen.has(`${flow} ${what}`) && seen.add(`${flow} ${what}`).size > 0;
    if (t['vnc.server_proto_ver'] && once('sv')) a.check(t.sender, 'server rfbVersion', server?.rfbVersion, ver(t['vnc.server_proto_ver']));
    if (t['vnc.client_proto_ver'] && once('cv')) a.check(t.sender, 'client rfbVersion', client?.rfbVersion, ver(t['vnc.client_proto_ver']));
    if (t['vnc.server_security_type'] && once('st')) a.check(t.sender, 'securityTypes', server?.securityTypes, [securityName(Number(t['vnc.server_security_type']))]);
    if (t['vnc.num_security_types'] && once('sl')) a.check(t.sender, 'securityTypes count', (server?.securityTypes as unknown[] | undefined)?.length, Number(t['vnc.num_security_types']));
    // tshark also reads RFB 4.x server bytes after the handshake as a client_security_type: only the client's count.
    if (t['vnc.client_security_type'] && server === undefined && once('ct')) a.check(t.sender, 'securityType', client?.securityType, securityName(Number(t['vnc.client_security_type'])));
  }
  return { records, compared: a.compared, mismatches: a.mismatches };
}

describe.skipIf(tshark.skip)(tshark.title('agreement with tshark'), () => {
  it('fixture (3.8 / 3.3 / 3.7 greetings) agrees', async () => {
    const c = await compare(fixture, [5901]);
    expect(c.records.filter((r) => r.side === 'server').map((r) => [r.rfbVersion, r.securityTypes, r.noAuth])).toEqual([
      ['3.8', ['none', 'vnc-auth'], true],
      ['3.8', ['none'], true],
      ['3.7', ['vnc-auth'], false],
    ]);
    expect(c.records.filter((r) => r.side === 'client').map((r) => [r.rfbVersion, r.securityType, r.noAuth])).toEqual([['3.8', 'none', true], ['3.3', null, false], ['3.7', 'vnc-auth', false]]);
    expect(c.compared).toBeGreaterThanOrEqual(9);
    expect(c.mismatches).toEqual([]);
  });
  it('corpus ndpi/vnc.pcap (RFB 4.1) agrees', async () => {
    const c = await compare(corpus, []);
    expect(c.records.find((r) => r.side === 'server')).toMatchObject({ rfbVersion: '4.1', noAuth: false, securityTypes: ['type-13', 'type-133', 'ra2', 'type-129', 'ra2ne', 'type-130', 'vnc-auth'] });
    expect(c.mismatches).toEqual([]);
  });
});

it('probe: RFB prefix', () => {
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  expect(vncDecoder.probe(enc('RFB 003.008\n'), 'in')).toBe('yes');
  expect(vncDecoder.probe(enc('RFB'), 'in')).toBe('maybe');
  expect(vncDecoder.probe(enc('RFB 003.00x\n'), 'in')).toBe('no');
});
