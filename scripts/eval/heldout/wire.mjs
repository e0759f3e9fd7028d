// Conversation builders of the held-out scenario, written apart from the development scenario's (talk.mjs): DHCP
// with this site's addressing, DICOM to this site's PACS, HL7 v2 with whatever segments a sender puts (RFC-free:
// HL7 v2.5 ch. 2 MLLP), ASTM E1381/E1394 uploads, SSH identification strings (RFC 4253 §4.2), FTP greetings and
// logins (RFC 959), HTTP with or without a title, and TLS 1.0/1.2 handshakes carrying a server certificate (RFC 5246
// §7.4.2, X.509 DER per RFC 5280 §4.1) plus, for a long-lived session, application data records.
import { loadSynth } from '../../synth.mjs';
import { ascii, ip, mac } from '../talk.mjs';

const dhcpB = await loadSynth('payloads/dhcp.js');
const dimse = await loadSynth('payloads/dicom-message.js');
const ul = await loadSynth('payloads/dicom-ul.js');
const { hl7Ack, hl7Message, mllpFrame } = await loadSynth('payloads/hl7.js');
const { httpRequest, httpResponse } = await loadSynth('payloads/http.js');
const snmpB = await loadSynth('payloads/snmp.js');

const tcp = (at, client, server, serverPort, messages) => [{ at, kind: 'tcp', client: client.name, server: server.name, serverPort, messages }];
const fromC = (data, delayUs) => ({ fromClient: true, data: typeof data === 'string' ? ascii(data) : data, ...(delayUs === undefined ? {} : { delayUs }) });
const fromS = (data, delayUs) => ({ fromClient: false, data: typeof data === 'string' ? ascii(data) : data, ...(delayUs === undefined ? {} : { delayUs }) });

/** DORA with this site's options: `net` gives the gateway, mask and domain the server hands out. */
export function dhcpDora(at, dev, server, t, net) {
  const chaddr = mac(dev.mac);
  const opts = [dhcpB.clientIdOption(chaddr)];
  if (t.hostname) opts.push(dhcpB.textOption(12, dev.hostname));
  if (t.vendorClass !== null) opts.push(dhcpB.textOption(60, t.vendorClass));
  opts.push(dhcpB.bytesOption(55, t.prl));
  const offer = [[54, ip(server.ip)], dhcpB.u32Option(51, 28800), [1, ip(net.mask)], [3, ip(net.gateway)], [6, ip(server.ip)], dhcpB.textOption(15, net.domain)];
  const xid = (parseInt(dev.mac.replaceAll(':', '').slice(6), 16) * 2654435761) >>> 0;
  const reply = (type) => dhcpB.dhcpMessage({ op: 2, xid, yiaddr: ip(dev.ip), siaddr: ip(server.ip), chaddr, messageType: type, options: offer });
  const bc = { srcIp: '0.0.0.0', dstIp: '255.255.255.255', dstMac: 'ff:ff:ff:ff:ff:ff' };
  const u = (dt, src, dst, sport, dport, payload, extra = {}) => ({ at: at + dt, kind: 'udp', src, dst, sport, dport, payload, ...extra });
  return [
    u(0, dev.name, server.name, 68, 67, dhcpB.dhcpMessage({ op: 1, xid, chaddr, messageType: dhcpB.DHCP_DISCOVER, options: opts }), bc),
    u(0.02, server.name, dev.name, 67, 68, reply(dhcpB.DHCP_OFFER)),
    u(0.03, dev.name, server.name, 68, 67, dhcpB.dhcpMessage({ op: 1, xid, chaddr, messageType: dhcpB.DHCP_REQUEST, options: [[50, ip(dev.ip)], [54, ip(server.ip)], ...opts] }), bc),
    u(0.05, server.name, dev.name, 67, 68, reply(dhcpB.DHCP_ACK)),
  ];
}

