/**
 * BACnet/IP framing (ANSI/ASHRAE 135-2020 Annex J.2 BVLL, §6.2 NPDU): finds the APDU of one UDP datagram and where it
 * came from. Only what identification needs: the BVLC function, a Forwarded-NPDU's originator, a routed message's
 * source network; network-layer messages (router discovery) carry no APDU and give none.
 */
import { ByteCursor } from '../common/byte-cursor.js';
import { hexText, ipv4At } from '../common/text.js';
import { MalformedBacnet } from './tags.js';

/** Annex J.2: every BVLL message starts with type 0x81 (BACnet/IPv4). */
export const BVLC_TYPE_BIP = 0x81;
/** §6.2.1: protocol version 1 is the only one defined. */
export const NPDU_VERSION = 1;

/** BVLC functions (Annex J.2.1 Table J-1) whose payload is an NPDU, by code. */
export const NPDU_FUNCTIONS: Readonly<Record<number, string>> = {
  0x04: 'forwarded-npdu',
  0x09: 'distribute-broadcast-to-network',
  0x0a: 'original-unicast-npdu',
  0x0b: 'original-broadcast-npdu',
};
/** The other BVLC functions (BBMD and foreign-device management): no NPDU. */
export const OTHER_FUNCTIONS: Readonly<Record<number, string>> = {
  0x00: 'bvlc-result',
  0x01: 'write-broadcast-distribution-table',
  0x02: 'read-broadcast-distribution-table',
  0x03: 'read-broadcast-distribution-table-ack',
  0x05: 'register-foreign-device',
  0x06: 'read-foreign-device-table',
  0x07: 'read-foreign-device-table-ack',
  0x08: 'delete-foreign-device-table-entry',
  0x0c: 'secure-bvll',
};

export interface BacnetFrame {
  bvlcFunction: string;
  forwardedFrom?: string;
  sourceNetwork?: number;
  sourceAddress?: string;
  /** The APDU's bytes, or null for a network-layer message or a BVLL message without NPDU. */
  apdu: Uint8Array | null;
}

/** Whether the first octets are a BVLL header this decoder knows (type, function, a length that fits the datagram). */
export function looksLikeBvll(p: Uint8Array): boolean {
  if (p.length < 4 || p[0] !== BVLC_TYPE_BIP) return false;
  const fn = p[1] ?? 0xff;
  if (NPDU_FUNCTIONS[fn] === undefined && OTHER_FUNCTIONS[fn] === undefined) return false;
  const length = ((p[2] ?? 0) << 8) | (p[3] ?? 0);
  return length >= 4 && length <= p.length;
}

/**
 * The frame of one datagram. The BVLC length bounds everything after it (trailing bytes are ignored, J.2.1).
 * Throws OutOfBounds on truncation, and Error with a message on a header this decoder cannot read.
 */
export function parseFrame(p: Uint8Array): BacnetFrame {
  const c = new ByteCursor(p);
  if (c.u8() !== BVLC_TYPE_BIP) throw new MalformedBacnet('not a BACnet/IPv4 BVLL message (type is not 0x81)');
  const code = c.u8();
  const length = c.u16();
  if (length < 4 || length > p.length) throw new MalformedBacnet(`BVLC length ${length} does not fit the ${p.length}-byte datagram`);
  const body = new ByteCursor(p, 4, length);
  const npduFunction = NPDU_FUNCTIONS[code];
  if (npduFunction === undefined) {
    const other = OTHER_FUNCTIONS[code];
    if (other === undefined) throw new MalformedBacnet(`unknown BVLC function 0x${code.toString(16)}`);
    return { bvlcFunction: other, apdu: null };
  }
  const frame: BacnetFrame = { bvlcFunction: npduFunction, apdu: null };
  if (code === 0x04) {
    const b = body.bytes(6);
    frame.forwardedFrom = `${ipv4At(b, 0)}:${((b[4] ?? 0) << 8) | (b[5] ?? 0)}`;
  }
  readNpdu(body, frame);
  return frame;
}

/** §6.2.2 NPCI: version, control, optional DNET/DADR, SNET/SADR, hop count, then a network message or the APDU. */
function readNpdu(c: ByteCursor, frame: BacnetFrame): void {
  const version = c.u8();
  if (version !== NPDU_VERSION) throw new MalformedBacnet(`NPDU version ${version} (only 1 is defined)`);
  const control = c.u8();
  const networkMessage = (control & 0x80) !== 0;
  const hasDestination = (control & 0x20) !== 0;
  const hasSource = (control & 0x08) !== 0;
  if (hasDestination) {
    c.u16();
    c.skip(c.u8());
  }
  if (hasSource) {
    frame.sourceNetwork = c.u16();
    const len = c.u8();
    // SLEN 0 is invalid for a source (§6.2.2.1); keep the network anyway, it already says "not this sender".
    frame.sourceAddress = hexText(c.bytes(len));
  }
  if (hasDestination) c.u8(); // hop count
  frame.apdu = networkMessage ? null : c.bytes(c.remaining);
}
