// Writes <outDir>/scenario.pcap and <outDir>/ground-truth.json for the sixth family: the imaging and acute-care wing of
// a university hospital ("Kestrel Valley", catalogue.mjs) on an IPv6-mostly dual-stack VLAN — a ULA /64 beside a legacy
// IPv4 /24, one broadcast domain, seen on a SPAN of the access switch. Windows PCs take IPv6 by stateful DHCPv6 and
// IPv4 by DHCPv4 from one domain controller and resolve AAAA over IPv6; servers speak IPv6 only; tablets and printers
// use SLAAC; bedside and imaging devices stay on IPv4; the internet is reached natively (IPv6) or through NAT64
// (64:ff9b::/96). A dual-stack host is one device with two addresses. No site file. Usage: node generate.mjs [outDir]
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as talk from '../talk.mjs';
import { prng } from '../prng.mjs';
import { macFactory } from '../oui-mac.mjs';
import { markEol, truthRecord } from '../truth-record.mjs';
import { gratuitousArp, writeCapture } from '../write-capture.mjs';
import { INTERNET, KINDS, NET, OS } from './catalogue.mjs';
import { expectFindings } from './expect.mjs';
import * as wire from './wire.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const outDir = process.argv[2] ?? join(root, '.eval', 'sixth');
const SEED = 0x6b7a11;
// Tuesday 8 December 2026: after Windows 11 23H2's last Enterprise update (2026-11-10), before 24H2 Enterprise's end.
const START = Date.UTC(2026, 11, 8, 7, 15, 0) / 1000;
const SITE = { domain: 'kvu.example', netbiosDomain: 'KVU', institution: 'Kestrel Valley University Hospital' };
const DHCP4 = { mask: NET.mask, gateway: NET.gateway, domain: SITE.domain };
const MDNS6 = { name: 'mdns-ff02::fb', ip: 'ff02::fb', mac: '33:33:00:00:00:fb' }; // RFC 6762 §5, RFC 2464 §7

const rnd = prng(SEED);
const macUnder = macFactory(root, rnd, 'sixth');
const STACKS = { win: [128, talk.tcp.WINDOWS_TCP], linux: [64, talk.tcp.LINUX_TCP], embedded: [64, talk.tcp.EMBEDDED_TCP], net: [255, talk.tcp.EMBEDDED_TCP] };
const hex = (v) => v.toString(16);
/** Modified EUI-64 interface identifier of a MAC (RFC 4291 Appendix A), as SLAAC forms it. */
const eui64 = (m) => {
  const b = m.split(':').map((x) => parseInt(x, 16));
  const e = [b[0] ^ 0x02, b[1], b[2], 0xff, 0xfe, b[3], b[4], b[5]];
  return [0, 2, 4, 6].map((i) => hex((e[i] << 8) | e[i + 1])).join(':');
};
/** A random interface identifier, as Windows (RFC 7217-style) and DHCPv6 leases have. */
const randomIid = () => [0, 1, 2, 3].map(() => hex(rnd() & 0xffff)).join(':');