/** A C-STORE of two instances (or a C-ECHO when `t.ds` is null) to `pacs`, which answers with its own implementation. */
export function dicomStore(at, dev, pacs, t, site) {
  const sop = t.ds === null ? dimse.VERIFICATION_SOP_CLASS : t.sop;
  const max = 32768;
  const ae = dev.hostname.replaceAll('-', '').slice(0, 16).toUpperCase();
  const contexts = [{ id: 1, abstractSyntax: sop, transferSyntaxes: [ul.EXPLICIT_VR_LITTLE_ENDIAN, ul.IMPLICIT_VR_LITTLE_ENDIAN] }];
  const msgs = [
    fromC(ul.associateRq({ calledAeTitle: pacs.ae, callingAeTitle: ae, maxPduLength: max, implementationClassUid: t.implUid, implementationVersionName: t.implVersion, contexts })),
    fromS(ul.associateAc({ calledAeTitle: pacs.ae, callingAeTitle: ae, maxPduLength: max, implementationClassUid: pacs.implUid, implementationVersionName: pacs.implVersion, results: [{ id: 1, result: 0, transferSyntax: ul.IMPLICIT_VR_LITTLE_ENDIAN }] }), 3000),
  ];
  if (t.ds === null) msgs.push(fromC(ul.pDataMessage(1, true, dimse.cEchoRq(1), max)[0]), fromS(ul.pDataMessage(1, true, dimse.cEchoRsp(1), max)[0]));
  else {
    for (const n of [1, 2]) {
      const uid = `${t.instanceRoot}.${dev.ip.split('.').join('')}.${n}`;
      const x = dimse.textElement;
      const els = [dimse.uidElement(0x0008, 0x0016, t.sop), dimse.uidElement(0x0008, 0x0018, uid), x(0x0008, 0x0060, t.ds.modality)];
      if (t.ds.manufacturer) els.push(x(0x0008, 0x0070, t.ds.manufacturer));
      els.push(x(0x0008, 0x0080, site.institution), x(0x0008, 0x1010, dev.hostname));
      if (t.ds.model) els.push(x(0x0008, 0x1090, t.ds.model));
      els.push(x(0x0010, 0x0010, 'HELDOUT^PATIENT'), x(0x0010, 0x0020, `MRN${700000 + n}`), x(0x0010, 0x0030, '19611224'));
      if (t.ds.software) els.push(x(0x0018, 0x1020, t.ds.software));
      els.push(dimse.usElement(0x0028, 0x0010, 4), dimse.usElement(0x0028, 0x0011, 4), dimse.bytesElement(0x7fe0, 0x0010, new Uint8Array(32).fill(n)));
      const body = dimse.encodeImplicitLe(els);
      msgs.push({ fromClient: true, data: Uint8Array.from([...ul.pDataMessage(1, true, dimse.cStoreRq(n, t.sop, uid), max).flatMap((p) => [...p]), ...ul.pDataMessage(1, false, body, max).flatMap((p) => [...p])]) });
      msgs.push(fromS(ul.pDataMessage(1, true, dimse.cStoreRsp(n, t.sop, uid), max)[0], 2500));
    }
  }
  msgs.push(fromC(ul.releaseRq()), fromS(ul.releaseRp()));
  return tcp(at, dev, pacs, pacs.dicomPort ?? 104, msgs);
}

/** HL7 v2 messages over MLLP: `segments(i)` gives the segments after MSH of message i; the receiver ACKs each. */
export function hl7Send(at, dev, receiver, t, port = 2575) {
  const out = [];
  for (let i = 0; i < t.count; i++) {
    const ts = `20260518${String(9 + i).padStart(2, '0')}1500`;
    const controlId = `${t.msh3.split('^')[0].slice(0, 8)}${4200 + i}`;
    const msh = { sendingApplication: t.msh3, sendingFacility: t.msh4, receivingApplication: t.msh5, receivingFacility: t.msh6, version: t.version, controlId };
    const text = hl7Message([`MSH|^~\\&|${t.msh3}|${t.msh4}|${t.msh5}|${t.msh6}|${ts}||${t.type}|${controlId}|P|${t.version}${t.msh21 ? `|||AL|NE|||||${t.msh21}` : ''}`, ...t.segments(i, ts)]);
    out.push(fromC(mllpFrame(text)), fromS(mllpFrame(hl7Ack(msh, ts, `A${controlId}`)), 4000));
  }
  return tcp(at, dev, receiver, port, out);
}

/** ASTM E1381 frame: STX, frame number, text, ETX, checksum (mod 256 of FN..ETX, two hex digits), CR LF. */
function astmFrame(fn, text) {
  const body = ascii(`${fn % 8}${text}\r\x03`);
  let sum = 0;
  for (const b of body) sum = (sum + b) & 0xff;
  return Uint8Array.from([0x02, ...body, ...ascii(`${sum.toString(16).toUpperCase().padStart(2, '0')}\r\n`)]);
}

