/** TPKT (RFC 1006 §6) + X.224 CR/CC TPDUs (ITU-T X.224 §13.3/§13.4) carrying MS-RDPBCGR §2.2.1.1/§2.2.1.2 data. */
import { ByteCursor, latin1, OutOfBounds } from '../common/byte-cursor.js';
import { cleanText } from '../common/text.js';
import type { DecodeResult } from '../types.js';
import type { RdpRecord } from './types.js';

export const TPKT_VERSION = 3;
/** X.224 TPDU codes (upper nibble). */
export const X224_CR = 0xe0;
export const X224_CC = 0xd0;
/** MS-RDPBCGR §2.2.1.1.1, §2.2.1.2.1, §2.2.1.2.2. */
const TYPE_RDP_NEG_REQ = 1;
const TYPE_RDP_NEG_RSP = 2;
const TYPE_RDP_NEG_FAILURE = 3;
const PROTOCOLS: readonly [number, string][] = [[1, 'ssl'], [2, 'hybrid'], [4, 'rdstls'], [8, 'hybrid_ex']];
const COOKIE = 'Cookie: mstshash=';
const ROUTING = 'Cookie: msts=';

function protocolNames(mask: number): string[] {
  if (mask === 0) return ['rdp'];
  return PROTOCOLS.filter(([bit]) => (mask & bit) !== 0).map(([, name]) => name);
}

/** Negotiation structure: type(1) flags(1) length(2, LE, = 8) value(4, LE). */
function negotiation(c: ByteCursor): { type: number; value: number } | null {
  if (c.remaining < 8) return null;
  const type = c.u8();
  c.skip(1);
  const len = c.u16(true);
  if (len !== 8) return null;
  return { type, value: c.u32(true) };
}

/** The CR's variable part: an optional cookie / routing-token line ending in CR LF, then RDP_NEG_REQ. */
function connectRequest(c: ByteCursor): RdpRecord {
  const rest = c.buf.subarray(c.pos, c.end);
  const head = latin1(rest.subarray(0, Math.min(rest.length, 512)));
  let cookie: string | null = null;
  let routingToken = false;
  if (head.startsWith('Cookie: ')) {
    const eol = head.indexOf('\r\n');
    const line = eol < 0 ? head : head.slice(0, eol);
    if (line.startsWith(COOKIE)) cookie = cleanText(line.slice(COOKIE.length));
    else routingToken = line.startsWith(ROUTING);
    c.skip(eol < 0 ? rest.length : eol + 2);
  }
  const neg = negotiation(c);
  const mask = neg?.type === TYPE_RDP_NEG_REQ ? neg.value : null;
  return { kind: 'connect-request', cookie, routingToken, requestedProtocols: mask === null ? null : protocolNames(mask), requestedProtocolsMask: mask };
}

function connectConfirm(c: ByteCursor): RdpRecord {
  const neg = negotiation(c);
  if (neg?.type === TYPE_RDP_NEG_RSP) return { kind: 'connect-confirm', selectedProtocol: protocolNames(neg.value).join(',') || `0x${neg.value.toString(16)}`, failureCode: null };
  if (neg?.type === TYPE_RDP_NEG_FAILURE) return { kind: 'connect-confirm', selectedProtocol: null, failureCode: neg.value };
  return { kind: 'connect-confirm', selectedProtocol: null, failureCode: null };
}

/** One TPKT; records a CR or CC, reports anything else as an issue. */
export function parseTpkt(pdu: Uint8Array): DecodeResult<RdpRecord> {
  const result: DecodeResult<RdpRecord> = { records: [], issues: [] };
  try {
    const c = new ByteCursor(pdu);
    if (c.u8() !== TPKT_VERSION) {
      result.issues.push({ code: 'rdp-not-tpkt', offset: 0, message: 'first byte is not TPKT version 3' });
      return result;
    }
    c.skip(1);
    const len = c.u16();
    const tpkt = new ByteCursor(pdu, 4, Math.min(len, pdu.length));
    const li = tpkt.u8();
    const x224 = tpkt.sub(Math.min(li, tpkt.remaining));
    const code = x224.u8() & 0xf0;
    if (code !== X224_CR && code !== X224_CC) {
      result.issues.push({ code: 'rdp-not-cr-cc', offset: 5, message: `X.224 TPDU code 0x${code.toString(16)} where a CR/CC was expected` });
      return result;
    }
    x224.skip(5); // dst-ref, src-ref, class option
    result.records.push(code === X224_CR ? connectRequest(x224) : connectConfirm(x224));
  } catch (e) {
    if (!(e instanceof OutOfBounds)) throw e;
    result.issues.push({ code: 'truncated', offset: e.offset, message: e.message });
  }
  return result;
}
