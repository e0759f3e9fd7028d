/**
 * NTLMSSP messages ([MS-NLMP] §2.2.1.1 NEGOTIATE, §2.2.1.2 CHALLENGE, §2.2.1.3 AUTHENTICATE, §2.2.2.1 AV_PAIR,
 * §2.2.2.10 VERSION) carrying the OS version and names a passive observer reads. Challenge responses are filler
 * bytes: nothing here is a usable credential.
 */

import { ByteWriter } from './byte-writer.js';

// NegotiateFlags ([MS-NLMP] §2.2.2.5).
const NEGOTIATE_UNICODE = 0x00000001;
const REQUEST_TARGET = 0x00000004;
const NEGOTIATE_NTLM = 0x00000200;
const NEGOTIATE_ALWAYS_SIGN = 0x00008000;
const TARGET_TYPE_DOMAIN = 0x00010000;
const NEGOTIATE_EXTENDED_SESSIONSECURITY = 0x00080000;
const NEGOTIATE_TARGET_INFO = 0x00800000;
const NEGOTIATE_VERSION = 0x02000000;
const NEGOTIATE_128 = 0x20000000;
const NEGOTIATE_56 = 0x80000000;
const FLAGS = NEGOTIATE_UNICODE | REQUEST_TARGET | NEGOTIATE_NTLM | NEGOTIATE_ALWAYS_SIGN | NEGOTIATE_EXTENDED_SESSIONSECURITY | NEGOTIATE_VERSION | NEGOTIATE_128 | NEGOTIATE_56;
/** NTLMSSP_REVISION_W2K3 ([MS-NLMP] §2.2.2.10). */
const NTLM_REVISION = 15;

/** Windows version in the VERSION structure, e.g. `{ major: 6, minor: 1, build: 7601 }`. */
export interface WindowsVersion {
  major: number;
  minor: number;
  build: number;
}

/** Parses `5.1.2600` into a WindowsVersion; RangeError on anything else. */
export function windowsVersion(text: string): WindowsVersion {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (m === null) throw new RangeError(`ntlmssp: bad version ${text}`);
  return { major: Number(m[1]), minor: Number(m[2]), build: Number(m[3]) };
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i * 2] = c & 0xff;
    out[i * 2 + 1] = c >>> 8;
  }
  return out;
}

function signature(w: ByteWriter, type: number): void {
  w.ascii('NTLMSSP').u8(0).u32le(type);
}

function versionField(w: ByteWriter, v: WindowsVersion): void {
  w.u8(v.major).u8(v.minor).u16le(v.build).fill(0, 3).u8(NTLM_REVISION);
}

/** Writes Len/MaxLen/Offset for each payload (laid out in order from `start`), then returns the payload bytes. */
function fieldTriples(payloads: readonly Uint8Array[], start: number): { triples: ByteWriter; body: ByteWriter } {
  const triples = new ByteWriter();
  const body = new ByteWriter();
  for (const p of payloads) {
    triples.u16le(p.length).u16le(p.length).u32le(start + body.length);
    body.bytes(p);
  }
  return { triples, body };
}

/** NEGOTIATE (type 1) without domain or workstation names, as Windows sends it. */
export function ntlmNegotiate(version: WindowsVersion): Uint8Array {
  const w = new ByteWriter();
  signature(w, 1);
  w.u32le(FLAGS).u16le(0).u16le(0).u32le(0).u16le(0).u16le(0).u32le(0); // DomainNameFields, WorkstationFields empty
  versionField(w, version);
  return w.toBytes();
}

export interface ChallengeSpec {
  version: WindowsVersion;
  /** NetBIOS domain (also the TargetName). */
  netbiosDomain: string;
  netbiosComputer: string;
  dnsDomain: string;
  dnsComputer: string;
  serverChallenge: Uint8Array;
}

/** CHALLENGE (type 2) from a server: TargetName, TargetInfo AV pairs and VERSION (header 56 bytes). */
export function ntlmChallenge(spec: ChallengeSpec): Uint8Array {
  const av = new ByteWriter();
  const pair = (id: number, text: string): void => {
    const b = utf16le(text);
    av.u16le(id).u16le(b.length).bytes(b);
  };
  pair(2, spec.netbiosDomain);
  pair(1, spec.netbiosComputer);
  pair(4, spec.dnsDomain);
  pair(3, spec.dnsComputer);
  pair(5, spec.dnsDomain);
  av.u16le(0).u16le(0); // MsvAvEOL
  const target = utf16le(spec.netbiosDomain);
  const info = av.toBytes();
  const w = new ByteWriter();
  signature(w, 2);
  w.u16le(target.length).u16le(target.length).u32le(56);
  w.u32le(FLAGS | TARGET_TYPE_DOMAIN | NEGOTIATE_TARGET_INFO).bytes(spec.serverChallenge.subarray(0, 8)).fill(0, 8);
  w.u16le(info.length).u16le(info.length).u32le(56 + target.length);
  versionField(w, spec.version);
  return w.bytes(target).bytes(info).toBytes();
}

export interface AuthenticateSpec {
  version: WindowsVersion;
  domain: string;
  user: string;
  workstation: string;
  /** Vista and later add a 16-byte MIC after VERSION (header 88 bytes); XP and 2003 do not (header 72). */
  mic: boolean;
}

/** AUTHENTICATE (type 3) from a client; the LM/NT responses are zero-filled placeholders of NTLMv2 shape. */
export function ntlmAuthenticate(spec: AuthenticateSpec): Uint8Array {
  const header = spec.mic ? 88 : 72;
  const lm = new Uint8Array(24);
  const nt = new Uint8Array(48);
  const { triples, body } = fieldTriples([lm, nt, utf16le(spec.domain), utf16le(spec.user), utf16le(spec.workstation), new Uint8Array(16)], header);
  const t = triples.toBytes();
  const w = new ByteWriter();
  signature(w, 3);
  w.bytes(t.subarray(0, 48)); // Lm, Nt, Domain, User, Workstation, EncryptedRandomSessionKey
  w.u32le(FLAGS);
  versionField(w, spec.version);
  if (spec.mic) w.fill(0, 16);
  return w.bytes(body.toBytes()).toBytes();
}