/** An analyser's result upload to the LIS (ASTM E1394 records over E1381 low-level framing): ENQ, one frame per record, EOT. */
export function astmUpload(at, analyser, lis, records, port) {
  const msgs = [fromC(Uint8Array.of(0x05)), fromS(Uint8Array.of(0x06), 1500)];
  records.forEach((r, i) => msgs.push(fromC(astmFrame(i + 1, r)), fromS(Uint8Array.of(0x06), 1500)));
  msgs.push(fromC(Uint8Array.of(0x04)));
  return tcp(at, analyser, lis, port, msgs);
}

/** SSH identification exchange (RFC 4253 §4.2); the client leaves after reading the server's. */
export function sshBanners(at, client, server, serverId, clientId) {
  return tcp(at, client, server, 22, [fromS(`${serverId}\r\n`, 2000), fromC(`${clientId}\r\n`)]);
}

/** FTP control connection: the server's greeting, then USER/PASS (password in clear, as FTP sends it). */
export function ftpSession(at, client, server, t) {
  return tcp(at, client, server, 21, [
    fromS(`220 ${t.greeting}\r\n`, 2000), fromC(`USER ${t.user}\r\n`), fromS(`331 Password required for ${t.user}\r\n`),
    fromC(`PASS ${t.password}\r\n`, 700_000), fromS(`230 User ${t.user} logged in\r\n`), fromC('QUIT\r\n', 400_000), fromS('221 Goodbye\r\n'),
  ]);
}

/** One HTTP GET and its answer; `server`/`title` null leaves the header / the <title> out. */
export function httpGet(at, client, dev, t) {
  const headers = [['Host', t.host ?? dev.ip], ['User-Agent', t.userAgent], ['Accept', 'text/html']];
  if (t.basic) headers.push(['Authorization', `Basic ${Buffer.from(`${t.basic.user}:${t.basic.password}`).toString('base64')}`]);
  const body = ascii(t.title === null ? '<html><body></body></html>' : `<html><head><title>${t.title}</title></head><body></body></html>`);
  const resp = [['Content-Type', 'text/html']];
  if (t.server !== null) resp.unshift(['Server', t.server]);
  return tcp(at, client, dev, t.port ?? 80, [fromC(httpRequest('GET', t.path ?? '/', headers)), fromS(httpResponse(200, 'OK', resp, body), 5000)]);
}

/** SNMP v2c get of sysName with `community`; the agent answers only when `answers` is true. */
export function snmpGet(at, manager, agent, community, reqId, answers) {
  const oid = '1.3.6.1.2.1.1.5.0';
  const out = [{ at, kind: 'udp', src: manager.name, dst: agent.name, sport: 50161, dport: 161, payload: snmpB.snmpMessage(snmpB.SNMP_V2C, community, snmpB.PDU_GET_REQUEST, reqId, [{ oid, value: { type: 'null' } }]) }];
  if (answers) out.push({ at: at + 0.005, kind: 'udp', src: agent.name, dst: manager.name, sport: 161, dport: 50161, payload: snmpB.snmpMessage(snmpB.SNMP_V2C, community, snmpB.PDU_RESPONSE, reqId, [{ oid, value: { type: 'string', value: agent.hostname } }]) });
  return out;
}

// ---- X.509 and TLS
const len = (n) => (n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff]);
const der = (tag, body) => [tag, ...len(body.length), ...body];
const oid = (text) => {
  const p = text.split('.').map(Number);
  const out = [p[0] * 40 + p[1]];
  for (const v of p.slice(2)) {
    const b = [v & 0x7f];
    for (let x = v >> 7; x > 0; x >>= 7) b.unshift(0x80 | (x & 0x7f));
    out.push(...b);
  }
  return der(0x06, out);
};
const NAME_OIDS = { C: '2.5.4.6', ST: '2.5.4.8', L: '2.5.4.7', O: '2.5.4.10', OU: '2.5.4.11', CN: '2.5.4.3' };
/** [['O', 'x'], ['CN', 'y']] -> Name (one attribute per RDN, UTF8String). */
const name = (attrs) => der(0x30, attrs.flatMap(([k, v]) => der(0x31, der(0x30, [...oid(NAME_OIDS[k]), ...der(0x0c, [...ascii(v)])]))));

