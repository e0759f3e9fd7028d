// Conversation builders of the third family. Protocol encoders that only follow a standard (MLLP, ASTM E1381 framing,
// SSH identification, HTTP, SMB2/NTLMSSP, TLS, opaque streams) are the held-out family's (../heldout/wire.mjs); this
// file adds what this campus does differently: DHCP through a relay agent (RFC 1542 §4: the router forwards the
// client's broadcast to a remote server and answers the client from its own interface address), an SNMP system-group
// poll that returns sysObjectID too (RFC 3418), DICOM Modality Worklist C-FIND (PS3.4 K.6, PS3.7 §9.1.2), mDNS queries
// over IPv6 link-local (RFC 6762 §5), plain text over TCP and an LLDP frame (IEEE 802.1AB).
import { loadSynth } from '../../synth.mjs';
import { ascii, ip, lldpB, mac } from '../talk.mjs';
import { httpGet, sshBanners, smbLogon, tlsSession, opaqueTcp } from '../heldout/wire.mjs';

export { httpGet, sshBanners, smbLogon, tlsSession, opaqueTcp };
export { astmUpload, hl7Send, dicomStore, snmpGet } from '../heldout/wire.mjs';

const dhcpB = await loadSynth('payloads/dhcp.js');
const dimse = await loadSynth('payloads/dicom-message.js');
const ul = await loadSynth('payloads/dicom-ul.js');
const snmpB = await loadSynth('payloads/snmp.js');
const dnsB = await loadSynth('payloads/dns.js');

const tcp = (at, client, server, serverPort, messages) => [{ at, kind: 'tcp', client: client.name, server: server.name, serverPort, messages }];
const fromC = (data, delayUs) => ({ fromClient: true, data: typeof data === 'string' ? ascii(data) : data, ...(delayUs === undefined ? {} : { delayUs }) });
const fromS = (data, delayUs) => ({ fromClient: false, data: typeof data === 'string' ? ascii(data) : data, ...(delayUs === undefined ? {} : { delayUs }) });

/**
 * DORA through a relay. `seen` 'access': the SPAN shows the client's broadcasts and the relay's (router's) answers
 * from its interface address; 'uplink': the SPAN shows only router <-> DHCP server unicast, giaddr set, the client's
 * MAC only in chaddr. `relay` is the router's host for this subnet, `server` the DHCP server.
 */
export function dhcpRelayed(at, dev, relay, server, t, net, seen) {
  const chaddr = mac(dev.mac);
  const opts = [dhcpB.clientIdOption(chaddr)];
  if (t.vendorClass !== null) opts.push(dhcpB.textOption(60, t.vendorClass));
  if (t.hostname) opts.push(dhcpB.textOption(12, dev.hostname));
  if (t.prl !== null) opts.push(dhcpB.bytesOption(55, t.prl));
  const giaddr = ip(net.gateway);
  const offer = [[54, ip(server.ip)], dhcpB.u32Option(51, 43200), [1, ip(net.mask)], [3, ip(net.gateway)], [6, ip(server.ip)], dhcpB.textOption(15, net.domain)];
  const xid = (parseInt(dev.mac.replaceAll(':', '').slice(6), 16) * 2246822519) >>> 0;
  const req = (type, extra = [], relayed = false) => dhcpB.dhcpMessage({ op: 1, xid, chaddr, messageType: type, ...(relayed ? { giaddr } : {}), options: [...extra, ...opts] });
  const rep = (type) => dhcpB.dhcpMessage({ op: 2, xid, yiaddr: ip(dev.ip), siaddr: ip(server.ip), giaddr, chaddr, messageType: type, options: offer });
  const u = (dt, src, dst, sport, dport, payload, extra = {}) => ({ at: at + dt, kind: 'udp', src, dst, sport, dport, payload, ...extra });
  const ask = [[50, ip(dev.ip)], [54, ip(server.ip)]];
  if (seen === 'access') {
    const bc = { srcIp: '0.0.0.0', dstIp: '255.255.255.255', dstMac: 'ff:ff:ff:ff:ff:ff' };
    return [
      u(0, dev.name, relay.name, 68, 67, req(dhcpB.DHCP_DISCOVER), bc),
      u(0.04, relay.name, dev.name, 67, 68, rep(dhcpB.DHCP_OFFER)),
      u(0.05, dev.name, relay.name, 68, 67, req(dhcpB.DHCP_REQUEST, ask), bc),
      u(0.09, relay.name, dev.name, 67, 68, rep(dhcpB.DHCP_ACK)),
    ];
  }
  return [
    u(0, relay.name, server.name, 67, 67, req(dhcpB.DHCP_DISCOVER, [], true)),
    u(0.02, server.name, relay.name, 67, 67, rep(dhcpB.DHCP_OFFER)),
    u(0.05, relay.name, server.name, 67, 67, req(dhcpB.DHCP_REQUEST, ask, true)),
    u(0.07, server.name, relay.name, 67, 67, rep(dhcpB.DHCP_ACK)),
  ];
}

