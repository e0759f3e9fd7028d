// `node --test scripts/eval/seventh/generate.test.mjs` (after `npm run build:tools`): the seventh family's generator
// writes a capture and a ground truth that agree with the clinic it describes — one statically addressed /24 with not
// one DHCP packet, one MAC per device, the internet peers listed as hosts that must not be devices, and the
// must-fire / must-not-fire findings the README promises.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
  dir = mkdtempSync(join(tmpdir(), 'seventh-'));
  const r = spawnSync(process.execPath, [join(here, 'generate.mjs'), dir], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8'));
  pcap = readFileSync(join(dir, 'scenario.pcap'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** UDP ports of every IPv4 frame (Ethernet II, no VLAN tag), as [sport, dport]. */
function udpPorts() {
  const out = [];
  for (let at = 24; at + 16 <= pcap.length;) {
    const len = pcap.readUInt32LE(at + 8);
    const f = at + 16;
    if (pcap.readUInt16BE(f + 12) === 0x0800 && pcap[f + 23] === 17) {
      const l4 = f + 14 + (pcap[f + 14] & 0x0f) * 4;
      out.push([pcap.readUInt16BE(l4), pcap.readUInt16BE(l4 + 2)]);
    }
    at += 16 + len;
  }
  return out;
}

test('a classic pcap with UDP in it, and not one DHCP packet (static addressing)', () => {
  assert.equal(pcap.readUInt32LE(0), 0xa1b2c3d4);
  assert.equal(pcap.readUInt32LE(20), 1); // LINKTYPE_ETHERNET
  const udp = udpPorts();
  assert.ok(udp.some(([s, d]) => s === 53 || d === 53), 'DNS present');
  assert.deepEqual(udp.filter(([s, d]) => [67, 68].includes(s) || [67, 68].includes(d)), []);
});

test('44 devices on 10.61.40.0/24, one MAC each, the firewall at .1; internet peers must not be devices', () => {
  assert.equal(truth.devices.length, 44);
  assert.equal(new Set(truth.devices.map((d) => d.mac)).size, truth.devices.length);
  for (const d of truth.devices) assert.match(d.ip, /^10\.61\.40\.\d+$/, d.name);
  assert.equal(dev('hfd-fw01').ip, '10.61.40.1');
  const fw = dev('hfd-fw01').mac;
  assert.deepEqual(truth.otherHosts.map((h) => [h.zone, h.mac === fw, h.mustNotBeDevice]), Array(3).fill(['external', true, true]));
});

test('must-fire: Telnet logins, factory SNMP communities, PHI in clear, ended Windows 10', () => {
  assert.deepEqual(kinds(dev('hfd-sw01')), ['cleartext-credentials:telnet:manager']);
  assert.deepEqual(kinds(dev('hfd-serial01')), ['cleartext-credentials:telnet:admin']);
  for (const n of ['hfd-ap01', 'hfd-ap02']) assert.deepEqual(kinds(dev(n)), ['snmp-default-community:private'], n);
  for (const n of ['hfd-label01', 'hfd-label02']) assert.deepEqual(kinds(dev(n)), ['snmp-default-community:public'], n);
  assert.deepEqual(kinds(dev('hfd-lis01')), ['cleartext-phi:hl7:sent']);
  assert.deepEqual(kinds(dev('hfd-ie01')), ['cleartext-phi:hl7:received']);
  assert.deepEqual(kinds(dev('hfd-photo01')), ['cleartext-phi:dicom:sent']);
  assert.deepEqual(kinds(dev('hfd-dms01')), ['cleartext-phi:dicom:received']);
  for (const n of ['hfd-ws10-01', 'hfd-ws10-03']) assert.deepEqual(kinds(dev(n)), ['eol-os:null'], n);
});

test('must-not-fire: unanswering dialysis machines, 24H2 PCs, the DC, phones, web servers of IT kit; maybes', () => {
  for (const n of ['hfd-hd01', 'hfd-nk01', 'hfd-ws11-01', 'hfd-biomed01', 'hfd-dc01', 'hfd-phone01', 'hfd-backup01', 'hfd-prn01', 'hfd-genmon01', 'hfd-fw01']) assert.deepEqual(dev(n).findings, [], n);
  assert.equal(dev('hfd-ws11-01').knowable.endOfLife, false);
  assert.equal(dev('hfd-ws10-01').knowable.endOfLife, true);
  assert.deepEqual(dev('hfd-dms01').maybeFindings, [{ kind: 'internet-egress', key: 'tcp/443' }]);
  assert.deepEqual(dev('hfd-ie01').maybeFindings, [{ kind: 'exposed-management', key: 'ssh/22' }]);
});
