/** The DCE/RPC (connection-oriented, C706 §12; MS-RPCE) decoder descriptor: TCP 135 and dynamic RPC ports. */
import type { DecodeResult, Decoder, FrameResult, ProbeResult } from '../types.js';
import { DCERPC_HEADER_LEN, DCERPC_VERSION, fragLength, parseDcerpc, PTYPE_ALTER_CONTEXT, PTYPE_ALTER_CONTEXT_RESP, PTYPE_AUTH3, PTYPE_BIND, PTYPE_BIND_ACK } from './parse-dcerpc.js';
import type { DcerpcRecord } from './types.js';

/** Highest PTYPE defined by C706 (20 = orphaned). */
const MAX_PTYPE = 20;
/** Request / response bodies are not read: keep only their header. */
const BODY_KEEP = DCERPC_HEADER_LEN;

function handshake(ptype: number): boolean {
  return ptype === PTYPE_BIND || ptype === PTYPE_BIND_ACK || ptype === PTYPE_ALTER_CONTEXT || ptype === PTYPE_ALTER_CONTEXT_RESP || ptype === PTYPE_AUTH3;
}

/** rpc_vers 5, minor 0/1, a known PTYPE, drep integer format 0/1 with ASCII chars, a sane fragment length. */
function probe(p: Uint8Array): ProbeResult {
  if (p.length === 0) return 'no';
  if (p[0] !== DCERPC_VERSION) return 'no';
  if (p.length < DCERPC_HEADER_LEN) return 'maybe';
  const ptype = p[2] ?? 0;
  const drep = p[4] ?? 0;
  if ((p[1] ?? 0) > 1 || ptype > MAX_PTYPE || (drep !== 0x10 && drep !== 0x00) || p[5] !== 0 || fragLength(p) < DCERPC_HEADER_LEN) return 'no';
  return handshake(ptype) ? 'yes' : 'maybe';
}

function frame(buf: Uint8Array): FrameResult {
  if (buf.length < DCERPC_HEADER_LEN) return { need: DCERPC_HEADER_LEN };
  if (buf[0] !== DCERPC_VERSION) return { error: 'not a DCE/RPC PDU (rpc_vers != 5)' };
  const len = fragLength(buf);
  if (len < DCERPC_HEADER_LEN) return { error: `frag_length ${len} is shorter than the header` };
  const keep = handshake(buf[2] ?? 0) ? len : BODY_KEEP;
  if (buf.length < keep) return { need: keep };
  return keep < len ? { pduLength: keep, skip: len - keep } : { pduLength: keep };
}

function decode(pdu: Uint8Array): DecodeResult<DcerpcRecord> {
  const records: DcerpcRecord[] = [];
  parseDcerpc(pdu, records);
  return { records, issues: [] };
}

export const dcerpcDecoder: Decoder<DcerpcRecord> = {
  name: 'dcerpc',
  transport: 'tcp',
  ports: [135],
  probe,
  frame,
  decode,
};