/** SNMP v2c get of sysDescr, sysObjectID and sysName (RFC 3418); the agent answers with all three. */
export function snmpSystem(at, manager, agent, community, sysDescr, sysObjectId, reqId) {
  const oids = ['1.3.6.1.2.1.1.1.0', '1.3.6.1.2.1.1.2.0', '1.3.6.1.2.1.1.5.0'];
  const ask = oids.map((oid) => ({ oid, value: { type: 'null' } }));
  const answer = [{ oid: oids[0], value: { type: 'string', value: sysDescr } }, { oid: oids[1], value: { type: 'oid', value: sysObjectId } }, { oid: oids[2], value: { type: 'string', value: agent.hostname } }];
  return [
    { at, kind: 'udp', src: manager.name, dst: agent.name, sport: 50163, dport: 161, payload: snmpB.snmpMessage(snmpB.SNMP_V2C, community, snmpB.PDU_GET_REQUEST, reqId, ask) },
    { at: at + 0.006, kind: 'udp', src: agent.name, dst: manager.name, sport: 161, dport: 50163, payload: snmpB.snmpMessage(snmpB.SNMP_V2C, community, snmpB.PDU_RESPONSE, reqId, answer) },
  ];
}

const MWL_FIND = '1.2.840.10008.5.1.4.31';

/** A Modality Worklist query (C-FIND-RQ with an identifier asking for today's CT/US procedures) and one match. */
export function dicomWorklist(at, dev, scp, t, site) {
  const max = 16000;
  const ae = t.ae ?? dev.hostname.replaceAll('-', '').slice(0, 16).toUpperCase();
  const contexts = [{ id: 1, abstractSyntax: MWL_FIND, transferSyntaxes: [ul.IMPLICIT_VR_LITTLE_ENDIAN] }];
  const x = dimse.textElement;
  const cmd = (field, status) => dimse.commandSet([dimse.uidElement(0x0000, 0x0002, MWL_FIND), dimse.usElement(0x0000, 0x0100, field), ...(status === undefined ? [dimse.usElement(0x0000, 0x0110, 1), dimse.usElement(0x0000, 0x0700, 0)] : [dimse.usElement(0x0000, 0x0120, 1)]), dimse.usElement(0x0000, 0x0800, status === 0 ? 0x0101 : 0x0000), ...(status === undefined ? [] : [dimse.usElement(0x0000, 0x0900, status)])]);
  const query = dimse.encodeImplicitLe([x(0x0008, 0x0050, ''), x(0x0010, 0x0010, ''), x(0x0010, 0x0020, ''), x(0x0040, 0x0100, '')]);
  const match = dimse.encodeImplicitLe([x(0x0008, 0x0050, 'ACC7731'), x(0x0008, 0x0080, site.institution), x(0x0010, 0x0010, 'THIRDFAM^PATIENT'), x(0x0010, 0x0020, 'MRN551203'), x(0x0010, 0x0030, '19720905')]);
  const pd = (isCmd, body) => Uint8Array.from(ul.pDataMessage(1, isCmd, body, max).flatMap((p) => [...p]));
  return tcp(at, dev, scp, scp.dicomPort ?? 104, [
    fromC(ul.associateRq({ calledAeTitle: scp.ae, callingAeTitle: ae, maxPduLength: max, implementationClassUid: t.implUid, implementationVersionName: t.implVersion, contexts })),
    fromS(ul.associateAc({ calledAeTitle: scp.ae, callingAeTitle: ae, maxPduLength: max, implementationClassUid: scp.implUid, implementationVersionName: scp.implVersion, results: [{ id: 1, result: 0, transferSyntax: ul.IMPLICIT_VR_LITTLE_ENDIAN }] }), 3000),
    fromC(Uint8Array.from([...pd(true, cmd(0x0020)), ...pd(false, query)])),
    fromS(Uint8Array.from([...pd(true, cmd(0x8020, 0xff00)), ...pd(false, match)]), 4000),
    fromS(pd(true, cmd(0x8020, 0))),
    fromC(ul.releaseRq()), fromS(ul.releaseRp()),
  ]);
}

/** mDNS PTR queries from the host's IPv6 link-local address to ff02::fb (RFC 6762 §5); `mcast` is that group's host. */
export function mdns6(at, dev6, mcast, names, id) {
  return names.map((n, i) => ({ at: at + i * 0.5, kind: 'udp', src: dev6.name, dst: mcast.name, sport: 5353, dport: 5353, payload: dnsB.dnsQuery(id + i, n, dnsB.DNS_TYPE_PTR) }));
}

/** One text message from `client` to `server`:`port`, nothing back but the TCP acknowledgements. */
export function textOverTcp(at, client, server, port, text) {
  return tcp(at, client, server, port, [fromC(text)]);
}

/** An LLDP frame from a switch port (IEEE 802.1AB): written directly, it is no IP conversation. */
export function lldpFrame(srcMac, t) {
  return lldpB.lldpFrame(mac(srcMac), {
    chassisMac: mac(srcMac), portId: t.portId, portDescription: t.portDescription, systemName: t.systemName, systemDescription: t.systemDescription,
    capabilities: { supported: lldpB.LLDP_CAP_BRIDGE, enabled: lldpB.LLDP_CAP_BRIDGE },
  });
}
