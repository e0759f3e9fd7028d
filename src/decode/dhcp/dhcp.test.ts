/** DHCP decoder tests: real dnsmasq/dhclient fixtures, zeek/nDPI corpus captures, tshark cross-check, conformance. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runDecoderConformance } from '../test-support/conformance.js';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { crossCheck, mergeReports, must, str, udpPayloads, type FieldCheck } from '../dns/test-support/tshark-check.js';
import { requires } from '../../test-support/tools.js';
import { dhcpDecoder } from './index.js';
import { parseDhcp } from './parse-dhcp.js';
import { corpusPcaps } from '../../test-support/test-data.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, 'fixtures', 'dhcp-dnsmasq-dhclient.pcap');
const corpus = corpusPcaps;
const tshark = requires({ tools: ['tshark'] });
const peers = requires({ root: true, netns: true, tools: ['tshark', 'tcpdump', 'ip', 'dnsmasq', 'dhclient'] });
const captures = [
  fixture,
  ...['dhcp_dhcp.pcap', 'dhcp_dhcp_inform.pcap', 'dhcp_dhcp_time_and_nameserver.pcap', 'dhcp_dhcp_ack_subscriber_id_and_agent_remote_id.pcap'].map((f) => path.join(corpus, 'zeek', f)),
  path.join(corpus, 'ndpi', 'android.pcap'),
  path.join(corpus, 'ndpi', 'iphone.pcap'),
];

const TYPES = ['', 'discover', 'offer', 'request', 'decline', 'ack', 'nak', 'release', 'inform'];
const asHex = (s: string | undefined): string | undefined => (s === undefined ? undefined : /^[0-9a-f]+$/.test(s) && s.length % 2 === 0 ? s : Buffer.from(s, 'latin1').toString('hex'));

const checks: FieldCheck[] = [
  { field: 'dhcp.option.dhcp', ours: (r) => r.kind, theirs: (v) => TYPES[Number(v)] ?? `type-${v}` },
  { field: 'dhcp.id', ours: (r) => str(r, 'xid'), theirs: (v) => v.replace(/^0x/, '') },
  // chaddr comes first; a client id of type 1 repeats it as a second dhcp.hw.mac_addr.
  { field: 'dhcp.hw.mac_addr', ours: (r) => str(r, 'clientMac'), theirs: (v) => v.split(',')[0] },
  { field: 'dhcp.ip.your', ours: (r) => str(r, 'assignedIp'), theirs: (v, r) => (v === '0.0.0.0' || (r.kind !== 'offer' && r.kind !== 'ack') ? undefined : v) },
  { field: 'dhcp.option.hostname', ours: (r) => str(r, 'hostname') },
  { field: 'dhcp.option.vendor_class_id', ours: (r) => str(r, 'vendorClass') },
  { field: 'dhcp.option.request_list_item', ours: (r) => str(r, 'paramRequestList') },
  { field: 'dhcp.option.requested_ip_address', ours: (r) => str(r, 'requestedIp') },
  { field: 'dhcp.option.dhcp_server_id', ours: (r) => str(r, 'serverId') },
  { field: 'dhcp.option.ip_address_lease_time', ours: (r) => str(r, 'leaseTimeSec') },
  { field: 'dhcp.option.router', ours: (r) => str(r, 'routers') },
  { field: 'dhcp.option.domain_name_server', ours: (r) => str(r, 'dnsServers') },
  { field: 'dhcp.option.domain_name', ours: (r) => str(r, 'domainName') },
  { field: 'dhcp.option.dhcp_max_message_size', ours: (r) => str(r, 'maxMessageSize') },
  { field: 'dhcp.option.agent_information_option.agent_circuit_id', ours: (r) => asHex(str(r, 'relayCircuitId')) },
  { field: 'dhcp.option.agent_information_option.agent_remote_id', ours: (r) => asHex(str(r, 'relayRemoteId')) },
];

async function checkAll(files: readonly string[]) {
  const reports = [];
  for (const f of files) reports.push(await crossCheck(f, [dhcpDecoder], 'dhcp', 'dhcp', checks));
  return mergeReports(reports);
}

describe('dhcp decoder on the dnsmasq / dhclient fixture', () => {
  it('decodes the full exchange with the client identity', async () => {
    const { records, issues } = await recordsOf(fixture, [dhcpDecoder]);
    expect(issues).toEqual([]);
    expect(records.map((r) => r.kind)).toEqual(['discover', 'offer', 'request', 'ack', 'release']);
    const discover = must(records[0]);
    expect(discover).toMatchObject({
      clientMac: expect.stringMatching(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/) as unknown,
      hostname: 'ward-pump-07',
      vendorClass: 'WardPump 2.1',
      clientId: '0102005e100007',
    });
    expect(str(discover, 'paramRequestList')).toMatch(/^1,28,3,15,6,12,42$/);
    expect(records[3]).toMatchObject({ kind: 'ack', serverId: '172.31.67.1', leaseTimeSec: 600, routers: ['172.31.67.1'], domainName: 'ward.example' });
    expect(str(must(records[3]), 'assignedIp')).toMatch(/^172\.31\.67\.\d+$/);
  });
});

describe('dhcp decoder on corpus captures', () => {
  it('reads zeek\'s relay agent circuit / remote id and the NetworkManager PRL', async () => {
    const relay = await recordsOf(path.join(corpus, 'zeek', 'dhcp_dhcp_ack_subscriber_id_and_agent_remote_id.pcap'), [dhcpDecoder]);
    expect(relay.records[0]).toMatchObject({ kind: 'ack', relayCircuitId: 'this is only a test...', relayRemoteId: '13', assignedIp: '192.168.0.10' });
    const nm = await recordsOf(path.join(corpus, 'zeek', 'dhcp_dhcp_time_and_nameserver.pcap'), [dhcpDecoder]);
    expect(nm.records[0]).toMatchObject({ kind: 'request', hostname: 'pop-os', paramRequestList: '1,28,2,3,15,6,119,12,44,47,26,121,42,4,5,249,33,252' });
  });

  it('reads the android vendor class and Apple hosts', async () => {
    const a = await recordsOf(path.join(corpus, 'ndpi', 'android.pcap'), [dhcpDecoder]);
    expect(a.records.some((r) => r.vendorClass === 'android-dhcp-9')).toBe(true);
    const i = await recordsOf(path.join(corpus, 'ndpi', 'iphone.pcap'), [dhcpDecoder]);
    expect(i.records.some((r) => r.hostname === 'Lucas-iPhone' && r.paramRequestList === '1,121,3,6,15,119,252')).toBe(true);
  });

  it.skipIf(tshark.skip)(tshark.title('decodes plain BOOTP (no magic cookie) as bootp-request / bootp-reply'), () => {
    const pdu = must(udpPayloads(fixture, 'dhcp.option.dhcp == 1')[0]).slice(0, 236);
    expect(parseDhcp(pdu).records[0]).toMatchObject({ kind: 'bootp-request' });
    const reply = Uint8Array.from(pdu);
    reply[0] = 2;
    reply.set([10, 0, 0, 9], 16);
    expect(parseDhcp(reply).records[0]).toMatchObject({ kind: 'bootp-reply', assignedIp: '10.0.0.9' });
    expect(dhcpDecoder.probe(pdu, 'out')).toBe('maybe');
  });

  it.skipIf(tshark.skip)(tshark.title('reports an option running past the end instead of throwing'), () => {
    const pdu = Uint8Array.from(must(udpPayloads(fixture, 'dhcp.option.dhcp == 1')[0]).slice(0, 246));
    pdu[243] = 12;
    pdu[244] = 200;
    const res = parseDhcp(pdu);
    expect(res.issues.map((i) => i.code)).toContain('dhcp-option-truncated');
  });
});

describe.skipIf(tshark.skip)(tshark.title('dhcp agrees with tshark'), () => {
  it('on the fixture and corpus captures (>= 99.9 % of fields both decode)', async () => {
    const report = await checkAll(captures);
    expect(report.unexplained).toEqual([]);
    console.log('dhcp vs tshark', JSON.stringify({ ...report, unexplained: report.unexplained.length }));
    expect(report.compared).toBeGreaterThan(150);
    expect(report.ratio).toBeGreaterThanOrEqual(0.999);
  });
});

describe.skipIf(peers.skip)(peers.title('dhcp with real peers at test time'), () => {
  it('runs dnsmasq and dhclient in network namespaces and agrees with tshark on the fresh capture', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ww-dhcp-'));
    try {
      execFileSync('sh', [path.join(here, 'fixtures', 'make-fixtures.sh'), dir], { stdio: 'ignore', timeout: 30_000 });
      const fresh = path.join(dir, 'dhcp-dnsmasq-dhclient.pcap');
      const { records } = await recordsOf(fresh, [dhcpDecoder]);
      expect(records.map((r) => r.kind).slice(0, 4)).toEqual(['discover', 'offer', 'request', 'ack']);
      const report = await checkAll([fresh]);
      expect(report.unexplained).toEqual([]);
      expect(report.ratio).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 40_000);
});

describe.skipIf(tshark.skip)(tshark.title('dhcpDecoder conformance on the PDUs tshark finds'), () => {
  runDecoderConformance(dhcpDecoder, tshark.skip ? [] : captures.slice(0, 5).flatMap((f) => udpPayloads(f, 'dhcp', 4).map((bytes, i) => ({ name: `${path.basename(f)} #${i}`, bytes }))), 500);
});
