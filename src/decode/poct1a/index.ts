/** CLSI POCT1-A2 (XML device messaging over TCP): the decoder descriptor; patient and operator values dropped. */
import { utf8 } from '../common/byte-cursor.js';
import type { DecodeContext, DecodeResult, Decoder } from '../types.js';
import { parseMessage } from './parse-message.js';
import type { Poct1aRecord } from './types.js';
import { framePoct1a, MAX_XML_PDU, probePoct1a, rootTag } from './xml-frame.js';

/** Device identity of the flow's last HEL.R01, repeated on its DST.R01 records (DST carries no DEV element). */
export interface Poct1aState {
  vendor: string | null;
  model: string | null;
  serial: string | null;
  softwareVersion: string | null;
}

function isState(s: unknown): s is Poct1aState {
  return typeof s === 'object' && s !== null && 'vendor' in s;
}

export function createPoct1aState(): Poct1aState {
  return { vendor: null, model: null, serial: null, softwareVersion: null };
}

export function decodePoct1a(pdu: Uint8Array, ctx: DecodeContext): DecodeResult<Poct1aRecord> {
  const root = rootTag(pdu);
  if (root.name === null) {
    const blank = pdu.every((b) => b === 0x20 || b === 0x0d || b === 0x0a || b === 0x09 || b === 0x00);
    return { records: [], issues: blank ? [] : [{ code: 'poct1a-not-a-message', offset: 0, message: 'bytes that are not a POCT1-A XML message' }] };
  }
  const xml = utf8(pdu.subarray(0, MAX_XML_PDU));
  const record = parseMessage(xml, root.name);
  const issues = xml.includes(`</${root.name}`) ? [] : [{ code: 'poct1a-truncated', offset: 0, message: `${root.name} without its closing tag` }];
  const state = isState(ctx.state) ? ctx.state : null;
  if (state !== null && record.kind === 'hello') {
    state.vendor = record.vendor ?? null;
    state.model = record.model ?? null;
    state.serial = record.serial ?? null;
    state.softwareVersion = record.softwareVersion ?? null;
  } else if (state !== null && record.kind === 'device-status') {
    record.vendor = state.vendor;
    record.model = state.model;
    record.serial = state.serial;
    record.softwareVersion = state.softwareVersion;
  }
  return { records: [record], issues };
}

export const poct1aDecoder: Decoder<Poct1aRecord> = {
  name: 'poct1a',
  transport: 'tcp',
  // No IANA port: the data manager's listening port is configured per site; content decides.
  ports: [],
  probe: (payload: Uint8Array) => probePoct1a(payload),
  frame: (buf: Uint8Array) => framePoct1a(buf),
  decode: decodePoct1a,
  createState: createPoct1aState,
};
