/** DNS queries and responses (RFC 1035 §4.1: header, question, answer RRs with name compression §4.1.4). */

import { ByteWriter } from './byte-writer.js';

export const DNS_TYPE_A = 1;
export const DNS_TYPE_PTR = 12;
export const DNS_TYPE_AAAA = 28;

export interface DnsAnswer {
  type: number;
  ttlSec: number;
  /** RDATA (4 bytes for A, 16 for AAAA). */
  data: Uint8Array;
}

/** A standard recursive query (RD set) for one name. */
export function dnsQuery(id: number, name: string, qtype = DNS_TYPE_A): Uint8Array {
  const w = new ByteWriter();
  w.u16(id).u16(0x0100).u16(1).u16(0).u16(0).u16(0);
  question(w, name, qtype);
  return w.toBytes();
}

/** The response to `dnsQuery(id, name, qtype)`: QR, RD, RA set; answers point back at the question name. */
export function dnsResponse(id: number, name: string, qtype: number, answers: readonly DnsAnswer[], rcode = 0): Uint8Array {
  const w = new ByteWriter();
  w.u16(id).u16(0x8180 | (rcode & 0x0f)).u16(1).u16(answers.length).u16(0).u16(0);
  question(w, name, qtype);
  for (const a of answers) {
    w.u16(0xc00c).u16(a.type).u16(1).u32(a.ttlSec).u16(a.data.length).bytes(a.data); // 0xc00c: pointer to offset 12
  }
  return w.toBytes();
}

function question(w: ByteWriter, name: string, qtype: number): void {
  for (const label of name.split('.')) {
    if (label.length === 0) continue;
    if (label.length > 63) throw new RangeError(`DNS label too long: ${label}`);
    w.u8(label.length).ascii(label);
  }
  w.u8(0).u16(qtype).u16(1); // class IN
}
