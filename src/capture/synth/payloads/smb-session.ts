/**
 * SMB session setup carrying NTLMSSP: SMB2 SESSION_SETUP request/response (MS-SMB2 §2.2.5, §2.2.6) and, for
 * pre-Vista clients, SMB1 NEGOTIATE (MS-CIFS §2.2.4.52.1) and SESSION_SETUP_ANDX with extended security
 * (MS-SMB §2.2.4.6.1), all over NetBIOS session service (RFC 1002 §4.3.1).
 */

import { ByteWriter } from './byte-writer.js';

const SMB2_SESSION_SETUP = 0x0001;
const SMB2_FLAGS_SERVER_TO_REDIR = 0x00000001;
/** STATUS_MORE_PROCESSING_REQUIRED: the CHALLENGE leg of NTLM. */
export const STATUS_MORE_PROCESSING_REQUIRED = 0xc0000016;
const SMB1_COM_NEGOTIATE = 0x72;
const SMB1_COM_SESSION_SETUP_ANDX = 0x73;
/** FLAGS2: long names, EAs, security signatures, extended security, NT status, Unicode. */
const SMB1_FLAGS2 = 0x0001 | 0x0002 | 0x0004 | 0x0800 | 0x4000 | 0x8000;
/** What a Windows XP SP3 client offers (MS-CIFS §1.7 dialect strings). */
export const XP_SMB1_DIALECTS = ['PC NETWORK PROGRAM 1.0', 'LANMAN1.0', 'Windows for Workgroups 3.1a', 'LM1.2X002', 'LANMAN2.1', 'NT LM 0.12'];

function nbssStart(w: ByteWriter): void {
  w.u32(0);
}

function nbssFinish(w: ByteWriter): Uint8Array {
  w.setU32(0, w.length - 4);
  return w.toBytes();
}

/** MS-SMB2 §2.2.1.2 sync header, 64 bytes. */
function smb2Header(w: ByteWriter, command: number, response: boolean, status: number, messageId: number, sessionId: number): void {
  w.u8(0xfe).ascii('SMB').u16le(64).u16le(1); // ProtocolId, StructureSize, CreditCharge
  w.u32le(status).u16le(command).u16le(response ? 1 : 31);
  w.u32le(response ? SMB2_FLAGS_SERVER_TO_REDIR : 0).u32le(0);
  w.u32le(messageId).u32le(0);
  w.u32le(0xfeff).u32le(0);
  w.u32le(sessionId).u32le(0);
  w.fill(0, 16);
}

/** SESSION_SETUP request: the client's security blob (NTLMSSP NEGOTIATE or AUTHENTICATE). */
export function smb2SessionSetupRequest(blob: Uint8Array, messageId: number, sessionId = 0): Uint8Array {
  const w = new ByteWriter();
  nbssStart(w);
  smb2Header(w, SMB2_SESSION_SETUP, false, 0, messageId, sessionId);
  w.u16le(25).u8(0).u8(0x01).u32le(0x00000001).u32le(0); // StructureSize, Flags, SecurityMode, Capabilities (DFS), Channel
  w.u16le(64 + 24).u16le(blob.length).u32le(0).u32le(0); // SecurityBufferOffset, Length, PreviousSessionId
  w.bytes(blob);
  return nbssFinish(w);
}

/** SESSION_SETUP response: the server's blob (NTLMSSP CHALLENGE with MORE_PROCESSING, or empty with status 0). */
export function smb2SessionSetupResponse(blob: Uint8Array, status: number, messageId: number, sessionId: number): Uint8Array {
  const w = new ByteWriter();
  nbssStart(w);
  smb2Header(w, SMB2_SESSION_SETUP, true, status, messageId, sessionId);
  w.u16le(9).u16le(0).u16le(64 + 8).u16le(blob.length); // StructureSize, SessionFlags, SecurityBufferOffset, Length
  w.bytes(blob);
  return nbssFinish(w);
}

/** MS-CIFS §2.2.3.1 header, 32 bytes. */
function smb1Header(w: ByteWriter, command: number, reply: boolean, uid: number, mid: number): void {
  w.u8(0xff).ascii('SMB').u8(command).u32le(0);
  w.u8(reply ? 0x98 : 0x18).u16le(SMB1_FLAGS2); // Flags: case-insensitive, canonicalised paths (+ reply)
  w.u16le(0).fill(0, 8).u16le(0); // PIDHigh, SecurityFeatures, Reserved
  w.u16le(0).u16le(0xfeff).u16le(uid).u16le(mid); // TID, PIDLow, UID, MID
}

/** SMB1 NEGOTIATE request offering `dialects`. */
export function smb1NegotiateRequest(dialects: readonly string[], mid = 0): Uint8Array {
  const body = new ByteWriter();
  for (const d of dialects) body.u8(0x02).ascii(d).u8(0);
  const w = new ByteWriter();
  nbssStart(w);
  smb1Header(w, SMB1_COM_NEGOTIATE, false, 0, mid);
  w.u8(0).u16le(body.length).bytes(body.toBytes());
  return nbssFinish(w);
}

export interface Smb1SessionSetupSpec {
  /** NTLMSSP message (raw or in SPNEGO). */
  blob: Uint8Array;
  /** e.g. `Windows 2002 Service Pack 3 2600` (what XP puts in NativeOS). */
  nativeOs: string;
  /** e.g. `Windows 2002 5.1`. */
  nativeLanMan: string;
  uid?: number;
  mid?: number;
}

/** SMB1 SESSION_SETUP_ANDX request, extended-security form (WordCount 12) with Unicode NativeOS / NativeLanMan. */
export function smb1SessionSetupRequest(spec: Smb1SessionSetupSpec): Uint8Array {
  const headerToBytes = 32 + 1 + 24 + 2;
  const body = new ByteWriter();
  body.bytes(spec.blob);
  if ((headerToBytes + body.length) % 2 === 1) body.u8(0); // Unicode strings align to 2 from the SMB header
  for (const s of [spec.nativeOs, spec.nativeLanMan]) {
    for (let i = 0; i < s.length; i++) body.u16le(s.charCodeAt(i));
    body.u16le(0);
  }
  const w = new ByteWriter();
  nbssStart(w);
  smb1Header(w, SMB1_COM_SESSION_SETUP_ANDX, false, spec.uid ?? 0, spec.mid ?? 1);
  w.u8(12).u8(0xff).u8(0).u16le(0); // WordCount, AndXCommand none, reserved, AndXOffset
  w.u16le(4356).u16le(50).u16le(0).u32le(0); // MaxBufferSize, MaxMpxCount, VcNumber, SessionKey
  w.u16le(spec.blob.length).u32le(0).u32le(0x8000e3fc); // SecurityBlobLength, Reserved, Capabilities (XP's, ext. security)
  w.u16le(body.length).bytes(body.toBytes());
  return nbssFinish(w);
}
