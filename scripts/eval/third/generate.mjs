// Writes <outDir>/scenario.pcap and <outDir>/ground-truth.json for the third family: a routed campus ("Eastbrook
// Regional", catalogue.mjs) with one /24 per department behind a MikroTik core router. The capture is a SPAN of the
// ICU access switch (10.40.12.0/24: every frame with the host's own MAC, broadcasts, LLDP, IPv6 link-local chatter)
// merged with the core uplink, where every other subnet's frames carry the router's MAC and a TTL one lower (RFC 1812
// §5.3.1). DHCP is served by a Linux box on the server subnet through the router's relay agent (RFC 1542 §4). No site
// file. Usage: node generate.mjs [outDir]
import { loadSynth } from '../../synth.mjs';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as talk from '../talk.mjs';
import { prng } from '../prng.mjs';
import { macFactory } from '../oui-mac.mjs';
import { markEol, truthRecord } from '../truth-record.mjs';
import { INTERNET, KINDS, OS } from './catalogue.mjs';
import { expectFindings } from './expect.mjs';
import * as wire from './wire.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const outDir = process.argv[2] ?? join(root, '.eval', 'third');
const SEED = 0x3a1d07;
// Monday 7 December 2026: after Windows 11 23H2's end for every edition, before Server 2016's.
const START = Date.UTC(2026, 11, 7, 6, 45, 0) / 1000;
const SITE = { domain: 'ebrh.example', netbiosDomain: 'EBRH', institution: 'Eastbrook Regional' };
const NETS = {
  icu: { prefix: '10.40.12', mask: '255.255.255.0', gateway: '10.40.12.1', domain: SITE.domain, first: 20 },
  server: { prefix: '10.40.80', mask: '255.255.255.0', gateway: '10.40.80.1', domain: SITE.domain, first: 5 },
  lab: { prefix: '10.40.30', mask: '255.255.255.0', gateway: '10.40.30.1', domain: SITE.domain, first: 31 },
  imaging: { prefix: '10.40.50', mask: '255.255.255.0', gateway: '10.40.50.1', domain: SITE.domain, first: 41 },
  office: { prefix: '10.40.90', mask: '255.255.255.0', gateway: '10.40.90.1', domain: SITE.domain, first: 101 },
};
const MDNS6 = { name: 'mdns-ff02::fb', ip: 'ff02::fb', mac: '33:33:00:00:00:fb' }; // RFC 6762 §5, RFC 2464 §7

const rnd = prng(SEED);

// [oui]: the first registered prefix of each owner name ('local': locally administered).
const macUnder = macFactory(root, rnd, 'third');
/** IPv6 link-local from the MAC's modified EUI-64 (RFC 4291 Appendix A). */
const linkLocal = (m) => {
  const b = m.split(':').map((x) => parseInt(x, 16));
  const e = [b[0] ^ 0x02, b[1], b[2], 0xff, 0xfe, b[3], b[4], b[5]];
  return `fe80::${[0, 2, 4, 6].map((i) => ((e[i] << 8) | e[i + 1]).toString(16)).join(':')}`;
};
const STACKS = { win: [128, talk.tcp.WINDOWS_TCP], linux: [64, talk.tcp.LINUX_TCP], embedded: [64, talk.tcp.EMBEDDED_TCP] };

