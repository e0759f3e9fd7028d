// Conversation builders of the sixth family. Encoders that only follow a standard come from the earlier families:
// DHCPv4, DICOM C-STORE / C-ECHO, MLLP, SSH identification, HTTP, SNMP, TLS, SMB and opaque streams from
// ../heldout/wire.mjs, mDNS queries over IPv6 from ../third/wire.mjs, the Telnet login with generic prompts from
// ../fourth/wire.mjs. This file adds what an IPv6-mostly segment does differently: a stateful DHCPv6 exchange (RFC 8415
// §18: Solicit, Advertise, Request, Reply between link-local addresses, the client to ff02::1:2) and AAAA lookups
// answered by the domain controller over IPv6 (RFC 3596).
import { loadSynth } from '../../synth.mjs';
import { ascii, ip, mac } from '../talk.mjs';

export { dhcpDora, dicomStore, hl7Send, httpGet, opaqueTcp, opaqueUdp, smbLogon, snmpGet, sshBanners, tlsSession } from '../heldout/wire.mjs';
export { mdns6 } from '../third/wire.mjs';
export { telnetLogin } from '../fourth/wire.mjs';

const dnsB = await loadSynth('payloads/dns.js');

const u16 = (v) => [(v >> 8) & 0xff, v & 0xff];
const u32 = (v) => [...u16((v >>> 16) & 0xffff), ...u16(v & 0xffff)];
const opt = (code, body) => [...u16(code), ...u16(body.length), ...body];
/** RFC 1035 §3.1 name encoding, as option 39 (client FQDN, RFC 4704 §4) carries it. */
const dnsName = (name) => [...name.split('.').flatMap((l) => [l.length, ...ascii(l)]), 0];
/** Where DHCPv6 servers and relays listen (RFC 8415 §7.1), and its Ethernet multicast address (RFC 2464 §7). */
export const ALL_DHCP = { ip: 'ff02::1:2', mac: '33:33:00:01:00:02' };

/**
 * A Windows client's stateful DHCPv6 exchange with `server`: options in the order satori's Windows fingerprint lists
 * (Solicit 8,1,3,39,16,6; Request 8,1,2,3,39,16,6), option request 24,23,17,39, vendor class enterprise 311
 * "MSFT 5.0". `dev.ll` / `server.ll` are the link-local addresses the messages travel between; the server hands out
 * `dev.ip6` with itself as DNS server (option 23).
 */
export function dhcpv6Exchange(at, dev, server, domain, xid) {
  const duid = (m, time) => [...u16(1), ...u16(1), ...u32(time), ...mac(m)]; // DUID-LLT, hardware type Ethernet
  const clientId = opt(1, duid(dev.mac, 0x2e8a1f00 + (xid & 0xffff)));
  const serverId = opt(2, duid(server.mac, 0x2b000000));
  const iaid = xid & 0x7fffffff;
  const fqdn = opt(39, [0x01, ...dnsName(`${dev.hostname}.${domain}`)]);
  const vendor = opt(16, [...u32(311), ...u16(8), ...ascii('MSFT 5.0')]);
  const oro = opt(6, [24, 23, 17, 39].flatMap(u16));
  const elapsed = opt(8, u16(0));
  const iaNa = (withAddr) => opt(3, [...u32(iaid), ...u32(withAddr ? 43200 : 0), ...u32(withAddr ? 69120 : 0), ...(withAddr ? opt(5, [...ip(dev.ip6), ...u32(86400), ...u32(172800)]) : [])]);
  const dns = opt(23, [...ip(server.ip6)]);
  const msg = (type, options) => Uint8Array.from([type, (xid >> 16) & 0xff, (xid >> 8) & 0xff, xid & 0xff, ...options]);
  const toServer = { srcIp: dev.ll, dstIp: ALL_DHCP.ip, dstMac: ALL_DHCP.mac };
  const toClient = { srcIp: server.ll, dstIp: dev.ll };
  const u = (dt, src, dst, sport, dport, payload, extra) => ({ at: at + dt, kind: 'udp', src, dst, sport, dport, payload, ...extra });
  return [
    u(0, dev.name, server.name, 546, 547, msg(1, [...elapsed, ...clientId, ...iaNa(false), ...fqdn, ...vendor, ...oro]), toServer), // SOLICIT
    u(0.01, server.name, dev.name, 547, 546, msg(2, [...iaNa(true), ...clientId, ...serverId, ...dns]), toClient), // ADVERTISE
    u(1.02, dev.name, server.name, 546, 547, msg(3, [...elapsed, ...clientId, ...serverId, ...iaNa(true), ...fqdn, ...vendor, ...oro]), toServer), // REQUEST
    u(1.03, server.name, dev.name, 547, 546, msg(7, [...iaNa(true), ...clientId, ...serverId, ...dns]), toClient), // REPLY
  ];
}

/** `client` asks `server` (UDP 53 over IPv6) for `name`'s AAAA record; the server answers with `answerIp`. */
export function dnsLookup6(at, client, server, name, answerIp, id) {
  const answer = { type: dnsB.DNS_TYPE_AAAA, ttlSec: 300, data: ip(answerIp) };
  return [
    { at, kind: 'udp', src: client.name, dst: server.name, sport: 53000 + (id % 1000), dport: 53, payload: dnsB.dnsQuery(id, name, dnsB.DNS_TYPE_AAAA) },
    { at: at + 0.004, kind: 'udp', src: server.name, dst: client.name, sport: 53, dport: 53000 + (id % 1000), payload: dnsB.dnsResponse(id, name, dnsB.DNS_TYPE_AAAA, [answer]) },
  ];
}
