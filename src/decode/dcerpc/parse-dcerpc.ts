/**
 * DCE/RPC connection-oriented PDUs (C706 §12.6.3 common header, §12.6.4.3 bind, §12.6.4.1 alter_context;
 * MS-RPCE §2.2.2.11 sec_trailer): the interfaces a client binds to and the NTLMSSP token in the auth verifier.
 */
import { findNtlmssp } from '../ntlmssp/parse-ntlmssp.js';
import { ntlmsspFields } from '../ntlmssp/ntlmssp-record.js';
import { hexText } from '../common/text.js';
import type { DcerpcRecord } from './types.js';

export const DCERPC_HEADER_LEN = 16;
export const DCERPC_VERSION = 5;
// C706 §12.6.4 PTYPE values carrying the security handshake.
export const PTYPE_BIND = 11;
export const PTYPE_BIND_ACK = 12;
export const PTYPE_ALTER_CONTEXT = 14;
export const PTYPE_ALTER_CONTEXT_RESP = 15;
export const PTYPE_AUTH3 = 16;
const SEC_TRAILER_LEN = 8;
/** A bind offers a handful of contexts; cap what a record keeps. */
const MAX_CONTEXTS = 16;

/** Reads integers in the PDU's data representation (drep[0] high nibble: 1 = little-endian, 0 = big-endian). */
class Drep {
  constructor(readonly b: Uint8Array, readonly le: boolean) {}
  u16(at: number): number {
    const x = this.b[at] ?? 0;
    const y = this.b[at + 1] ?? 0;
    return this.le ? x | (y << 8) : (x << 8) | y;
  }
  u32(at: number): number {
    return this.le ? (this.u16(at) + this.u16(at + 2) * 65536) : this.u16(at) * 65536 + this.u16(at + 2);
  }
}

export function isLittleEndian(pdu: Uint8Array): boolean {
  return ((pdu[4] ?? 0) >> 4) === 1;
}

/** The fragment length of the PDU header at buf[0] (C706 §12.6.3.1 frag_length). */
export function fragLength(buf: Uint8Array): number {
  return new Drep(buf, isLittleEndian(buf)).u16(8);
}

/** UUID text: time_low, time_mid, time_hi in the PDU's byte order, the last 8 bytes as they are. */
function uuid(d: Drep, at: number): string {
  const h = (v: number, n: number): string => v.toString(16).padStart(n, '0');
  const tail = hexText(d.b.subarray(at + 8, at + 16));
  return `${h(d.u32(at), 8)}-${h(d.u16(at + 4), 4)}-${h(d.u16(at + 6), 4)}-${tail.slice(0, 4)}-${tail.slice(4)}`;
}

/** Parses one PDU (as framed: may be cut short after 16 bytes for PTYPEs we do not read). */
export function parseDcerpc(pdu: Uint8Array, out: DcerpcRecord[]): void {
  if (pdu.length < DCERPC_HEADER_LEN || pdu[0] !== DCERPC_VERSION) return;
  const d = new Drep(pdu, isLittleEndian(pdu));
  const ptype = pdu[2] ?? 0;
  const fragLen = Math.min(d.u16(8), pdu.length);
  const authLen = d.u16(10);
  let authType: number | undefined;
  let authValue: Uint8Array | null = null;
  const trailer = fragLen - authLen - SEC_TRAILER_LEN;
  if (authLen > 0 && trailer >= DCERPC_HEADER_LEN) {
    authType = pdu[trailer] ?? 0;
    authValue = pdu.subarray(trailer + SEC_TRAILER_LEN, fragLen);
  }
  if (ptype === PTYPE_BIND || ptype === PTYPE_ALTER_CONTEXT) {
    // max_xmit_frag, max_recv_frag, assoc_group_id, then p_context_elem_t (C706 §12.6.4.3).
    const interfaces: string[] = [];
    const end = authValue !== null ? trailer : fragLen;
    const n = Math.min(pdu[24] ?? 0, MAX_CONTEXTS);
    let at = 28;
    for (let i = 0; i < n && at + 24 <= end; i++) {
      const transfers = pdu[at + 2] ?? 0;
      interfaces.push(`${uuid(d, at + 4)} v${d.u16(at + 20)}.${d.u16(at + 22)}`);
      at += 24 + 20 * transfers;
    }
    const rec: DcerpcRecord = { kind: ptype === PTYPE_BIND ? 'bind' : 'alter-context', interfaces };
    if (authType !== undefined) rec.authType = authType;
    out.push(rec);
  }
  const handshake = ptype === PTYPE_BIND || ptype === PTYPE_BIND_ACK || ptype === PTYPE_ALTER_CONTEXT || ptype === PTYPE_ALTER_CONTEXT_RESP || ptype === PTYPE_AUTH3;
  if (handshake && authValue !== null && authType !== undefined) {
    const n = findNtlmssp(authValue);
    if (n !== null) out.push({ kind: 'ntlmssp', authType, ...ntlmsspFields(n) });
  }
}
