// Writes <outDir>/scenario.pcap and <outDir>/ground-truth.json for the fourth family: a mid-size hospital
// ("Harbourside General", catalogue.mjs) on one core switch whose departments are 802.1Q VLANs, captured on a SPAN of
// the trunk: every frame carries its VLAN tag, and a frame crossing VLANs is seen as it enters the core switch
// (wire.mjs trunkSink). A Windows server is DHCP server and domain controller; most clinical devices talk only to their
// vendor's gateway. No site file. Usage: node generate.mjs [outDir]
import { loadSynth } from '../../synth.mjs';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as talk from '../talk.mjs';
import { prng } from '../prng.mjs';
import { macFactory } from '../oui-mac.mjs';
import { markEol, truthRecord } from '../truth-record.mjs';
import { INTERNET, KINDS, OS, VLANS } from './catalogue.mjs';
import { expectFindings } from './expect.mjs';
import * as wire from './wire.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const outDir = process.argv[2] ?? join(root, '.eval', 'fourth');
const SEED = 0x4f0d11;
// Monday 7 December 2026: after Windows Server 2012 R2's last ESU year, before Windows 11 24H2 Enterprise's end.
const START = Date.UTC(2026, 11, 7, 7, 10, 0) / 1000;
const SITE = { domain: 'hgh.example', netbiosDomain: 'HGH', institution: 'Harbourside General' };

const rnd = prng(SEED);
const macUnder = macFactory(root, rnd, 'fourth');
const STACKS = { win: [128, talk.tcp.WINDOWS_TCP], linux: [64, talk.tcp.LINUX_TCP], embedded: [64, talk.tcp.EMBEDDED_TCP] };
const net = (v) => ({ mask: '255.255.255.0', gateway: `${VLANS[v].prefix}.1`, domain: SITE.domain, broadcast: `${VLANS[v].prefix}.255` });

// ---- devices: servers without a vouched-for NIC maker still have a MAC on the wire (every VLAN is seen whole);
// they get a locally administered one, as a virtual machine's NIC would carry, which names no maker.
const coreKind = KINDS.find((k) => k.gateway);
const CORE_MAC = macUnder(coreKind.oui);
const next = Object.fromEntries(Object.entries(VLANS).map(([v, x]) => [v, x.first]));
const devices = [];
for (const kind of KINDS) {
  for (let i = 1; i <= kind.count; i++) {
    const name = kind.count === 1 ? kind.name : `${kind.name}${String(i).padStart(2, '0')}`;
    const ip = kind === coreKind ? `${VLANS.server.prefix}.1` : `${VLANS[kind.vlan].prefix}.${next[kind.vlan]++}`;
    const m = kind === coreKind ? CORE_MAC : macUnder(kind.oui ?? 'local');
    const [ttl, tcp] = STACKS[kind.stack];
    devices.push({ name, kind, ip, mac: m, wireMac: m, hostname: name, ttl, tcp, serial: String(10000 + (rnd() % 89999)), ...(kind.dicomScp ?? {}), osVersion: kind.truth[3] ? OS[kind.truth[3]].version : undefined });
  }
}
const vlanByMac = new Map(devices.filter((d) => d.kind !== coreKind).map((d) => [d.mac, VLANS[d.kind.vlan].vid]));
// The core switch's interface on every other VLAN: its MAC, not a device of its own.
const gateways = Object.entries(VLANS).filter(([v]) => v !== 'server').map(([v, x]) => ({ name: `hgh-core-sw01 vlan ${x.vid}`, vlan: v, ip: `${x.prefix}.1`, wireMac: CORE_MAC, hostname: 'hgh-core-sw01', ttl: 64, tcp: talk.tcp.EMBEDDED_TCP }));
const internet = INTERNET.map((h) => ({ ...h, internet: true, wireMac: CORE_MAC, hostname: h.name, ttl: 50, tcp: talk.tcp.LINUX_TCP }));
const hosts = new Map([...devices, ...gateways, ...internet].map((h) => [h.name, h]));
const by = (n) => {
  const h = hosts.get(n);
  if (h === undefined) throw new Error(`fourth: unknown host ${n}`);
  return h;
};
const [DC, PACS, NMS, BMS] = ['srv-dc01', 'rt-arch01', 'srv-nms01', 'srv-bms01'].map(by);
// [satori] webuseragent.xml (Windows NT 10.0 Chrome).
const UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/87.0.4280.88 Safari/537.36';

