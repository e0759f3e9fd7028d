/**
 * SMB2/3 messages (MS-SMB2 §2.2.1 header, §2.2.3/§2.2.4 NEGOTIATE, §2.2.5/§2.2.6 SESSION_SETUP): offered and chosen
 * dialects, and the NTLMSSP token inside the session setup security buffer. Compounded messages are followed.
 */
import { ByteCursor } from '../common/byte-cursor.js';
import { findNtlmssp } from '../ntlmssp/parse-ntlmssp.js';
import { ntlmsspFields } from '../ntlmssp/ntlmssp-record.js';
import type { SmbFlowState, SmbRecord, SmbVersion } from './types.js';

export const SMB2_HEADER_LEN = 64;
const SMB2_NEGOTIATE = 0x0000;
const SMB2_SESSION_SETUP = 0x0001;
const SMB2_FLAGS_SERVER_TO_REDIR = 0x00000001;
/** The wildcard revision a server answers an SMB1 multi-protocol negotiate with (MS-SMB2 §2.2.4). */
const SMB2_WILDCARD = 0x02ff;
/** Real compounds chain a handful of requests. */
const MAX_COMPOUND = 16;
/** Clients offer five dialects today. */
const MAX_DIALECTS = 32;

/** `0x0311` -> `3.1.1`, `0x0210` -> `2.1`, `0x02ff` -> `2.???` (Wireshark's and the spec's spelling). */
export function smb2DialectName(rev: number): string {
  if (rev === SMB2_WILDCARD) return '2.???';
  const minor = (rev >> 4) & 0xf;
  const sub = rev & 0xf;
  return `${rev >> 8}.${minor}${sub !== 0 ? `.${sub}` : ''}`;
}

function versionOf(rev: number): 2 | 3 {
  return rev >= 0x0300 && rev !== SMB2_WILDCARD ? 3 : 2;
}

/** Parses the SMB2 message(s) in `msg` (starting at 0xFE 'SMB'); records go to `out`. Throws OutOfBounds on truncation. */
export function parseSmb2(msg: Uint8Array, state: SmbFlowState, out: SmbRecord[]): void {
  let at = 0;
  for (let n = 0; n < MAX_COMPOUND && at + SMB2_HEADER_LEN <= msg.length; n++) {
    const h = new ByteCursor(msg, at);
    h.skip(12);
    const command = h.u16(true);
    h.skip(2); // credits
    const flags = h.u32(true);
    const next = h.u32(true);
    const end = next >= SMB2_HEADER_LEN && at + next <= msg.length ? at + next : msg.length;
    const one = msg.subarray(at, end);
    const response = (flags & SMB2_FLAGS_SERVER_TO_REDIR) !== 0;
    if (command === SMB2_NEGOTIATE) negotiate(one, response, state, out);
    else if (command === SMB2_SESSION_SETUP) sessionSetup(one, response, state.smb2Version, out);
    // NextCommand is 8-aligned and non-zero only when another message follows.
    if (next < SMB2_HEADER_LEN || next % 8 !== 0 || at + next + SMB2_HEADER_LEN > msg.length) return;
    if (msg[at + next] !== 0xfe) return;
    at += next;
  }
}

function negotiate(msg: Uint8Array, response: boolean, state: SmbFlowState, out: SmbRecord[]): void {
  const c = new ByteCursor(msg, SMB2_HEADER_LEN);
  if (!response) {
    c.skip(2); // StructureSize 36
    const count = Math.min(c.u16(true), MAX_DIALECTS);
    c.skip(32); // SecurityMode, Reserved, Capabilities, ClientGuid, ClientStartTime / negotiate context fields
    const dialects: string[] = [];
    let best: SmbVersion = 2;
    for (let i = 0; i < count && c.remaining >= 2; i++) {
      const rev = c.u16(true);
      dialects.push(smb2DialectName(rev));
      if (versionOf(rev) === 3) best = 3;
    }
    out.push({ kind: 'negotiate', smbVersion: best, dialects });
    return;
  }
  c.skip(4); // StructureSize 65, SecurityMode
  const rev = c.u16(true);
  state.smb2Version = versionOf(rev);
  out.push({ kind: 'negotiate', smbVersion: state.smb2Version, dialect: smb2DialectName(rev) });
}

function sessionSetup(msg: Uint8Array, response: boolean, version: 2 | 3, out: SmbRecord[]): void {
  const c = new ByteCursor(msg, SMB2_HEADER_LEN);
  // Request: StructureSize, Flags, SecurityMode, Capabilities, Channel; response: StructureSize, SessionFlags.
  c.skip(response ? 4 : 12);
  const offset = c.u16(true); // from the start of the SMB2 header
  const length = c.u16(true);
  if (length === 0 || offset < SMB2_HEADER_LEN || offset >= msg.length) return;
  const blob = msg.subarray(offset, Math.min(msg.length, offset + length));
  const n = findNtlmssp(blob);
  if (n !== null) out.push({ kind: 'ntlmssp', smbVersion: version, ...ntlmsspFields(n) });
}
