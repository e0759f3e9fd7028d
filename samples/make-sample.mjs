// Writes samples/hospital-sample.pcap: a small, deterministic capture of a synthetic hospital network.
// The scenario is data (HOSTS + EVENTS below); protocol payloads come from the compiled synthesiser
// (src/capture/synth, compiled by `npm run build:tools`; see scripts/synth.mjs). Every name, identifier and patient
// value is synthetic.
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSynth as load } from '../scripts/synth.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { PcapWriter } = await load('pcap-writer.js');
const { playScenario } = await load('scenario.js');
const { EMBEDDED_TCP, LINUX_TCP, WINDOWS7_TCP, WINDOWS_TCP } = await load('tcp-profile.js');
const { ip, mac } = await load('addr.js');
const { ascii } = await load('payloads/byte-writer.js');
const dhcp = await load('payloads/dhcp.js');
const dns = await load('payloads/dns.js');
const dimse = await load('payloads/dicom-message.js');
const ul = await load('payloads/dicom-ul.js');
const { hl7Ack, hl7Message, mllpFrame } = await load('payloads/hl7.js');
const { httpRequest, httpResponse } = await load('payloads/http.js');
const smb2 = await load('payloads/smb2.js');
const snmp = await load('payloads/snmp.js');
const { bsdSyslog } = await load('payloads/syslog.js');
const telnet = await load('payloads/telnet.js');

const OUT = process.argv[2] ?? join(here, 'hospital-sample.pcap'); // another path: for the reproducibility test
const START = Date.UTC(2024, 2, 4, 8, 0, 0) / 1000; // 2024-03-04 08:00:00 UTC
const SEED = 20240304;
const DOMAIN = 'hospital.example'; // RFC 2606 reserved name

// ---- Hosts: OUIs are real vendor prefixes (Wireshark manuf); the rest of each MAC and every name is made up.
// TTL and TCP profile follow each host's likely OS, as a passive OS fingerprint would read them.
const IOS_TCP = { mss: 1460, window: 4128, windowScale: null, sackPermitted: false, timestamps: false, layout: 'linux' };
const HOSTS = [
  { name: 'CT01', role: 'CT scanner (Linux console)', vendor: 'GE Healthcare (General Electric OUI)', mac: '08:00:19:4a:21:07', ip: '10.20.20.21', ttl: 64, tcp: LINUX_TCP },
  { name: 'PACS01', role: 'PACS (Windows server)', vendor: 'Dell', mac: '00:14:22:6b:10:0a', ip: '10.20.10.10', ttl: 128, tcp: WINDOWS_TCP },
  { name: 'PMGW01', role: 'patient monitor gateway', vendor: 'Mindray DS USA', mac: '00:a0:37:4a:21:07', ip: '10.20.30.5', ttl: 64, tcp: EMBEDDED_TCP },
  { name: 'PUMP-0042', role: 'infusion pump', vendor: 'Alaris Medical Systems', mac: '00:d0:75:12:00:42', ip: '10.20.30.142', ttl: 64, tcp: EMBEDDED_TCP },
  { name: 'HL7IE01', role: 'HL7 interface engine (Linux VM)', vendor: 'VMware', mac: '00:50:56:9a:11:0b', ip: '10.20.10.11', ttl: 64, tcp: LINUX_TCP },
  { name: 'RAD-WS-07', role: 'Windows 7 radiology workstation', vendor: 'HP Inc.', mac: '04:0e:3c:57:07:07', ip: '10.20.40.57', ttl: 128, tcp: WINDOWS7_TCP },
  { name: 'SW-CORE-01', role: 'core switch (IOS)', vendor: 'Cisco', mac: '00:04:4d:01:00:01', ip: '10.20.0.1', ttl: 255, tcp: IOS_TCP },
  { name: 'INFRA01', role: 'DHCP, DNS and syslog server (Linux VM)', vendor: 'VMware', mac: '00:50:56:9a:02:02', ip: '10.20.10.2', ttl: 64, tcp: LINUX_TCP },
];
const host = (name) => HOSTS.find((h) => h.name === name);

// ---- Payload builders, one per conversation kind; add a protocol by adding a builder and an event.

/** What INFRA01 hands out with every OFFER and ACK (RFC 2132 options 54, 51, 1, 3, 6, 15). */
function dhcpServerOptions() {
  return [
    [54, ip(host('INFRA01').ip)], dhcp.u32Option(51, 86400), [1, ip('255.255.0.0')], [3, ip(host('SW-CORE-01').ip)],
    [6, ip(host('INFRA01').ip)], dhcp.textOption(15, DOMAIN),
  ];
}

