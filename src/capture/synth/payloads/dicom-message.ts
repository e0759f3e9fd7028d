/** DICOM command sets (PS3.7 §9.3, §E.1) and data sets in Implicit VR Little Endian (PS3.5 §7.1.3), for synthetic DIMSE traffic. */

import { ByteWriter, ascii } from './byte-writer.js';

/** PS3.4 Annex A: Verification SOP Class. */
export const VERIFICATION_SOP_CLASS = '1.2.840.10008.1.1';
/** PS3.4 Annex B.5: CT Image Storage. */
export const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';

/** One element: tag and an already even-length value. */
export interface DicomElement {
  group: number;
  element: number;
  value: Uint8Array;
}

/** A text element (AE, CS, LO, PN, SH …), space-padded to even length (PS3.5 §6.2). */
export function textElement(group: number, element: number, text: string): DicomElement {
  return { group, element, value: ascii(text.length % 2 === 1 ? `${text} ` : text) };
}

/** A UI element, NUL-padded to even length (PS3.5 §9.1). */
export function uidElement(group: number, element: number, uid: string): DicomElement {
  return { group, element, value: ascii(uid.length % 2 === 1 ? `${uid}\0` : uid) };
}

/** A US element (unsigned 16-bit, little endian). */
export function usElement(group: number, element: number, v: number): DicomElement {
  return { group, element, value: Uint8Array.of(v & 0xff, (v >>> 8) & 0xff) };
}

export function bytesElement(group: number, element: number, value: Uint8Array): DicomElement {
  return { group, element, value: value.length % 2 === 1 ? Uint8Array.of(...value, 0) : value };
}

/** Encodes elements in ascending tag order (PS3.5 §7.1), Implicit VR Little Endian. */
export function encodeImplicitLe(elements: readonly DicomElement[]): Uint8Array {
  const sorted = [...elements].sort((a, b) => a.group - b.group || a.element - b.element);
  const w = new ByteWriter();
  for (const e of sorted) w.u16le(e.group).u16le(e.element).u32le(e.value.length).bytes(e.value);
  return w.toBytes();
}

/** A command set: the elements preceded by (0000,0000) CommandGroupLength (PS3.7 §E.1). */
export function commandSet(elements: readonly DicomElement[]): Uint8Array {
  const body = encodeImplicitLe(elements);
  const w = new ByteWriter();
  w.u16le(0).u16le(0).u32le(4).u32le(body.length).bytes(body);
  return w.toBytes();
}

/** PS3.7 §E.1: CommandDataSetType value meaning "no data set". */
const NO_DATA_SET = 0x0101;

/** PS3.7 §9.3.5.1: C-ECHO-RQ. */
export function cEchoRq(messageId: number): Uint8Array {
  return commandSet([
    uidElement(0, 0x0002, VERIFICATION_SOP_CLASS),
    usElement(0, 0x0100, 0x0030),
    usElement(0, 0x0110, messageId),
    usElement(0, 0x0800, NO_DATA_SET),
  ]);
}

/** PS3.7 §9.3.5.2: C-ECHO-RSP. */
export function cEchoRsp(messageId: number, status = 0): Uint8Array {
  return commandSet([
    uidElement(0, 0x0002, VERIFICATION_SOP_CLASS),
    usElement(0, 0x0100, 0x8030),
    usElement(0, 0x0120, messageId),
    usElement(0, 0x0800, NO_DATA_SET),
    usElement(0, 0x0900, status),
  ]);
}

/** PS3.7 §9.3.1.1: C-STORE-RQ (a data set follows). */
export function cStoreRq(messageId: number, sopClassUid: string, sopInstanceUid: string): Uint8Array {
  return commandSet([
    uidElement(0, 0x0002, sopClassUid),
    usElement(0, 0x0100, 0x0001),
    usElement(0, 0x0110, messageId),
    usElement(0, 0x0700, 0), // priority MEDIUM
    usElement(0, 0x0800, 0x0000), // any value but 0x0101: a data set is present
    uidElement(0, 0x1000, sopInstanceUid),
  ]);
}

/** PS3.7 §9.3.1.2: C-STORE-RSP. */
export function cStoreRsp(messageId: number, sopClassUid: string, sopInstanceUid: string, status = 0): Uint8Array {
  return commandSet([
    uidElement(0, 0x0002, sopClassUid),
    usElement(0, 0x0100, 0x8001),
    usElement(0, 0x0120, messageId),
    usElement(0, 0x0800, NO_DATA_SET),
    usElement(0, 0x0900, status),
    uidElement(0, 0x1000, sopInstanceUid),
  ]);
}
