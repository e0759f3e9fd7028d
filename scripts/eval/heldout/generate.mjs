// Writes <outDir>/scenario.pcap and <outDir>/ground-truth.json for the held-out family: a second hospital of about
// 115 devices (catalogue.mjs) with its own address plan and site style. The flat clinical LAN 172.16.0.0/22 is seen
// whole (ARP, DHCP, everything); the imaging (172.17.10.0/24) and office (172.17.20.0/24) VLANs are seen only on the
// router's uplink, so their hosts' frames carry the router's MAC. The router has a gateway address on each network
// and answers ARP for it. Internet servers are reached through it. No site file. Usage: node generate.mjs [outDir]
import { loadSynth } from '../../synth.mjs';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as talk from '../talk.mjs';
import { vncConnect, rdpConnect } from '../talk-risk.mjs';
import { INTERNET, KINDS, OS } from './catalogue.mjs';
import { expectFindings } from './expect.mjs';
import * as wire from './wire.mjs';
import { prng } from '../prng.mjs';
import { macFactory } from '../oui-mac.mjs';
import { markEol, truthRecord } from '../truth-record.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const outDir = process.argv[2] ?? join(root, '.eval', 'heldout');
const SEED = 0x5eed42;
// Monday 18 May 2026: after Windows 10 22H2's end of support, before Server 2016's and LTSC 2021's.
const START = Date.UTC(2026, 4, 18, 7, 30, 0) / 1000;
const SITE = { domain: 'nwh.example', netbiosDomain: 'NWH', institution: 'Northward Health' };
const FLAT = { mask: '255.255.252.0', gateway: '172.16.0.1', domain: SITE.domain };
const GATEWAYS = { imaging: '172.17.10.1', office: '172.17.20.1' };
const FLAT_BROADCAST = '172.16.3.255';

const rnd = prng(SEED);

// [oui]: the first registered prefix of each owner name.
const macUnder = macFactory(root, rnd, 'heldout');
const STACKS = { win: [128, talk.tcp.WINDOWS_TCP], linux: [64, talk.tcp.LINUX_TCP], embedded: [64, talk.tcp.EMBEDDED_TCP] };

// ---- devices and addresses
const routerKind = KINDS.find((k) => k.truth[2] === 'router');
const ROUTER_MAC = macUnder(routerKind.oui);
const next = { flat: 10, imaging: 21, office: 21 };
const devices = [];
for (const kind of KINDS) {
  for (let i = 1; i <= kind.count; i++) {
    const name = kind.count === 1 ? kind.name : `${kind.name}-${String(i).padStart(2, '0')}`;
    const isRouter = kind === routerKind;
    const n = isRouter ? 0 : next[kind.where]++;
    const ip = isRouter ? FLAT.gateway : kind.where === 'flat' ? `172.16.${Math.floor(n / 250)}.${(n % 250) + 1}` : `172.17.${kind.where === 'imaging' ? 10 : 20}.${n}`;
    const mac = isRouter ? ROUTER_MAC : kind.oui === null ? null : macUnder(kind.oui);
    const [ttl, tcp] = STACKS[kind.stack];
    const serial = String(10000 + (rnd() % 89999));
    // A host behind the router reaches the uplink one hop down: the router decremented its TTL (RFC 1812 §5.3.1).
    const wireTtl = !isRouter && kind.where !== 'flat' ? ttl - 1 : ttl;
    devices.push({ name, kind, ip, mac, wireMac: mac ?? ROUTER_MAC, hostname: name, ttl: wireTtl, tcp, serial, ...(kind.dicomScp ?? {}), cert: kind.cert, osVersion: kind.truth[3] ? OS[kind.truth[3]].version : undefined });
  }
}
const internet = INTERNET.map((h) => ({ ...h, internet: true, wireMac: ROUTER_MAC, hostname: h.name, ttl: 52, tcp: talk.tcp.LINUX_TCP }));
const hosts = new Map([...devices, ...internet].map((h) => [h.name, h]));
const by = (n) => {
  const h = hosts.get(n);
  if (h === undefined) throw new Error(`heldout: unknown host ${n}`);
  return h;
};
const [ROUTER, DC, NMS, PACS, LIS] = ['NW-FW01', 'NW-DC01', 'NW-NMS01', 'NW-PACS01', 'NW-LIS01'].map(by);
const UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0';

