/**
 * SNMP PDUs (RFC 3416 §3 PDUs, RFC 1157 §4.1.6 Trap-PDU): request id, error fields, varbind names and the MIB-II
 * system group values (RFC 3418) an agent sends. Other values are never read.
 */
import { utf8 } from '../common/byte-cursor.js';
import { cleanText, hexText, MAX_TEXT } from '../common/text.js';
import { BerError, berInteger, berOid, expectTlv, readTlv, TAG_INTEGER, TAG_IP_ADDRESS, TAG_OCTET_STRING, TAG_OID, TAG_SEQUENCE, type Tlv } from './ber.js';
import type { SnmpKind, SnmpRecord } from './types.js';
import { valueTypeName } from './value-types.js';

// RFC 3416 §3 / RFC 1157 §4.1 context tags of the PDU choice.
const PDU_KINDS: Readonly<Record<number, { kind: SnmpKind; pduType?: SnmpRecord['pduType'] }>> = {
  0xa0: { kind: 'get' },
  0xa1: { kind: 'get-next' },
  0xa2: { kind: 'response' },
  0xa3: { kind: 'set' },
  0xa4: { kind: 'trap', pduType: 'trap-v1' },
  0xa5: { kind: 'get-bulk' },
  0xa6: { kind: 'trap', pduType: 'inform' },
  0xa7: { kind: 'trap', pduType: 'trap-v2' },
  0xa8: { kind: 'report' },
};
const TRAP_V1 = 0xa4;
const GET_BULK = 0xa5;

/** Varbind names a record keeps; `varbindCount` has the full count. */
export const MAX_VARBINDS = 32;
/** A varbind is at least 6 bytes, so a datagram holds fewer than this. */
const MAX_VARBIND_SCAN = 16384;

// MIB-II system group (RFC 3418 §2) and snmpTrapOID.0 (RFC 3418 §2, SNMPv2-MIB).
const SYS_TEXT: Readonly<Record<string, 'sysDescr' | 'sysName' | 'sysContact' | 'sysLocation'>> = {
  '1.3.6.1.2.1.1.1.0': 'sysDescr',
  '1.3.6.1.2.1.1.4.0': 'sysContact',
  '1.3.6.1.2.1.1.5.0': 'sysName',
  '1.3.6.1.2.1.1.6.0': 'sysLocation',
};
const SYS_OBJECT_ID = '1.3.6.1.2.1.1.2.0';
const SNMP_TRAP_OID = '1.3.6.1.6.3.1.1.4.1.0';

/** Fills `rec` from the PDU at `at` (within `limit`); returns false when the tag is not an SNMP PDU. */
export function parsePdu(buf: Uint8Array, at: number, limit: number, rec: SnmpRecord): boolean {
  const pdu = readTlv(buf, at, limit);
  const k = PDU_KINDS[pdu.tag];
  if (k === undefined) return false;
  rec.kind = k.kind;
  if (k.pduType !== undefined) rec.pduType = k.pduType;
  let p = pdu.start;
  if (pdu.tag === TRAP_V1) {
    const ent = expectTlv(buf, p, pdu.end, TAG_OID, 'enterprise');
    rec.enterprise = berOid(buf, ent);
    const addr = readTlv(buf, ent.end, pdu.end);
    if (addr.tag === TAG_IP_ADDRESS && addr.end - addr.start === 4) rec.agentAddr = Array.from(buf.subarray(addr.start, addr.end)).join('.');
    else rec.agentAddr = hexText(buf.subarray(addr.start, addr.end), 16);
    const generic = expectTlv(buf, addr.end, pdu.end, TAG_INTEGER, 'generic-trap');
    rec.genericTrap = berInteger(buf, generic);
    const specific = expectTlv(buf, generic.end, pdu.end, TAG_INTEGER, 'specific-trap');
    rec.specificTrap = berInteger(buf, specific);
    p = readTlv(buf, specific.end, pdu.end).end; // time-stamp (TimeTicks)
  } else {
    const id = expectTlv(buf, p, pdu.end, TAG_INTEGER, 'request-id');
    rec.requestId = berInteger(buf, id);
    const a = expectTlv(buf, id.end, pdu.end, TAG_INTEGER, 'error-status');
    const b = expectTlv(buf, a.end, pdu.end, TAG_INTEGER, 'error-index');
    if (pdu.tag === GET_BULK) {
      rec.nonRepeaters = berInteger(buf, a);
      rec.maxRepetitions = berInteger(buf, b);
    } else {
      rec.errorStatus = berInteger(buf, a);
      rec.errorIndex = berInteger(buf, b);
    }
    p = b.end;
  }
  // An error response echoes the request's varbinds (RFC 3416 §4.2.5): its values are the manager's, not the agent's.
  const keepSystem = fromAgent(rec.kind) && (rec.errorStatus ?? 0) === 0;
  varbinds(buf, expectTlv(buf, p, pdu.end, TAG_SEQUENCE, 'variable-bindings'), rec, keepSystem);
  return true;
}

/** Only what an agent sends about itself describes the device (a set request's values are the manager's wishes). */
function fromAgent(kind: SnmpKind): boolean {
  return kind === 'response' || kind === 'trap' || kind === 'report';
}

function varbinds(buf: Uint8Array, list: Tlv, rec: SnmpRecord, keepSystem: boolean): void {
  const names: string[] = [];
  const types: string[] = [];
  let count = 0;
  let p = list.start;
  while (p < list.end && count < MAX_VARBIND_SCAN) {
    const vb = expectTlv(buf, p, list.end, TAG_SEQUENCE, 'varbind');
    const nameTlv = expectTlv(buf, vb.start, vb.end, TAG_OID, 'varbind name');
    const name = berOid(buf, nameTlv);
    const value = readTlv(buf, nameTlv.end, vb.end);
    if (names.length < MAX_VARBINDS) {
      names.push(name);
      types.push(valueTypeName(value.tag));
    }
    count++;
    if (keepSystem) systemValue(buf, name, value, rec);
    p = vb.end;
  }
  if (p < list.end) throw new BerError(p, 'too many varbinds');
  rec.varbinds = names;
  rec.varbindTypes = types;
  rec.varbindCount = count;
}

function systemValue(buf: Uint8Array, name: string, value: Tlv, rec: SnmpRecord): void {
  if (value.tag === TAG_OID) {
    if (name === SYS_OBJECT_ID) rec.sysObjectId = berOid(buf, value);
    else if (name === SNMP_TRAP_OID) rec.trapOid = berOid(buf, value);
    return;
  }
  const key = SYS_TEXT[name];
  if (key === undefined || value.tag !== TAG_OCTET_STRING) return;
  const text = agentText(buf.subarray(value.start, value.end));
  if (text !== '') rec[key] = text;
}

/**
 * An agent's DisplayString (RFC 2579: NVT ASCII, CR LF line breaks; sysDescr is often several lines): line breaks and
 * tabs become one space, so words on either side stay apart ("(fc1)" and "Technical Support" are not glued together).
 */
function agentText(bytes: Uint8Array): string {
  const raw = utf8(bytes.subarray(0, MAX_TEXT * 4)).replace(/[\t\n\v\f\r]+/g, ' ').replace(/ {2,}/g, ' ');
  return cleanText(raw, MAX_TEXT, MAX_TEXT * 2);
}
