// Conversation builders of the fourth family. Protocol encoders that only follow a standard (DHCP, MLLP, SMB2/SMB1
// with NTLMSSP, HTTP, FTP, TLS, SNMP, opaque streams, DICOM C-STORE) are the held-out family's (../heldout/wire.mjs);
// this file adds what this hospital does differently: every frame on the trunk SPAN carries an IEEE 802.1Q tag, a
// frame crossing VLANs is captured as it enters the core switch (addressed to the switch's MAC, tagged with the
// sender's VLAN), a Telnet login with generic prompts only, BACnet/IP Who-Is / I-Am (ASHRAE 135 Annex J) and an LLDP
// frame that names only the system.
import { loadSynth } from '../../synth.mjs';
import { ascii, lldpB, mac } from '../talk.mjs';

export { astmUpload, dhcpDora, dicomStore, ftpSession, hl7Send, httpGet, opaqueTcp, opaqueUdp, smbLogon, snmpGet, tlsSession } from '../heldout/wire.mjs';
export { teamviewerSession } from '../talk-risk.mjs';

const tn = await loadSynth('payloads/telnet.js');

const hexBytes = (h) => Uint8Array.from(h.match(/../g).map((x) => parseInt(x, 16)));
const macText = (b, o) => Array.from(b.subarray(o, o + 6), (x) => x.toString(16).padStart(2, '0')).join(':');

/**
 * A packet sink that tags every Ethernet frame with 802.1Q before passing it to `inner` (a trunk SPAN).
 * `vlanOf(mac)`: the VLAN id of a host MAC, or undefined (the core switch, multicast, an internet host's frames that
 * carry the switch's MAC). A unicast frame between two hosts on different VLANs is captured on the sender's VLAN,
 * addressed to the core switch (`gatewayMac`), as a routed frame leaves its sender; broadcasts keep their VLAN.
 */
export function trunkSink(inner, vlanOf, gatewayMac, fallbackVid) {
  const gw = mac(gatewayMac);
  return {
    writePacket(frame, offset, length, tsSec, tsNsec) {
      const f = Uint8Array.from(frame.subarray(offset, offset + length));
      const dst = macText(f, 0);
      const src = macText(f, 6);
      const sv = vlanOf(src);
      const dv = vlanOf(dst);
      const vid = sv ?? dv ?? fallbackVid;
      if (sv !== undefined && dv !== undefined && sv !== dv) f.set(gw, 0);
      const out = new Uint8Array(length + 4);
      out.set(f.subarray(0, 12), 0);
      out.set([0x81, 0x00, (vid >> 8) & 0x0f, vid & 0xff], 12);
      out.set(f.subarray(12), 16);
      inner.writePacket(out, 0, out.length, tsSec, tsNsec);
    },
  };
}

const tcp = (at, client, server, serverPort, messages) => [{ at, kind: 'tcp', client: client.name, server: server.name, serverPort, messages }];
const c = (text, delayUs) => ({ fromClient: true, data: ascii(text), ...(delayUs === undefined ? {} : { delayUs }) });
const s = (text, delayUs) => ({ fromClient: false, data: ascii(text), ...(delayUs === undefined ? {} : { delayUs }) });

/** A Telnet login (RFC 854): option negotiation, "login:" / "Password:" (no product banner), a "> " prompt. */
export function telnetLogin(at, client, dev, t) {
  const neg = tn.telnetNegotiation([[tn.TELNET_WILL, tn.TELNET_OPT_ECHO], [tn.TELNET_WILL, tn.TELNET_OPT_SUPPRESS_GO_AHEAD]]);
  const reply = tn.telnetNegotiation([[tn.TELNET_DO, tn.TELNET_OPT_ECHO], [tn.TELNET_DO, tn.TELNET_OPT_SUPPRESS_GO_AHEAD]]);
  return tcp(at, client, dev, 23, [
    { fromClient: false, data: neg }, { fromClient: true, data: reply },
    s('\r\nlogin: ', 2000), c(`${t.user}\r\n`, 900_000), s(`${t.user}\r\nPassword: `),
    c(`${t.password}\r\n`, 1_200_000), s('\r\n> ', 3000), c('exit\r\n', 2_000_000),
  ]);
}

// [bacnet] nDPI bacnet.pcap, verbatim BVLC/NPDU/APDU bytes.
const WHO_IS = hexBytes('810b000c0120ffff00ff1008');
const I_AM = hexBytes('810b001501001000c4023fffff2205c49103220104');

/** The BMS broadcasts Who-Is to its subnet on UDP 47808; `broadcast` is the subnet's broadcast address. */
export function bacnetWhoIs(at, bms, any, broadcast) {
  return [{ at, kind: 'udp', src: bms.name, dst: any.name, sport: 47808, dport: 47808, payload: WHO_IS, dstIp: broadcast, dstMac: 'ff:ff:ff:ff:ff:ff' }];
}

/** A controller's I-Am, broadcast on its subnet in answer to the Who-Is. */
export function bacnetIAm(at, dev, any, broadcast) {
  return [{ at, kind: 'udp', src: dev.name, dst: any.name, sport: 47808, dport: 47808, payload: I_AM, dstIp: broadcast, dstMac: 'ff:ff:ff:ff:ff:ff' }];
}

/** LLDP (IEEE 802.1AB) from the core switch: chassis MAC, port, system name, bridge+router capabilities only. */
export function lldpFrame(srcMac, systemName) {
  const caps = lldpB.LLDP_CAP_BRIDGE | (lldpB.LLDP_CAP_ROUTER ?? 0x10);
  return lldpB.lldpFrame(mac(srcMac), { chassisMac: mac(srcMac), portId: '1:1', systemName, capabilities: { supported: caps, enabled: caps } });
}
