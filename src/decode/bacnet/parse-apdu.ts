/**
 * The BACnet APDUs that say what a device is (ANSI/ASHRAE 135-2020 §20.1 PDU types): Who-Is and I-Am (§16.10) and a
 * ReadProperty-ACK (§15.5) of a device object's naming properties. Other services are left alone: their values are
 * building data (temperatures, schedules), not identity.
 */
import { ByteCursor, latin1, utf8 } from '../common/byte-cursor.js';
import { cleanString, MAX_TEXT } from '../common/text.js';
import { APP_TAG, MalformedBacnet, readObjectId, readTag, readUnsigned, skipValue, type BacnetTag } from './tags.js';
import type { BacnetIAmRecord, BacnetReadPropertyAckRecord, BacnetWhoIsRecord } from './types.js';

/** §20.1.2: the PDU type is the APDU's first nibble. */
const PDU_UNCONFIRMED_REQUEST = 1;
const PDU_COMPLEX_ACK = 3;
/** §21 BACnetUnconfirmedServiceChoice / BACnetConfirmedServiceChoice. */
const SERVICE_I_AM = 0;
const SERVICE_WHO_IS = 8;
const SERVICE_READ_PROPERTY = 12;
/** §21 BACnetObjectType: device. */
export const OBJECT_TYPE_DEVICE = 8;
/** §21 BACnetSegmentation. */
const SEGMENTATION = ['both', 'transmit', 'receive', 'none'] as const;

/** §21 BACnetPropertyIdentifier: the device object's properties that name it, by number -> record field. */
const DEVICE_PROPERTIES: Readonly<Record<number, 'objectName' | 'vendorName' | 'modelName' | 'firmwareRevision' | 'applicationSoftwareVersion' | 'vendorIdentifier'>> = {
  77: 'objectName',
  121: 'vendorName',
  70: 'modelName',
  44: 'firmwareRevision',
  12: 'applicationSoftwareVersion',
  120: 'vendorIdentifier',
};

type Body = Omit<BacnetIAmRecord, 'bvlcFunction'> | Omit<BacnetWhoIsRecord, 'bvlcFunction'> | Omit<BacnetReadPropertyAckRecord, 'bvlcFunction'>;

/** The record one APDU gives, or null for a service this decoder does not keep. Throws OutOfBounds on truncation. */
export function parseApdu(apdu: Uint8Array): Body | null {
  const c = new ByteCursor(apdu);
  const first = c.u8();
  const pduType = first >> 4;
  if (pduType === PDU_UNCONFIRMED_REQUEST) {
    const service = c.u8();
    if (service === SERVICE_I_AM) return parseIAm(c);
    if (service === SERVICE_WHO_IS) return parseWhoIs(c);
    return null;
  }
  // §20.1.5.1: a segmented ComplexACK carries a part of a value; identity values fit in one segment, so skip these.
  if (pduType === PDU_COMPLEX_ACK && (first & 0x08) === 0) {
    c.u8(); // invoke ID
    return c.u8() === SERVICE_READ_PROPERTY ? parseReadPropertyAck(c) : null;
  }
  return null;
}

function expectApp(c: ByteCursor, tagNumber: number, what: string): BacnetTag {
  const t = readTag(c);
  if (t.context || t.tagNumber !== tagNumber) throw new MalformedBacnet(`${what}: expected application tag ${tagNumber}, got ${t.context ? 'context' : 'application'} tag ${t.tagNumber}`);
  return t;
}

function unsignedOf(c: ByteCursor, t: BacnetTag, what: string): number {
  const v = readUnsigned(c, t.length);
  if (v === null) throw new MalformedBacnet(`${what}: unsigned of ${t.length} octets`);
  return v;
}

