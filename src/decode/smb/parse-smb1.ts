/**
 * SMB1 / CIFS messages (MS-CIFS §2.2.3.1 header; §2.2.4.52 NEGOTIATE, §2.2.4.53 SESSION_SETUP_ANDX; MS-SMB §2.2.4.5,
 * §2.2.4.6 extended security): dialects, native OS / LAN manager, account names and the NTLMSSP blob.
 */
import { ByteCursor } from '../common/byte-cursor.js';
import { findNtlmssp } from '../ntlmssp/parse-ntlmssp.js';
import { ntlmsspFields } from '../ntlmssp/ntlmssp-record.js';
import { oemText } from '../common/text.js';
import { readSmbString } from './smb-strings.js';
import type { SmbFlowState, SmbRecord, SmbSessionSetupRecord } from './types.js';

export const SMB1_HEADER_LEN = 32;
const SMB_COM_NEGOTIATE = 0x72;
const SMB_COM_SESSION_SETUP_ANDX = 0x73;
const FLAGS_REPLY = 0x80;
const FLAGS2_EXTENDED_SECURITY = 0x0800;
const FLAGS2_UNICODE = 0x8000;
/** Clients offer about a dozen dialects; cap what a record keeps. */
const MAX_DIALECTS = 32;
/** LM and NTLM responses are 24 bytes; any other non-empty password field is the password itself. */
const LM_RESPONSE_LEN = 24;

interface Smb1Header {
  command: number;
  reply: boolean;
  unicode: boolean;
  extendedSecurity: boolean;
}

/** Parses the SMB1 message `msg` (starting at 0xFF 'SMB'); records go to `out`. Throws OutOfBounds on truncation. */
export function parseSmb1(msg: Uint8Array, state: SmbFlowState, out: SmbRecord[]): void {
  const c = new ByteCursor(msg);
  c.skip(4);
  const command = c.u8();
  c.skip(4); // status
  const flags = c.u8();
  const flags2 = c.u16(true);
  c.skip(SMB1_HEADER_LEN - 12);
  const h: Smb1Header = {
    command,
    reply: (flags & FLAGS_REPLY) !== 0,
    unicode: (flags2 & FLAGS2_UNICODE) !== 0,
    extendedSecurity: (flags2 & FLAGS2_EXTENDED_SECURITY) !== 0,
  };
  if (command !== SMB_COM_NEGOTIATE && command !== SMB_COM_SESSION_SETUP_ANDX) return;
  const wordCount = c.u8();
  const words = c.sub(wordCount * 2);
  const byteCount = c.u16(true);
  const bytesStart = c.pos;
  const bytesEnd = Math.min(msg.length, bytesStart + byteCount);
  if (command === SMB_COM_NEGOTIATE) {
    if (h.reply) negotiateResponse(msg, h, wordCount, words, bytesStart, bytesEnd, state, out);
    else negotiateRequest(msg, bytesStart, bytesEnd, state, out);
  } else if (h.reply) sessionSetupResponse(msg, h, wordCount, words, bytesStart, bytesEnd, out);
  else sessionSetupRequest(msg, h, wordCount, words, bytesStart, bytesEnd, out);
}

function negotiateRequest(msg: Uint8Array, at: number, end: number, state: SmbFlowState, out: SmbRecord[]): void {
  const dialects: string[] = [];
  let i = at;
  // Each dialect is BufferFormat 0x02 then an OEM NUL-terminated string (MS-CIFS §2.2.4.52.1).
  while (i < end && msg[i] === 0x02 && dialects.length < MAX_DIALECTS) {
    const s = readSmbString(msg, i + 1, end, false);
    dialects.push(s.text);
    if (s.next <= i) break;
    i = s.next;
  }
  state.smb1Dialects = dialects;
  const offersSmb2 = dialects.some((d) => d.startsWith('SMB 2'));
  out.push({ kind: 'negotiate', smbVersion: offersSmb2 ? 2 : 1, dialects });
}