// ---- events, 0.3 s apart; a long one pushes the rest later (the player never overlaps them)
const events = [];
let t = 0;
const at = () => (t += 0.3);
let seq = 100;
for (const d of devices) if (d.kind.where === 'flat' && d !== ROUTER) events.push({ at: at(), kind: 'arp', src: d.name, dst: ROUTER.name });
const astmRecords = (d, header) => {
  const ts = '20260518093000';
  const h = header.replace('{SERIAL}', d.serial).replace('{TS}', ts);
  return [h, `P|1||PID${d.serial}||HELDOUT^PATIENT^A||19540302|F`, `O|1|S${d.serial}||^^^CBC|R|${ts}|||||||||WB`, 'R|1|^^^WBC|6.8|10*3/uL||N||F', 'L|1|N'];
};
// The gateway's ORU names the bedside device each value came from (OBX-18, its EUI-64), one monitor a message.
const deltas = devices.filter((x) => x.kind.name === 'NW-ICU-DELTA');
const hl7Body = (d, body) => (i, ts) => {
  const pid = `PID|1||MRN${880000 + i}^^^NWH^MR||HELDOUT^PATIENT||19480711|M`;
  if (body === 'vitals') return [pid, `OBR|1|${d.serial}${i}||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|||${ts}`, `OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.1.1.1|97|262688^MDC_DIM_PERCENT^MDC|||||R|||${ts}||||${talk.eui64(deltas[i % deltas.length].mac)}^EUI-64`];
  if (body === 'order') return [pid, `ORC|NW|ORD${i}`, `OBR|1|ORD${i}||^^^GLU`];
  if (body === 'report') return [pid, `OBR|1|${d.serial}${i}||ECHO^Echocardiogram|||${ts}`, 'OBX|1|TX|ECHO^Report||Normal left ventricular function||||||F'];
  return [pid, `OBR|1|${d.serial}${i}||CBC^Blood count|||${ts}`, `OBX|1|NM|6690-2^Leukocytes^LN||7.1|10*3/uL|||||F|||${ts}`];
};
for (const d of devices) {
  for (const s of d.kind.talk) {
    if (s.kind === 'dhcp') events.push(...wire.dhcpDora(at(), { ...d, mac: d.wireMac }, DC, s, FLAT));
    else if (s.kind === 'smb') events.push(...wire.smbLogon(at(), d, DC, { os: OS[s.os].version, user: s.user, smb1: s.smb1 }, SITE));
    // A browser announcement goes to the subnet's directed broadcast (172.16.3.255 on this /22).
    else if (s.kind === 'netbios') events.push(...talk.netbiosHostAnnouncement(at(), d, DC, { domain: SITE.netbiosDomain, id: seq++ }, OS[d.kind.truth[3]].version.split('.').slice(0, 2).join('.')).map((e) => ({ ...e, dstIp: FLAT_BROADCAST })));
    else if (s.kind === 'dicom') events.push(...wire.dicomStore(at(), d, PACS, s, SITE));
    else if (s.kind === 'hl7') {
      const app = s.msh3.replace('{SERIAL}', d.serial).replace('{EUI}', d.mac ? talk.eui64(d.mac) : '');
      const to = by(s.to);
      events.push(...wire.hl7Send(at(), d, to, { msh3: app, msh4: s.msh4, msh5: to.hostname, msh6: 'NWH', type: s.type, version: s.version, msh21: s.msh21, count: 2, segments: hl7Body(d, s.body) }));
    } else if (s.kind === 'astm') events.push(...wire.astmUpload(at(), d, LIS, astmRecords(d, s.header), 5001));
    else if (s.kind === 'snmp') events.push(...wire.snmpGet(at(), NMS, d, s.community, seq++, s.answers));
    else if (s.kind === 'snmp-descr') events.push(...wire.snmpDescr(at(), NMS, d, s.community, s.sysDescr.replace('{SERIAL}', d.serial), seq++));
    else if (s.kind === 'http-server') events.push(...wire.httpGet(at(), by(s.from), d, { userAgent: UA, server: s.server, title: s.title, basic: s.basic }));
    else if (s.kind === 'tls-server') events.push(...wire.tlsSession(at(), by(s.from), d, { version: '1.2', sni: `${d.hostname.toLowerCase()}.${SITE.domain}`, port: 443 }, seq++));
    else if (s.kind === 'ssh-server') events.push(...wire.sshBanners(at(), by(s.from), d, d.kind.ssh, 'SSH-2.0-PuTTY_Release_0.81'));
    else if (s.kind === 'ftp-server') events.push(...wire.ftpSession(at(), by(s.from), d, s));
    else if (s.kind === 'vnc') events.push(...vncConnect(at(), by(s.from), d, seq++));
    else if (s.kind === 'rdp') events.push(...rdpConnect(at(), by(s.from), d, s.user));
    else if (s.kind === 'udp-stream') events.push(...wire.opaqueUdp(at(), d, by(s.to), s.port, 3, 240, rnd));
    else if (s.kind === 'tcp-stream') events.push(...wire.opaqueTcp(at(), d, by(s.to), s.port, 160, rnd, 2));
    else if (s.kind === 'tls-client' && s.minutes === 0) events.push(...wire.tlsSession(at(), d, by(s.to), { version: s.version, sni: s.sni, port: 443 }, seq++));
    else if (s.kind !== 'tls-client') throw new Error(`${d.name}: unknown talk item ${s.kind}`);
  }
}
// Office PCs fetch Windows settings over HTTPS (an internet server that must not become a device).
for (const d of devices.filter((x) => x.kind.name === 'NW-PC').slice(0, 3)) events.push(...wire.tlsSession(at(), d, by('WIN-UPDATE'), { version: '1.2', sni: 'settings-win.data.microsoft.example', port: 443 }, seq++));
// Long-lived vendor remote-service tunnels last, so their minutes do not push the rest apart.
for (const d of devices) for (const s of d.kind.talk) if (s.kind === 'tls-client' && s.minutes > 0) events.push(...wire.tlsSession(at(), d, by(s.to), { version: s.version, sni: s.sni, port: 443, minutes: s.minutes }, seq++));

