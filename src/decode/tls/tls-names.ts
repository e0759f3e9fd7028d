/** TLS constants and names: content types (RFC 8446 §5.1), versions, GREASE (RFC 8701 §2). */
import { hex4 } from '../common/text.js';

export const ContentType = { ChangeCipherSpec: 20, Alert: 21, Handshake: 22, ApplicationData: 23, Heartbeat: 24 } as const;
export const HandshakeType = { ClientHello: 1, ServerHello: 2, Certificate: 11, ServerKeyExchange: 12, ServerHelloDone: 14 } as const;
export const ExtensionType = {
  ServerName: 0, // RFC 6066 §3
  SupportedGroups: 10, // RFC 8422 §5.1.1
  EcPointFormats: 11, // RFC 8422 §5.1.2
  SignatureAlgorithms: 13, // RFC 8446 §4.2.3
  Alpn: 16, // RFC 7301 §3.1
  SupportedVersions: 43, // RFC 8446 §4.2.1
} as const;

/** RFC 8446 §5.1: a record fragment is at most 2^14 bytes; ciphertext may add up to 2048. */
export const MAX_RECORD_LENGTH = 16384 + 2048;

/** RFC 8701 §2: GREASE values are 0x?a?a with both bytes equal. */
export function isGrease(v: number): boolean {
  return (v & 0x0f0f) === 0x0a0a && v >> 8 === (v & 0xff);
}

export function versionName(v: number): string {
  switch (v) {
    case 0x0002:
      return 'SSL 2.0';
    case 0x0300:
      return 'SSL 3.0';
    case 0x0301:
      return 'TLS 1.0';
    case 0x0302:
      return 'TLS 1.1';
    case 0x0303:
      return 'TLS 1.2';
    case 0x0304:
      return 'TLS 1.3';
    default:
      // draft-ietf-tls-tls13: 0x7f00 + draft number
      if (v >> 8 === 0x7f) return `TLS 1.3 draft ${v & 0xff}`;
      return `0x${hex4(v)}`;
  }
}