// ---- devices and addresses
const routerKind = KINDS.find((k) => k.truth[2] === 'router');
const switchKind = KINDS.find((k) => k.truth[2] === 'switch');
const ROUTER_MAC = macUnder(routerKind.oui);
const next = Object.fromEntries(Object.entries(NETS).map(([z, n]) => [z, n.first]));
const devices = [];
for (const kind of KINDS) {
  for (let i = 1; i <= kind.count; i++) {
    const name = kind.count === 1 ? kind.name : `${kind.name}${String(i).padStart(2, '0')}`;
    const net = NETS[kind.zone];
    const ip4 = kind === routerKind ? net.gateway : kind === switchKind ? `${net.prefix}.2` : `${net.prefix}.${next[kind.zone]++}`;
    const ownMac = kind.oui === null ? null : kind === routerKind ? ROUTER_MAC : macUnder(kind.oui);
    const seenWhole = kind.zone === 'icu';
    const [ttl, tcp] = STACKS[kind.stack];
    const serial = String(10000 + (rnd() % 89999));
    const ip = kind.v6only ? linkLocal(ownMac) : ip4;
    devices.push({ name, kind, ip, mac: ownMac, wireMac: seenWhole ? ownMac : ROUTER_MAC, hostname: name, ttl: seenWhole || kind === routerKind ? ttl : ttl - 1, tcp, serial, ...(kind.dicomScp ?? {}), osVersion: kind.truth[3] ? OS[kind.truth[3]].version : undefined });
  }
}
// The router's address on every other subnet (its relay source and the hosts' gateway): the router's MAC, no device.
const gateways = Object.entries(NETS).filter(([z]) => z !== 'icu').map(([z, n]) => ({ name: `c0-core-rt01 ${z} gateway`, zone: z, ip: n.gateway, wireMac: ROUTER_MAC, hostname: 'c0-core-rt01', ttl: 64, tcp: talk.tcp.EMBEDDED_TCP }));
const v6 = devices.filter((d) => d.kind.talk.some((t) => t.kind === 'mdns6') && !d.kind.v6only).map((d) => ({ name: `${d.name}/v6`, ip: linkLocal(d.mac), wireMac: d.mac, hostname: d.hostname, ttl: 255, tcp: d.tcp }));
const internet = INTERNET.map((h) => ({ ...h, internet: true, wireMac: ROUTER_MAC, hostname: h.name, ttl: 52, tcp: talk.tcp.LINUX_TCP }));
const hosts = new Map([...devices, ...gateways, ...v6, ...internet, { ...MDNS6, wireMac: MDNS6.mac, ttl: 255 }].map((h) => [h.name, h]));
const by = (n) => {
  const h = hosts.get(n);
  if (h === undefined) throw new Error(`third: unknown host ${n}`);
  return h;
};
const [ROUTER, DHCPD, NMS, DC, PACS, LIS] = ['c0-core-rt01', 'c0-srv-dhcp01', 'c0-srv-nms01', 'c0-srv-dc01', 'c0-srv-pacs01', 'c0-srv-lis01'].map(by);
const gatewayOf = (zone) => (zone === 'icu' ? ROUTER : by(`c0-core-rt01 ${zone} gateway`));
// [satori] webuseragent.xml (Windows NT 10.0 Chrome) and ssh.xml (the Windows OpenSSH client).
const UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/87.0.4280.88 Safari/537.36';
const SSH_CLIENT = 'SSH-2.0-OpenSSH_for_Windows_8.1';

// ---- events, 0.3 s apart (the player never overlaps them)
const events = [];
let t = 0;
const at = () => (t += 0.3);
let seq = 300;
for (const d of devices) if (d.kind.zone === 'icu' && d !== ROUTER && !d.kind.v6only) events.push({ at: at(), kind: 'arp', src: d.name, dst: ROUTER.name });
const ts = '20261207081500';
const astmRecords = (d, s) => [
  s.header.replace('{SERIAL}', d.serial).replace('{TS}', ts),
  `P|1||PID${d.serial}||THIRDFAM^PATIENT^B||19660214|M`,
  `O|1|PR25A137||^^^MTB-RIF|R|${ts}|||||||||ORH`,
  s.result.replaceAll('{TS}', ts).replace('{SERIAL}', d.serial),
  'L|1|N',
];
// [hl7-cmn]: the monitor's segments as the source sends them (no MSH-5/6), with this site's patient.
const comenSegments = (d) => (i, when) => [
  `PID|||${10006 + i}||THIRDFAM^PATIENT|||M`, 'PV1||I|^^&10', `OBR||||1^MON_PARAM^99COMEN|||${when}+0000`,
  `OBX||NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.3.1.150456|${96 + i}|262688^MDC_DIM_PERCENT^MDC|||||F|||${when}+0000`,
  `OBX||NM|149522^MDC_PULS_RATE^MDC|1.0.0.149522|${58 + i}|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||F|||${when}+0000`,
  `OBX||CNE|2453^COMEN_POS_BODY^99COMEN|1.1.9.2453|2821^COMEN_POS_SITTING^99COMEN||||||F|||${when}+0000`,
];
for (const d of devices) {
  for (const s of d.kind.talk) {
    if (s.kind === 'dhcp') {
      const net = NETS[d.kind.zone];
      events.push(...wire.dhcpRelayed(at(), { ...d, mac: d.mac }, gatewayOf(d.kind.zone), DHCPD, s, net, d.kind.zone === 'icu' ? 'access' : 'uplink'));
    } else if (s.kind === 'smb') events.push(...wire.smbLogon(at(), d, DC, { os: OS[s.os].version, user: s.user, smb1: null }, SITE));
    else if (s.kind === 'dicom') events.push(...wire.dicomStore(at(), { ...d, hostname: s.ae ?? d.hostname }, PACS, { ...s, instanceRoot: s.implVersion.startsWith('OFFIS_DCMTK') ? '1.2.276.0.7230010.3.1.4.2831176407' : `2.25.${BigInt(0x3a1d07) * 982451653n}` }, SITE));
    else if (s.kind === 'dicom-mwl') events.push(...wire.dicomWorklist(at(), d, PACS, s, SITE));
    else if (s.kind === 'hl7') events.push(...wire.hl7Send(at(), d, by(s.to), { msh3: s.msh3, msh4: s.msh4.replace('{SERIAL}', d.serial), msh5: '', msh6: '', type: 'ORU^R01^ORU_R01', version: '2.6', msh21: null, count: 2, segments: comenSegments(d) }));
    else if (s.kind === 'astm') events.push(...wire.astmUpload(at(), d, LIS, astmRecords(d, s), 5001));
    else if (s.kind === 'raw-text') events.push(...wire.textOverTcp(at(), d, by(s.to), s.port, s.text));
    else if (s.kind === 'snmp-sys') events.push(...wire.snmpSystem(at(), NMS, d, s.community, s.sysDescr, s.sysObjectId, seq++));
    else if (s.kind === 'snmp') events.push(...wire.snmpGet(at(), NMS, d, s.community, seq++, s.answers));
    else if (s.kind === 'http-server') events.push(...wire.httpGet(at(), by(s.from), d, { userAgent: UA, server: s.server, title: s.title }));
    else if (s.kind === 'ssh-server') events.push(...wire.sshBanners(at(), by(s.from), d, d.kind.ssh, SSH_CLIENT));
    else if (s.kind === 'tcp-stream') events.push(...wire.opaqueTcp(at(), d, by(s.to), s.port, 180, rnd, 2));
    else if (s.kind === 'rtsp-pull') events.push(...wire.opaqueTcp(at(), by(s.from), d, 554, 120, rnd, 2));
    else if (s.kind === 'mdns6') events.push(...wire.mdns6(at(), d.kind.v6only ? d : by(`${d.name}/v6`), by(MDNS6.name), ['_services._dns-sd._udp.local'], seq++));
    else if (s.kind !== 'lldp') throw new Error(`${d.name}: unknown talk item ${s.kind}`);
  }
}
// Office PCs fetch Windows settings over HTTPS (an internet server that must not become a device).
for (const d of devices.filter((x) => x.kind.name === 'c3-adm-pc').slice(0, 3)) events.push(...wire.tlsSession(at(), d, by('WIN-UPDATE'), { version: '1.2', sni: 'settings-win.data.microsoft.example', port: 443 }, seq++));

