/**
 * JA3 / JA3S (salesforce/ja3 README: decimal fields, GREASE removed) and JA4 (FoxIO JA4.md, BSD-3: version,
 * SNI, counts, ALPN, sorted-cipher and sorted-extension sha256 truncated to 12 hex chars).
 */
import { createHash } from 'node:crypto';
import type { ClientHelloInfo, ServerHelloInfo } from './parse-hello.js';
import { hex4 } from '../common/text.js';
import { ExtensionType, isGrease } from './tls-names.js';

const md5 = (s: string): string => createHash('md5').update(s).digest('hex');
const sha12 = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 12);
const noGrease = (list: readonly number[]): number[] => list.filter((v) => !isGrease(v));

export interface Ja3 {
  ja3: string;
  ja3Hash: string;
}

/** JA3 = SSLVersion,Ciphers,Extensions,EllipticCurves,EcPointFormats with GREASE dropped. */
export function ja3(h: ClientHelloInfo): Ja3 {
  const s = [
    String(h.legacyVersion),
    noGrease(h.cipherSuites).join('-'),
    noGrease(h.extensions).join('-'),
    noGrease(h.groups).join('-'),
    h.pointFormats.join('-'),
  ].join(',');
  return { ja3: s, ja3Hash: md5(s) };
}

/** JA3S = SSLVersion,Cipher,Extensions of the ServerHello. */
export function ja3s(h: ServerHelloInfo): { ja3s: string; ja3sHash: string } {
  const s = `${h.legacyVersion},${h.cipher},${noGrease(h.extensions).join('-')}`;
  return { ja3s: s, ja3sHash: md5(s) };
}

/** JA4.md "TLS and DTLS Version": highest non-GREASE supported_versions entry, else the legacy version. */
export function offeredVersion(h: ClientHelloInfo): number {
  const sv = h.supportedVersions === null ? [] : noGrease(h.supportedVersions);
  return sv.length > 0 ? Math.max(...sv) : h.legacyVersion;
}

function ja4Version(v: number): string {
  switch (v) {
    case 0x0304:
      return '13';
    case 0x0303:
      return '12';
    case 0x0302:
      return '11';
    case 0x0301:
      return '10';
    case 0x0300:
      return 's3';
    case 0x0002:
      return 's2';
    default:
      return '00';
  }
}

const isAlnum = (b: number): boolean => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
const HEX = '0123456789abcdef';

/** JA4.md "ALPN Extension Value": first and last character, or hex nibbles when either is not alphanumeric. */
function ja4Alpn(first: Uint8Array | null): string {
  if (first === null || first.length === 0) return '00';
  const a = first[0] ?? 0;
  const z = first[first.length - 1] ?? 0;
  if (!isAlnum(a) || !isAlnum(z)) return (HEX[a >> 4] ?? '0') + (HEX[z & 0xf] ?? '0');
  return String.fromCharCode(a, z);
}

const two = (n: number): string => String(Math.min(n, 99)).padStart(2, '0');

export interface Ja4 {
  ja4: string;
  /** JA4_r: the same with the sorted lists in clear instead of hashed. */
  ja4r: string;
}

export function ja4(h: ClientHelloInfo): Ja4 {
  const ciphers = noGrease(h.cipherSuites);
  const exts = noGrease(h.extensions);
  const a = `t${ja4Version(offeredVersion(h))}${exts.includes(ExtensionType.ServerName) ? 'd' : 'i'}${two(ciphers.length)}${two(exts.length)}${ja4Alpn(h.firstAlpn)}`;
  const cipherList = ciphers.map(hex4).sort().join(',');
  const extList = exts
    .filter((e) => e !== ExtensionType.ServerName && e !== ExtensionType.Alpn)
    .map(hex4)
    .sort()
    .join(',');
  const sigs = noGrease(h.signatureAlgorithms).map(hex4).join(',');
  const c = sigs.length > 0 ? `${extList}_${sigs}` : extList;
  const b = cipherList.length > 0 ? sha12(cipherList) : '000000000000';
  const cHash = extList.length > 0 ? sha12(c) : '000000000000';
  return { ja4: `${a}_${b}_${cHash}`, ja4r: `${a}_${cipherList}_${c}` };
}
