// Writes <outDir>/scenario.pcap and <outDir>/ground-truth.json for the fifth family: a children's cancer centre
// ("St Brigid's", catalogue.mjs) on one flat /23 whose addresses a Windows Server 2016 DC hands out, captured on a
// SPAN of the access switch. A satellite infusion clinic reaches the centre over a site-to-site VPN that the edge
// router source-NATs to one of its own addresses: the clinic's registration system is seen only as that address, with
// the router's MAC and a TTL two hops down. No site file. Usage: node generate.mjs [outDir]
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as talk from '../talk.mjs';
import { prng } from '../prng.mjs';
import { macFactory } from '../oui-mac.mjs';
import { markEol, truthRecord } from '../truth-record.mjs';
import { gratuitousArp, writeCapture } from '../write-capture.mjs';
import { INTERNET, KINDS, LAN, OS } from './catalogue.mjs';
import { expectFindings } from './expect.mjs';
import * as wire from './wire.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const outDir = process.argv[2] ?? join(root, '.eval', 'fifth');
const SEED = 0x5f1f7a;
// Tuesday 8 December 2026: before Windows Server 2016's end (2027-01-12), long after XP, 7 and Compact 7.
const START = Date.UTC(2026, 11, 8, 6, 40, 0) / 1000;
const SITE = { domain: 'sbc.example', netbiosDomain: 'SBC', institution: "St Brigid's Children's Cancer Centre" };
const NET = { mask: LAN.mask, gateway: LAN.gateway, domain: SITE.domain, broadcast: LAN.broadcast };

const rnd = prng(SEED);
const macUnder = macFactory(root, rnd, 'fifth');
const STACKS = { win: [128, talk.tcp.WINDOWS_TCP], linux: [64, talk.tcp.LINUX_TCP], embedded: [64, talk.tcp.EMBEDDED_TCP] };

// ---- devices: the router takes .1 of the low half; the rest count up in their half of the /23
const next = { low: 10, high: 20 };
const devices = [];
for (const kind of KINDS) {
  for (let i = 1; i <= kind.count; i++) {
    const name = kind.count === 1 ? kind.name : `${kind.name}${String(i).padStart(2, '0')}`;
    const ip = kind.router ? LAN.gateway : `${LAN[kind.half]}.${next[kind.half]++}`;
    const m = macUnder(kind.oui);
    const [ttl, tcp] = STACKS[kind.stack];
    devices.push({ name, kind, ip, mac: m, hostname: name, ttl, tcp, ...(kind.dicomScp ?? {}), osVersion: kind.truth[3] ? OS[kind.truth[3]].version : undefined });
  }
}
const router = devices.find((d) => d.kind.router);
// The satellite clinic behind the VPN, NATed to the router's second address: the router's MAC, two hops of TTL gone.
const nat = { name: 'sbc-edge01 nat', ip: LAN.nat, mac: router.mac, hostname: 'sbc-edge01', ttl: 126, tcp: talk.tcp.WINDOWS_TCP };
const internet = INTERNET.map((h) => ({ ...h, internet: true, mac: router.mac, hostname: h.name, ttl: 50, tcp: talk.tcp.LINUX_TCP }));
const hosts = new Map([...devices, nat, ...internet].map((h) => [h.name, h]));
const by = (n) => {
  const h = hosts.get(n);
  if (h === undefined) throw new Error(`fifth: unknown host ${n}`);
  return h;
};
const [DC, NMS] = ['sbc-dc01', 'sbc-nms01'].map(by);
// [satori] webuseragent.xml (Windows NT 10.0 Chrome).
const UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/87.0.4280.88 Safari/537.36';

