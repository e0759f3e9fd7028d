/** TLS decoder per-flow state (one per direction) and the record shapes it emits (docs/architecture.md, Records: tls). */
import type { FieldValue, RecordBody } from '../types.js';

/** Handshake bytes kept per direction while a message spans records; bigger messages are read partially. */
export const HANDSHAKE_BUFFER = 64 * 1024;

export interface TlsDirectionState {
  /** Reassembly buffer for handshake messages (RFC 8446 §5.1: messages may span records). */
  hs: Uint8Array;
  hsLen: number;
  /** Bytes of an oversized handshake message still to drop. */
  discard: number;
  /** After ChangeCipherSpec / application data nothing more is readable: skip the rest. */
  done: boolean;
  /** Records framed so far (an SSLv2 hello can only be the first). */
  records: number;
  /** A ServerHello held back until the Certificate (or the end of the server's flight) is seen. */
  pendingServerHello: ServerHelloRecord | null;
}

export interface TlsState {
  out: TlsDirectionState;
  in: TlsDirectionState;
}

export function createTlsState(): TlsState {
  const dir = (): TlsDirectionState => ({ hs: new Uint8Array(0), hsLen: 0, discard: 0, done: false, records: 0, pendingServerHello: null });
  return { out: dir(), in: dir() };
}

export interface ClientHelloRecord extends RecordBody {
  kind: 'client-hello';
  version: string;
  legacyVersion: string;
  supportedVersions: string[] | null;
  sni: string | null;
  cipherSuites: number[];
  extensions: number[];
  alpn: string[];
  ja3: string | null;
  ja3Hash: string | null;
  ja4: string | null;
  ja4r: string | null;
  sslv2Hello?: boolean;
}

export interface ServerHelloRecord extends RecordBody {
  kind: 'server-hello';
  version: string;
  legacyVersion: string;
  cipher: number;
  extensions: number[];
  alpn: string | null;
  ja3s: string;
  ja3sHash: string;
  certSubject: string | null;
  certIssuer: string | null;
  certSerial: string | null;
  certNotBefore: string | null;
  certNotAfter: string | null;
  [field: string]: FieldValue | undefined;
}

export type TlsRecord = ClientHelloRecord | ServerHelloRecord;
