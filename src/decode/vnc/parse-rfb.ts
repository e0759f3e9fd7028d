/** RFB handshake messages (RFC 6143 §7.1.1 ProtocolVersion, §7.1.2 Security, §7.2 type registry). */
import { latin1 } from '../common/byte-cursor.js';
import { bytesText } from '../common/text.js';
import type { VncHandshakeRecord, VncState } from './types.js';

export const VERSION_LEN = 12;
/** RFC 6143 §8.1.2 (IANA "RFB Security Types"); the rest are printed as `type-N`. */
const SECURITY_NAMES: Record<number, string> = { 0: 'invalid', 1: 'none', 2: 'vnc-auth', 5: 'ra2', 6: 'ra2ne', 16: 'tight', 17: 'ultra', 18: 'tls', 19: 'vencrypt', 20: 'sasl', 21: 'md5', 22: 'xvp', 30: 'apple-ard' };
const NONE = 1;

export const securityName = (t: number): string => SECURITY_NAMES[t] ?? `type-${t}`;

/** `RFB 003.008\n` -> `3.8`, or null when the 12 bytes are not a ProtocolVersion. */
export function parseVersion(b: Uint8Array): string | null {
  const s = latin1(b.subarray(0, VERSION_LEN));
  const m = /^RFB (\d{3})\.(\d{3})\n$/.exec(s);
  if (m?.[1] === undefined || m[2] === undefined) return null;
  return `${Number(m[1])}.${Number(m[2])}`;
}

/** §7.1.2: the server's types (3.7+: count + list; count 0: reason) or, for 3.3, one u32 type. */
export function serverSecurity(pdu: Uint8Array, st: VncState): VncHandshakeRecord {
  const rec: VncHandshakeRecord = { kind: 'handshake', side: 'server', rfbVersion: st.serverVersion ?? '', securityTypes: [], noAuth: false };
  let types: number[];
  if (st.minor === 3) types = [(((pdu[0] ?? 0) << 24) | ((pdu[1] ?? 0) << 16) | ((pdu[2] ?? 0) << 8) | (pdu[3] ?? 0)) >>> 0];
  else types = Array.from(pdu.subarray(1, 1 + (pdu[0] ?? 0)));
  if (types.length === 0 || (st.minor === 3 && types[0] === 0)) {
    const at = st.minor === 3 ? 4 : 1;
    rec.failureReason = bytesText(pdu.subarray(at + 4));
    return rec;
  }
  rec.securityTypes = types.map(securityName);
  rec.noAuth = types.includes(NONE);
  return rec;
}

export function clientChoice(pdu: Uint8Array, st: VncState): VncHandshakeRecord {
  const t = pdu[0] ?? 0;
  return { kind: 'handshake', side: 'client', rfbVersion: st.clientVersion ?? '', securityType: securityName(t), noAuth: t === NONE };
}
