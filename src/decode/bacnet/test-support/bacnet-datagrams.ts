/**
 * Test support: BACnet/IP datagrams built octet by octet from ANSI/ASHRAE 135-2020 (Annex J BVLL, §6.2 NPDU, §20.2
 * tags) for the cases the public capture lacks (a routed I-Am, a BBMD-forwarded one, a device's ReadProperty-ACK),
 * and a pcap of them so tshark can check the same bytes.
 */
import { ipv4, mac } from '../../../capture/synth/addr.js';
import { buildUdpFrame, newUdpSpec } from '../../../capture/synth/frame-builder.js';
import { PcapWriter } from '../../../capture/synth/pcap-writer.js';

const u16 = (v: number): number[] => [(v >> 8) & 0xff, v & 0xff];

/** BVLC header (J.2.1): type 0x81, function, total length; a Forwarded-NPDU carries the originator's B/IP address. */
export function bvll(fn: number, npdu: readonly number[], forwardedFrom: readonly number[] = []): Uint8Array {
  return Uint8Array.from([0x81, fn, ...u16(4 + forwardedFrom.length + npdu.length), ...forwardedFrom, ...npdu]);
}

/** NPDU (§6.2.2) with no addressing, or with SNET/SADR when a router relayed it. */
export function npdu(apdu: readonly number[], source?: { net: number; addr: readonly number[] }): number[] {
  if (source === undefined) return [0x01, 0x00, ...apdu];
  return [0x01, 0x08, ...u16(source.net), source.addr.length, ...source.addr, ...apdu];
}

/** I-Am (§16.10.2): device instance, max APDU 1476, segmentation both (0), vendor ID. */
export function iAm(instance: number, vendorId: number): number[] {
  const id = ((8 << 22) | instance) >>> 0;
  const vendor = vendorId > 255 ? [0x22, ...u16(vendorId)] : [0x21, vendorId];
  return [0x10, 0x00, 0xc4, (id >>> 24) & 0xff, (id >>> 16) & 0xff, (id >>> 8) & 0xff, id & 0xff, 0x22, ...u16(1476), 0x91, 0x00, ...vendor];
}

/** ReadProperty-ACK (§15.5.1.3) of a device object's CharacterString property, UTF-8 (character set 0). */
export function readPropertyAckString(instance: number, propertyId: number, text: string): number[] {
  const id = ((8 << 22) | instance) >>> 0;
  const bytes = [...Buffer.from(text, 'utf8')];
  return [0x30, 0x01, 0x0c, 0x0c, (id >>> 24) & 0xff, (id >>> 16) & 0xff, (id >>> 8) & 0xff, id & 0xff, 0x19, propertyId, 0x3e, 0x75, bytes.length + 1, 0x00, ...bytes, 0x3f];
}

export interface Datagram {
  src: string;
  dst: string;
  payload: Uint8Array;
}

/** Writes the datagrams as Ethernet/IPv4/UDP 47808 frames, one second apart. */
export function writeBacnetPcap(file: string, datagrams: readonly Datagram[]): void {
  const w = PcapWriter.toFile(file);
  const buf = new Uint8Array(1600);
  datagrams.forEach((d, i) => {
    const s = newUdpSpec();
    s.srcMac = mac(`02:00:00:00:00:${(i + 1).toString(16).padStart(2, '0')}`);
    s.dstMac = mac('ff:ff:ff:ff:ff:ff');
    s.srcIp = ipv4(d.src);
    s.dstIp = ipv4(d.dst);
    s.srcPort = 47808;
    s.dstPort = 47808;
    const n = buildUdpFrame(buf, s, d.payload);
    w.writePacket(buf, 0, n, 1_700_000_000 + i, 0);
  });
  w.close();
}
