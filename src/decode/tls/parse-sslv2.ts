/** The SSL 2.0-format CLIENT-HELLO (draft-hickman SSL 2.0 §"Client Only Protocol Messages", RFC 5246 Appendix E.2). */
import { ByteCursor } from '../common/byte-cursor.js';
import { versionName } from './tls-names.js';
import type { ClientHelloRecord } from './types.js';

/** SSLv2 record header with the two-byte length form (high bit set), message type 1 = CLIENT-HELLO. */
export function looksLikeSslv2Hello(b: Uint8Array): boolean {
  return b.length >= 3 && ((b[0] ?? 0) & 0x80) !== 0 && b[2] === 1;
}

/** Parses a whole SSLv2 CLIENT-HELLO record. Throws OutOfBounds on short bytes. */
export function parseSslv2Hello(pdu: Uint8Array): ClientHelloRecord {
  const c = new ByteCursor(pdu);
  const len = c.u16() & 0x7fff;
  const body = c.sub(len);
  body.skip(1); // msg-type CLIENT-HELLO
  const version = body.u16();
  const specLen = body.u16();
  body.skip(4); // session-id and challenge lengths
  const specs = body.sub(specLen);
  const cipherSuites: number[] = [];
  // Each CIPHER-SPEC is 3 bytes, kept as a 24-bit number; 0x00xxxx is TLS suite xxxx (RFC 5246 E.2).
  while (specs.remaining >= 3 && cipherSuites.length < 1024) {
    const hi = specs.u8();
    const lo = specs.u16();
    cipherSuites.push(hi * 65536 + lo);
  }
  const name = versionName(version);
  return {
    kind: 'client-hello',
    version: name,
    legacyVersion: name,
    supportedVersions: null,
    sni: null,
    cipherSuites,
    extensions: [],
    alpn: [],
    ja3: null,
    ja3Hash: null,
    ja4: null,
    ja4r: null,
    sslv2Hello: true,
  };
}
