/** BACnet tag encoding (ANSI/ASHRAE 135-2020 §20.2.1): tag number, class, length/value/type, extended forms. */
import type { ByteCursor } from '../common/byte-cursor.js';

/** Bytes that are BACnet-shaped but break a rule of the standard: the decoder turns it into an issue (a bug stays a throw). */
export class MalformedBacnet extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedBacnet';
  }
}

export interface BacnetTag {
  tagNumber: number;
  /** false: application tag (tag number = datatype, §20.2.1.1); true: context-specific tag. */
  context: boolean;
  /** Opening (LVT 6) and closing (LVT 7) tags of a constructed context value carry no data. */
  opening: boolean;
  closing: boolean;
  /** Length of the data that follows (for application BOOLEAN the LVT is the value itself and the length is 0). */
  length: number;
  /** Application BOOLEAN's value (§20.2.3); null for any other tag. */
  booleanValue: boolean | null;
}

/** Application tag numbers used here (§20.2.1.4). */
export const APP_TAG = { boolean: 1, unsigned: 2, enumerated: 9, characterString: 7, objectIdentifier: 12 } as const;

/** Reads one tag header; the cursor is left at the tag's data. Throws OutOfBounds like any cursor read. */
export function readTag(c: ByteCursor): BacnetTag {
  const first = c.u8();
  let tagNumber = first >> 4;
  const context = (first & 0x08) !== 0;
  const lvt = first & 0x07;
  // §20.2.1.2: tag number 15 means the real number follows in one octet.
  if (tagNumber === 15) tagNumber = c.u8();
  if (context && (lvt === 6 || lvt === 7)) return { tagNumber, context, opening: lvt === 6, closing: lvt === 7, length: 0, booleanValue: null };
  if (!context && tagNumber === APP_TAG.boolean) return { tagNumber, context, opening: false, closing: false, length: 0, booleanValue: lvt !== 0 };
  let length = lvt;
  // §20.2.1.3.1: LVT 5 = extended length; 254 and 255 announce a 2- and 4-octet length.
  if (lvt === 5) {
    length = c.u8();
    if (length === 254) length = c.u16();
    else if (length === 255) length = c.u32();
  }
  return { tagNumber, context, opening: false, closing: false, length, booleanValue: null };
}

/** An unsigned integer of `length` octets (§20.2.4); lengths over 4 cannot be a value we keep and read as null. */
export function readUnsigned(c: ByteCursor, length: number): number | null {
  if (length < 1 || length > 4) {
    c.skip(length);
    return null;
  }
  let v = 0;
  for (let i = 0; i < length; i++) v = v * 256 + c.u8();
  return v;
}

/** BACnetObjectIdentifier (§20.2.14): 10-bit object type, 22-bit instance. */
export function readObjectId(c: ByteCursor, length: number): { objectType: number; instance: number } | null {
  if (length !== 4) {
    c.skip(length);
    return null;
  }
  const v = c.u32();
  return { objectType: v >>> 22, instance: v & 0x3fffff };
}

/** Skips a tag's data, or a whole constructed value up to its matching closing tag (bounded by the bytes left). */
export function skipValue(c: ByteCursor, tag: BacnetTag): void {
  if (!tag.opening) {
    c.skip(tag.length);
    return;
  }
  let depth = 1;
  while (depth > 0 && c.remaining > 0) {
    const t = readTag(c);
    if (t.opening) depth++;
    else if (t.closing) depth--;
    else c.skip(t.length);
  }
}
