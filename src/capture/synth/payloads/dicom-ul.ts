/** DICOM Upper Layer PDUs (PS3.8 §9.3): A-ASSOCIATE-RQ/AC, P-DATA-TF, A-RELEASE-RQ/RP, for synthetic associations. */

import { ByteWriter } from './byte-writer.js';

/** PS3.7 Annex A.2.1: the DICOM application context name. */
export const DICOM_APPLICATION_CONTEXT = '1.2.840.10008.3.1.1.1';
/** PS3.5 §10.1 / Annex A.1: Implicit VR Little Endian, the default transfer syntax. */
export const IMPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2';
/** PS3.5 Annex A.2. */
export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

export interface PresentationContextRq {
  /** Odd number 1..255 (PS3.8 §9.3.2.2). */
  id: number;
  abstractSyntax: string;
  transferSyntaxes: readonly string[];
}

export interface PresentationContextAc {
  id: number;
  /** 0 = acceptance, 3 = abstract syntax not supported … (PS3.8 Table 9-18). */
  result: number;
  transferSyntax: string;
}

export interface UserInformation {
  maxPduLength: number;
  implementationClassUid: string;
  /** At most 16 characters (PS3.7 Annex D.3.3.2.3). */
  implementationVersionName?: string;
}

export interface AssociateRqSpec extends UserInformation {
  calledAeTitle: string;
  callingAeTitle: string;
  contexts: readonly PresentationContextRq[];
}

export interface AssociateAcSpec extends UserInformation {
  calledAeTitle: string;
  callingAeTitle: string;
  results: readonly PresentationContextAc[];
}

/** One presentation data value of a P-DATA-TF PDU (PS3.8 §9.3.5.1, Annex E.2). */
export interface Pdv {
  contextId: number;
  command: boolean;
  last: boolean;
  data: Uint8Array;
}

/** PS3.8 Table 9-11: A-ASSOCIATE-RQ. */
export function associateRq(spec: AssociateRqSpec): Uint8Array {
  return associatePdu(0x01, spec.calledAeTitle, spec.callingAeTitle, (w) => {
    for (const pc of spec.contexts) {
      item(w, 0x20, (v) => {
        v.u8(pc.id).u8(0).u8(0).u8(0);
        uidItem(v, 0x30, pc.abstractSyntax);
        for (const ts of pc.transferSyntaxes) uidItem(v, 0x40, ts);
      });
    }
  }, spec);
}

/** PS3.8 Table 9-17: A-ASSOCIATE-AC (AE titles are echoed from the request). */
export function associateAc(spec: AssociateAcSpec): Uint8Array {
  return associatePdu(0x02, spec.calledAeTitle, spec.callingAeTitle, (w) => {
    for (const pc of spec.results) {
      item(w, 0x21, (v) => {
        v.u8(pc.id).u8(0).u8(pc.result).u8(0);
        uidItem(v, 0x40, pc.transferSyntax);
      });
    }
  }, spec);
}

/**
 * The 12 bytes in front of a P-DATA-TF PDU that carries one PDV of `dataLength` bytes (PDU header,
 * PDV item length, context id, message control header), for callers that send the data from a
 * buffer of their own without copying it.
 */
export function pDataTfHeader(contextId: number, command: boolean, last: boolean, dataLength: number): Uint8Array {
  const w = new ByteWriter();
  w.u8(0x04).u8(0).u32(dataLength + 6).u32(dataLength + 2).u8(contextId).u8((command ? 0x01 : 0) | (last ? 0x02 : 0));
  return w.toBytes();
}

/** PS3.8 Table 9-22: one P-DATA-TF PDU carrying the given PDVs. */
export function pDataTf(pdvs: readonly Pdv[]): Uint8Array {
  const w = new ByteWriter();
  w.u8(0x04).u8(0).u32(0);
  for (const p of pdvs) {
    w.u32(p.data.length + 2).u8(p.contextId).u8((p.command ? 0x01 : 0) | (p.last ? 0x02 : 0)).bytes(p.data);
  }
  w.setU32(2, w.length - 6);
  return w.toBytes();
}

/**
 * A whole command or data set as P-DATA-TF PDUs, fragmented so that no PDU exceeds the peer's
 * `maxPduLength` (PS3.8 §9.3.1: the limit counts the PDU's variable field).
 */
export function pDataMessage(contextId: number, command: boolean, data: Uint8Array, maxPduLength: number): Uint8Array[] {
  const room = Math.max(1, maxPduLength - 6); // PDV item length (4) + context id + control header
  const out: Uint8Array[] = [];
  for (let at = 0; at < data.length || out.length === 0; at += room) {
    const end = Math.min(data.length, at + room);
    out.push(pDataTf([{ contextId, command, last: end >= data.length, data: data.subarray(at, end) }]));
  }
  return out;
}

/** PS3.8 Table 9-24 / 9-25: A-RELEASE-RQ (0x05) and A-RELEASE-RP (0x06). */
export function releaseRq(): Uint8Array {
  return Uint8Array.of(0x05, 0, 0, 0, 0, 4, 0, 0, 0, 0);
}

export function releaseRp(): Uint8Array {
  return Uint8Array.of(0x06, 0, 0, 0, 0, 4, 0, 0, 0, 0);
}

function associatePdu(type: number, called: string, calling: string, contexts: (w: ByteWriter) => void, user: UserInformation): Uint8Array {
  const w = new ByteWriter();
  w.u8(type).u8(0).u32(0);
  w.u16(0x0001).u16(0); // protocol version 1, reserved
  w.fixed(called, 16).fixed(calling, 16).fill(0, 32);
  uidItem(w, 0x10, DICOM_APPLICATION_CONTEXT);
  contexts(w);
  item(w, 0x50, (v) => {
    item(v, 0x51, (m) => m.u32(user.maxPduLength));
    uidItem(v, 0x52, user.implementationClassUid);
    if (user.implementationVersionName !== undefined) item(v, 0x55, (n) => n.ascii(user.implementationVersionName ?? ''));
  });
  w.setU32(2, w.length - 6);
  return w.toBytes();
}

/** Item header: type, reserved, 2-byte length of what `body` writes. */
function item(w: ByteWriter, type: number, body: (w: ByteWriter) => void): void {
  w.u8(type).u8(0).u16(0);
  const start = w.length;
  body(w);
  w.setU16(start - 2, w.length - start);
}

/** UIDs in UL items are not padded (PS3.8 Annex F). */
function uidItem(w: ByteWriter, type: number, uid: string): void {
  item(w, type, (v) => v.ascii(uid));
}