/** DHCP DORA (RFC 2131 §3.1) for a client that asks with hostname and vendor class. */
function dhcpDora(at, client, { hostname, vendorClass, prl, xid }) {
  const chaddr = mac(host(client).mac);
  const yiaddr = ip(host(client).ip);
  const clientOpts = [dhcp.clientIdOption(chaddr), dhcp.textOption(12, hostname), dhcp.textOption(60, vendorClass), dhcp.bytesOption(55, prl)];
  const bcast = { srcIp: '0.0.0.0', dstIp: '255.255.255.255', dstMac: 'ff:ff:ff:ff:ff:ff' };
  const fromServer = { dstIp: '255.255.255.255', dstMac: 'ff:ff:ff:ff:ff:ff' };
  const reply = (t) => dhcp.dhcpMessage({ op: 2, xid, broadcast: true, yiaddr, siaddr: ip(host('INFRA01').ip), chaddr, messageType: t, options: dhcpServerOptions() });
  return [
    { at, kind: 'udp', src: client, dst: 'INFRA01', sport: 68, dport: 67, ...bcast, payload: dhcp.dhcpMessage({ op: 1, xid, broadcast: true, chaddr, messageType: dhcp.DHCP_DISCOVER, options: clientOpts }) },
    { at: at + 0.01, kind: 'udp', src: 'INFRA01', dst: client, sport: 67, dport: 68, ...fromServer, payload: reply(dhcp.DHCP_OFFER) },
    { at: at + 0.02, kind: 'udp', src: client, dst: 'INFRA01', sport: 68, dport: 67, ...bcast, payload: dhcp.dhcpMessage({ op: 1, xid, broadcast: true, chaddr, messageType: dhcp.DHCP_REQUEST, options: [[50, yiaddr], [54, ip(host('INFRA01').ip)], ...clientOpts] }) },
    { at: at + 0.03, kind: 'udp', src: 'INFRA01', dst: client, sport: 67, dport: 68, ...fromServer, payload: reply(dhcp.DHCP_ACK) },
  ];
}

/** A DNS A lookup answered by INFRA01 (NXDOMAIN when `answer` is null). */
function dnsLookup(at, client, name, answer, id) {
  const sport = 50000 + (id % 10000);
  const answers = answer === null ? [] : [{ type: dns.DNS_TYPE_A, ttlSec: 3600, data: ip(answer) }];
  return [
    { at, kind: 'udp', src: client, dst: 'INFRA01', sport, dport: 53, payload: dns.dnsQuery(id, name) },
    { at: at + 0.002, kind: 'udp', src: 'INFRA01', dst: client, sport: 53, dport: sport, payload: dns.dnsResponse(id, name, dns.DNS_TYPE_A, answers, answer === null ? 3 : 0) },
  ];
}

/** A DICOM association (PS3.8): associate, then each DIMSE exchange, then release. */
function dicomAssociation(at, client, server, port, { calling, called, implUid, implVersion, contexts, exchanges }) {
  const maxPdu = 16384;
  const user = { maxPduLength: maxPdu, implementationClassUid: implUid, implementationVersionName: implVersion };
  const messages = [
    { fromClient: true, data: ul.associateRq({ ...user, calledAeTitle: called, callingAeTitle: calling, contexts }) },
    { fromClient: false, data: ul.associateAc({ maxPduLength: maxPdu, implementationClassUid: '2.25.329800735698586629295641978511506172918', implementationVersionName: 'SYNTH_PACS_1', calledAeTitle: called, callingAeTitle: calling, results: contexts.map((c) => ({ id: c.id, result: 0, transferSyntax: c.transferSyntaxes[0] })) }) },
  ];
  for (const x of exchanges) {
    const rq = ul.pDataMessage(x.contextId, true, x.command, maxPdu);
    const data = x.dataset ? ul.pDataMessage(x.contextId, false, x.dataset, maxPdu) : [];
    messages.push({ fromClient: true, data: [...rq, ...data] }, { fromClient: false, data: ul.pDataMessage(x.contextId, true, x.response, maxPdu), delayUs: 2000 });
  }
  messages.push({ fromClient: true, data: ul.releaseRq() }, { fromClient: false, data: ul.releaseRp() });
  return [{ at, kind: 'tcp', client, server, serverPort: port, messages }];
}

