/** The SNMP decoder descriptor (RFC 1157, RFC 3416, RFC 3412; UDP 161 agent, 162 notifications). */
import type { DecodeResult, Decoder, ProbeResult } from '../types.js';
import { BerError } from './ber.js';
import { parseSnmp } from './parse-snmp.js';
import type { SnmpRecord } from './types.js';

/** SEQUENCE, a definite length, then `version INTEGER` of one octet: 0 (v1), 1 (v2c) or 3 (v3). */
function probe(p: Uint8Array): ProbeResult {
  if (p.length < 7 || p[0] !== 0x30) return 'no';
  const l = p[1] ?? 0;
  const at = l < 0x80 ? 2 : l === 0x81 ? 3 : l === 0x82 ? 4 : -1;
  if (at < 0 || p[at] !== 0x02 || p[at + 1] !== 0x01) return 'no';
  const v = p[at + 2];
  const next = p[at + 3];
  if (v === 0 || v === 1) return next === 0x04 ? 'yes' : 'no';
  if (v === 3) return next === 0x30 ? 'yes' : 'no';
  return 'no';
}

function decode(pdu: Uint8Array): DecodeResult<SnmpRecord> {
  try {
    return { records: [parseSnmp(pdu)], issues: [] };
  } catch (e) {
    if (!(e instanceof BerError)) throw e;
    return { records: [], issues: [{ code: 'snmp-malformed', offset: e.offset, message: e.message }] };
  }
}

export const snmpDecoder: Decoder<SnmpRecord> = {
  name: 'snmp',
  transport: 'udp',
  ports: [161, 162],
  probe,
  decode,
};