function negotiateResponse(
  msg: Uint8Array,
  h: Smb1Header,
  wordCount: number,
  words: ByteCursor,
  at: number,
  end: number,
  state: SmbFlowState,
  out: SmbRecord[],
): void {
  if (wordCount < 1) return;
  const index = words.u16(true);
  const rec: SmbRecord = { kind: 'negotiate', smbVersion: 1 };
  const name = index === 0xffff ? undefined : state.smb1Dialects[index];
  if (name !== undefined) rec.dialect = name;
  if (wordCount === 17 && !h.extendedSecurity) {
    // NT LM 0.12 without extended security: challenge, then DomainName and ServerName (MS-CIFS §2.2.4.52.2).
    words.skip(31);
    const challengeLen = words.u8();
    const domain = readSmbString(msg, at + challengeLen, end, h.unicode);
    const server = readSmbString(msg, domain.next, end, h.unicode);
    if (domain.text !== '') rec.primaryDomain = domain.text;
    if (server.text !== '') rec.serverName = server.text;
  } else if (wordCount === 13) {
    // LANMAN 2.x: EncryptionKey then an OEM PrimaryDomain whatever FLAGS2 says (MS-CIFS §2.2.4.52.2, LANMAN form).
    words.skip(20);
    const keyLen = words.u16(true);
    const domain = oemText(msg.subarray(Math.min(at + keyLen, end), end));
    if (domain !== '') rec.primaryDomain = domain;
  }
  out.push(rec);
}

function pushNtlmssp(blob: Uint8Array, out: SmbRecord[]): void {
  const n = findNtlmssp(blob);
  if (n !== null) out.push({ kind: 'ntlmssp', smbVersion: 1, ...ntlmsspFields(n) });
}

/** Reads the strings that follow, in order, into the session-setup record (blank ones left out). */
function strings(msg: Uint8Array, at: number, end: number, unicode: boolean, rec: SmbSessionSetupRecord, keys: readonly ('nativeOs' | 'nativeLanMan' | 'accountName' | 'primaryDomain')[]): void {
  let i = at;
  for (const k of keys) {
    if (i >= end) return;
    const s = readSmbString(msg, i, end, unicode);
    if (s.text !== '') rec[k] = s.text;
    i = s.next;
  }
}

function sessionSetupRequest(msg: Uint8Array, h: Smb1Header, wordCount: number, words: ByteCursor, at: number, end: number, out: SmbRecord[]): void {
  const rec: SmbSessionSetupRecord = { kind: 'session-setup', smbVersion: 1 };
  if (wordCount === 12) {
    // Extended security (MS-SMB §2.2.4.6.1): SecurityBlob, then NativeOS, NativeLanMan.
    words.skip(14);
    const blobLen = words.u16(true);
    pushNtlmssp(msg.subarray(at, Math.min(at + blobLen, end)), out);
    strings(msg, at + blobLen, end, h.unicode, rec, ['nativeOs', 'nativeLanMan']);
  } else if (wordCount === 13) {
    // NT LM 0.12 (MS-CIFS §2.2.4.53.1): OEM and Unicode passwords (skipped), AccountName, PrimaryDomain, NativeOS, NativeLanMan.
    words.skip(14);
    const oemLen = words.u16(true);
    const uniLen = words.u16(true);
    rec.cleartextPassword = oemLen > 0 && oemLen !== LM_RESPONSE_LEN && uniLen === 0;
    strings(msg, at + oemLen + uniLen, end, h.unicode, rec, ['accountName', 'primaryDomain', 'nativeOs', 'nativeLanMan']);
  } else if (wordCount === 10) {
    // LANMAN (MS-CIFS §2.2.4.53.1, pre-NT form): Password (skipped) then the same four strings.
    words.skip(14);
    const pwLen = words.u16(true);
    rec.cleartextPassword = pwLen > 0 && pwLen !== LM_RESPONSE_LEN;
    strings(msg, at + pwLen, end, h.unicode, rec, ['accountName', 'primaryDomain', 'nativeOs', 'nativeLanMan']);
  } else return;
  if (Object.keys(rec).length > 2) out.push(rec);
}

function sessionSetupResponse(msg: Uint8Array, h: Smb1Header, wordCount: number, words: ByteCursor, at: number, end: number, out: SmbRecord[]): void {
  const rec: SmbSessionSetupRecord = { kind: 'session-setup', smbVersion: 1 };
  if (wordCount === 4) {
    // Extended security (MS-SMB §2.2.4.6.2): SecurityBlob, NativeOS, NativeLanMan.
    words.skip(6);
    const blobLen = words.u16(true);
    pushNtlmssp(msg.subarray(at, Math.min(at + blobLen, end)), out);
    strings(msg, at + blobLen, end, h.unicode, rec, ['nativeOs', 'nativeLanMan', 'primaryDomain']);
  } else if (wordCount === 3) {
    strings(msg, at, end, h.unicode, rec, ['nativeOs', 'nativeLanMan', 'primaryDomain']);
  } else return;
  if (Object.keys(rec).length > 2) out.push(rec);
}