// ---- devices: IPv4 from .10 up (router .1); IPv6 by role: servers static, Windows by DHCPv6, the rest by SLAAC
const devices = [];
let next4 = 10;
let nextStatic = 0x10;
let nextLease = 0x100;
for (const kind of KINDS) {
  for (let i = 1; i <= kind.count; i++) {
    const name = kind.count === 1 ? kind.name : `${kind.name}${String(i).padStart(2, '0')}`;
    const m = macUnder(kind.oui);
    const [ttl, tcp] = STACKS[kind.ttl];
    const ip4 = kind.stack === 'v6' ? null : kind.router ? NET.gateway : `${NET.v4}.${next4++}`;
    const windowsLease = kind.talk.some((t) => t.kind === 'dhcp6');
    const ip6 = kind.stack === 'v4' ? null : kind.router ? NET.gateway6 : windowsLease ? `${NET.v6}::${hex(nextLease++)}` : kind.oui === 'local' ? `${NET.v6}::${hex(nextStatic++)}` : `${NET.v6}:${eui64(m)}`;
    const ll = `fe80::${windowsLease || kind.oui === 'local' ? randomIid() : eui64(m)}`;
    devices.push({ name, kind, ip: ip4 ?? ip6, ip4, ip6, ll, mac: m, hostname: name, ttl, tcp, uidTag: String(devices.length + 1), ...(kind.dicomScp ?? {}), osVersion: kind.truth[3] ? OS[kind.truth[3]].version : undefined });
  }
}
const router = devices.find((d) => d.kind.router);
// Scenario hosts: a device's IPv4 address under its name; its IPv6 address under its name (IPv6-only) or name/v6
// (dual-stack); its link-local address under name/ll. All carry the device's one MAC.
const hosts = new Map();
for (const d of devices) {
  hosts.set(d.name, d);
  if (d.ip4 !== null && d.ip6 !== null) hosts.set(`${d.name}/v6`, { ...d, name: `${d.name}/v6`, ip: d.ip6 });
  hosts.set(`${d.name}/ll`, { ...d, name: `${d.name}/ll`, ip: d.ll });
}
const internet = INTERNET.map((h) => ({ ...h, internet: true, mac: router.mac, hostname: h.name, ttl: 52, tcp: talk.tcp.LINUX_TCP }));
for (const h of [...internet, { ...MDNS6, ttl: 255, tcp: talk.tcp.LINUX_TCP }]) hosts.set(h.name, h);
const by = (n) => {
  const h = hosts.get(n);
  if (h === undefined) throw new Error(`sixth: unknown host ${n}`);
  return h;
};
/** The host entry of device `n` in one address family (`v6` true: its IPv6 address). */
const end = (n, v6) => {
  const d = by(n);
  if (d.internet === true) return d;
  if (v6 === true) return d.ip4 === null ? d : by(`${n}/v6`);
  if (d.ip4 === null) throw new Error(`sixth: ${n} has no IPv4 address`);
  return d;
};
const [DC, NMS] = ['kvu-dc01', 'kvu-nms01'].map(by);
// [satori] webuseragent.xml (Windows NT 10.0 Chrome).
const UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/87.0.4280.88 Safari/537.36';

