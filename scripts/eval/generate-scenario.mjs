// Writes .eval/scenario.pcap, .eval/ground-truth.json and .eval/site.json: a deterministic (seeded) multi-vendor
// hospital network of about 100 devices (scripts/eval/catalogue.mjs), each speaking what such a device speaks, with
// the findings each should raise (expect-findings.mjs). Run `npm run build:tools` first (it uses the compiled
// synthesiser, scripts/synth.mjs). Usage: node scripts/eval/generate-scenario.mjs [outDir]
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KINDS, OS } from './catalogue.mjs';
import { expectFindings } from './expect-findings.mjs';
import * as talk from './talk.mjs';
import * as risk from './talk-risk.mjs';
import { prng } from './prng.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = process.argv[2] ?? join(root, '.eval');
const SEED = 0x3a11d;
// wardwatch judges end of life as of the capture's newest packet (so old captures read as they were): the truth
// uses the same date. 2026-03-02 is after Windows 10 22H2's end of support and before Server 2016's.
const START = Date.UTC(2026, 2, 2, 8, 0, 0) / 1000;

const rnd = prng(SEED);

const oui = JSON.parse(readFileSync(join(root, 'data', 'oui.json'), 'utf8')).entries;
const ouiOf = new Map();
for (const [prefix, name] of Object.entries(oui)) if (!ouiOf.has(name)) ouiOf.set(name, prefix);

const IOS_TCP = { mss: 1460, window: 4128, windowScale: null, sackPermitted: false, timestamps: false, layout: 'linux' };
const XP_TCP = { mss: 1460, window: 65535, windowScale: null, sackPermitted: true, timestamps: false, layout: 'windows' };
const STACKS = {
  linux: [64, talk.tcp.LINUX_TCP], embedded: [64, talk.tcp.EMBEDDED_TCP], ios: [255, IOS_TCP],
  xp: [128, XP_TCP], win7: [128, talk.tcp.WINDOWS7_TCP], win10: [128, talk.tcp.WINDOWS_TCP],
};

// ---- devices: one per catalogue instance, with a MAC under the maker's OUI and an address per subnet
const devices = [];
let hostId = 10;
for (const [name, owner, count, truth, know, says, stack, extra] of KINDS) {
  const prefix = ouiOf.get(owner);
  if (prefix === undefined) throw new Error(`no OUI named ${owner} in data/oui.json`);
  for (let i = 1; i <= count; i++) {
    const tail = [rnd() & 0xff, rnd() & 0xff, rnd() & 0xff];
    const macText = [prefix.slice(0, 2), prefix.slice(2, 4), prefix.slice(4, 6), ...tail.map((b) => b.toString(16).padStart(2, '0'))].join(':').toLowerCase();
    const devName = count === 1 ? name : `${name}-${String(i).padStart(2, '0')}`;
    const hostname = name === 'PRN-HP' ? `NPI${tail.map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase()}`
      : name.startsWith('WS-10') && i % 2 === 0 ? `DESKTOP-${(rnd() % 36 ** 7).toString(36).toUpperCase().padStart(7, 'Q')}`
        : devName;
    const [ttl, tcp] = STACKS[stack];
    devices.push({ name: devName, kind: name, mac: macText, ip: `10.20.${Math.floor(hostId / 250)}.${(hostId % 250) + 1}`, hostname, ttl, tcp, truth, know, says, extra });
    hostId++;
  }
}
// Hosts that are not inventory subjects: the biomed engineers' management workstation (the site's management zone),
// a vendor's remote-service gateway (the site's vendor networks) and internet peers, whose frames arrive from the edge
// router's VRRP virtual MAC (RFC 5798 §7.3). Outside addresses are RFC 5737 documentation ones.
const MANAGEMENT_NET = '10.30.0.0/24';
const VENDOR_NET = '192.0.2.0/24';
const VRRP_MAC = '00:00:5e:00:01:01';
const extraHosts = [
  { name: 'BIOMED01', mac: `${ouiOf.get('Dell').match(/../g).join(':').toLowerCase()}:0b:10:01`, ip: '10.30.0.10', hostname: 'BIOMED01', ttl: 128, tcp: talk.tcp.WINDOWS_TCP, management: true },
  { name: 'VENDOR-CLOUD', mac: VRRP_MAC, ip: '203.0.113.40', hostname: 'druglib.vendor-cloud.example', ttl: 52, tcp: talk.tcp.LINUX_TCP, external: true },
  { name: 'GE-RSVP', mac: VRRP_MAC, ip: '192.0.2.50', hostname: 'rsvp.remote-service.example', ttl: 52, tcp: talk.tcp.LINUX_TCP, vendor: true },
  { name: 'TV-ROUTER', mac: VRRP_MAC, ip: '198.51.100.23', hostname: 'router.teamviewer.example', ttl: 116, tcp: talk.tcp.WINDOWS_TCP, external: true },
];
const hosts = new Map([...devices, ...extraHosts].map((h) => [h.name, h]));
const by = (n) => hosts.get(n);
const [INFRA, NMS, IE, FS, PACS, SM] = ['INFRA01', 'NMS01', 'HL7IE01', 'FS01', 'PACS01', 'ALARIS-SM'].map(by);
const browsers = devices.filter((d) => d.kind === 'WS-7');

