// `node --test scripts/eval/sixth/generate.test.mjs` (after `npm run build:tools`): the sixth family's generator
// writes a capture and a ground truth that agree with the site it describes — IPv4-only, IPv6-only and dual-stack
// devices on one VLAN with one MAC each, DHCPv6 from the DC, the router's IPv6 address, the internet peers (native
// and NAT64) and the multicast groups listed as hosts that must not be devices, and the must-fire / must-not-fire
// findings the README promises.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
let dir;
let truth;
let pcap;
const dev = (name) => truth.devices.find((d) => d.name === name);
const kinds = (d) => d.findings.map((f) => `${f.kind}:${f.key}`);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'sixth-'));
  const r = spawnSync(process.execPath, [join(here, 'generate.mjs'), dir], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8'));
  pcap = readFileSync(join(dir, 'scenario.pcap'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('a pcap with a classic little-endian header, IPv6 frames among the IPv4 ones', () => {
  assert.equal(pcap.readUInt32LE(0), 0xa1b2c3d4);
  assert.equal(pcap.readUInt32LE(20), 1); // LINKTYPE_ETHERNET
  assert.ok(statSync(join(dir, 'scenario.pcap')).size > 50_000);
  let v6 = 0;
  let v4 = 0;
  for (let at = 24; at + 16 <= pcap.length;) {
    const len = pcap.readUInt32LE(at + 8);
    const type = pcap.readUInt16BE(at + 16 + 12);
    if (type === 0x86dd) v6++;
    if (type === 0x0800) v4++;
    at += 16 + len;
  }
  assert.ok(v6 > 100 && v4 > 100, `IPv6 ${v6}, IPv4 ${v4}`);
});

test('every device has one MAC; IPv4 on 10.88.16.0/24, IPv6 on the ULA /64; some IPv6-only, some dual-stack', () => {
  assert.equal(truth.devices.length, 50);
  assert.equal(new Set(truth.devices.map((d) => d.mac)).size, truth.devices.length);
  for (const d of truth.devices) {
    assert.ok(/^10\.88\.16\.\d+$/.test(d.ip) || d.ip.startsWith('fd4b:7e1a:c03d:10:'), d.name);
    if (d.ip6 !== null) assert.ok(d.ip6.startsWith('fd4b:7e1a:c03d:10:'), d.name);
  }
  assert.deepEqual(['kvu-hl7ie01', 'kvu-reg01', 'kvu-research01'].map((n) => dev(n).ip === dev(n).ip6), [true, true, true]);
  assert.ok(dev('kvu-ws23-01').ip.startsWith('10.88.16.') && dev('kvu-ws23-01').ip6 !== null);
  assert.equal(dev('kvu-mon01').ip6, null);
});

test('hosts that must not be devices: the NAT64 and native internet peers, the router IPv6 address, two multicast groups', () => {
  const router = dev('kvu-core01');
  const own = truth.otherHosts.find((h) => h.ip === router.ip6);
  assert.deepEqual([own.zone, own.mac, own.mustNotBeDevice], ['router', router.mac, true]);
  assert.ok(own.name.startsWith(router.name));
  assert.deepEqual(truth.otherHosts.filter((h) => h.zone === 'external').map((h) => h.ip).sort(), ['2001:db8:4f1e::443', '64:ff9b::142a:415c']);
  assert.deepEqual(truth.otherHosts.filter((h) => h.zone === 'multicast').map((h) => h.ip).sort(), ['ff02::1:2', 'ff02::fb']);
});

test('must-fire findings: PHI in clear over both families, outdated DCMTK, ended Windows 11 23H2, Telnet, answered public', () => {
  assert.deepEqual(kinds(dev('kvu-hl7ie01')).sort(), ['cleartext-phi:hl7:received', 'cleartext-phi:hl7:sent']);
  assert.deepEqual(kinds(dev('kvu-reg01')), ['cleartext-phi:hl7:sent']);
  assert.deepEqual(kinds(dev('kvu-pacs01')).sort(), ['cleartext-phi:dicom:received', 'cleartext-phi:hl7:received']);
  assert.deepEqual(kinds(dev('kvu-us01')), ['cleartext-phi:dicom:sent']);
  assert.deepEqual(kinds(dev('kvu-research01')).sort(), ['cleartext-phi:dicom:sent', 'outdated-dicom:OFFIS_DCMTK_365']);
  for (const n of ['kvu-ws23-01', 'kvu-ws23-04']) assert.deepEqual(kinds(dev(n)), ['eol-os:null'], n);
  assert.deepEqual(kinds(dev('kvu-acc01')), ['cleartext-credentials:telnet:netops']);
  for (const n of ['kvu-prn01', 'kvu-prn02']) assert.deepEqual(kinds(dev(n)), ['snmp-default-community:public']);
});

test('must-not-fire: the echo-only workstation, unanswering monitors, 24H2 laptops, the DC, iPads, phones', () => {
  for (const n of ['kvu-nx01', 'kvu-mon01', 'kvu-lt24-01', 'kvu-biomed01', 'kvu-dc01', 'kvu-ipad01', 'kvu-ciscophone01', 'kvu-avaya01', 'kvu-core01']) assert.deepEqual(dev(n).findings, [], n);
  for (const n of ['kvu-lt24-01', 'kvu-dc01']) assert.equal(dev(n).knowable.endOfLife, false, n);
  assert.equal(dev('kvu-ws23-01').knowable.endOfLife, true);
  assert.deepEqual(dev('kvu-hl7ie01').maybeFindings, [{ kind: 'exposed-management', key: 'ssh/22' }]);
});
