// `node --test scripts/eval/fifth/generate.test.mjs` (after `npm run build:tools`): the fifth family's generator
// writes a capture and a ground truth that agree with the site it describes — every device on the flat /23, one MAC
// each, the NAT address and internet peers listed as hosts that must not be devices, and the must-fire / must-not-fire
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
const dev = (name) => truth.devices.find((d) => d.name === name);
const kinds = (d) => d.findings.map((f) => `${f.kind}:${f.key}`);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'fifth-'));
  const r = spawnSync(process.execPath, [join(here, 'generate.mjs'), dir], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('a pcap with a classic little-endian header and frames behind it', () => {
  const pcap = readFileSync(join(dir, 'scenario.pcap'));
  assert.equal(pcap.readUInt32LE(0), 0xa1b2c3d4);
  assert.equal(pcap.readUInt32LE(20), 1); // LINKTYPE_ETHERNET
  assert.ok(statSync(join(dir, 'scenario.pcap')).size > 50_000);
});

test('every device is on 10.72.0.0/23 with its own address and MAC', () => {
  assert.equal(truth.devices.length, 48);
  for (const d of truth.devices) assert.match(d.ip, /^10\.72\.[01]\.\d+$/, d.name);
  assert.equal(new Set(truth.devices.map((d) => d.ip)).size, truth.devices.length);
  assert.equal(new Set(truth.devices.map((d) => d.mac)).size, truth.devices.length);
});

test('the NAT address carries the router MAC and is a router host that must not be a device; so are the internet peers', () => {
  const router = dev('sbc-edge01');
  const nat = truth.otherHosts.find((h) => h.ip === '10.72.1.254');
  assert.deepEqual([nat.zone, nat.mac, nat.mustNotBeDevice], ['router', router.mac, true]);
  assert.ok(nat.name.startsWith(router.name));
  assert.equal(truth.otherHosts.filter((h) => h.zone === 'external' && h.mustNotBeDevice).length, 2);
});

test('must-fire findings: PHI in clear, end of life, SMBv1, Telnet login, TLS 1.0, answered public', () => {
  assert.deepEqual(kinds(dev('sbc-his01')).sort(), ['cleartext-phi:hl7:received', 'cleartext-phi:hl7:sent']);
  assert.ok(kinds(dev('sbc-wl01')).includes('cleartext-phi:dicom:sent'));
  assert.ok(kinds(dev('sbc-ctsim01')).includes('cleartext-phi:dicom:received'));
  for (const n of ['sbc-tps01', 'sbc-lab-xp01']) assert.deepEqual(kinds(dev(n)).sort(), ['eol-os:null', 'smbv1:client']);
  for (const n of ['sbc-ce701', 'sbc-ce702', 'sbc-ce7-cl']) assert.ok(kinds(dev(n)).includes('eol-os:null'), n);
  assert.ok(kinds(dev('sbc-ce7-cl')).includes('weak-tls:client:TLS 1.0'));
  assert.deepEqual(kinds(dev('sbc-perle-web')), ['cleartext-credentials:telnet:admin']);
  for (const n of ['sbc-nc01', 'sbc-nc02']) assert.deepEqual(kinds(dev(n)), ['snmp-default-community:public']);
});

test('must-not-fire: nothing on the unanswering badges, the PCs, the DC, the printers; the NAT-ed send is only a maybe', () => {
  for (const n of ['sbc-badge01', 'sbc-ns01', 'sbc-biomed01', 'sbc-dc01', 'sbc-prn-lx01', 'sbc-av01']) assert.deepEqual(dev(n).findings, [], n);
  for (const n of ['sbc-ns01', 'sbc-dc01']) assert.equal(dev(n).knowable.endOfLife, false, n);
  assert.deepEqual(dev('sbc-edge01').findings, []);
  assert.deepEqual(dev('sbc-edge01').maybeFindings, [{ kind: 'cleartext-phi', key: 'hl7:sent' }]);
});
