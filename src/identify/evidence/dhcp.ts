/**
 * DHCP evidence (RFC 2131, RFC 2132 options 12/54/55/60): the client's host name, vendor class and option-55 list;
 * the server that offers leases.
 */
import type { RecordOf } from '../../decode/records.js';
import type { KnowledgeBase } from '../knowledge/kb-types.js';
import type { Observation } from '../types.js';
import { clean, Emitter, emitterFor, tsMsOf, unicastMac } from './common.js';
import { freeText } from './free-text.js';

const CLIENT_KINDS: ReadonlySet<string> = new Set(['discover', 'request', 'inform', 'decline', 'release']);
const SERVER_KINDS: ReadonlySet<string> = new Set(['offer', 'ack', 'nak']);

/**
 * An OFFER/ACK/NAK sent by the host its option 54 (server identifier, RFC 2132 §9.7) names. A relay agent (RFC 1542
 * §4.1) forwards the server's reply from its own address with the server's identifier inside, so it is not counted.
 */
function serverObservations(rec: RecordOf<'dhcp'>, kb: KnowledgeBase): Observation[] {
  const out: Observation[] = [];
  if (clean(rec.serverId) !== rec.src) return out;
  emitterFor(out, rec, 'sender')?.rules(kb, 'device-types', 'serviceRole', 'dhcp-server', 'dhcp.serverId');
  return out;
}

export function dhcpObservations(rec: RecordOf<'dhcp'>, kb: KnowledgeBase): Observation[] {
  if (SERVER_KINDS.has(rec.kind)) return serverObservations(rec, kb);
  const out: Observation[] = [];
  if (!CLIENT_KINDS.has(rec.kind)) return out;
  // The facts are the client's: key by chaddr, with the address it holds or asks for. Through a relay agent (giaddr
  // set, RFC 1542 §4.1) the packet comes from the relay's address: the client's own is ciaddr (RFC 2131 §4.3.2, when
  // bound) or the address it asks for (option 50), never the relay's.
  const mac = unicastMac(clean(rec.clientMac));
  const relayed = clean(rec.relayIp) !== null;
  const ip = relayed ? (clean(rec.clientIp) ?? clean(rec.requestedIp)) : rec.src !== '0.0.0.0' ? rec.src : clean(rec.requestedIp);
  if (mac === null && ip === null) return out;
  const e = new Emitter(out, { mac, ip }, tsMsOf(rec));
  const hostname = clean(rec.hostname);
  e.add('hostname', hostname, 'dhcp.hostname', `option 12 ${hostname ?? ''}`, 0.8);
  e.rules(kb, 'dhcp-fingerprints', 'hostname', hostname, 'dhcp.hostname');
  e.rules(kb, 'device-types', 'hostname', hostname, 'dhcp.hostname');
  freeText(e, kb, 'dhcp.hostname', hostname);
  e.rules(kb, 'dhcp-fingerprints', 'vendorClass', clean(rec.vendorClass), 'dhcp.vendorClass');
  // Vendor classes that name a maker and its kind of device, and printers' option-55 lists, generated from satori
  // (scripts/refresh-dhcp-vendor-classes.mjs).
  e.rules(kb, 'dhcp-vendor-classes', 'vendorClass', clean(rec.vendorClass), 'dhcp.vendorClass');
  freeText(e, kb, 'dhcp.vendorClass', clean(rec.vendorClass));
  e.rules(kb, 'dhcp-fingerprints', 'paramRequestList', clean(rec.paramRequestList), 'dhcp.paramRequestList');
  e.rules(kb, 'dhcp-vendor-classes', 'paramRequestList', clean(rec.paramRequestList), 'dhcp.paramRequestList');
  return out;
}
