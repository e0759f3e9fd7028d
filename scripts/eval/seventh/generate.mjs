// Writes <outDir>/scenario.pcap and <outDir>/ground-truth.json for the seventh family: a renal dialysis and outpatient
// clinic ("Harrow Fen", catalogue.mjs) on one /24 with STATIC addressing — no DHCP exchange anywhere in the capture,
// so no device offers a host name, vendor class or option list — seen on a SPAN of the access switch. The firewall is
// the gateway and the way out to the internet. No site file. Usage: node generate.mjs [outDir]
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
const outDir = process.argv[2] ?? join(root, '.eval', 'seventh');
const SEED = 0x7d1a15;
// Tuesday 8 December 2026: after Windows 10 22H2's end (2025-10-14), before Windows 11 24H2 Enterprise's and Server 2019's.
const START = Date.UTC(2026, 11, 8, 6, 5, 0) / 1000;
const SITE = { domain: 'hfd.example', netbiosDomain: 'HFD', institution: 'Harrow Fen Dialysis and Outpatient Centre' };

const rnd = prng(SEED);
const macUnder = macFactory(root, rnd, 'seventh');
const STACKS = { win: [128, talk.tcp.WINDOWS_TCP], linux: [64, talk.tcp.LINUX_TCP], embedded: [64, talk.tcp.EMBEDDED_TCP] };

// ---- devices: the firewall is .1; the rest were typed in by the installer, from .10 up in catalogue order
const devices = [];
let next = 10;
for (const kind of KINDS) {
  for (let i = 1; i <= kind.count; i++) {
    const name = kind.count === 1 ? kind.name : `${kind.name}${String(i).padStart(2, '0')}`;
    const ip = kind.router ? LAN.gateway : `${LAN.net}.${next++}`;
    const [ttl, tcp] = STACKS[kind.stack];
    devices.push({ name, kind, ip, mac: macUnder(kind.oui), hostname: name, ttl, tcp, ...(kind.dicomScp ?? {}), osVersion: kind.truth[3] ? OS[kind.truth[3]].version : undefined });
  }
}
const router = devices.find((d) => d.kind.router);
const internet = INTERNET.map((h) => ({ ...h, internet: true, mac: router.mac, hostname: h.name, ttl: 51, tcp: talk.tcp.LINUX_TCP }));
const hosts = new Map([...devices, ...internet].map((h) => [h.name, h]));
const by = (n) => {
  const h = hosts.get(n);
  if (h === undefined) throw new Error(`seventh: unknown host ${n}`);
  return h;
};
const [DC, NMS] = ['hfd-dc01', 'hfd-nms01'].map(by);
// [satori] webuseragent.xml (Windows NT 10.0 Chrome).
const UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/87.0.4280.88 Safari/537.36';

// ---- events, 0.3 s apart
const events = [];
let t = 0;
const at = () => (t += 0.3);
let seq = 1300;
for (const d of devices) if (d !== router) events.push({ at: at(), kind: 'arp', src: d.name, dst: router.name });
// [hl7-ghh] the point-of-care lab system's glucose result to the interface engine; this family's patient.
const oruSegments = (i) => [
  `PID|||${640110 + i}||SEVENTHFAM^DIALYSIS^E^^^^L||19620320|F|||153 FERNWOOD DR.^^HARROW FEN||||||||`,
  `OBR|1|${845439 + i}^GHH OE|${1045813 + i}^GHH LAB|15545^GLUCOSE|||202612080630||||||||||||||||||F`,
  'OBX|1|SN|1554-5^GLUCOSE^POST 12H CFST:MCNC:PT:SER/PLAS:QN||^182|mg/dl|70_105|H|||F',
];
const oru = { msh3: 'GHH LAB', msh4: 'ELAB-3', msh5: 'GHH OE', msh6: 'BLDG4', type: 'ORU^R01', version: '2.4', msh21: null, count: 2, segments: oruSegments };
for (const d of devices) {
  for (const s of d.kind.talk) {
    if (s.kind === 'smb') events.push(...wire.smbLogon(at(), d, DC, { os: d.osVersion, user: s.user, smb1: null }, SITE));
    else if (s.kind === 'dicom') events.push(...wire.dicomStore(at(), { ...d, hostname: s.ae }, by(s.to), { ...s, instanceRoot: '2.25.307415529811464093378' }, SITE));
    else if (s.kind === 'hl7') events.push(...wire.hl7Send(at(), d, by(s.to), oru));
    else if (s.kind === 'snmp') events.push(...wire.snmpGet(at(), NMS, d, s.community, seq++, s.answers));
    else if (s.kind === 'http-server') events.push(...wire.httpGet(at(), by(s.from), d, { userAgent: UA, server: s.server, title: s.title }));
    else if (s.kind === 'ssh-server') events.push(...wire.sshBanners(at(), by(s.from), d, s.server, s.client));
    else if (s.kind === 'telnet-server') events.push(...wire.telnetLogin(at(), by(s.from), d, s));
    else if (s.kind === 'tcp-stream') events.push(...wire.opaqueTcp(at(), d, by(s.to), s.port, 200, rnd, 2));
    else if (s.kind === 'udp-stream') events.push(...wire.opaqueUdp(at(), d, by(s.to), s.port, 3, 64, rnd));
    else if (s.kind === 'dns') events.push(...wire.dnsLookup(at(), d, DC, s.name, by(s.answer).ip, seq++));
    else if (s.kind === 'tls-client') events.push(...wire.tlsSession(at(), d, by(s.to), { version: s.version, sni: s.sni, port: 443 }, seq++));
    else if (s.kind !== 'lldp') throw new Error(`${d.name}: unknown talk item ${s.kind}`);
  }
}

// ---- write: the firewall's LLDP and gratuitous ARP, then the scenario
mkdirSync(outDir, { recursive: true });
const pcapPath = join(outDir, 'scenario.pcap');
const lead = [{ frame: wire.lldpRouterFrame(router.mac, router.name), sec: START - 5 }, { frame: gratuitousArp(router.mac, router.ip), sec: START - 3 }];
const frames = writeCapture(pcapPath, { lead, hosts: [...hosts.values()], events, start: START, seed: SEED });

// ---- ground truth
const asOf = new Date(START * 1000).toISOString().slice(0, 10);
markEol(devices, OS, asOf);
const expected = expectFindings(devices, hosts);
const truth = devices.map((d) => truthRecord(d, OS, expected));
const otherHosts = internet.map((h) => ({ name: h.name, mac: router.mac, ip: h.ip, zone: 'external', mustNotBeDevice: true, findings: [] }));
writeFileSync(join(outDir, 'ground-truth.json'), `${JSON.stringify({ family: 'seventh', seed: SEED, eolAsOf: asOf, siteFile: null, devices: truth, otherHosts }, null, 1)}\n`);
console.log(`wrote ${pcapPath}: ${devices.length} devices, ${frames} frames, ${statSync(pcapPath).size} bytes; ground truth beside it`);