/** A 64x64 16-bit CT-like phantom: a bright disc on a dark field, deterministic. */
function phantomPixels(seed) {
  const px = new Uint8Array(64 * 64 * 2);
  for (let y = 0; y < 64; y++) {
    for (let x = 0; x < 64; x++) {
      const r = Math.hypot(x - 32, y - 32);
      const v = r < 24 ? 1000 + ((x * 7 + y * 13 + seed) % 40) : r < 26 ? 1600 : 24;
      px[(y * 64 + x) * 2] = v & 0xff;
      px[(y * 64 + x) * 2 + 1] = v >> 8;
    }
  }
  return px;
}

/** CT image data set: device attributes (what wardwatch keeps) and synthetic patient attributes (what it drops). */
function ctImage(n) {
  const t = dimse.textElement;
  const u = dimse.uidElement;
  const us = dimse.usElement;
  const study = '2.25.118090124598431230785013384915718094';
  return dimse.encodeImplicitLe([
    u(0x0008, 0x0016, dimse.CT_IMAGE_STORAGE), u(0x0008, 0x0018, `${study}.1.${n}`), t(0x0008, 0x0060, 'CT'),
    t(0x0008, 0x0070, 'GE MEDICAL SYSTEMS'), t(0x0008, 0x0080, 'Synthetic General Hospital'), t(0x0008, 0x1010, 'CT01'),
    t(0x0008, 0x1040, 'Radiology'), t(0x0008, 0x1090, 'Revolution EVO'),
    t(0x0010, 0x0010, 'SYNTHETIC^TEST'), t(0x0010, 0x0020, 'SYN-000001'), t(0x0010, 0x0030, '19700101'), t(0x0010, 0x0040, 'O'),
    t(0x0018, 0x1000, 'SYN-CT-0001'), t(0x0018, 0x1020, 'SYNTH_SW_1.0'),
    u(0x0020, 0x000d, study), u(0x0020, 0x000e, `${study}.1`), t(0x0020, 0x0013, String(n)),
    us(0x0028, 0x0002, 1), t(0x0028, 0x0004, 'MONOCHROME2'), us(0x0028, 0x0010, 64), us(0x0028, 0x0011, 64),
    us(0x0028, 0x0100, 16), us(0x0028, 0x0101, 12), us(0x0028, 0x0102, 11), us(0x0028, 0x0103, 0),
    dimse.bytesElement(0x7fe0, 0x0010, phantomPixels(n)),
  ]);
}

const MSH_GW = 'MINDRAY_EGATEWAY^00A037FFFE4A2107^EUI-64'; // EUI-64 built from PMGW01's MAC
/** IHE PCD-01 style ORU^R01 from the monitor gateway; all patient values synthetic. */
function vitalsOru(controlId, ts, hr, spo2) {
  return hl7Message([
    `MSH|^~\\&|${MSH_GW}|ICU|HL7IE01|SYNTHETIC_HOSP|${ts}||ORU^R01^ORU_R01|${controlId}|P|2.6|||AL|NE||UNICODE UTF-8|||IHE_PCD_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO`,
    'PID|||SYN-000001^^^SYNTHETIC_HOSP^MR||SYNTHETIC^TEST^^^^^L||19700101|O',
    'PV1||I|ICU^^BED07',
    `OBR|1|${controlId}^${MSH_GW}|${controlId}^${MSH_GW}|182777000^monitoring of patient^SNOMED-CT|||${ts}`,
    `OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|${hr}|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||F|||${ts}||||SYNMON0007^00A037FFFE4A2107^EUI-64`,
    `OBX|2|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.1.1.2|${spo2}|262688^MDC_DIM_PERCENT^MDC|||||F|||${ts}||||SYNMON0007^00A037FFFE4A2107^EUI-64`,
  ]);
}

function hl7Exchange(at, client, server, messages) {
  const out = [];
  for (const m of messages) {
    out.push({ fromClient: true, data: mllpFrame(m.text) });
    out.push({ fromClient: false, data: mllpFrame(hl7Ack(m.msh, m.ts, `ACK${m.msh.controlId}`)), delayUs: 3000 });
  }
  return [{ at, kind: 'tcp', client, server, serverPort: 2575, messages: out }];
}

function snmpPoll(at, manager, agent, community, answers) {
  const oids = answers.map((a) => a.oid);
  return [
    { at, kind: 'udp', src: manager, dst: agent, sport: 51161, dport: 161, payload: snmp.snmpMessage(snmp.SNMP_V2C, community, snmp.PDU_GET_REQUEST, 4242, oids.map((oid) => ({ oid, value: { type: 'null' } }))) },
    { at: at + 0.003, kind: 'udp', src: agent, dst: manager, sport: 161, dport: 51161, payload: snmp.snmpMessage(snmp.SNMP_V2C, community, snmp.PDU_RESPONSE, 4242, answers) },
  ];
}

