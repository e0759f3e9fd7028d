/** ClientHello and ServerHello bodies (RFC 8446 §4.1.2-4.1.3, RFC 5246 §7.4.1) with the extensions we fingerprint. */
import { ByteCursor, latin1 } from '../common/byte-cursor.js';
import { ExtensionType } from './tls-names.js';

/** Lists longer than this are cut (a real hello has < 100 of each); fingerprints then cover the kept part. */
const MAX_LIST = 1024;

export interface ClientHelloInfo {
  legacyVersion: number;
  cipherSuites: number[];
  /** Extension types in wire order, GREASE included. */
  extensions: number[];
  sni: string | null;
  alpn: string[];
  /** The first ALPN value's bytes, for JA4's alphanumeric test. */
  firstAlpn: Uint8Array | null;
  supportedVersions: number[] | null;
  groups: number[];
  pointFormats: number[];
  signatureAlgorithms: number[];
  truncated: boolean;
}

export interface ServerHelloInfo {
  legacyVersion: number;
  cipher: number;
  extensions: number[];
  selectedVersion: number | null;
  alpn: string | null;
  /** RFC 8446 §4.1.3: a ServerHello whose random is this constant is a HelloRetryRequest. */
  helloRetryRequest: boolean;
}

const HRR_RANDOM = 'cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c';

function u16List(c: ByteCursor, byteLen: number, out: number[]): boolean {
  const end = c.pos + byteLen;
  let cut = false;
  while (c.pos + 2 <= end) {
    const v = c.u16();
    if (out.length < MAX_LIST) out.push(v);
    else cut = true;
  }
  c.pos = Math.min(end, c.end);
  return cut;
}

function alpnList(c: ByteCursor, into: string[]): Uint8Array | null {
  let first: Uint8Array | null = null;
  const list = c.sub(c.u16());
  while (list.remaining > 0 && into.length < 32) {
    const name = list.bytes(list.u8());
    first ??= name;
    into.push(latin1(name));
  }
  return first;
}

function serverName(c: ByteCursor): string | null {
  // RFC 6066 §3: ServerNameList; only host_name (0) is defined.
  const list = c.sub(c.u16());
  while (list.remaining > 0) {
    const type = list.u8();
    const name = list.bytes(list.u16());
    if (type === 0) return latin1(name.subarray(0, 1024));
  }
  return null;
}

/** Parses a ClientHello body (after the 4-byte handshake header). Throws OutOfBounds on short bytes. */
export function parseClientHello(body: Uint8Array): ClientHelloInfo {
  const c = new ByteCursor(body);
  const info: ClientHelloInfo = {
    legacyVersion: c.u16(),
    cipherSuites: [],
    extensions: [],
    sni: null,
    alpn: [],
    firstAlpn: null,
    supportedVersions: null,
    groups: [],
    pointFormats: [],
    signatureAlgorithms: [],
    truncated: false,
  };
  c.skip(32); // random
  c.skip(c.u8()); // legacy_session_id
  const suites = c.sub(c.u16());
  info.truncated = u16List(suites, suites.remaining, info.cipherSuites);
  c.skip(c.u8()); // legacy_compression_methods
  if (c.remaining < 2) return info; // RFC 5246 §7.4.1.2: extensions are optional before TLS 1.3
  const exts = c.sub(c.u16());
  while (exts.remaining >= 4) {
    const type = exts.u16();
    const data = exts.sub(exts.u16());
    if (info.extensions.length < MAX_LIST) info.extensions.push(type);
    else info.truncated = true;
    switch (type) {
      case ExtensionType.ServerName:
        if (data.remaining > 0) info.sni = serverName(data);
        break;
      case ExtensionType.Alpn:
        info.firstAlpn = alpnList(data, info.alpn);
        break;
      case ExtensionType.SupportedVersions:
        info.supportedVersions = [];
        u16List(data, data.u8(), info.supportedVersions);
        break;
      case ExtensionType.SupportedGroups:
        u16List(data, data.u16(), info.groups);
        break;
      case ExtensionType.EcPointFormats: {
        const n = data.u8();
        for (let i = 0; i < n; i++) info.pointFormats.push(data.u8());
        break;
      }
      case ExtensionType.SignatureAlgorithms:
        u16List(data, data.u16(), info.signatureAlgorithms);
        break;
      default:
        break;
    }
  }
  return info;
}

/** Parses a ServerHello body. Throws OutOfBounds on short bytes. */
export function parseServerHello(body: Uint8Array): ServerHelloInfo {
  const c = new ByteCursor(body);
  const info: ServerHelloInfo = { legacyVersion: c.u16(), cipher: 0, extensions: [], selectedVersion: null, alpn: null, helloRetryRequest: false };
  info.helloRetryRequest = Buffer.from(c.bytes(32)).toString('hex') === HRR_RANDOM;
  c.skip(c.u8());
  info.cipher = c.u16();
  c.skip(1); // legacy_compression_method
  if (c.remaining < 2) return info;
  const exts = c.sub(c.u16());
  while (exts.remaining >= 4) {
    const type = exts.u16();
    const data = exts.sub(exts.u16());
    if (info.extensions.length < MAX_LIST) info.extensions.push(type);
    if (type === ExtensionType.SupportedVersions && data.remaining >= 2) info.selectedVersion = data.u16();
    else if (type === ExtensionType.Alpn && data.remaining > 2) {
      const names: string[] = [];
      alpnList(data, names);
      info.alpn = names[0] ?? null;
    }
  }
  return info;
}
