// Conversation builders for the eval scenario's risky situations: cleartext logins (Telnet RFC 854,
// FTP RFC 959, HTTP Basic RFC 7617), SNMP v2c gets with a community (RFC 3416), TLS handshakes of a given version
// (RFC 5246 §7.4), RDP connection requests (MS-RDPBCGR §2.2.1.1), VNC (RFC 6143) and a TeamViewer session (TCP 5938).
import { loadSynth } from '../synth.mjs';
import { ascii } from './talk.mjs';

const { httpRequest, httpResponse } = await loadSynth('payloads/http.js');
const snmpB = await loadSynth('payloads/snmp.js');
const tn = await loadSynth('payloads/telnet.js');

const tcp = (at, client, server, serverPort, messages) => [{ at, kind: 'tcp', client: client.name, server: server.name, serverPort, messages }];
const c = (text, delayUs) => ({ fromClient: true, data: ascii(text), ...(delayUs === undefined ? {} : { delayUs }) });
const s = (text, delayUs) => ({ fromClient: false, data: ascii(text), ...(delayUs === undefined ? {} : { delayUs }) });

/**
 * A Telnet login: negotiation, banner, user name (echoed), password (not), shell prompt — in the words of Cisco IOS,
 * or of the Microsoft Telnet Service on a Windows device.
 */
export function telnetLogin(at, client, dev, t) {
  const windows = dev.ttl === 128;
  const banner = windows ? '\r\nWelcome to Microsoft Telnet Service \r\n\r\nlogin: ' : '\r\n\r\nUser Access Verification\r\n\r\nUsername: ';
  const prompt = windows ? `\r\n*===============================================================\r\nMicrosoft Telnet Server.\r\n*===============================================================\r\nC:\\Documents and Settings\\${t.user}>` : `\r\n${dev.hostname}>`;
  const neg = tn.telnetNegotiation([[tn.TELNET_WILL, tn.TELNET_OPT_ECHO], [tn.TELNET_WILL, tn.TELNET_OPT_SUPPRESS_GO_AHEAD], [tn.TELNET_DONT, tn.TELNET_OPT_WINDOW_SIZE]]);
  const reply = tn.telnetNegotiation([[tn.TELNET_DO, tn.TELNET_OPT_ECHO], [tn.TELNET_DO, tn.TELNET_OPT_SUPPRESS_GO_AHEAD], [tn.TELNET_WONT, tn.TELNET_OPT_WINDOW_SIZE]]);
  return tcp(at, client, dev, 23, [
    { fromClient: false, data: neg }, { fromClient: true, data: reply },
    s(banner, 2000), c(`${t.user}\r\n`, 900_000), s(`${t.user}\r\n${windows ? 'password' : 'Password'}: `),
    c(`${t.password}\r\n`, 1_200_000), s(prompt, 3000), c('exit\r\n', 2_000_000),
  ]);
}

/** An FTP control connection: greeting, USER, 331, PASS, 230, QUIT. */
export function ftpLogin(at, client, dev, t) {
  return tcp(at, client, dev, 21, [
    s(`220 ${dev.hostname} FTP server ready.\r\n`, 2000), c(`USER ${t.user}\r\n`), s(`331 Password required for ${t.user}.\r\n`),
    c(`PASS ${t.password}\r\n`), s(`230 User ${t.user} logged in.\r\n`), c('QUIT\r\n', 500_000), s('221 Goodbye.\r\n'),
  ]);
}

/** A browser opening the device's web console with HTTP Basic credentials over plain HTTP. */
export function httpBasicLogin(at, client, dev, t, userAgent) {
  const auth = Buffer.from(`${t.user}:${t.password}`).toString('base64');
  const body = ascii(`<html><head><title>${t.title}</title></head><body></body></html>`);
  return tcp(at, client, dev, 80, [
    { fromClient: true, data: httpRequest('GET', '/config', [['Host', dev.ip], ['User-Agent', userAgent], ['Authorization', `Basic ${auth}`], ['Connection', 'close']]) },
    { fromClient: false, delayUs: 6000, data: httpResponse(200, 'OK', [['Server', t.server], ['Content-Type', 'text/html'], ['Connection', 'close']], body) },
  ]);
}

/** An NMS asking for sysName with SNMP v2c and `community`, and the device answering. */
export function snmpGet(at, manager, agent, community, reqId) {
  const oid = '1.3.6.1.2.1.1.5.0';
  return [
    { at, kind: 'udp', src: manager.name, dst: agent.name, sport: 40162, dport: 161, payload: snmpB.snmpMessage(snmpB.SNMP_V2C, community, snmpB.PDU_GET_REQUEST, reqId, [{ oid, value: { type: 'null' } }]) },
    { at: at + 0.003, kind: 'udp', src: agent.name, dst: manager.name, sport: 161, dport: 40162, payload: snmpB.snmpMessage(snmpB.SNMP_V2C, community, snmpB.PDU_RESPONSE, reqId, [{ oid, value: { type: 'string', value: agent.hostname } }]) },
  ];
}