// ---- events: every device ARPs for the DHCP/DNS server, then speaks; events start 0.4 s apart, and one that lasts
// longer (a login with a person typing) delays the next: the player never overlaps them
const events = [];
let t = 0;
const next = () => (t += 0.4);
for (const d of devices) if (d !== INFRA) events.push({ at: next(), kind: 'arp', src: d.name, dst: INFRA.name });
for (const d of devices) {
  for (const s of d.says) {
    if (s.kind === 'dhcp') events.push(...talk.dhcpDora(next(), d, INFRA, s));
    else if (s.kind === 'dicom') events.push(...talk.dicomAssociation(next(), d, PACS, s));
    else if (s.kind === 'hl7') events.push(...talk.hl7Exchange(next(), d, IE, s, hostId++));
    else if (s.kind === 'hl7-forward') events.push(...talk.hl7Exchange(next(), d, PACS, { msh3: 'HL7IE01', msh4: 'SYNTHETIC_HOSP', version: '2.3', type: 'ORM^O01' }, hostId++));
    else if (s.kind === 'smb') events.push(...talk.smbSession(next(), d, FS, { ...s, os: d.truth[3] }, OS, 'srv2016'));
    else if (s.kind === 'http-client') events.push(...talk.httpGet(next(), d, FS, { userAgent: s.userAgent, serverHeader: 'Microsoft-IIS/10.0', title: 'Intranet' }));
    else if (s.kind === 'http-server') {
      const serverHeader = s.server.replace('{SERIAL}', `VNB3K${(rnd() % 99999).toString().padStart(5, '0')}`).replace(' {FUTUREFW}', '');
      events.push(...talk.httpGet(next(), browsers[rnd() % browsers.length], d, { userAgent: browsers[0].says.find((x) => x.kind === 'http-client').userAgent, serverHeader, title: s.title }));
    } else if (s.kind === 'snmp') events.push(...talk.snmpPoll(next(), NMS, d, s, hostId++));
    else if (s.kind === 'netbios') events.push(...talk.netbiosHostAnnouncement(next(), d, INFRA, { domain: 'HOSP', id: hostId++ }, OS[d.truth[3]].version.split('.').slice(0, 2).join('.')));
    else if (s.kind === 'intellivue') events.push(...talk.intellivueConnectIndication(next(), d, INFRA, s));
    else if (s.kind === 'opaque-tcp') events.push(...talk.opaqueTcp(next(), d, s.port === 3613 ? SM : FS, s.port, s.bytes, rnd));
    else if (s.kind === 'login') events.push(...(s.proto === 'telnet' ? risk.telnetLogin : risk.ftpLogin)(next(), by(s.from), d, s));
    else if (s.kind === 'http-basic') events.push(...risk.httpBasicLogin(next(), by(s.from), d, s, by(s.from).says.find((x) => x.kind === 'http-client').userAgent));
    else if (s.kind === 'snmp-get') events.push(...risk.snmpGet(next(), NMS, d, s.community, hostId++));
    else if (s.kind === 'tls-client') events.push(...risk.tlsHandshake(next(), d, by(s.to), s, hostId++));
    else if (s.kind === 'teamviewer') events.push(...risk.teamviewerSession(next(), d, by(s.to), rnd));
    else if (s.kind === 'rdp') events.push(...risk.rdpConnect(next(), by(s.from), d, s.user));
    else if (s.kind === 'vnc') events.push(...risk.vncConnect(next(), by(s.from), d, hostId++));
    else if (s.kind !== 'lldp') throw new Error(`${d.name}: unknown talk item ${s.kind}`); // LLDP frames are written below
  }
}
// The first Windows 10 workstation also maps a share on PACS01, so the PACS shows its own NTLM version.
events.push(...talk.smbSession(next(), by('WS-10-01'), PACS, { os: 'win10', dialect: 3 }, OS, 'srv2019'));

