/** CDP decoder tests: conformance on real frames (lldpd CDPv1/v2, Cisco 1601), agreement with tshark. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { rawLayers, tsharkFrames } from '../lldp/test-support/tshark-link.js';
import { agreement } from '../../test-support/tshark.js';
import { runDecoderConformance } from '../test-support/conformance.js';
import type { ProtocolRecord } from '../types.js';
import { cdpDecoder } from './index.js';
import { parseCdp } from './parse-cdp.js';
import { corpusPath } from '../../test-support/test-data.js';
import { requires } from '../../test-support/tools.js';

const tshark = requires({ tools: ['tshark'] });

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.resolve(here, '../lldp/fixtures/lldp-peers.pcap');
const corpus = corpusPath('pcaps/zeek/cdp-v1.pcap');
const FIELDS = ['cdp.version', 'cdp.deviceid', 'cdp.portid', 'cdp.platform', 'cdp.software_version', 'cdp.nrgyz.ip_address', 'cdp.native_vlan'];

async function compareCdp(file: string): Promise<{ records: ProtocolRecord[]; compared: number; mismatches: string[] }> {
  const [{ records, issues }, rows] = await Promise.all([recordsOf(file, [cdpDecoder]), tsharkFrames(file, 'cdp', FIELDS)]);
  expect(issues).toEqual([]);
  expect(records).toHaveLength(rows.length);
  const a = agreement();
  rows.forEach((t, i) => {
    const r = records[i];
    const one = (f: string): string | null => t[f]?.[0] ?? null;
    const where = `frame ${i + 1}`;
    a.check(where, 'version', r?.version, Number(one('cdp.version')));
    a.check(where, 'deviceId', r?.deviceId, one('cdp.deviceid'));
    a.check(where, 'portId', r?.portId, one('cdp.portid'));
    a.check(where, 'platform', r?.platform, one('cdp.platform'));
    // tshark gives each line of the version banner as its own occurrence (keeping trailing blanks); we join them
    // with one space and collapse runs of spaces.
    const sw = t['cdp.software_version'];
    a.check(where, 'softwareVersion', r?.softwareVersion, sw === undefined || sw.length === 0 ? null : sw.join(' ').replace(/ {2,}/g, ' ').trim());
    // cdp.nrgyz.ip_address holds the IPv4 entries of the Addresses and Management-address TLVs, in order.
    a.check(where, 'addresses', r?.addresses, (t['cdp.nrgyz.ip_address'] ?? []).slice(0, (r?.addresses as unknown[] | undefined)?.length ?? 0));
    a.check(where, 'nativeVlan', r?.nativeVlan, one('cdp.native_vlan') === null ? null : Number(one('cdp.native_vlan')));
  });
  return { records, compared: a.compared, mismatches: a.mismatches };
}

describe.skipIf(tshark.skip)(tshark.title('cdpDecoder conformance on the PDUs tshark finds'), () => {
  runDecoderConformance(cdpDecoder, tshark.skip ? [] : [
    ...rawLayers(fixture, 'cdp', ['llc', 'cdp']).slice(-2).map((bytes, i) => ({ name: `lldpd CDP frame #${i + 1}`, bytes })),
    ...rawLayers(corpus, 'cdp', ['llc', 'cdp']).map((bytes) => ({ name: 'Cisco 1601 CDPv1', bytes })),
  ]);
});

describe.skipIf(tshark.skip)(tshark.title('agreement with tshark'), () => {
  it('lldpd CDPv1 and CDPv2 frames agree', async () => {
    const c = await compareCdp(fixture);
    expect(c.records.map((r) => r.version)).toEqual([1, 1, 2]);
    expect(c.records[2]).toMatchObject({ deviceId: 'ward4-bridge', systemName: 'ward4-bridge', platform: 'WardBridge', managementAddress: '172.31.108.20' });
    expect(c.mismatches).toEqual([]);
  });
  it('corpus zeek/cdp-v1.pcap (Cisco 1601, IOS 11.2) agrees', async () => {
    const c = await compareCdp(corpus);
    expect(c.records[0]).toMatchObject({ deviceId: 'R1', portId: 'Ethernet0', platform: 'cisco 1601', capabilities: ['router'], managementAddress: '192.168.10.1' });
    expect(c.records[0]?.softwareVersion).toContain('Version 11.2(12)P, RELEASE SOFTWARE (fc1) Copyright');
    expect(c.mismatches).toEqual([]);
  });
});

describe('malformed frames', () => {
  it('a TLV length below its header is an issue, not a loop', () => {
    const f = new Uint8Array([0xaa, 0xaa, 0x03, 0x00, 0x00, 0x0c, 0x20, 0x00, 2, 180, 0, 0, 0, 1, 0, 2, 0, 1]);
    const r = parseCdp(f);
    expect(r.issues[0]?.code).toBe('cdp-bad-tlv');
    expect(cdpDecoder.probe(new Uint8Array([0x42, 0x42, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 'out')).toBe('no');
  });
});
