/** LLDP decoder tests: conformance on real LLDPDUs, TLV details, agreement with tshark on lldpd and corpus frames. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { runDecoderConformance } from '../test-support/conformance.js';
import type { ProtocolRecord } from '../types.js';
import { agreement } from '../../test-support/tshark.js';
import { lldpDecoder } from './index.js';
import { parseLldp } from './parse-lldp.js';
import { rawLayers, tsharkFrames } from './test-support/tshark-link.js';
import { corpusPath } from '../../test-support/test-data.js';
import { requires } from '../../test-support/tools.js';

const tshark = requires({ tools: ['tshark'] });

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, 'fixtures', 'lldp-peers.pcap');
const corpus = corpusPath('pcaps/zeek/lldp.pcap');

const FIELDS = ['lldp.chassis.id.mac', 'lldp.chassis.id', 'lldp.port.id.mac', 'lldp.port.id', 'lldp.time_to_live', 'lldp.port.desc', 'lldp.tlv.system.name', 'lldp.tlv.system.desc', 'lldp.mgn.addr.ip4', 'lldp.mgn.addr.ip6', 'lldp.media.hardware', 'lldp.media.firmware', 'lldp.media.software', 'lldp.media.sn', 'lldp.media.manufacturer', 'lldp.media.model', 'lldp.media.asset', 'frame.protocols', 'eth.type'];

/** Our records against tshark's lldp fields, frame by frame. */
async function compare(file: string): Promise<{ records: ProtocolRecord[]; compared: number; mismatches: string[] }> {
  const [{ records, issues }, rows] = await Promise.all([recordsOf(file, [lldpDecoder]), tsharkFrames(file, 'lldp', FIELDS)]);
  expect(issues).toEqual([]);
  const a = agreement();
  expect(records).toHaveLength(rows.length);
  rows.forEach((t, i) => {
    const r = records[i];
    const one = (f: string): string | null => t[f]?.[0] ?? null;
    const where = `frame ${i + 1}`;
    a.check(where, 'chassisId', r?.chassisId, one('lldp.chassis.id.mac') ?? one('lldp.chassis.id'));
    a.check(where, 'portId', r?.portId, one('lldp.port.id.mac') ?? one('lldp.port.id'));
    a.check(where, 'ttl', r?.ttl, Number(one('lldp.time_to_live')));
    a.check(where, 'portDescription', r?.portDescription, one('lldp.port.desc'));
    a.check(where, 'systemName', r?.systemName, one('lldp.tlv.system.name'));
    a.check(where, 'systemDescription', r?.systemDescription, one('lldp.tlv.system.desc'));
    a.check(where, 'managementAddresses', r?.managementAddresses, [...(t['lldp.mgn.addr.ip4'] ?? []), ...(t['lldp.mgn.addr.ip6'] ?? [])]);
    const med: [string, string][] = [['hardwareRevision', 'lldp.media.hardware'], ['firmwareRevision', 'lldp.media.firmware'], ['softwareRevision', 'lldp.media.software'], ['serialNumber', 'lldp.media.sn'], ['manufacturer', 'lldp.media.manufacturer'], ['model', 'lldp.media.model'], ['assetId', 'lldp.media.asset']];
    for (const [ours, theirs] of med) if (one(theirs) !== null || r?.[ours] !== undefined) a.check(where, ours, r?.[ours], one(theirs) ?? undefined);
  });
  return { records, compared: a.compared, mismatches: a.mismatches };
}

describe.skipIf(tshark.skip)(tshark.title('agreement with tshark'), () => {
  it('lldpd (with LLDP-MED inventory) agrees field for field', async () => {
    const c = await compare(fixture);
    expect(c.records[0]).toMatchObject({ systemName: 'ward4-infugate', serialNumber: 'SN-WARD4-0042', manufacturer: 'Example Medical', model: 'InfuGate 300', assetId: 'BIOMED-7731', managementAddress: '172.31.108.20' });
    expect(c.compared).toBeGreaterThan(20);
    expect(c.mismatches).toEqual([]);
  });
  it('corpus zeek/lldp.pcap (SMC switch) agrees', async () => {
    const c = await compare(corpus);
    expect(c.records[0]).toMatchObject({ chassisId: '00:22:2d:81:db:10', portId: '1', systemName: 'SMCGS8P-Smart', capabilities: ['bridge'], enabledCapabilities: ['bridge'], managementAddress: '192.168.2.10', ttl: 120 });
    expect(c.mismatches).toEqual([]);
  });
});

describe('TLV details (IEEE 802.1AB §8.5)', () => {
  it('reads 802.1 port VLAN and VLAN name, network-address chassis IDs, and stops at End', () => {
    const tlv = (type: number, body: number[]): number[] => [(type << 1) | (body.length >> 8), body.length & 0xff, ...body];
    const pdu = new Uint8Array([
      ...tlv(1, [5, 1, 10, 0, 0, 7]),
      ...tlv(2, [5, ...new TextEncoder().encode('eth0')]),
      ...tlv(3, [0, 60]),
      ...tlv(127, [0x00, 0x80, 0xc2, 1, 0, 42]),
      ...tlv(127, [0x00, 0x80, 0xc2, 3, 0, 42, 4, ...new TextEncoder().encode('ICU4')]),
      ...tlv(0, []),
      ...tlv(5, [0x41]),
    ]);
    const r = parseLldp(pdu);
    expect(r.issues).toEqual([]);
    expect(r.records[0]).toMatchObject({ chassisId: '10.0.0.7', portId: 'eth0', ttl: 60, portVlanId: 42, vlanNames: ['42:ICU4'], systemName: null });
  });
  it('reports a truncated TLV as an issue and still returns what came before', () => {
    const r = parseLldp(new Uint8Array([0x02, 0x07, 4, 1, 2, 3, 4, 5, 6, 0x04, 0x09, 1]));
    expect(r.records[0]?.chassisId).toBe('01:02:03:04:05:06');
    expect(r.issues[0]?.code).toBe('truncated');
  });
});

describe.skipIf(tshark.skip)(tshark.title('lldpDecoder conformance on the PDUs tshark finds'), () => {
  runDecoderConformance(lldpDecoder, tshark.skip ? [] : [
    ...rawLayers(fixture, 'lldp', ['lldp']).slice(0, 1).map((bytes) => ({ name: 'lldpd LLDPDU with LLDP-MED', bytes })),
    ...rawLayers(corpus, 'lldp', ['lldp']).map((bytes) => ({ name: 'SMC switch LLDPDU', bytes })),
  ]);
});
