/**
 * Philips IntelliVue Data Export Interface Programming Guide (4535 642 59271), Connect Indication Event Report:
 * Nomenclature (magic 0, version 1.0), ROapdus (ROIV), ROIVapdu (CMD_EVENT_REPORT), EventReportArgument
 * (NOM_MOC_MDS_COMPOS_SINGLE_BED, NOM_NOTI_CONN_INDIC) and its AttributeList of AVA (id, length, value) entries.
 * All big-endian; every length is checked against the bytes that remain.
 */
import { ByteCursor } from '../common/byte-cursor.js';
import { cleanField } from '../common/text.js';
import type { IntellivueRecord } from './types.js';

export const ROIV_APDU = 1;
export const CMD_EVENT_REPORT = 0;
export const NOM_NOTI_CONN_INDIC = 0x0d17; // 3351
const NOM_ATTR_ID_MODEL = 0x0928; // 2344: manufacturer + model number
const NOM_ATTR_ID_PROD_SPECN = 0x092d; // 2349: production specification (serial, part, revisions)
const NOM_ATTR_SYS_TYPE = 0x0986; // 2438: TYPE (partition, code)
const MAX_ATTRIBUTES = 64;
const MAX_SPEC_ENTRIES = 16;

/** Nomenclature + ROIV + event report header of a connect indication; false when the bytes are something else. */
export function isConnectIndication(p: Uint8Array): boolean {
  if (p.length < 28) return false;
  const u16 = (at: number): number => ((p[at] ?? 0) << 8) | (p[at + 1] ?? 0);
  return u16(0) === 0 && p[2] === 1 && u16(4) === ROIV_APDU && u16(10) === CMD_EVENT_REPORT && u16(24) === NOM_NOTI_CONN_INDIC;
}

/** A length-prefixed string (u16 length, bytes, padded to even length). */
function lengthString(c: ByteCursor): string | null {
  const n = c.u16();
  const bytes = c.bytes(Math.min(n, c.remaining));
  if (n % 2 === 1 && c.remaining > 0) c.skip(1);
  return cleanField(bytes, 0, bytes.length, 64);
}

function readProdSpec(c: ByteCursor, r: IntellivueRecord): void {
  const count = c.u16();
  const sub = c.sub(Math.min(c.u16(), c.remaining));
  for (let i = 0; i < Math.min(count, MAX_SPEC_ENTRIES) && sub.remaining >= 6; i++) {
    const specType = sub.u16();
    sub.skip(2); // component id
    const value = lengthString(sub);
    const key = specType === 1 ? 'serial' : specType === 2 ? 'partNumber' : specType === 3 ? 'hardwareVersion' : specType === 4 ? 'softwareVersion' : null;
    if (key !== null && (r[key] ?? null) === null) r[key] = value;
  }
}

/** Device attributes of a connect indication (caller checked isConnectIndication). Throws OutOfBounds on short data. */
export function parseConnectIndication(p: Uint8Array): IntellivueRecord {
  const r: IntellivueRecord = {
    kind: 'connect-indication', messageType: 'connect-indication', systemType: null, manufacturer: null, model: null,
    serial: null, partNumber: null, hardwareVersion: null, softwareVersion: null,
  };
  const c = new ByteCursor(p, 28);
  const count = c.u16();
  const list = c.sub(Math.min(c.u16(), c.remaining));
  for (let i = 0; i < Math.min(count, MAX_ATTRIBUTES) && list.remaining >= 4; i++) {
    const id = list.u16();
    const value = list.sub(Math.min(list.u16(), list.remaining));
    if (id === NOM_ATTR_SYS_TYPE && value.remaining >= 4) r.systemType = `${value.u16()}:${value.u16()}`;
    else if (id === NOM_ATTR_ID_MODEL) {
      r.manufacturer = lengthString(value);
      if (value.remaining >= 2) r.model = lengthString(value);
    } else if (id === NOM_ATTR_ID_PROD_SPECN && value.remaining >= 4) readProdSpec(value, r);
  }
  return r;
}