// ---- write: the router's gratuitous ARPs for each gateway address first, then the scenario
mkdirSync(outDir, { recursive: true });
const pcapPath = join(outDir, 'scenario.pcap');
const writer = talk.PcapWriter.toFile(pcapPath);
const { buildArpFrame } = await loadSynth('frame-builder.js');
const buf = new Uint8Array(128);
let extraFrames = 0;
for (const [i, gw] of [FLAT.gateway, GATEWAYS.imaging, GATEWAYS.office].entries()) {
  const len = buildArpFrame(buf, { srcMac: talk.mac(ROUTER_MAC), dstMac: talk.mac('ff:ff:ff:ff:ff:ff'), vlan: null, vlanPriority: 0, op: 1, senderMac: talk.mac(ROUTER_MAC), senderIp: talk.ip(gw), targetMac: new Uint8Array(6), targetIp: talk.ip(gw) });
  writer.writePacket(buf, 0, len, START - 3 + i, 0);
  extraFrames++;
}
const playHosts = [...devices, ...internet].map((h) => ({ name: h.name, mac: h.wireMac, ip: h.ip, ttl: h.ttl, tcp: h.tcp }));
const frames = talk.playScenario({ hosts: playHosts, events, startSec: START, seed: SEED }, writer) + extraFrames;
writer.close();

// ---- ground truth
const asOf = new Date(START * 1000).toISOString().slice(0, 10);
markEol(devices, OS, asOf);
const expected = expectFindings(devices, hosts);
const truth = devices.map((d) => truthRecord(d, OS, expected));
// Hosts that must not be inventory devices: internet servers, the router's gateway addresses on the VLANs (the
// router is one device, NW-FW01) and the LAN's broadcast address.
const otherHosts = [
  ...internet.map((h) => ({ name: h.name, mac: ROUTER_MAC, ip: h.ip, zone: 'external', mustNotBeDevice: true, findings: [] })),
  ...Object.entries(GATEWAYS).map(([vlan, ip]) => ({ name: `NW-FW01 ${vlan} gateway`, mac: ROUTER_MAC, ip, zone: 'router', mustNotBeDevice: true, findings: [] })),
  { name: 'flat LAN broadcast', mac: 'ff:ff:ff:ff:ff:ff', ip: FLAT_BROADCAST, zone: 'broadcast', mustNotBeDevice: true, findings: [] },
];
writeFileSync(join(outDir, 'ground-truth.json'), `${JSON.stringify({ family: 'held-out', seed: SEED, eolAsOf: asOf, siteFile: null, devices: truth, otherHosts }, null, 1)}\n`);
console.log(`wrote ${pcapPath}: ${devices.length} devices, ${frames} frames, ${statSync(pcapPath).size} bytes; ground truth beside it`);
