/**
 * NTLMSSP messages ([MS-NLMP] §2.2.1.1 NEGOTIATE, §2.2.1.2 CHALLENGE, §2.2.1.3 AUTHENTICATE, §2.2.2.1 AV_PAIR,
 * §2.2.2.10 VERSION). Keeps names and the OS version only: the LM/NT challenge responses, the server challenge,
 * the MIC and the session key are never read into a result.
 */
import { indexOfBytes } from '../common/byte-cursor.js';
import { oemText, utf16leText } from '../common/text.js';

export interface NtlmsspInfo {
  messageType: 1 | 2 | 3;
  /** From the VERSION structure: `major.minor.build`, e.g. `10.0.19041`. */
  osVersion?: string;
  domain?: string;
  user?: string;
  host?: string;
  netbiosDomain?: string;
  netbiosComputer?: string;
  dnsDomain?: string;
  dnsComputer?: string;
  dnsTree?: string;
}

/** "NTLMSSP\0" ([MS-NLMP] §2.2.1.1 Signature). */
export const NTLMSSP_SIGNATURE = new Uint8Array([0x4e, 0x54, 0x4c, 0x4d, 0x53, 0x53, 0x50, 0x00]);

// NegotiateFlags bits ([MS-NLMP] §2.2.2.5).
const NEGOTIATE_UNICODE = 0x00000001;
const NEGOTIATE_VERSION = 0x02000000;

// MsvAvId values ([MS-NLMP] §2.2.2.1).
const AV_EOL = 0;
const AV_NB_COMPUTER = 1;
const AV_NB_DOMAIN = 2;
const AV_DNS_COMPUTER = 3;
const AV_DNS_DOMAIN = 4;
const AV_DNS_TREE = 5;
/** A real TargetInfo holds about ten pairs; more is garbage. */
const MAX_AV_PAIRS = 32;
/** How far findNtlmssp looks into a security blob for the signature. */
const MAX_SEARCH = 4096;

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16) | ((b[at + 3] ?? 0) << 24)) >>> 0;
}

/** A Len/MaxLen/Offset field triple; null when it is empty or points outside the message. */
function field(b: Uint8Array, at: number): Uint8Array | null {
  if (at + 8 > b.length) return null;
  const len = u16(b, at);
  const off = u32(b, at + 4);
  if (len === 0 || off > b.length || len > b.length - off) return null;
  return b.subarray(off, off + len);
}

/** Offset of a non-empty field's payload (for the "is there a VERSION?" test), or Infinity. */
function fieldOffset(b: Uint8Array, at: number): number {
  if (at + 8 > b.length || u16(b, at) === 0) return Infinity;
  return u32(b, at + 4);
}

/**
 * VERSION sits at `at` when the flag says so and no payload starts before its end: pre-Vista peers set the
 * flag bit for other reasons on some stacks, and then put payload right at `at`.
 */
function version(b: Uint8Array, at: number, flags: number, payloadStart: number): string | undefined {
  if ((flags & NEGOTIATE_VERSION) === 0 || at + 8 > b.length || payloadStart < at + 8) return undefined;
  const major = b[at] ?? 0;
  const minor = b[at + 1] ?? 0;
  if (major === 0) return undefined;
  return `${major}.${minor}.${u16(b, at + 2)}`;
}

function text(bytes: Uint8Array | null, unicode: boolean): string | undefined {
  if (bytes === null) return undefined;
  const s = unicode ? utf16leText(bytes) : oemText(bytes);
  return s === '' ? undefined : s;
}

function parseTargetInfo(info: NtlmsspInfo, ti: Uint8Array): void {
  let at = 0;
  for (let n = 0; n < MAX_AV_PAIRS && at + 4 <= ti.length; n++) {
    const id = u16(ti, at);
    const len = u16(ti, at + 2);
    if (id === AV_EOL || at + 4 + len > ti.length) return;
    const v = ti.subarray(at + 4, at + 4 + len);
    at += 4 + len;
    const s = utf16leText(v);
    if (s === '') continue;
    if (id === AV_NB_COMPUTER) info.netbiosComputer = s;
    else if (id === AV_NB_DOMAIN) info.netbiosDomain = s;
    else if (id === AV_DNS_COMPUTER) info.dnsComputer = s;
    else if (id === AV_DNS_DOMAIN) info.dnsDomain = s;
    else if (id === AV_DNS_TREE) info.dnsTree = s;
  }
}

function setIf(info: NtlmsspInfo, key: 'domain' | 'user' | 'host' | 'osVersion', v: string | undefined): void {
  if (v !== undefined) info[key] = v;
}

/** Parses one NTLMSSP message that starts at bytes[0]; null when it is not one. Never throws. */
export function parseNtlmssp(bytes: Uint8Array): NtlmsspInfo | null {
  if (bytes.length < 12 || indexOfBytes(bytes, NTLMSSP_SIGNATURE, 0, 8) !== 0) return null;
  const type = u32(bytes, 8);
  if (type === 1) {
    if (bytes.length < 16) return null;
    const flags = u32(bytes, 12);
    const info: NtlmsspInfo = { messageType: 1 };
    // Negotiate names are always OEM ([MS-NLMP] §2.2.1.1).
    const start = Math.min(fieldOffset(bytes, 16), fieldOffset(bytes, 24));
    setIf(info, 'osVersion', version(bytes, 32, flags, start));
    setIf(info, 'domain', text(field(bytes, 16), false));
    setIf(info, 'host', text(field(bytes, 24), false));
    return info;
  }
  if (type === 2) {
    if (bytes.length < 24) return null;
    const flags = u32(bytes, 20);
    const info: NtlmsspInfo = { messageType: 2 };
    const start = Math.min(fieldOffset(bytes, 12), fieldOffset(bytes, 40));
    setIf(info, 'osVersion', version(bytes, 48, flags, start));
    setIf(info, 'domain', text(field(bytes, 12), (flags & NEGOTIATE_UNICODE) !== 0));
    const ti = bytes.length >= 48 ? field(bytes, 40) : null;
    if (ti !== null) parseTargetInfo(info, ti);
    return info;
  }
  if (type === 3) {
    // Pre-NTLMv2 peers may end the header at 52 (no session key, no flags): then assume Unicode, as Windows does.
    const flags = bytes.length >= 64 ? u32(bytes, 60) : NEGOTIATE_UNICODE;
    const unicode = (flags & NEGOTIATE_UNICODE) !== 0;
    const info: NtlmsspInfo = { messageType: 3 };
    let start = Infinity;
    for (const at of [12, 20, 28, 36, 44, 52]) start = Math.min(start, fieldOffset(bytes, at));
    setIf(info, 'osVersion', version(bytes, 64, flags, start));
    setIf(info, 'domain', text(field(bytes, 28), unicode));
    setIf(info, 'user', text(field(bytes, 36), unicode));
    setIf(info, 'host', text(field(bytes, 44), unicode));
    return info;
  }
  return null;
}

/**
 * Finds "NTLMSSP\0" in a GSS-API / SPNEGO blob (or any security buffer) within its first 4 KiB and parses
 * the message there. Offsets inside an NTLMSSP message are relative to its signature.
 */
export function findNtlmssp(bytes: Uint8Array): NtlmsspInfo | null {
  const at = indexOfBytes(bytes, NTLMSSP_SIGNATURE, 0, Math.min(bytes.length, MAX_SEARCH + NTLMSSP_SIGNATURE.length));
  return at < 0 ? null : parseNtlmssp(bytes.subarray(at));
}