const u16 = (v) => [(v >> 8) & 0xff, v & 0xff];
const u24 = (v) => [(v >> 16) & 0xff, ...u16(v)];
const record = (type, version, body) => Uint8Array.from([type, ...u16(version), ...u16(body.length), ...body]);
const handshake = (type, body) => [type, ...u24(body.length), ...body];
const random = (seed) => Array.from({ length: 32 }, (_, i) => (seed * 31 + i * 17) & 0xff);
const VERSIONS = { '1.0': 0x0301, '1.2': 0x0303 };
// Suites an old Windows SChannel / OpenSSL 1.0 client offers (AES-CBC, 3DES) and a TLS 1.2 client's AEAD ones.
const SUITES = { '1.0': [0x002f, 0x0035, 0x000a, 0xc013, 0xc014], '1.2': [0xc02f, 0xc030, 0xc02b, 0xc02c, 0x009c, 0x002f] };

function clientHello(version, sni, seed) {
  const v = VERSIONS[version];
  const ext = [];
  if (sni !== null) {
    const name = [...ascii(sni)];
    const list = [0, ...u16(name.length), ...name];
    ext.push(...u16(0), ...u16(list.length + 2), ...u16(list.length), ...list); // server_name, RFC 6066 §3
  }
  if (v >= 0x0303) ext.push(...u16(13), ...u16(8), ...u16(6), ...u16(0x0401), ...u16(0x0804), ...u16(0x0403)); // signature_algorithms
  ext.push(...u16(0xff01), ...u16(1), 0); // renegotiation_info, RFC 5746
  const suites = SUITES[version].flatMap(u16);
  const body = [...u16(v), ...random(seed), 0, ...u16(suites.length), ...suites, 1, 0, ...u16(ext.length), ...ext];
  return record(22, 0x0301, handshake(1, body));
}

function serverHello(version, seed) {
  const v = VERSIONS[version];
  const body = [...u16(v), ...random(seed + 7), 0, ...u16(SUITES[version][0]), 0, ...u16(5), ...u16(0xff01), ...u16(1), 0];
  return record(22, v, [...handshake(2, body), ...handshake(14, [])]); // ServerHello, ServerHelloDone
}

/** ClientKeyExchange (RSA: a 128-byte encrypted premaster), ChangeCipherSpec, and the encrypted Finished. */
function clientFinish(version, seed) {
  const v = VERSIONS[version];
  const bytes = (n, k) => Array.from({ length: n }, (_, i) => (seed * k + i * 13) & 0xff);
  return Uint8Array.from([...record(22, v, handshake(16, [...u16(128), ...bytes(128, 3)])), ...record(20, v, [1]), ...record(22, v, bytes(48, 5))]);
}

/** The device opens TLS `t.version` to `server`:`t.port`; the server agrees on that version (hello only). */
export function tlsHandshake(at, dev, server, t, seed) {
  return tcp(at, dev, server, t.port, [
    { fromClient: true, data: clientHello(t.version, t.sni, seed) },
    { fromClient: false, data: serverHello(t.version, seed), delayUs: 8000 },
    { fromClient: true, data: clientFinish(t.version, seed), delayUs: 2000 },
  ]);
}

/** X.224 Connection Request with a mstshash cookie and RDP_NEG_REQ (TLS | CredSSP), and the Confirm choosing TLS. */
export function rdpConnect(at, client, dev, user) {
  const cookie = [...ascii(`Cookie: mstshash=${user}\r\n`)];
  const neg = [0x01, 0x00, ...[8, 0], ...[0x03, 0, 0, 0]];
  const cr = [0xe0, 0, 0, 0, 0, 0, ...cookie, ...neg];
  const cc = [0xd0, 0, 0, 0x12, 0x34, 0, 0x02, 0x1f, 8, 0, 0x01, 0, 0, 0];
  const tpkt = (x) => Uint8Array.from([3, 0, ...u16(x.length + 5), x.length, ...x]);
  return tcp(at, client, dev, 3389, [{ fromClient: true, data: tpkt(cr) }, { fromClient: false, data: tpkt(cc), delayUs: 4000 }]);
}

/** TeamViewer's own protocol to a router on the internet (TCP 5938): a few minutes of screen updates. */
export function teamviewerSession(at, dev, router, rnd) {
  const blob = (n) => Uint8Array.from({ length: n }, () => rnd() & 0xff);
  const messages = [];
  for (let i = 0; i < 6; i++) messages.push({ fromClient: true, data: blob(600), delayUs: 20_000 }, { fromClient: false, data: blob(200), delayUs: 30_000 });
  return tcp(at, dev, router, 5938, messages);
}

/** A VNC viewer opening the device's console (RFC 6143 §7.1-7.2): versions, security types, VNC authentication. */
export function vncConnect(at, client, dev, seed) {
  const challenge = Array.from({ length: 16 }, (_, i) => (seed * 7 + i * 29) & 0xff);
  return tcp(at, client, dev, 5900, [
    s('RFB 003.008\n', 2000), c('RFB 003.008\n'), { fromClient: false, data: Uint8Array.from([1, 2]) },
    { fromClient: true, data: Uint8Array.from([2]) }, { fromClient: false, data: Uint8Array.from(challenge) },
    { fromClient: true, data: Uint8Array.from(challenge.map((b) => b ^ 0x5a)), delayUs: 1_500_000 }, { fromClient: false, data: Uint8Array.from([0, 0, 0, 0]) },
  ]);
}
