// Conversation builders for the eval scenario: each turns one `talk` item of a catalogue device into scenario
// events (see src/capture/synth/scenario.ts), using the compiled payload builders (scripts/synth.mjs).
import { loadSynth as load } from '../synth.mjs';

export const { PcapWriter } = await load('pcap-writer.js');
export const { playScenario } = await load('scenario.js');
export const tcp = await load('tcp-profile.js');
export const { ip, mac } = await load('addr.js');
export const { ascii } = await load('payloads/byte-writer.js');
const dhcpB = await load('payloads/dhcp.js');
const dimse = await load('payloads/dicom-message.js');
const ul = await load('payloads/dicom-ul.js');
const { hl7Ack, hl7Message, mllpFrame } = await load('payloads/hl7.js');
const { httpRequest, httpResponse } = await load('payloads/http.js');
const smb2 = await load('payloads/smb2.js');
const snmpB = await load('payloads/snmp.js');
const ntlm = await load('payloads/ntlmssp.js');
const sess = await load('payloads/smb-session.js');
export const lldpB = await load('payloads/lldp.js');

const DOMAIN = 'hospital.example';
const PACS_IMPL = { uid: '1.2.40.0.13.1.3', name: 'dcm4che-5.31.0' }; // dcm4che3 PACS

/** EUI-64 from a MAC (insert FFFE), as IHE PCD devices put in MSH-3. */
export function eui64(macText) {
  const h = macText.replaceAll(':', '').toUpperCase();
  return `${h.slice(0, 6)}FFFE${h.slice(6)}`;
}

export function dhcpDora(at, dev, infra, t) {
  const chaddr = mac(dev.mac);
  const opts = [dhcpB.clientIdOption(chaddr)];
  if (t.hostname) opts.push(dhcpB.textOption(12, dev.hostname));
  if (t.vendorClass !== null) opts.push(dhcpB.textOption(60, t.vendorClass));
  opts.push(dhcpB.bytesOption(55, t.prl));
  const server = [[54, ip(infra.ip)], dhcpB.u32Option(51, 86400), [1, ip('255.255.0.0')], [3, ip('10.20.0.1')], [6, ip(infra.ip)], dhcpB.textOption(15, DOMAIN)];
  const xid = (parseInt(dev.mac.replaceAll(':', '').slice(4), 16) ^ 0x5a5a5a5a) >>> 0;
  const bc = { srcIp: '0.0.0.0', dstIp: '255.255.255.255', dstMac: 'ff:ff:ff:ff:ff:ff' };
  const reply = (type) => dhcpB.dhcpMessage({ op: 2, xid, broadcast: true, yiaddr: ip(dev.ip), siaddr: ip(infra.ip), chaddr, messageType: type, options: server });
  const u = (dt, src, dst, sport, dport, payload, extra) => ({ at: at + dt, kind: 'udp', src, dst, sport, dport, payload, ...extra });
  return [
    u(0, dev.name, infra.name, 68, 67, dhcpB.dhcpMessage({ op: 1, xid, broadcast: true, chaddr, messageType: dhcpB.DHCP_DISCOVER, options: opts }), bc),
    u(0.01, infra.name, dev.name, 67, 68, reply(dhcpB.DHCP_OFFER), { dstIp: '255.255.255.255', dstMac: 'ff:ff:ff:ff:ff:ff' }),
    u(0.02, dev.name, infra.name, 68, 67, dhcpB.dhcpMessage({ op: 1, xid, broadcast: true, chaddr, messageType: dhcpB.DHCP_REQUEST, options: [[50, ip(dev.ip)], [54, ip(infra.ip)], ...opts] }), bc),
    u(0.03, infra.name, dev.name, 67, 68, reply(dhcpB.DHCP_ACK), { dstIp: '255.255.255.255', dstMac: 'ff:ff:ff:ff:ff:ff' }),
  ];
}

