/** Turns parsed hellos into records: versions named, text cleaned, fingerprints attached. */
import { ja3, ja3s, ja4, offeredVersion } from './fingerprints.js';
import type { ClientHelloInfo, ServerHelloInfo } from './parse-hello.js';
import { cleanTextUntrimmed } from '../common/text.js';
import { isGrease, versionName } from './tls-names.js';
import type { ClientHelloRecord, ServerHelloRecord } from './types.js';

export function clientHelloRecord(h: ClientHelloInfo): ClientHelloRecord {
  const j3 = ja3(h);
  const j4 = ja4(h);
  return {
    kind: 'client-hello',
    version: versionName(offeredVersion(h)),
    legacyVersion: versionName(h.legacyVersion),
    supportedVersions: h.supportedVersions === null ? null : h.supportedVersions.filter((v) => !isGrease(v)).map(versionName),
    sni: h.sni === null ? null : cleanTextUntrimmed(h.sni),
    cipherSuites: h.cipherSuites,
    extensions: h.extensions,
    alpn: h.alpn.map((a) => cleanTextUntrimmed(a)),
    ja3: j3.ja3,
    ja3Hash: j3.ja3Hash,
    ja4: j4.ja4,
    ja4r: j4.ja4r,
  };
}

export function serverHelloRecord(h: ServerHelloInfo): ServerHelloRecord {
  const fp = ja3s(h);
  const rec: ServerHelloRecord = {
    kind: 'server-hello',
    version: versionName(h.selectedVersion ?? h.legacyVersion),
    legacyVersion: versionName(h.legacyVersion),
    cipher: h.cipher,
    extensions: h.extensions,
    alpn: h.alpn === null ? null : cleanTextUntrimmed(h.alpn),
    ja3s: fp.ja3s,
    ja3sHash: fp.ja3sHash,
    certSubject: null,
    certIssuer: null,
    certSerial: null,
    certNotBefore: null,
    certNotAfter: null,
  };
  if (h.helloRetryRequest) rec.helloRetryRequest = true;
  return rec;
}
