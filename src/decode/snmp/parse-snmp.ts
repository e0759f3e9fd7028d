/**
 * SNMP messages: v1 / v2c (RFC 1157 §4, RFC 1901 §3: version, community, PDU) and v3 (RFC 3412 §6 header,
 * RFC 3414 §2.4 USM security parameters). An encrypted (authPriv) scoped PDU yields what the header shows.
 */
import { hexText, utf8Text } from '../common/text.js';
import { BerError, berInteger, expectTlv, readTlv, TAG_INTEGER, TAG_OCTET_STRING, TAG_SEQUENCE } from './ber.js';
import { isDefaultCommunity } from './default-communities.js';
import { parsePdu } from './parse-pdu.js';
import type { SnmpRecord } from './types.js';

// RFC 3412 §6.4 msgFlags bits; RFC 3411 §5 SnmpSecurityModel 3 = USM.
const FLAG_AUTH = 0x01;
const FLAG_PRIV = 0x02;
const SECURITY_MODEL_USM = 3;
/** USM engine IDs are 5..32 octets (RFC 3411 §5 SnmpEngineID). */
const MAX_ENGINE_ID = 32;

const VERSIONS: Readonly<Record<number, SnmpRecord['version']>> = { 0: '1', 1: '2c', 3: '3' };

/** Parses one SNMP datagram. Throws BerError on malformed or truncated BER. */
export function parseSnmp(buf: Uint8Array): SnmpRecord {
  const msg = expectTlv(buf, 0, buf.length, TAG_SEQUENCE, 'message');
  const v = expectTlv(buf, msg.start, msg.end, TAG_INTEGER, 'version');
  const version = VERSIONS[berInteger(buf, v)];
  if (version === undefined) throw new BerError(v.start, 'unknown SNMP version');
  // `kind` is set by parsePdu; 'encrypted' stands until then.
  const rec: SnmpRecord = { kind: 'encrypted', version };
  if (version !== '3') {
    const c = expectTlv(buf, v.end, msg.end, TAG_OCTET_STRING, 'community');
    rec.community = utf8Text(buf.subarray(c.start, c.end));
    rec.defaultCommunity = isDefaultCommunity(rec.community);
    if (!parsePdu(buf, c.end, msg.end, rec)) throw new BerError(c.end, 'not an SNMP PDU');
    return rec;
  }
  // HeaderData ::= SEQUENCE { msgID, msgMaxSize, msgFlags, msgSecurityModel } (RFC 3412 §6).
  const header = expectTlv(buf, v.end, msg.end, TAG_SEQUENCE, 'msgGlobalData');
  const id = expectTlv(buf, header.start, header.end, TAG_INTEGER, 'msgID');
  const max = expectTlv(buf, id.end, header.end, TAG_INTEGER, 'msgMaxSize');
  const flags = expectTlv(buf, max.end, header.end, TAG_OCTET_STRING, 'msgFlags');
  const model = expectTlv(buf, flags.end, header.end, TAG_INTEGER, 'msgSecurityModel');
  const f = flags.end > flags.start ? (buf[flags.start] ?? 0) : 0;
  rec.securityLevel = (f & FLAG_PRIV) !== 0 ? 'authPriv' : (f & FLAG_AUTH) !== 0 ? 'authNoPriv' : 'noAuthNoPriv';
  const params = expectTlv(buf, header.end, msg.end, TAG_OCTET_STRING, 'msgSecurityParameters');
  if (berInteger(buf, model) === SECURITY_MODEL_USM && params.end > params.start) usm(buf, params.start, params.end, rec);
  const data = readTlv(buf, params.end, msg.end);
  if (data.tag === TAG_OCTET_STRING) return rec; // encryptedPDU: kind stays 'encrypted'
  if (data.tag !== TAG_SEQUENCE) throw new BerError(params.end, 'msgData is neither a scopedPDU nor encrypted');
  // ScopedPDU ::= SEQUENCE { contextEngineID, contextName, data } (RFC 3412 §6.8).
  const ctxEngine = expectTlv(buf, data.start, data.end, TAG_OCTET_STRING, 'contextEngineID');
  const ctxName = expectTlv(buf, ctxEngine.end, data.end, TAG_OCTET_STRING, 'contextName');
  const name = utf8Text(buf.subarray(ctxName.start, ctxName.end));
  if (name !== '') rec.contextName = name;
  if (!parsePdu(buf, ctxName.end, data.end, rec)) throw new BerError(ctxName.end, 'not an SNMP PDU');
  return rec;
}

/** UsmSecurityParameters ::= SEQUENCE { engineID, engineBoots, engineTime, userName, authParams, privParams }. */
function usm(buf: Uint8Array, start: number, end: number, rec: SnmpRecord): void {
  const seq = expectTlv(buf, start, end, TAG_SEQUENCE, 'UsmSecurityParameters');
  const engine = expectTlv(buf, seq.start, seq.end, TAG_OCTET_STRING, 'msgAuthoritativeEngineID');
  const boots = expectTlv(buf, engine.end, seq.end, TAG_INTEGER, 'msgAuthoritativeEngineBoots');
  const time = expectTlv(buf, boots.end, seq.end, TAG_INTEGER, 'msgAuthoritativeEngineTime');
  const user = expectTlv(buf, time.end, seq.end, TAG_OCTET_STRING, 'msgUserName');
  // msgAuthenticationParameters / msgPrivacyParameters (the HMAC and salt) are not read.
  if (engine.end > engine.start) rec.engineId = hexText(buf.subarray(engine.start, engine.end), MAX_ENGINE_ID);
  const name = utf8Text(buf.subarray(user.start, user.end));
  if (name !== '') rec.user = name;
}
