/** DHCP messages (RFC 2131 §2 BOOTP layout, options per RFC 2132) for synthetic DORA exchanges. */

import { ByteWriter, ascii } from './byte-writer.js';

/** RFC 2131 §3: the magic cookie that starts the options field. */
export const DHCP_MAGIC_COOKIE = 0x63825363;
/** RFC 2132 §9.6: DHCP message types. */
export const DHCP_DISCOVER = 1;
export const DHCP_OFFER = 2;
export const DHCP_REQUEST = 3;
export const DHCP_ACK = 5;
export const DHCP_INFORM = 8;
/** RFC 1542 §3.4: BOOTP messages are at least 300 bytes; clients pad with zeros after END. */
const BOOTP_MIN_LENGTH = 300;

export type DhcpOption = readonly [code: number, value: Uint8Array];

export interface DhcpMessageSpec {
  /** 1 = BOOTREQUEST (client), 2 = BOOTREPLY (server). */
  op: 1 | 2;
  xid: number;
  secs?: number;
  broadcast?: boolean;
  ciaddr?: Uint8Array;
  yiaddr?: Uint8Array;
  siaddr?: Uint8Array;
  giaddr?: Uint8Array;
  chaddr: Uint8Array;
  messageType: number;
  /** Options after 53 (message type), in the order given; END (255) is appended. */
  options: readonly DhcpOption[];
}

const ZERO4 = new Uint8Array(4);

export function dhcpMessage(spec: DhcpMessageSpec): Uint8Array {
  const w = new ByteWriter();
  w.u8(spec.op).u8(1).u8(6).u8(0); // htype Ethernet, hlen 6, hops 0
  w.u32(spec.xid).u16(spec.secs ?? 0).u16(spec.broadcast ? 0x8000 : 0);
  w.bytes(spec.ciaddr ?? ZERO4).bytes(spec.yiaddr ?? ZERO4).bytes(spec.siaddr ?? ZERO4).bytes(spec.giaddr ?? ZERO4);
  w.bytes(spec.chaddr).fill(0, 16 - spec.chaddr.length);
  w.fill(0, 64 + 128); // sname, file
  w.u32(DHCP_MAGIC_COOKIE);
  w.u8(53).u8(1).u8(spec.messageType);
  for (const [code, value] of spec.options) w.u8(code).u8(value.length).bytes(value);
  w.u8(255);
  if (w.length < BOOTP_MIN_LENGTH) w.fill(0, BOOTP_MIN_LENGTH - w.length);
  return w.toBytes();
}

/** Option helpers (RFC 2132 sections noted by the caller's option code). */
export function textOption(code: number, text: string): DhcpOption {
  return [code, ascii(text)];
}

export function bytesOption(code: number, bytes: readonly number[] | Uint8Array): DhcpOption {
  return [code, Uint8Array.from(bytes)];
}

export function u32Option(code: number, v: number): DhcpOption {
  return [code, Uint8Array.of((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff)];
}

/** RFC 2132 §9.14: client identifier, type 1 (Ethernet) + MAC. */
export function clientIdOption(mac: Uint8Array): DhcpOption {
  return [61, Uint8Array.of(1, ...mac)];
}
