// Conversation builders of the fifth family. Encoders that only follow a standard come from the earlier families:
// DHCP, DICOM C-STORE, MLLP, SSH identification, HTTP, SNMP, TLS, SMB and opaque streams from ../heldout/wire.mjs,
// DICOM Modality Worklist C-FIND from ../third/wire.mjs, the Telnet login with generic prompts from ../fourth/wire.mjs.
// This file adds what this centre does differently: a DNS lookup answered by the Windows DC (RFC 1035 §4.1) and the
// edge router's LLDP frame (IEEE 802.1AB) announcing a router, not a bridge.
import { loadSynth } from '../../synth.mjs';
import { ip, lldpB, mac } from '../talk.mjs';

export { dhcpDora, dicomStore, hl7Send, httpGet, opaqueTcp, opaqueUdp, smbLogon, snmpGet, sshBanners, tlsSession } from '../heldout/wire.mjs';
export { dicomWorklist } from '../third/wire.mjs';
export { telnetLogin } from '../fourth/wire.mjs';

const dnsB = await loadSynth('payloads/dns.js');

/** `client` asks `server` (UDP 53) for `name`'s A record; the server answers with `answerIp`. */
export function dnsLookup(at, client, server, name, answerIp, id) {
  const answer = { type: dnsB.DNS_TYPE_A, ttlSec: 300, data: ip(answerIp) };
  return [
    { at, kind: 'udp', src: client.name, dst: server.name, sport: 52000 + (id % 1000), dport: 53, payload: dnsB.dnsQuery(id, name) },
    { at: at + 0.004, kind: 'udp', src: server.name, dst: client.name, sport: 53, dport: 52000 + (id % 1000), payload: dnsB.dnsResponse(id, name, dnsB.DNS_TYPE_A, [answer]) },
  ];
}

/** LLDP from the edge router: chassis MAC, port, system name and the router capability only (no description sourced). */
export function lldpRouterFrame(srcMac, systemName) {
  const caps = lldpB.LLDP_CAP_ROUTER;
  return lldpB.lldpFrame(mac(srcMac), { chassisMac: mac(srcMac), portId: '1', systemName, capabilities: { supported: caps, enabled: caps } });
}
