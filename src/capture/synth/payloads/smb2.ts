/** SMB2 NEGOTIATE request/response (MS-SMB2 §2.2.1 header, §2.2.3, §2.2.4) over NetBIOS session service (RFC 1002 §4.3.1). */

import { ByteWriter } from './byte-writer.js';

/** MS-SMB2 §2.2.3 dialect revisions. */
export const SMB2_DIALECT_202 = 0x0202;
export const SMB2_DIALECT_210 = 0x0210;
export const SMB2_DIALECT_300 = 0x0300;
export const SMB2_DIALECT_302 = 0x0302;
const SMB2_NEGOTIATE = 0x0000;
const SMB2_FLAGS_SERVER_TO_REDIR = 0x00000001;
/** Seconds from 1601-01-01 (FILETIME epoch) to 1970-01-01. */
const FILETIME_UNIX_OFFSET_SEC = 11644473600n;

/** NEGOTIATE request without negotiate contexts (so no 3.1.1 in `dialects`). */
export function smb2NegotiateRequest(dialects: readonly number[], clientGuid: Uint8Array, messageId = 0): Uint8Array {
  const w = new ByteWriter();
  nbssStart(w);
  header(w, false, messageId);
  w.u16le(36).u16le(dialects.length).u16le(0x0001).u16le(0); // StructureSize, DialectCount, SecurityMode: signing enabled
  w.u32le(0x0000007f); // Capabilities: DFS, leasing, large MTU, multi-channel, persistent handles, dir leasing, encryption
  w.bytes(clientGuid).u32le(0).u32le(0); // ClientStartTime (8 bytes, 0 when no negotiate contexts)
  for (const d of dialects) w.u16le(d);
  return nbssFinish(w);
}

/** NEGOTIATE response choosing `dialect`, with an empty security buffer. */
export function smb2NegotiateResponse(dialect: number, serverGuid: Uint8Array, unixSec: number, bootUnixSec: number, messageId = 0): Uint8Array {
  const w = new ByteWriter();
  nbssStart(w);
  header(w, true, messageId);
  w.u16le(65).u16le(0x0001).u16le(dialect).u16le(0); // StructureSize, SecurityMode, DialectRevision, reserved
  w.bytes(serverGuid).u32le(0x00000007); // Capabilities: DFS, leasing, large MTU
  w.u32le(8 * 1024 * 1024).u32le(8 * 1024 * 1024).u32le(8 * 1024 * 1024); // MaxTransact/Read/WriteSize
  filetime(w, unixSec);
  filetime(w, bootUnixSec);
  w.u16le(0x80).u16le(0).u32le(0); // SecurityBufferOffset (header + fixed part), length 0, reserved
  return nbssFinish(w);
}

/** MS-SMB2 §2.2.1.2 sync header, 64 bytes. */
function header(w: ByteWriter, response: boolean, messageId: number): void {
  w.u8(0xfe).ascii('SMB').u16le(64).u16le(0);
  w.u32le(0); // Status (responses) / ChannelSequence + Reserved (requests)
  w.u16le(SMB2_NEGOTIATE).u16le(response ? 1 : 0);
  w.u32le(response ? SMB2_FLAGS_SERVER_TO_REDIR : 0).u32le(0); // Flags, NextCommand
  w.u32le(messageId).u32le(0); // MessageId (64-bit)
  w.u32le(0xfeff).u32le(0); // Reserved (process id), TreeId
  w.u32le(0).u32le(0); // SessionId
  w.fill(0, 16); // Signature
}

function filetime(w: ByteWriter, unixSec: number): void {
  const t = (BigInt(Math.floor(unixSec)) + FILETIME_UNIX_OFFSET_SEC) * 10_000_000n;
  w.u32le(Number(t & 0xffffffffn)).u32le(Number(t >> 32n));
}

/** RFC 1002 §4.3.1 SESSION MESSAGE: type 0, 3-byte length patched by nbssFinish. */
function nbssStart(w: ByteWriter): void {
  w.u32(0);
}

function nbssFinish(w: ByteWriter): Uint8Array {
  w.setU32(0, w.length - 4);
  return w.toBytes();
}