function dataset(n, t, dev) {
  const x = dimse.textElement;
  const sopUid = `2.25.${BigInt(parseInt(dev.mac.replaceAll(':', ''), 16)) * 1000n + BigInt(n)}`;
  const els = [dimse.uidElement(0x0008, 0x0016, t.sop), dimse.uidElement(0x0008, 0x0018, sopUid), x(0x0008, 0x0060, t.ds.modality)];
  if (t.ds.manufacturer !== '') els.push(x(0x0008, 0x0070, t.ds.manufacturer));
  els.push(x(0x0008, 0x0080, 'Synthetic General Hospital'), x(0x0008, 0x1010, dev.hostname));
  if (t.ds.model !== '') els.push(x(0x0008, 0x1090, t.ds.model));
  els.push(x(0x0010, 0x0010, 'SYNTHETIC^TEST'), x(0x0010, 0x0020, 'SYN-000001'));
  if (t.ds.software !== undefined && t.ds.software !== '') els.push(x(0x0018, 0x1020, t.ds.software));
  els.push(dimse.usElement(0x0028, 0x0010, 8), dimse.usElement(0x0028, 0x0011, 8), dimse.bytesElement(0x7fe0, 0x0010, new Uint8Array(128).fill(n)));
  return { sopUid, bytes: dimse.encodeImplicitLe(els) };
}

export function dicomAssociation(at, dev, pacs, t) {
  const sop = t.ds === null ? dimse.VERIFICATION_SOP_CLASS : t.sop;
  const contexts = [{ id: 1, abstractSyntax: sop, transferSyntaxes: [ul.IMPLICIT_VR_LITTLE_ENDIAN, ul.EXPLICIT_VR_LITTLE_ENDIAN] }];
  const ae = dev.hostname.replaceAll('-', '').slice(0, 16);
  const max = 16384;
  const messages = [
    { fromClient: true, data: ul.associateRq({ calledAeTitle: 'PACS01', callingAeTitle: ae, maxPduLength: max, implementationClassUid: t.implUid, implementationVersionName: t.implVersion, contexts }) },
    { fromClient: false, data: ul.associateAc({ calledAeTitle: 'PACS01', callingAeTitle: ae, maxPduLength: max, implementationClassUid: PACS_IMPL.uid, implementationVersionName: PACS_IMPL.name, results: [{ id: 1, result: 0, transferSyntax: ul.IMPLICIT_VR_LITTLE_ENDIAN }] }) },
  ];
  if (t.ds === null) {
    messages.push({ fromClient: true, data: ul.pDataMessage(1, true, dimse.cEchoRq(1), max) }, { fromClient: false, data: ul.pDataMessage(1, true, dimse.cEchoRsp(1), max) });
  } else {
    for (const n of [1, 2]) {
      const d = dataset(n, t, dev);
      messages.push({ fromClient: true, data: [...ul.pDataMessage(1, true, dimse.cStoreRq(n, t.sop, d.sopUid), max), ...ul.pDataMessage(1, false, d.bytes, max)] });
      messages.push({ fromClient: false, data: ul.pDataMessage(1, true, dimse.cStoreRsp(n, t.sop, d.sopUid), max), delayUs: 2000 });
    }
  }
  messages.push({ fromClient: true, data: ul.releaseRq() }, { fromClient: false, data: ul.releaseRp() });
  return [{ at, kind: 'tcp', client: dev.name, server: pacs.name, serverPort: 104, messages }];
}