// ---- events, 0.3 s apart
const events = [];
let t = 0;
const at = () => (t += 0.3);
let seq = 400;
for (const d of devices) if (d.kind !== coreKind && d.kind.vlan !== 'server') events.push({ at: at(), kind: 'arp', src: d.name, dst: `hgh-core-sw01 vlan ${VLANS[d.kind.vlan].vid}` });
// [hl7-adt] the HIS's admission message to the theatre system, with this site's patient.
const adtSegments = () => (i, when) => [`EVN|A01|${when}|||`, `PID|1||${135769 + i}||FOURTHFAM^PATIENT^||19610422|F|||12 QUAY ST^^HARBOURSIDE||||||||`, 'PV1|1|I|THEATRE^2^1|||||||SUR'];
for (const d of devices) {
  for (const s of d.kind.talk) {
    if (s.kind === 'dhcp') events.push(...wire.dhcpDora(at(), d, DC, { ...s, hostname: true }, net(d.kind.vlan)));
    else if (s.kind === 'smb') events.push(...wire.smbLogon(at(), d, DC, { os: OS[s.os].version, user: s.user, smb1: s.smb1 }, SITE));
    else if (s.kind === 'dicom') events.push(...wire.dicomStore(at(), { ...d, hostname: s.ae }, PACS, { ...s, instanceRoot: '1.2.276.0.7230010.3.1.4.1787205428' }, SITE));
    else if (s.kind === 'hl7') events.push(...wire.hl7Send(at(), d, by(s.to), { msh3: 'SENDING_APPLICATION', msh4: 'SENDING_FACILITY', msh5: 'RECEIVING_APPLICATION', msh6: 'RECEIVING_FACILITY', type: 'ADT^A01', version: '2.3', msh21: null, count: 2, segments: adtSegments() }));
    else if (s.kind === 'snmp') events.push(...wire.snmpGet(at(), NMS, d, s.community, seq++, s.answers));
    else if (s.kind === 'http-server') events.push(...wire.httpGet(at(), by(s.from), d, { userAgent: UA, server: s.server, title: s.title }));
    else if (s.kind === 'ftp-server') events.push(...wire.ftpSession(at(), by(s.from), d, s));
    else if (s.kind === 'telnet-server') events.push(...wire.telnetLogin(at(), by(s.from), d, s));
    else if (s.kind === 'tcp-stream') events.push(...wire.opaqueTcp(at(), d, by(s.to), s.port, 200, rnd, 2));
    else if (s.kind === 'udp-stream') events.push(...wire.opaqueUdp(at(), d, by(s.to), s.port, 3, 64, rnd));
    else if (s.kind === 'tls-client') events.push(...wire.tlsSession(at(), d, by(s.to), { version: s.version, sni: s.sni, port: 443 }, seq++));
    else if (s.kind === 'teamviewer') events.push(...wire.teamviewerSession(at(), d, by('TV-ROUTER'), rnd));
    else if (s.kind === 'bacnet-whois') events.push(...wire.bacnetWhoIs(at(), d, by(`hgh-core-sw01 vlan ${VLANS.building.vid}`), net('building').broadcast));
    else if (s.kind === 'bacnet-iam') events.push(...wire.bacnetIAm(at(), d, BMS, net('building').broadcast));
    else if (s.kind !== 'lldp') throw new Error(`${d.name}: unknown talk item ${s.kind}`);
  }
}

// ---- write through the trunk tagger: LLDP from the core switch (untagged native VLAN frames are not on this
// trunk; it is tagged with the server VLAN), its gratuitous ARP, then the scenario
mkdirSync(outDir, { recursive: true });
const pcapPath = join(outDir, 'scenario.pcap');
const file = talk.PcapWriter.toFile(pcapPath);
const writer = wire.trunkSink(file, (m) => vlanByMac.get(m), CORE_MAC, VLANS.server.vid);
const { buildArpFrame } = await loadSynth('frame-builder.js');
let extraFrames = 0;
const lldp = wire.lldpFrame(CORE_MAC, coreKind.name);
writer.writePacket(lldp, 0, lldp.length, START - 5, 0);
const buf = new Uint8Array(128);
const arpLen = buildArpFrame(buf, { srcMac: talk.mac(CORE_MAC), dstMac: talk.mac('ff:ff:ff:ff:ff:ff'), vlan: null, vlanPriority: 0, op: 1, senderMac: talk.mac(CORE_MAC), senderIp: talk.ip(by(coreKind.name).ip), targetMac: new Uint8Array(6), targetIp: talk.ip(by(coreKind.name).ip) });
writer.writePacket(buf, 0, arpLen, START - 3, 0);
extraFrames += 2;
const playHosts = [...hosts.values()].map((h) => ({ name: h.name, mac: h.wireMac, ip: h.ip, ttl: h.ttl, tcp: h.tcp }));
const frames = talk.playScenario({ hosts: playHosts, events, startSec: START, seed: SEED }, writer) + extraFrames;
file.close();

// ---- ground truth
const asOf = new Date(START * 1000).toISOString().slice(0, 10);
markEol(devices, OS, asOf);
const expected = expectFindings(devices, hosts);
const truth = devices.map((d) => truthRecord(d, OS, expected));
const otherHosts = [
  ...internet.map((h) => ({ name: h.name, mac: CORE_MAC, ip: h.ip, zone: 'external', mustNotBeDevice: true, findings: [] })),
  ...gateways.map((g) => ({ name: g.name, mac: CORE_MAC, ip: g.ip, zone: 'router', mustNotBeDevice: true, findings: [] })),
];
writeFileSync(join(outDir, 'ground-truth.json'), `${JSON.stringify({ family: 'fourth', seed: SEED, eolAsOf: asOf, siteFile: null, devices: truth, otherHosts }, null, 1)}\n`);
console.log(`wrote ${pcapPath}: ${devices.length} devices, ${frames} frames, ${statSync(pcapPath).size} bytes; ground truth beside it`);