// ---- write: LLDP frames first (switches announce themselves every 30 s), then the scenario
mkdirSync(outDir, { recursive: true });
const pcapPath = join(outDir, 'scenario.pcap');
const writer = talk.PcapWriter.toFile(pcapPath);
let lldpFrames = 0;
for (const d of devices) {
  const l = d.says.find((s) => s.kind === 'lldp');
  if (l === undefined) continue;
  const caps = talk.lldpB.LLDP_CAP_BRIDGE | (l.caps === 'router' ? talk.lldpB.LLDP_CAP_ROUTER : 0);
  const frame = talk.lldpB.lldpFrame(talk.mac(d.mac), {
    chassisMac: talk.mac(d.mac), portId: `Gi1/0/${1 + (lldpFrames % 48)}`, portDescription: 'uplink', systemName: d.hostname, systemDescription: l.sysDescr,
    capabilities: { supported: talk.lldpB.LLDP_CAP_BRIDGE | talk.lldpB.LLDP_CAP_ROUTER, enabled: caps }, managementIpv4: { address: talk.ip(d.ip), ifIndex: 1 },
  });
  writer.writePacket(frame, 0, frame.length, START - 5 + lldpFrames, 0);
  lldpFrames++;
}
const frames = talk.playScenario({ hosts: [...hosts.values()].map((d) => ({ name: d.name, mac: d.mac, ip: d.ip, ttl: d.ttl, tcp: d.tcp })), events, startSec: START, seed: SEED }, writer) + lldpFrames;
writer.close();

// ---- ground truth: what each device is, and which attributes its traffic lets one know
const asOf = new Date(START * 1000).toISOString().slice(0, 10);
for (const d of devices) {
  const os = d.truth[3] === null ? null : OS[d.truth[3]];
  d.eol = os?.supportEnd === undefined ? null : os.supportEnd < asOf;
  d.knowEol = d.know.includes('e') && d.eol !== null;
}
const expected = expectFindings(devices, hosts, (h) => h.management === true);
const truth = devices.map((d) => {
  const [vendor, category, type, osKey] = d.truth;
  const os = osKey === null ? null : OS[osKey];
  const k = (c) => d.know.includes(c);
  return {
    name: d.name, mac: d.mac, ip: d.ip, hostname: d.hostname, vendor, category, type,
    osFamily: os?.family ?? null, osVersion: os?.version ?? null, osLabel: os?.label ?? null, endOfLife: d.eol,
    knowable: { vendor: k('v'), category: k('c'), type: k('t'), osFamily: k('o') && os !== null, endOfLife: d.knowEol },
    findings: expected.get(d.name).findings, maybeFindings: expected.get(d.name).maybe,
  };
});
// Every extra host but the management workstation is outside (internet, vendor network): none may become a device;
// nor may the network's broadcast address.
const others = [
  ...extraHosts.map((h) => ({ name: h.name, mac: h.mac, ip: h.ip, zone: h.management ? 'management' : h.vendor ? 'vendor' : 'external', mustNotBeDevice: h.management !== true, findings: expected.get(h.name)?.findings ?? [] })),
  { name: 'LAN broadcast', mac: 'ff:ff:ff:ff:ff:ff', ip: '10.20.255.255', zone: 'broadcast', mustNotBeDevice: true, findings: [] },
];
writeFileSync(join(outDir, 'ground-truth.json'), `${JSON.stringify({ seed: SEED, eolAsOf: asOf, devices: truth, otherHosts: others }, null, 1)}\n`);
// The site file analyze reads (docs/site-file.md): the biomed management network and the vendor's remote-service
// network; internal networks stay RFC 1918.
writeFileSync(join(outDir, 'site.json'), `${JSON.stringify({ description: 'wardwatch eval scenario', managementNetworks: [MANAGEMENT_NET], vendorNetworks: [VENDOR_NET] }, null, 1)}\n`);
console.log(`wrote ${pcapPath}: ${devices.length} devices, ${frames} frames, ${statSync(pcapPath).size} bytes; ground truth beside it`);