export function hl7Exchange(at, dev, engine, t, seq) {
  const app = t.msh3.replace('{EUI}', eui64(dev.mac));
  const out = [];
  for (let i = 0; i < 2; i++) {
    const ts = `20260302${String(8 + i).padStart(2, '0')}${String(seq % 60).padStart(2, '0')}00`;
    const controlId = `${dev.name.replaceAll('-', '')}${1000 + i}`;
    // MSH-5 names the receiver (the interface engine, or the PACS an engine forwards to): its ACK's MSH-3.
    const msh = { sendingApplication: app, sendingFacility: t.msh4, receivingApplication: engine.hostname, receivingFacility: 'SYNTHETIC_HOSP', version: t.version, controlId };
    const text = hl7Message([
      `MSH|^~\\&|${app}|${t.msh4}|${engine.hostname}|SYNTHETIC_HOSP|${ts}||${t.type}|${controlId}|P|${t.version}`,
      'PID|||SYN-000001^^^SYNTHETIC_HOSP^MR||SYNTHETIC^TEST||19700101|O',
      `OBR|1|${controlId}||SYN^synthetic observation|||${ts}`,
      `OBX|1|NM|SYN-1^synthetic value||${70 + i}||||||F`,
    ]);
    out.push({ fromClient: true, data: mllpFrame(text) }, { fromClient: false, data: mllpFrame(hl7Ack(msh, ts, `ACK${controlId}`)), delayUs: 3000 });
  }
  return [{ at, kind: 'tcp', client: dev.name, server: engine.name, serverPort: 2575, messages: out }];
}

/** SMB to `server`: SMB1 + NTLMSSP AUTHENTICATE for XP; otherwise SMB2 NEGOTIATE then NTLM's three legs. */
export function smbSession(at, dev, server, t, os, serverOs) {
  const v = ntlm.windowsVersion(os[t.os].version);
  const auth = (mic) => ntlm.ntlmAuthenticate({ version: v, domain: 'HOSP', user: 'svc-scan', workstation: dev.hostname.toUpperCase().slice(0, 15), mic });
  const guid = (b) => Uint8Array.from({ length: 16 }, (_, i) => (b + i * 7) & 0xff);
  if (t.dialect === 1) {
    return [{ at, kind: 'tcp', client: dev.name, server: server.name, serverPort: 445, messages: [
      { fromClient: true, data: sess.smb1NegotiateRequest(sess.XP_SMB1_DIALECTS) },
      { fromClient: true, data: sess.smb1SessionSetupRequest({ blob: auth(false), nativeOs: 'Windows 2002 Service Pack 3 2600', nativeLanMan: 'Windows 2002 5.1' }), delayUs: 2000 },
    ] }];
  }
  const dialects = t.dialect === 3 ? [smb2.SMB2_DIALECT_202, smb2.SMB2_DIALECT_210, smb2.SMB2_DIALECT_300, smb2.SMB2_DIALECT_302] : [smb2.SMB2_DIALECT_202, smb2.SMB2_DIALECT_210];
  const chosen = t.dialect === 3 ? smb2.SMB2_DIALECT_302 : smb2.SMB2_DIALECT_210;
  const challenge = ntlm.ntlmChallenge({ version: ntlm.windowsVersion(os[serverOs].version), netbiosDomain: 'HOSP', netbiosComputer: server.hostname, dnsDomain: DOMAIN, dnsComputer: `${server.hostname.toLowerCase()}.${DOMAIN}`, serverChallenge: guid(3).subarray(0, 8) });
  const sid = 0x1000 + (at | 0);
  return [{ at, kind: 'tcp', client: dev.name, server: server.name, serverPort: 445, messages: [
    { fromClient: true, data: smb2.smb2NegotiateRequest(dialects, guid(0x40)) },
    { fromClient: false, data: smb2.smb2NegotiateResponse(chosen, guid(0x90), 1_772_438_400, 1_772_438_400 - 864000) },
    { fromClient: true, data: sess.smb2SessionSetupRequest(ntlm.ntlmNegotiate(v), 1) },
    { fromClient: false, data: sess.smb2SessionSetupResponse(challenge, sess.STATUS_MORE_PROCESSING_REQUIRED, 1, sid) },
    { fromClient: true, data: sess.smb2SessionSetupRequest(auth(true), 2, sid) },
    { fromClient: false, data: sess.smb2SessionSetupResponse(new Uint8Array(0), 0, 2, sid) },
  ] }];
}

