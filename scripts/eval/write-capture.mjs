// Writes a scenario family's capture: a few frames of its own first (a router's LLDP, its gratuitous ARP), then the
// scenario played by the synthesiser (src/capture/synth/scenario.ts). Shared by the families that open their capture
// with the default gateway announcing itself (fifth/, sixth/).
import { loadSynth } from '../synth.mjs';
import * as talk from './talk.mjs';

const { buildArpFrame } = await loadSynth('frame-builder.js');

/** A gratuitous ARP request (RFC 5227 §3 "ARP Announcement"): `mac` asks for its own `ip`, broadcast. */
export function gratuitousArp(mac, ip) {
  const buf = new Uint8Array(128);
  const len = buildArpFrame(buf, { srcMac: talk.mac(mac), dstMac: talk.mac('ff:ff:ff:ff:ff:ff'), vlan: null, vlanPriority: 0, op: 1, senderMac: talk.mac(mac), senderIp: talk.ip(ip), targetMac: new Uint8Array(6), targetIp: talk.ip(ip) });
  return buf.subarray(0, len);
}

/**
 * `lead`: [{ frame, sec }] written first at their Unix seconds; then `events` among `hosts` (name, mac, ip, ttl, tcp)
 * from `start` with `seed`. Returns the number of frames written.
 */
export function writeCapture(pcapPath, { lead, hosts, events, start, seed }) {
  const file = talk.PcapWriter.toFile(pcapPath);
  for (const { frame, sec } of lead) file.writePacket(frame, 0, frame.length, sec, 0);
  const playHosts = hosts.map((h) => ({ name: h.name, mac: h.mac, ip: h.ip, ttl: h.ttl, tcp: h.tcp }));
  const frames = talk.playScenario({ hosts: playHosts, events, startSec: start, seed }, file) + lead.length;
  file.close();
  return frames;
}