// ---- events, 0.3 s apart; a DHCPv6 exchange and a run of mDNS queries take longer, so the clock moves on after them
const events = [];
let t = 0;
const at = () => (t += 0.3);
/** The start of an exchange that lasts `seconds`: the next event begins after it. */
const lasting = (seconds) => {
  const start = at();
  t += seconds;
  return start;
};
let seq = 900;
for (const d of devices) if (d !== router && d.ip4 !== null) events.push({ at: at(), kind: 'arp', src: d.name, dst: router.name });
// [hl7wiki] admissions: registration (IPv6 only) to the interface engine, which forwards them to the RIS/PACS.
const adtSegments = (i) => [`EVN|A01|2026120807${String(20 + i).padStart(2, '0')}00|||`, `PID|1||${771020 + i}^^^KVU^MR||SIXTHFAM^PATIENT^||19580317|F|||12 RIVER WALK^^KESTREL VALLEY||||||||`, 'PV1|1|I|ICU^2^7|||||||RAD'];
const adt = { msh3: 'MegaReg', msh4: 'XYZHospC', msh5: 'SuperOE', msh6: 'XYZImgCtr', type: 'ADT^A01^ADT_A01', version: '2.5', msh21: null, count: 2, segments: adtSegments };
const peerOf = { 'settings-win.data.microsoft.example': 'NAT64-UPDATE', 'login.microsoftonline.example': 'V6-SAAS' };
for (const d of devices) {
  for (const s of d.kind.talk) {
    if (s.kind === 'dhcp') events.push(...wire.dhcpDora(at(), d, DC, { ...s, hostname: true }, DHCP4));
    else if (s.kind === 'dhcp6') events.push(...wire.dhcpv6Exchange(lasting(1.1), end(d.name, true), end(DC.name, true), SITE.domain, (parseInt(d.mac.slice(-8).replaceAll(':', ''), 16) ^ 0x3c5a) & 0xffffff));
    else if (s.kind === 'smb') events.push(...wire.smbLogon(at(), end(d.name, s.v6), end(DC.name, s.v6), { os: d.osVersion, user: s.user, smb1: null }, SITE));
    else if (s.kind === 'dicom') {
      // The instance UIDs take a number, not the address: an IPv6 address has no dotted form.
      const sender = { ...end(d.name, s.v6), hostname: s.ae, ip: d.uidTag };
      events.push(...wire.dicomStore(at(), sender, end(s.to, s.v6), { ...s, instanceRoot: '2.25.230418867120415596310' }, SITE));
    } else if (s.kind === 'hl7') events.push(...wire.hl7Send(at(), end(d.name, s.v6), end(s.to, s.v6), adt));
    else if (s.kind === 'snmp') events.push(...wire.snmpGet(at(), NMS, d, s.community, seq++, s.answers));
    else if (s.kind === 'http-server') events.push(...wire.httpGet(at(), end(s.from, s.v6), end(d.name, s.v6), { userAgent: UA, server: s.server, title: s.title }));
    else if (s.kind === 'ssh-server') events.push(...wire.sshBanners(at(), end(s.from, s.v6), end(d.name, s.v6), s.server, s.client));
    else if (s.kind === 'telnet-server') events.push(...wire.telnetLogin(at(), end(s.from, false), d, s));
    else if (s.kind === 'tcp-stream') events.push(...wire.opaqueTcp(at(), d, by(s.to), s.port, 200, rnd, 2));
    else if (s.kind === 'udp-stream') events.push(...wire.opaqueUdp(at(), d, by(s.to), s.port, 3, 64, rnd));
    else if (s.kind === 'dns6') events.push(...wire.dnsLookup6(at(), end(d.name, true), end(DC.name, true), s.name, by(peerOf[s.name]).ip, seq++));
    else if (s.kind === 'tls-client') events.push(...wire.tlsSession(at(), end(d.name, s.v6), by(s.to), { version: s.version, sni: s.sni, port: 443 }, seq++));
    else if (s.kind === 'mdns6') events.push(...wire.mdns6(lasting(0.5 * s.names.length), by(`${d.name}/ll`), by(MDNS6.name), s.names, seq++));
    else throw new Error(`${d.name}: unknown talk item ${s.kind}`);
  }
}

// ---- write: the router's gratuitous ARP, then the scenario
mkdirSync(outDir, { recursive: true });
const pcapPath = join(outDir, 'scenario.pcap');
const lead = [{ frame: gratuitousArp(router.mac, router.ip4), sec: START - 3 }];
const frames = writeCapture(pcapPath, { lead, hosts: [...hosts.values()], events, start: START, seed: SEED });

// ---- ground truth
const asOf = new Date(START * 1000).toISOString().slice(0, 10);
markEol(devices, OS, asOf);
const expected = expectFindings(devices, hosts);
const truth = devices.map((d) => ({ ...truthRecord(d, OS, expected), ip6: d.ip6 }));
const otherHosts = [
  ...internet.map((h) => ({ name: h.name, mac: router.mac, ip: h.ip, zone: 'external', mustNotBeDevice: true, findings: [] })),
  // The router's IPv6 address is its own: folded into the router it is right, as a device of its own it is not.
  { name: `${router.name} v6`, mac: router.mac, ip: router.ip6, zone: 'router', mustNotBeDevice: true, findings: [] },
  { name: 'mDNS IPv6 group', mac: MDNS6.mac, ip: MDNS6.ip, zone: 'multicast', mustNotBeDevice: true, findings: [] },
  { name: 'All DHCP servers and relay agents', mac: wire.ALL_DHCP.mac, ip: wire.ALL_DHCP.ip, zone: 'multicast', mustNotBeDevice: true, findings: [] },
];
writeFileSync(join(outDir, 'ground-truth.json'), `${JSON.stringify({ family: 'sixth', seed: SEED, eolAsOf: asOf, siteFile: null, devices: truth, otherHosts }, null, 1)}\n`);
console.log(`wrote ${pcapPath}: ${devices.length} devices, ${frames} frames, ${statSync(pcapPath).size} bytes; ground truth beside it`);
