/** NetBIOS session service framing (RFC 1002 §4.3.1; MS-SMB2 §2.1 direct TCP on 445): content probe and frame(). */
import type { FrameResult, ProbeResult } from '../types.js';

export const NBSS_HEADER_LEN = 4;
/** Only the first bytes of a message are decoded: headers and negotiates fit; reads/writes are skipped. */
export const SMB_KEEP_BYTES = 4096;
/** Session setups keep more: a Kerberos ticket can push NativeOS past 4 KiB. */
const SESSION_SETUP_KEEP_BYTES = 65536;

// RFC 1002 §4.3.1 packet types.
export const NBSS_SESSION_MESSAGE = 0x00;
const NBSS_SESSION_REQUEST = 0x81;
const NBSS_POSITIVE_RESPONSE = 0x82;
const NBSS_NEGATIVE_RESPONSE = 0x83;
const NBSS_RETARGET_RESPONSE = 0x84;
const NBSS_KEEPALIVE = 0x85;

function isNbssType(t: number): boolean {
  return (
    t === NBSS_SESSION_MESSAGE ||
    t === NBSS_SESSION_REQUEST ||
    t === NBSS_POSITIVE_RESPONSE ||
    t === NBSS_NEGATIVE_RESPONSE ||
    t === NBSS_RETARGET_RESPONSE ||
    t === NBSS_KEEPALIVE
  );
}

/** 0xFF/0xFE/0xFD/0xFC 'SMB': SMB1, SMB2, SMB3 transform (encrypted), SMB3 compression (MS-SMB2 §2.2.1, §2.2.41, §2.2.42). */
export function smbMagic(b: Uint8Array, at: number): number {
  if (b[at + 1] !== 0x53 || b[at + 2] !== 0x4d || b[at + 3] !== 0x42) return 0;
  const m = b[at] ?? 0;
  return m >= 0xfc ? m : 0;
}

/**
 * Message length: 24 bits. RFC 1002 allows 17 (7 reserved bits then the E bit) but SMB2 direct hosting
 * (MS-SMB2 §2.1) uses all 24, and NetBIOS peers keep the reserved bits zero, so 24 reads both.
 */
function messageLength(b: Uint8Array): number {
  return ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0);
}

export function probeSmb(p: Uint8Array): ProbeResult {
  if (p.length === 0) return 'no';
  const t = p[0] ?? 0;
  if (!isNbssType(t)) return 'no';
  if (t === NBSS_SESSION_MESSAGE) {
    if (p.length < NBSS_HEADER_LEN + 4) return 'maybe';
    return smbMagic(p, NBSS_HEADER_LEN) !== 0 && messageLength(p) >= 32 ? 'yes' : 'no';
  }
  // Session request / responses / keepalive carry no SMB bytes: only plausible on 139/445.
  if (p.length >= NBSS_HEADER_LEN && (p[1] ?? 0) > 1) return 'no';
  return 'maybe';
}

/** SMB1 command 0x73 (MS-CIFS §2.2.4.53) or SMB2 command 1 (MS-SMB2 §2.2.5), read from a buffered header. */
function isSessionSetup(buf: Uint8Array): boolean {
  const magic = smbMagic(buf, NBSS_HEADER_LEN);
  if (magic === 0xff) return buf[NBSS_HEADER_LEN + 4] === 0x73;
  return magic === 0xfe && buf[NBSS_HEADER_LEN + 12] === 1 && buf[NBSS_HEADER_LEN + 13] === 0;
}

export function frameNbss(buf: Uint8Array): FrameResult {
  if (buf.length < NBSS_HEADER_LEN) return { need: NBSS_HEADER_LEN };
  if (!isNbssType(buf[0] ?? 0)) return { error: `not a NetBIOS session packet (type 0x${(buf[0] ?? 0).toString(16)})` };
  const total = NBSS_HEADER_LEN + messageLength(buf);
  const keep = Math.min(total, NBSS_HEADER_LEN + (isSessionSetup(buf) ? SESSION_SETUP_KEEP_BYTES : SMB_KEEP_BYTES));
  if (buf.length < keep) return { need: keep };
  return keep < total ? { pduLength: keep, skip: total - keep } : { pduLength: keep };
}