/** A self-contained X.509 v3 certificate: real structure, filler key and signature (nothing checks them passively). */
export function certificate(subject, issuer, serial) {
  const alg = der(0x30, [...oid('1.2.840.113549.1.1.11'), 0x05, 0x00]); // sha256WithRSAEncryption
  const validity = der(0x30, [...der(0x17, [...ascii('250101000000Z')]), ...der(0x17, [...ascii('350101000000Z')])]);
  const key = der(0x30, [...der(0x30, [...oid('1.2.840.113549.1.1.1'), 0x05, 0x00]), ...der(0x03, [0, ...der(0x30, [...der(0x02, [0x00, ...Array(128).fill(0xc3)]), ...der(0x02, [1, 0, 1])])])]);
  const tbs = der(0x30, [...der(0xa0, der(0x02, [2])), ...der(0x02, [0x01, ...serial]), ...alg, ...name(issuer), ...validity, ...name(subject), ...key]);
  return Uint8Array.from(der(0x30, [...tbs, ...alg, ...der(0x03, [0, ...Array(128).fill(0x5a)])]));
}

const u16 = (v) => [(v >> 8) & 0xff, v & 0xff];
const u24 = (v) => [(v >> 16) & 0xff, ...u16(v)];
const record = (type, version, body) => [type, ...u16(version), ...u16(body.length), ...body];
const hs = (type, body) => [type, ...u24(body.length), ...body];
const VERSION = { '1.0': 0x0301, '1.2': 0x0303 };
// What an old SChannel / OpenSSL 1.0 client offers (CBC, 3DES) and a current one (AEAD first).
const SUITES = { '1.0': [0x0035, 0x002f, 0x000a, 0xc014, 0xc013], '1.2': [0xc030, 0xc02f, 0xc02c, 0xc02b, 0x009d, 0x009c] };

/**
 * The device (client) opens TLS `t.version` to `server`:`t.port` with SNI `t.sni` (or none); the server answers in kind
 * with its certificate (`server.cert`: { subject, issuer }). `t.minutes` > 0: application data every 30 s for that
 * long, as a remote-service tunnel keeps its session open.
 */
export function tlsSession(at, dev, server, t, seed) {
  const v = VERSION[t.version];
  const rand = (k) => Array.from({ length: 32 }, (_, i) => (seed * k + i * 37) & 0xff);
  const ext = [];
  if (t.sni) {
    const n = [...ascii(t.sni)];
    const list = [0, ...u16(n.length), ...n];
    ext.push(...u16(0), ...u16(list.length + 2), ...u16(list.length), ...list);
  }
  if (v === 0x0303) ext.push(...u16(13), ...u16(8), ...u16(6), ...u16(0x0804), ...u16(0x0401), ...u16(0x0403), ...u16(10), ...u16(6), ...u16(4), ...u16(0x0017), ...u16(0x0018));
  ext.push(...u16(0xff01), ...u16(1), 0);
  const suites = SUITES[t.version].flatMap(u16);
  const hello = record(22, 0x0301, hs(1, [...u16(v), ...rand(3), 0, ...u16(suites.length), ...suites, 1, 0, ...u16(ext.length), ...ext]));
  const cert = [...certificate(server.cert.subject, server.cert.issuer, [seed & 0x7f, 0x42])];
  const certs = [...u24(cert.length + 3), ...u24(cert.length), ...cert];
  const sh = hs(2, [...u16(v), ...rand(5), 0, ...u16(SUITES[t.version][0]), 0, ...u16(5), ...u16(0xff01), ...u16(1), 0]);
  const flight = record(22, v, [...sh, ...hs(11, certs), ...hs(14, [])]);
  const filler = (n, k) => Array.from({ length: n }, (_, i) => (seed * k + i * 11) & 0xff);
  const finish = [...record(22, v, hs(16, [...u16(128), ...filler(128, 3)])), ...record(20, v, [1]), ...record(22, v, filler(48, 5))];
  const msgs = [fromC(Uint8Array.from(hello)), fromS(Uint8Array.from(flight), 9000), fromC(Uint8Array.from(finish), 2000), fromS(Uint8Array.from([...record(20, v, [1]), ...record(22, v, filler(48, 7))]), 9000)];
  for (let i = 0; i < (t.minutes ?? 0) * 2; i++) msgs.push(fromC(Uint8Array.from(record(23, v, filler(180, i + 9))), 30_000_000), fromS(Uint8Array.from(record(23, v, filler(90, i + 13))), 40_000));
  return tcp(at, dev, server, t.port, msgs);
}

const smb2 = await loadSynth('payloads/smb2.js');
const sess = await loadSynth('payloads/smb-session.js');
const ntlm = await loadSynth('payloads/ntlmssp.js');

/**
 * A Windows client mapping a share on `server` (MS-SMB2 negotiate + NTLMSSP's three legs), its NTLM version `os`;
 * `smb1` set: an SMB1 negotiate and SESSION_SETUP_ANDX whose NativeOS / NativeLanMan are `smb1` (MS-SMB §2.2.4.6.1).
 */
