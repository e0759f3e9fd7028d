/** TCP framing of DICOM UL PDUs (PS3.8 §9.3.1): 6-byte header, big-endian length; bulk P-DATA is skipped, not held. */
import type { Direction, FrameResult } from '../types.js';
import { contextKey } from './parse-pdata.js';
import { isDicomState, MAX_ASSOCIATE_BYTES, PDATA_WINDOW_BYTES, PDU_HEADER_BYTES, PduType } from './types.js';

/** RJ, release and abort PDUs have a 4-byte body; allow some slack for odd peers, no more. */
const MAX_SMALL_PDU_BODY = 64;

/** Header + first PDV header: enough to see which message a P-DATA PDU continues. */
const PDV_PEEK_BYTES = PDU_HEADER_BYTES + 6;

export function frameDicom(buf: Uint8Array, direction: Direction, state: unknown): FrameResult {
  if (buf.length < PDU_HEADER_BYTES) return { need: PDU_HEADER_BYTES };
  const type = buf[0] ?? 0;
  const len = (buf[2] ?? 0) * 0x1000000 + ((buf[3] ?? 0) << 16) + ((buf[4] ?? 0) << 8) + (buf[5] ?? 0);
  if (type < PduType.AssociateRq || type > PduType.Abort) return { error: `unknown PDU type 0x${type.toString(16)}` };
  const total = PDU_HEADER_BYTES + len;
  if (type === PduType.AssociateRq || type === PduType.AssociateAc) {
    if (len > MAX_ASSOCIATE_BYTES) return { error: `association PDU of ${len} bytes is implausible` };
    return buf.length < total ? { need: total } : { pduLength: total };
  }
  if (type !== PduType.PData) {
    if (len > MAX_SMALL_PDU_BODY) return { error: `PDU type ${type} of ${len} bytes is implausible` };
    return buf.length < total ? { need: total } : { pduLength: total };
  }
  // P-DATA-TF: a PDU that only continues a data set we are no longer reading needs just its first PDV header.
  if (len >= 6 && buf.length >= PDV_PEEK_BYTES && skippable(buf, direction, state)) {
    return { pduLength: PDV_PEEK_BYTES, skip: total - PDV_PEEK_BYTES };
  }
  const window = PDU_HEADER_BYTES + Math.min(len, PDATA_WINDOW_BYTES);
  if (buf.length < window) return { need: window };
  return window < total ? { pduLength: window, skip: total - window } : { pduLength: total };
}

/** One PDV filling the whole PDU, a data-set fragment, on a context with no command waiting for its data set. */
function skippable(buf: Uint8Array, direction: Direction, state: unknown): boolean {
  if (!isDicomState(state)) return false;
  const pduLen = (buf[2] ?? 0) * 0x1000000 + ((buf[3] ?? 0) << 16) + ((buf[4] ?? 0) << 8) + (buf[5] ?? 0);
  const pdvLen = (buf[6] ?? 0) * 0x1000000 + ((buf[7] ?? 0) << 16) + ((buf[8] ?? 0) << 8) + (buf[9] ?? 0);
  if (pdvLen + 4 !== pduLen) return false;
  const id = buf[10] ?? 0;
  const mch = buf[11] ?? 0;
  if ((mch & 0x01) !== 0) return false;
  const cs = state.contexts.get(contextKey(id, direction));
  return cs === undefined || (cs.pending === null && cs.commandBytes === 0);
}