// ---- events, 0.3 s apart
const events = [];
let t = 0;
const at = () => (t += 0.3);
let seq = 700;
for (const d of devices) if (d !== router) events.push({ at: at(), kind: 'arp', src: d.name, dst: router.name });
// [hl7-adt] admissions: the clinic's registration (behind NAT) to the interface engine, the engine on to the clinical
// communications server; this centre's patient.
const adtSegments = (i, when) => [`EVN|A01|${when}|||`, `PID|1||${248113 + i}||FIFTHFAM^CHILD^||20150611|M|||7 ELM RD^^BRIGIDSTOWN||||||||`, 'PV1|1|I|ONC^4^2|||||||ONC'];
const adt = { msh3: 'SENDING_APPLICATION', msh4: 'SENDING_FACILITY', msh5: 'RECEIVING_APPLICATION', msh6: 'RECEIVING_FACILITY', type: 'ADT^A01', version: '2.3', msh21: null, count: 2, segments: adtSegments };
events.push(...wire.hl7Send(at(), nat, by('sbc-his01'), adt));
for (const d of devices) {
  for (const s of d.kind.talk) {
    if (s.kind === 'dhcp') events.push(...wire.dhcpDora(at(), d, DC, { ...s, hostname: true }, NET));
    else if (s.kind === 'smb') events.push(...wire.smbLogon(at(), d, DC, { os: d.osVersion, user: s.user, smb1: s.smb1 ?? null }, SITE));
    else if (s.kind === 'dicom') events.push(...wire.dicomStore(at(), { ...d, hostname: s.ae }, by(s.to), { ...s, instanceRoot: '2.25.148302215748519274105913' }, SITE));
    else if (s.kind === 'worklist') events.push(...wire.dicomWorklist(at(), d, by(s.to), s, SITE));
    else if (s.kind === 'hl7') events.push(...wire.hl7Send(at(), d, by(s.to), adt));
    else if (s.kind === 'snmp') events.push(...wire.snmpGet(at(), NMS, d, s.community, seq++, s.answers));
    else if (s.kind === 'http-server') events.push(...wire.httpGet(at(), by(s.from), d, { userAgent: UA, server: s.server, title: s.title }));
    else if (s.kind === 'ssh-server') events.push(...wire.sshBanners(at(), by(s.from), d, s.server, s.client));
    else if (s.kind === 'telnet-server') events.push(...wire.telnetLogin(at(), by(s.from), d, s));
    else if (s.kind === 'tcp-stream') events.push(...wire.opaqueTcp(at(), d, by(s.to), s.port, 200, rnd, 2));
    else if (s.kind === 'udp-stream') events.push(...wire.opaqueUdp(at(), d, by(s.to), s.port, 3, 64, rnd));
    else if (s.kind === 'dns') events.push(...wire.dnsLookup(at(), d, by(s.to), s.name, by('WIN-UPDATE').ip, seq++));
    else if (s.kind === 'tls-client') events.push(...wire.tlsSession(at(), d, by(s.to), { version: s.version, sni: s.sni, port: 443 }, seq++));
    else if (s.kind !== 'lldp') throw new Error(`${d.name}: unknown talk item ${s.kind}`);
  }
}

// ---- write: the router's LLDP and gratuitous ARP, then the scenario
mkdirSync(outDir, { recursive: true });
const pcapPath = join(outDir, 'scenario.pcap');
const lead = [{ frame: wire.lldpRouterFrame(router.mac, router.name), sec: START - 5 }, { frame: gratuitousArp(router.mac, router.ip), sec: START - 3 }];
const frames = writeCapture(pcapPath, { lead, hosts: [...hosts.values()], events, start: START, seed: SEED });

// ---- ground truth
const asOf = new Date(START * 1000).toISOString().slice(0, 10);
markEol(devices, OS, asOf);
const expected = expectFindings(devices, hosts);
const truth = devices.map((d) => truthRecord(d, OS, expected));
const otherHosts = [
  ...internet.map((h) => ({ name: h.name, mac: router.mac, ip: h.ip, zone: 'external', mustNotBeDevice: true, findings: [] })),
  // The NAT address is the router's own: folded into the router it is right, as a device of its own it is not.
  { name: nat.name, mac: router.mac, ip: nat.ip, zone: 'router', mustNotBeDevice: true, findings: [] },
];
writeFileSync(join(outDir, 'ground-truth.json'), `${JSON.stringify({ family: 'fifth', seed: SEED, eolAsOf: asOf, siteFile: null, devices: truth, otherHosts }, null, 1)}\n`);
console.log(`wrote ${pcapPath}: ${devices.length} devices, ${frames} frames, ${statSync(pcapPath).size} bytes; ground truth beside it`);