export function smbLogon(at, dev, server, t, site) {
  const v = ntlm.windowsVersion(t.os);
  const auth = (mic) => ntlm.ntlmAuthenticate({ version: v, domain: site.netbiosDomain, user: t.user, workstation: dev.hostname.toUpperCase().slice(0, 15), mic });
  const guid = (b) => Uint8Array.from({ length: 16 }, (_, i) => (b * 13 + i * 5) & 0xff);
  if (t.smb1) {
    return tcp(at, dev, server, 445, [
      fromC(sess.smb1NegotiateRequest(['NT LM 0.12', 'SMB 2.002', 'SMB 2.???'])),
      fromC(sess.smb1SessionSetupRequest({ blob: auth(false), nativeOs: t.smb1.nativeOs, nativeLanMan: t.smb1.nativeLanMan }), 2500),
    ]);
  }
  const challenge = ntlm.ntlmChallenge({ version: ntlm.windowsVersion(server.osVersion), netbiosDomain: site.netbiosDomain, netbiosComputer: server.hostname, dnsDomain: site.domain, dnsComputer: `${server.hostname.toLowerCase()}.${site.domain}`, serverChallenge: guid(7).subarray(0, 8) });
  const sid = 0x2000 + Math.floor(at);
  return tcp(at, dev, server, 445, [
    fromC(smb2.smb2NegotiateRequest([smb2.SMB2_DIALECT_202, smb2.SMB2_DIALECT_210, smb2.SMB2_DIALECT_300, smb2.SMB2_DIALECT_302], guid(0x31))),
    fromS(smb2.smb2NegotiateResponse(smb2.SMB2_DIALECT_302, guid(0x77), 1_779_094_800, 1_779_094_800 - 1_209_600)),
    fromC(sess.smb2SessionSetupRequest(ntlm.ntlmNegotiate(v), 1)),
    fromS(sess.smb2SessionSetupResponse(challenge, sess.STATUS_MORE_PROCESSING_REQUIRED, 1, sid)),
    fromC(sess.smb2SessionSetupRequest(auth(true), 2, sid)),
    fromS(sess.smb2SessionSetupResponse(new Uint8Array(0), 0, 2, sid)),
  ]);
}

/** A proprietary stream the decoders cannot know (monitor to its gateway, pump to its server): filler both ways. */
export function opaqueTcp(at, client, server, port, bytes, rnd, rounds = 1) {
  const blob = (n) => Uint8Array.from({ length: n }, () => rnd() & 0xff);
  const msgs = [];
  for (let i = 0; i < rounds; i++) msgs.push(fromC(blob(bytes)), fromS(blob(Math.max(16, bytes >> 2)), 3000));
  return tcp(at, client, server, port, msgs);
}

/** Proprietary UDP datagrams from `dev` to `to` (a monitor's waveform/parameter stream). */
export function opaqueUdp(at, dev, to, port, count, bytes, rnd) {
  const out = [];
  for (let i = 0; i < count; i++) out.push({ at: at + i * 0.02, kind: 'udp', src: dev.name, dst: to.name, sport: port, dport: port, payload: Uint8Array.from({ length: bytes }, () => rnd() & 0xff) });
  return out;
}

/** An NMS polling sysDescr and sysName with `community` (RFC 3418 system group); the agent answers with both. */
export function snmpDescr(at, manager, agent, community, sysDescr, reqId) {
  const ask = [{ oid: '1.3.6.1.2.1.1.1.0', value: { type: 'null' } }, { oid: '1.3.6.1.2.1.1.5.0', value: { type: 'null' } }];
  const answer = [{ oid: '1.3.6.1.2.1.1.1.0', value: { type: 'string', value: sysDescr } }, { oid: '1.3.6.1.2.1.1.5.0', value: { type: 'string', value: agent.hostname } }];
  return [
    { at, kind: 'udp', src: manager.name, dst: agent.name, sport: 50162, dport: 161, payload: snmpB.snmpMessage(snmpB.SNMP_V2C, community, snmpB.PDU_GET_REQUEST, reqId, ask) },
    { at: at + 0.006, kind: 'udp', src: agent.name, dst: manager.name, sport: 161, dport: 50162, payload: snmpB.snmpMessage(snmpB.SNMP_V2C, community, snmpB.PDU_RESPONSE, reqId, answer) },
  ];
}