/** §16.10.2: I-Am-Request ::= objectIdentifier, maxAPDULengthAccepted, segmentationSupported, vendorID (all application-tagged). */
function parseIAm(c: ByteCursor): Omit<BacnetIAmRecord, 'bvlcFunction'> {
  const id = readObjectId(c, expectApp(c, APP_TAG.objectIdentifier, 'I-Am device identifier').length);
  if (id === null || id.objectType !== OBJECT_TYPE_DEVICE) throw new MalformedBacnet('I-Am: the identifier is not a device object');
  const maxApduLength = unsignedOf(c, expectApp(c, APP_TAG.unsigned, 'I-Am max APDU length'), 'I-Am max APDU length');
  const seg = unsignedOf(c, expectApp(c, APP_TAG.enumerated, 'I-Am segmentation'), 'I-Am segmentation');
  const vendorId = unsignedOf(c, expectApp(c, APP_TAG.unsigned, 'I-Am vendor ID'), 'I-Am vendor ID');
  return { kind: 'i-am', deviceInstance: id.instance, maxApduLength, segmentation: SEGMENTATION[seg] ?? String(seg), vendorId };
}

/** §16.10.1: Who-Is-Request ::= [0] low limit, [1] high limit, both optional (together or not at all). */
function parseWhoIs(c: ByteCursor): Omit<BacnetWhoIsRecord, 'bvlcFunction'> {
  const out: Omit<BacnetWhoIsRecord, 'bvlcFunction'> = { kind: 'who-is' };
  while (c.remaining > 0) {
    const t = readTag(c);
    const v = t.context ? readUnsigned(c, t.length) : (c.skip(t.length), null);
    if (v === null) continue;
    if (t.tagNumber === 0) out.lowLimit = v;
    else if (t.tagNumber === 1) out.highLimit = v;
  }
  return out;
}

/** §20.2.9: a CharacterString's first octet names its character set; the ones devices use are decoded. */
function characterString(c: ByteCursor, length: number): string | null {
  if (length < 1) return null;
  const set = c.u8();
  const raw = c.bytes(length - 1).subarray(0, MAX_TEXT * 4);
  if (set === 0) return cleanString(utf8(raw)); // ISO 10646 UTF-8 (ANSI X3.4 before 135-2004)
  if (set === 5) return cleanString(latin1(raw)); // ISO 8859-1
  if (set === 4) {
    // ISO 10646 UCS-2, big-endian (§20.2.9).
    let s = '';
    for (let i = 0; i + 1 < raw.length; i += 2) s += String.fromCharCode(((raw[i] ?? 0) << 8) | (raw[i + 1] ?? 0));
    return cleanString(s);
  }
  return null;
}

/** §15.5.1.3: [0] objectIdentifier, [1] propertyIdentifier, [2] arrayIndex OPTIONAL, [3] propertyValue (constructed). */
function parseReadPropertyAck(c: ByteCursor): Omit<BacnetReadPropertyAckRecord, 'bvlcFunction'> | null {
  const t0 = readTag(c);
  if (!t0.context || t0.tagNumber !== 0) throw new MalformedBacnet('ReadProperty-ACK: no [0] object identifier');
  const id = readObjectId(c, t0.length);
  const t1 = readTag(c);
  if (!t1.context || t1.tagNumber !== 1) throw new MalformedBacnet('ReadProperty-ACK: no [1] property identifier');
  const propertyId = unsignedOf(c, t1, 'ReadProperty-ACK property identifier');
  if (id === null || id.objectType !== OBJECT_TYPE_DEVICE) return null;
  const field = DEVICE_PROPERTIES[propertyId];
  if (field === undefined) return null;
  let t = readTag(c);
  if (t.context && t.tagNumber === 2 && !t.opening) {
    c.skip(t.length); // an array element of a naming property is not one we keep
    return null;
  }
  if (!t.opening || t.tagNumber !== 3) throw new MalformedBacnet('ReadProperty-ACK: no [3] property value');
  const out: Omit<BacnetReadPropertyAckRecord, 'bvlcFunction'> = { kind: 'read-property-ack', objectType: id.objectType, objectInstance: id.instance, propertyId };
  t = readTag(c);
  if (field === 'vendorIdentifier') {
    if (!t.context && t.tagNumber === APP_TAG.unsigned) {
      const v = readUnsigned(c, t.length);
      if (v !== null) out.vendorIdentifier = v;
    } else skipValue(c, t);
    return out;
  }
  if (!t.context && t.tagNumber === APP_TAG.characterString) {
    const s = characterString(c, t.length);
    if (s !== null) out[field] = s;
  } else skipValue(c, t);
  return out;
}