export function httpGet(at, client, server, { userAgent, serverHeader, title }) {
  const body = ascii(`<html><head><title>${title}</title></head><body></body></html>`);
  return [{ at, kind: 'tcp', client: client.name, server: server.name, serverPort: 80, messages: [
    { fromClient: true, data: httpRequest('GET', '/', [['Host', server.ip], ['User-Agent', userAgent], ['Accept', 'text/html'], ['Connection', 'close']]) },
    { fromClient: false, delayUs: 5000, data: httpResponse(200, 'OK', [['Server', serverHeader], ['Content-Type', 'text/html'], ['Connection', 'close']], body) },
  ] }];
}

export function snmpPoll(at, manager, agent, t, reqId) {
  const answers = [
    { oid: '1.3.6.1.2.1.1.1.0', value: { type: 'string', value: t.sysDescr } },
    { oid: '1.3.6.1.2.1.1.2.0', value: { type: 'oid', value: t.sysObjectId } },
    { oid: '1.3.6.1.2.1.1.5.0', value: { type: 'string', value: agent.hostname } },
  ];
  const get = snmpB.snmpMessage(snmpB.SNMP_V2C, 'public', snmpB.PDU_GET_REQUEST, reqId, answers.map((a) => ({ oid: a.oid, value: { type: 'null' } })));
  return [
    { at, kind: 'udp', src: manager.name, dst: agent.name, sport: 40161, dport: 161, payload: get },
    { at: at + 0.004, kind: 'udp', src: agent.name, dst: manager.name, sport: 161, dport: 40161, payload: snmpB.snmpMessage(snmpB.SNMP_V2C, 'public', snmpB.PDU_RESPONSE, reqId, answers) },
  ];
}

/** An application protocol the decoders do not know (pump to its server, TLS-like workstation traffic). */
export function opaqueTcp(at, client, server, port, bytes, rnd) {
  const blob = (n) => Uint8Array.from({ length: n }, () => rnd() & 0xff);
  return [{ at, kind: 'tcp', client: client.name, server: server.name, serverPort: port, messages: [
    { fromClient: true, data: blob(bytes) }, { fromClient: false, data: blob(bytes * 2), delayUs: 4000 },
  ] }];
}

/**
 * Philips IntelliVue connect indication (Data Export Interface Programming Guide 4535 642 59271): the monitor's
 * broadcast on UDP 24005 announcing itself to Data Export clients, with NOM_ATTR_SYS_TYPE, NOM_ATTR_ID_MODEL and
 * NOM_ATTR_ID_PROD_SPECN, laid out as src/decode/intellivue/fixtures/intellivue_sender.py builds it. Big-endian.
 */
export function intellivueConnectIndication(at, dev, any, t) {
  const u16 = (v) => [(v >> 8) & 0xff, v & 0xff];
  const u32 = (v) => [...u16((v >>> 16) & 0xffff), ...u16(v & 0xffff)];
  const str = (text) => { const b = [...new TextEncoder().encode(text)]; return [...u16(b.length), ...b, ...(b.length % 2 === 1 ? [0] : [])]; };
  const ava = (id, value) => [...u16(id), ...u16(value.length), ...value];
  const spec = (type, value) => [...u16(type), ...u16(0), ...str(value)];
  const serial = dev.mac.replaceAll(':', '').slice(6).toUpperCase();
  const entries = [spec(1, `DE${serial}`), spec(4, t.software)];
  const prod = entries.flat();
  const attrs = [
    ava(0x0986, [...u16(1), ...u16(4429)]), // NOM_ATTR_SYS_TYPE: MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS
    ava(0x0928, [...str(t.manufacturer), ...str(t.model)]), // NOM_ATTR_ID_MODEL
    ava(0x092d, [...u16(entries.length), ...u16(prod.length), ...prod]), // NOM_ATTR_ID_PROD_SPECN
  ];
  const list = [...u16(attrs.length), ...u16(attrs.flat().length), ...attrs.flat()];
  const event = [...u16(0x0023), ...u16(0), ...u16(0), ...u32(0x1234), ...u16(0x0d17), ...u16(list.length), ...list];
  const roiv = [...u16(0), ...u16(0), ...u16(event.length), ...event];
  const payload = Uint8Array.from([...u16(0), 1, 0, ...u16(1), ...u16(roiv.length), ...roiv]);
  // Broadcast: `any` host only gives the player a destination; the addresses are overridden.
  return [{ at, kind: 'udp', src: dev.name, dst: any.name, sport: 24005, dport: 24005, payload, dstIp: '255.255.255.255', dstMac: 'ff:ff:ff:ff:ff:ff' }];
}