// ---- write: LLDP from the access switch and the router's gratuitous ARP first, then the scenario
mkdirSync(outDir, { recursive: true });
const pcapPath = join(outDir, 'scenario.pcap');
const writer = talk.PcapWriter.toFile(pcapPath);
const { buildArpFrame } = await loadSynth('frame-builder.js');
let extraFrames = 0;
for (const d of devices) {
  for (const s of d.kind.talk.filter((x) => x.kind === 'lldp')) {
    const f = wire.lldpFrame(d.mac, s);
    writer.writePacket(f, 0, f.length, START - 5, 0);
    extraFrames++;
  }
}
const buf = new Uint8Array(128);
const arpLen = buildArpFrame(buf, { srcMac: talk.mac(ROUTER_MAC), dstMac: talk.mac('ff:ff:ff:ff:ff:ff'), vlan: null, vlanPriority: 0, op: 1, senderMac: talk.mac(ROUTER_MAC), senderIp: talk.ip(ROUTER.ip), targetMac: new Uint8Array(6), targetIp: talk.ip(ROUTER.ip) });
writer.writePacket(buf, 0, arpLen, START - 3, 0);
extraFrames++;
const playHosts = [...hosts.values()].map((h) => ({ name: h.name, mac: h.wireMac, ip: h.ip, ttl: h.ttl, tcp: h.tcp }));
const frames = talk.playScenario({ hosts: playHosts, events, startSec: START, seed: SEED }, writer) + extraFrames;
writer.close();

// ---- ground truth
const asOf = new Date(START * 1000).toISOString().slice(0, 10);
markEol(devices, OS, asOf);
const expected = expectFindings(devices, hosts);
// A device behind the router is matched by address (its MAC never crosses), unless its own DHCP exchange carries
// its MAC in chaddr (the relayed Ricoh printers): then that MAC is on the wire and stands.
const truthMac = (d) => (d.kind.zone === 'icu' || d.kind.talk.some((x) => x.kind === 'dhcp') ? d.mac : null);
const truth = devices.map((d) => truthRecord(d, OS, expected, truthMac(d)));
// Hosts that must not be inventory devices: the internet server, the router's gateway addresses on the other
// subnets (the router is one device, c0-core-rt01) and the mDNS IPv6 multicast group.
const otherHosts = [
  ...internet.map((h) => ({ name: h.name, mac: ROUTER_MAC, ip: h.ip, zone: 'external', mustNotBeDevice: true, findings: [] })),
  ...gateways.map((g) => ({ name: g.name, mac: ROUTER_MAC, ip: g.ip, zone: 'router', mustNotBeDevice: true, findings: [] })),
  { name: 'mDNS IPv6 group', mac: MDNS6.mac, ip: MDNS6.ip, zone: 'multicast', mustNotBeDevice: true, findings: [] },
];
writeFileSync(join(outDir, 'ground-truth.json'), `${JSON.stringify({ family: 'third', seed: SEED, eolAsOf: asOf, siteFile: null, devices: truth, otherHosts }, null, 1)}\n`);
console.log(`wrote ${pcapPath}: ${devices.length} devices, ${frames} frames, ${statSync(pcapPath).size} bytes; ground truth beside it`);
