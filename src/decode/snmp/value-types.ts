/**
 * Names of the types an SNMP varbind value can carry (RFC 3416 §3 VarBind: ObjectSyntax — RFC 2578 §7.1 simple and
 * application-wide types — or the v2 exceptions noSuchObject, noSuchInstance, endOfMibView), by BER tag. An exception
 * says the agent lacks the object, which an empty-looking value cannot: identification must not read it as a value.
 */
const VALUE_TYPES: Readonly<Record<number, string>> = {
  0x02: 'integer',
  0x04: 'octet-string',
  0x05: 'null',
  0x06: 'object-identifier',
  0x40: 'ip-address', // RFC 2578 §7.1.5 [APPLICATION 0]
  0x41: 'counter32', // [APPLICATION 1]
  0x42: 'gauge32', // [APPLICATION 2] (Unsigned32)
  0x43: 'timeticks', // [APPLICATION 3]
  0x44: 'opaque', // [APPLICATION 4]
  0x46: 'counter64', // [APPLICATION 6]
  0x80: 'no-such-object', // RFC 3416 §3 [0] IMPLICIT NULL
  0x81: 'no-such-instance', // [1]
  0x82: 'end-of-mib-view', // [2]
};

/** The value's type name, or `tag-0x..` for a tag outside RFC 2578/3416 (kept visible, not guessed). */
export function valueTypeName(tag: number): string {
  return VALUE_TYPES[tag] ?? `tag-0x${tag.toString(16).padStart(2, '0')}`;
}