/** RFC 1001 §14.1 first-level encoding of a NetBIOS name (15 chars space-padded + suffix byte), length-prefixed. */
function netbiosName(name, suffix) {
  const raw = [...name.toUpperCase().slice(0, 15).padEnd(15, ' ')].map((c) => c.charCodeAt(0) & 0xff);
  raw.push(suffix);
  return [0x20, ...raw.flatMap((b) => [0x41 + (b >> 4), 0x41 + (b & 0x0f)]), 0];
}

/**
 * A Windows browser HostAnnouncement ([MS-BRWS] §2.2.1) in an SMB mailslot write to \MAILSLOT\BROWSE ([MS-SMB]
 * §2.2.4.33) in a NetBIOS DIRECT_GROUP datagram (RFC 1002 §4.4.2) to the domain's master-browser name <1D>, UDP 138
 * broadcast: what every Windows host with file sharing sends at start and every 12 minutes.
 */
export function netbiosHostAnnouncement(at, dev, any, t, osVersion) {
  const le16 = (v) => [v & 0xff, (v >> 8) & 0xff];
  const le32 = (v) => [...le16(v & 0xffff), ...le16((v >>> 16) & 0xffff)];
  const [major, minor] = osVersion.split('.').map(Number);
  const name = [...dev.hostname.toUpperCase().slice(0, 15)].map((c) => c.charCodeAt(0)).concat(Array(16).fill(0)).slice(0, 16);
  // SV_TYPE_WORKSTATION | SV_TYPE_SERVER | SV_TYPE_NT | SV_TYPE_POTENTIAL_BROWSER ([MS-RAP] §2.5.5.2.1), as a client edition sets.
  const data = [0x01, 0, ...le32(720000), ...name, major, minor, ...le32(0x00011003), 15, 1, 0x55, 0xaa, 0];
  const slot = [...'\\MAILSLOT\\BROWSE'].map((c) => c.charCodeAt(0)).concat([0]);
  const header = [0xff, 0x53, 0x4d, 0x42, 0x25, ...Array(27).fill(0)];
  const dataOffset = 32 + 1 + 34 + 2 + slot.length;
  const words = [...le16(0), ...le16(data.length), ...le16(0), ...le16(0), 0, 0, ...le16(0), ...le32(0), ...le16(0), ...le16(0), ...le16(dataOffset), ...le16(data.length), ...le16(dataOffset), 3, 0, ...le16(1), ...le16(1), ...le16(2)];
  const smb = [...header, 17, ...words, ...le16(slot.length + data.length), ...slot, ...data];
  const names = [...netbiosName(dev.hostname, 0x00), ...netbiosName(t.domain, 0x1d)];
  const ipBytes = dev.ip.split('.').map(Number);
  const be16 = (v) => [(v >> 8) & 0xff, v & 0xff];
  const payload = Uint8Array.from([0x11, 0x02, ...be16(t.id & 0xffff), ...ipBytes, ...be16(138), ...be16(names.length + smb.length), ...be16(0), ...names, ...smb]);
  const bcast = `${ipBytes[0]}.${ipBytes[1]}.255.255`;
  return [{ at, kind: 'udp', src: dev.name, dst: any.name, sport: 138, dport: 138, payload, dstIp: bcast, dstMac: 'ff:ff:ff:ff:ff:ff' }];
}