// ---- The scenario: 08:00 in a synthetic hospital, about two minutes.
const ws = 'RAD-WS-07';
const EVENTS = [
  { at: 0, kind: 'arp', src: ws, dst: 'INFRA01' },
  ...dhcpDora(0.5, ws, { hostname: ws, vendorClass: 'MSFT 5.0', prl: [1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252], xid: 0x5a17c0de }),
  ...dnsLookup(2, ws, `pacs01.${DOMAIN}`, host('PACS01').ip, 0x1a01),
  ...dicomAssociation(3, ws, 'PACS01', 11112, {
    calling: 'RADWS07', called: 'PACS01', implUid: '2.25.207372498165462498311462873958473920112', implVersion: 'SYNTH_VIEWER_3',
    contexts: [{ id: 1, abstractSyntax: dimse.VERIFICATION_SOP_CLASS, transferSyntaxes: [ul.IMPLICIT_VR_LITTLE_ENDIAN] }],
    exchanges: [{ contextId: 1, command: dimse.cEchoRq(1), response: dimse.cEchoRsp(1) }],
  }),
  { at: 5, kind: 'tcp', client: ws, server: 'PACS01', serverPort: 445, end: 'rst', messages: [
    { fromClient: true, data: smb2.smb2NegotiateRequest([smb2.SMB2_DIALECT_202, smb2.SMB2_DIALECT_210], Uint8Array.from({ length: 16 }, (_, i) => 0x70 + i)) },
    { fromClient: false, data: smb2.smb2NegotiateResponse(smb2.SMB2_DIALECT_210, Uint8Array.from({ length: 16 }, (_, i) => 0x10 + i), START + 5, START - 40 * 86400) },
  ] },
  ...dhcpDora(10, 'PUMP-0042', { hostname: 'PUMP-0042', vendorClass: 'Alaris PCU 8015 (synthetic)', prl: [1, 3, 6, 12, 15, 28, 42], xid: 0x00420042 }),
  ...dnsLookup(11, 'PUMP-0042', `pump-server.${DOMAIN}`, null, 0x0042),
  ...hl7Exchange(15, 'PMGW01', 'HL7IE01', [0, 1, 2].map((i) => {
    const ts = `2024030408${String(15 + i * 20).padStart(2, '0')}00`;
    const controlId = `SYNGW${String(1001 + i)}`;
    const msh = { sendingApplication: MSH_GW, sendingFacility: 'ICU', receivingApplication: 'HL7IE01', receivingFacility: 'SYNTHETIC_HOSP', version: '2.6', controlId };
    return { text: vitalsOru(controlId, ts, 72 + i, 97 - i), msh, ts };
  })),
  ...hl7Exchange(22, 'HL7IE01', 'PACS01', [{
    text: hl7Message([
      'MSH|^~\\&|HL7IE01|SYNTHETIC_HOSP|PACS01|RADIOLOGY|20240304080022||ORM^O01|SYNIE0001|P|2.3',
      'PID|||SYN-000001^^^SYNTHETIC_HOSP^MR||SYNTHETIC^TEST||19700101|O',
      'ORC|NW|SYN-ORD-0001',
      'OBR|1|SYN-ORD-0001||CTHEAD^CT HEAD WITHOUT CONTRAST^L',
    ]),
    msh: { sendingApplication: 'HL7IE01', sendingFacility: 'SYNTHETIC_HOSP', receivingApplication: 'PACS01', receivingFacility: 'RADIOLOGY', version: '2.3', controlId: 'SYNIE0001' },
    ts: '20240304080022',
  }]),
  ...dnsLookup(24, 'CT01', `pacs01.${DOMAIN}`, host('PACS01').ip, 0x0c71),
  ...dicomAssociation(25, 'CT01', 'PACS01', 104, {
    calling: 'CT01', called: 'PACS01', implUid: '1.2.840.113619.6.374', implVersion: 'SYNTH_CT_1',
    contexts: [
      { id: 1, abstractSyntax: dimse.CT_IMAGE_STORAGE, transferSyntaxes: [ul.IMPLICIT_VR_LITTLE_ENDIAN, ul.EXPLICIT_VR_LITTLE_ENDIAN] },
      { id: 3, abstractSyntax: dimse.VERIFICATION_SOP_CLASS, transferSyntaxes: [ul.IMPLICIT_VR_LITTLE_ENDIAN] },
    ],
    exchanges: [1, 2, 3].map((n) => {
      const sop = `2.25.118090124598431230785013384915718094.1.${n}`;
      return { contextId: 1, command: dimse.cStoreRq(n, dimse.CT_IMAGE_STORAGE, sop), dataset: ctImage(n), response: dimse.cStoreRsp(n, dimse.CT_IMAGE_STORAGE, sop) };
    }),
  }),
  { at: 35, kind: 'tcp', client: ws, server: 'PMGW01', serverPort: 80, messages: [
    { fromClient: true, data: httpRequest('GET', '/', [['Host', '10.20.30.5'], ['User-Agent', 'Mozilla/5.0 (Windows NT 6.1; Win64; x64; Trident/7.0; rv:11.0) like Gecko'], ['Accept', 'text/html'], ['Connection', 'close']]) },
    { fromClient: false, delayUs: 8000, data: httpResponse(200, 'OK', [['Server', 'lighttpd/1.4.35'], ['Content-Type', 'text/html'], ['Connection', 'close']], ascii('<html><head><title>Patient Monitor Gateway - Login</title></head><body><form method="post" action="/login">User <input name="user"> Password <input type="password" name="pass"></form></body></html>')) },
  ] },
  ...snmpPoll(40, 'INFRA01', 'SW-CORE-01', 'public', [
    { oid: '1.3.6.1.2.1.1.1.0', value: { type: 'string', value: 'Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E8, RELEASE SOFTWARE (fc1) [synthetic sample]' } },
    { oid: '1.3.6.1.2.1.1.2.0', value: { type: 'oid', value: '1.3.6.1.4.1.9.1.1208' } },
    { oid: '1.3.6.1.2.1.1.5.0', value: { type: 'string', value: 'SW-CORE-01' } },
  ]),
  { at: 45, kind: 'udp', src: 'SW-CORE-01', dst: 'INFRA01', sport: 514, dport: 514, payload: bsdSyslog(23, 3, START + 45, 'SW-CORE-01', '%LINK-3-UPDOWN', 'Interface GigabitEthernet1/0/7, changed state to up') },
  { at: 46, kind: 'udp', src: 'CT01', dst: 'INFRA01', sport: 514, dport: 514, payload: bsdSyslog(16, 6, START + 46, 'CT01', 'dicomsend', 'C-STORE of 3 images to PACS01 completed') },
  { at: 50, kind: 'tcp', client: ws, server: 'SW-CORE-01', serverPort: 23, messages: [
    { fromClient: false, data: telnet.telnetNegotiation([[telnet.TELNET_WILL, telnet.TELNET_OPT_ECHO], [telnet.TELNET_WILL, telnet.TELNET_OPT_SUPPRESS_GO_AHEAD], [telnet.TELNET_DO, telnet.TELNET_OPT_WINDOW_SIZE]]) },
    { fromClient: true, data: telnet.telnetNegotiation([[telnet.TELNET_DO, telnet.TELNET_OPT_ECHO], [telnet.TELNET_DO, telnet.TELNET_OPT_SUPPRESS_GO_AHEAD], [telnet.TELNET_WONT, telnet.TELNET_OPT_WINDOW_SIZE]]) },
    { fromClient: false, data: ascii('\r\n\r\nUser Access Verification\r\n\r\nUsername: ') },
    { fromClient: true, data: ascii('cisco\r\n'), delayUs: 1_500_000 },
    { fromClient: false, data: ascii('cisco\r\nPassword: ') },
    { fromClient: true, data: ascii('cisco\r\n'), delayUs: 1_200_000 },
    { fromClient: false, data: ascii('\r\nSW-CORE-01>') },
    { fromClient: true, data: ascii('exit\r\n'), delayUs: 2_000_000 },
  ] },
  { at: 55, kind: 'ping', src: ws, dst: 'CT01', count: 4 },
  { at: 60, kind: 'arp', src: 'CT01', dst: 'PACS01' },
  ...dnsLookup(90, ws, `pmgw01.${DOMAIN}`, host('PMGW01').ip, 0x1a02),
];

const writer = PcapWriter.toFile(OUT);
const frames = playScenario({ hosts: HOSTS, events: EVENTS, startSec: START, seed: SEED }, writer);
writer.close();
console.log(`wrote ${OUT}: ${frames} frames, ${statSync(OUT).size} bytes`);
