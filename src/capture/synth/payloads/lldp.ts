/**
 * LLDPDU (IEEE 802.1AB-2016 §8.5: Chassis ID, Port ID, TTL, Port Description, System Name, System Description,
 * System Capabilities, Management Address, End) and the Ethernet frame that carries it (§7.1: nearest-bridge
 * group address 01-80-C2-00-00-0E, EtherType 0x88CC).
 */

import { ByteWriter, ascii } from './byte-writer.js';

/** System capability bits (§8.5.8.1). */
export const LLDP_CAP_BRIDGE = 0x0004;
export const LLDP_CAP_WLAN_AP = 0x0008;
export const LLDP_CAP_ROUTER = 0x0010;
export const LLDP_CAP_TELEPHONE = 0x0020;
export const LLDP_CAP_STATION = 0x0080;
export const LLDP_ETHERTYPE = 0x88cc;
const NEAREST_BRIDGE = Uint8Array.of(0x01, 0x80, 0xc2, 0x00, 0x00, 0x0e);
const CHASSIS_SUBTYPE_MAC = 4;
const PORT_SUBTYPE_INTERFACE_NAME = 5;
const MGMT_ADDR_IPV4 = 1;
const IF_SUBTYPE_IFINDEX = 2;

export interface LldpSpec {
  /** Chassis MAC (6 bytes), sent as chassis ID subtype 4. */
  chassisMac: Uint8Array;
  /** Interface name, e.g. `Gi1/0/24`. */
  portId: string;
  ttlSec?: number;
  portDescription?: string;
  systemName?: string;
  systemDescription?: string;
  /** Supported and enabled capability bits. */
  capabilities?: { supported: number; enabled: number };
  /** IPv4 management address (4 bytes) and its ifIndex. */
  managementIpv4?: { address: Uint8Array; ifIndex: number };
}

function tlv(w: ByteWriter, type: number, value: Uint8Array): void {
  w.u16(((type & 0x7f) << 9) | (value.length & 0x1ff)).bytes(value);
}

/** The LLDPDU alone (the Ethernet payload). */
export function lldpdu(spec: LldpSpec): Uint8Array {
  const w = new ByteWriter();
  tlv(w, 1, Uint8Array.of(CHASSIS_SUBTYPE_MAC, ...spec.chassisMac));
  tlv(w, 2, Uint8Array.of(PORT_SUBTYPE_INTERFACE_NAME, ...ascii(spec.portId)));
  const ttl = spec.ttlSec ?? 120;
  tlv(w, 3, Uint8Array.of(ttl >>> 8, ttl & 0xff));
  if (spec.portDescription !== undefined) tlv(w, 4, ascii(spec.portDescription));
  if (spec.systemName !== undefined) tlv(w, 5, ascii(spec.systemName));
  if (spec.systemDescription !== undefined) tlv(w, 6, ascii(spec.systemDescription));
  if (spec.capabilities !== undefined) {
    const { supported, enabled } = spec.capabilities;
    tlv(w, 7, Uint8Array.of(supported >>> 8, supported & 0xff, enabled >>> 8, enabled & 0xff));
  }
  if (spec.managementIpv4 !== undefined) {
    const { address, ifIndex } = spec.managementIpv4;
    // Address string length (subtype + address), subtype, address, interface numbering subtype, number, OID length 0.
    tlv(w, 8, Uint8Array.of(5, MGMT_ADDR_IPV4, ...address, IF_SUBTYPE_IFINDEX, ifIndex >>> 24, (ifIndex >>> 16) & 0xff, (ifIndex >>> 8) & 0xff, ifIndex & 0xff, 0));
  }
  tlv(w, 0, new Uint8Array(0));
  return w.toBytes();
}

/** A whole Ethernet II frame from `srcMac` (the sending port's MAC) to the nearest-bridge address, padded to 60 bytes. */
export function lldpFrame(srcMac: Uint8Array, spec: LldpSpec): Uint8Array {
  const w = new ByteWriter();
  w.bytes(NEAREST_BRIDGE).bytes(srcMac).u16(LLDP_ETHERTYPE).bytes(lldpdu(spec));
  if (w.length < 60) w.fill(0, 60 - w.length);
  return w.toBytes();
}
