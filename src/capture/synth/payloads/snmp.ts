/** SNMP v1/v2c messages (RFC 3416 §3 PDUs, RFC 1157 §4 message) in BER (ITU-T X.690 §8), for synthetic polling. */

import { ByteWriter, ascii, concatBytes } from './byte-writer.js';

export const SNMP_V1 = 0;
export const SNMP_V2C = 1;
/** RFC 3416 §3 context-specific PDU tags. */
export const PDU_GET_REQUEST = 0xa0;
export const PDU_GET_NEXT_REQUEST = 0xa1;
export const PDU_RESPONSE = 0xa2;

export type SnmpValue =
  | { readonly type: 'null' }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'oid'; readonly value: string }
  | { readonly type: 'integer'; readonly value: number }
  | { readonly type: 'timeticks'; readonly value: number };

export interface VarBind {
  oid: string;
  value: SnmpValue;
}

/** A GetRequest / GetNextRequest / Response message. */
export function snmpMessage(version: number, community: string, pduType: number, requestId: number, bindings: readonly VarBind[], errorStatus = 0, errorIndex = 0): Uint8Array {
  const varbinds = tlv(0x30, concatBytes(bindings.map((b) => tlv(0x30, concatBytes([oid(b.oid), value(b.value)])))));
  const pdu = tlv(pduType, concatBytes([integer(requestId), integer(errorStatus), integer(errorIndex), varbinds]));
  return tlv(0x30, concatBytes([integer(version), tlv(0x04, ascii(community)), pdu]));
}

/** X.690 §8.1: tag, definite length (short or long form), contents. */
function tlv(tag: number, contents: Uint8Array): Uint8Array {
  const w = new ByteWriter();
  w.u8(tag);
  const n = contents.length;
  if (n < 0x80) w.u8(n);
  else if (n < 0x100) w.u8(0x81).u8(n);
  else w.u8(0x82).u16(n);
  return w.bytes(contents).toBytes();
}

/** X.690 §8.3: two's complement, minimal length. */
function integer(v: number, tag = 0x02): Uint8Array {
  const bytes: number[] = [];
  let x = Math.trunc(v);
  do {
    bytes.unshift(x & 0xff);
    x = Math.floor(x / 256);
  } while (x !== 0 && x !== -1);
  const top = bytes[0] ?? 0;
  if (v >= 0 && top & 0x80) bytes.unshift(0);
  if (v < 0 && !(top & 0x80)) bytes.unshift(0xff);
  return tlv(tag, Uint8Array.from(bytes));
}

/** X.690 §8.19: first two arcs as 40*a+b, every arc base-128 with continuation bits. */
function oid(text: string): Uint8Array {
  const arcs = text.split('.').map(Number);
  const [a = 0, b = 0, ...rest] = arcs;
  const out: number[] = [];
  for (const arc of [a * 40 + b, ...rest]) {
    const groups: number[] = [arc & 0x7f];
    for (let x = Math.floor(arc / 128); x > 0; x = Math.floor(x / 128)) groups.unshift((x & 0x7f) | 0x80);
    out.push(...groups);
  }
  return tlv(0x06, Uint8Array.from(out));
}

function value(v: SnmpValue): Uint8Array {
  switch (v.type) {
    case 'null': return Uint8Array.of(0x05, 0);
    case 'string': return tlv(0x04, ascii(v.value));
    case 'oid': return oid(v.value);
    case 'integer': return integer(v.value);
    case 'timeticks': return integer(v.value, 0x43); // RFC 2578 §7.1.8: [APPLICATION 3]
  }
}
