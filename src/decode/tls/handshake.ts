/** Handshake-layer reassembly (RFC 8446 §5.1: messages span and share records) and what each message yields. */
import type { DecodeIssue } from '../types.js';
import { clientHelloRecord, serverHelloRecord } from './hello-records.js';
import { firstCertificate, parseCertificateDer } from './parse-certificate.js';
import { parseClientHello, parseServerHello } from './parse-hello.js';
import { HandshakeType } from './tls-names.js';
import { HANDSHAKE_BUFFER, type TlsDirectionState, type TlsRecord } from './types.js';

export interface Emit {
  records: TlsRecord[];
  issues: DecodeIssue[];
}

/** Emit a held-back ServerHello (its flight ended without a Certificate, or the Certificate came). */
export function flushServerHello(dir: TlsDirectionState, out: Emit): void {
  if (dir.pendingServerHello !== null) out.records.push(dir.pendingServerHello);
  dir.pendingServerHello = null;
}

function problem(e: unknown, what: string, out: Emit): void {
  out.issues.push({ code: 'malformed-handshake', offset: 0, message: `${what}: ${e instanceof Error ? e.message : String(e)}` });
}

function message(dir: TlsDirectionState, type: number, body: Uint8Array, out: Emit): void {
  if (type === HandshakeType.ClientHello) {
    try {
      out.records.push(clientHelloRecord(parseClientHello(body)));
    } catch (e) {
      problem(e, 'ClientHello', out);
    }
    return;
  }
  if (type === HandshakeType.ServerHello) {
    flushServerHello(dir, out);
    try {
      const info = parseServerHello(body);
      const rec = serverHelloRecord(info);
      // TLS 1.3 encrypts the Certificate, so there is nothing to wait for.
      if (info.selectedVersion === 0x0304 || info.helloRetryRequest) out.records.push(rec);
      else dir.pendingServerHello = rec;
    } catch (e) {
      problem(e, 'ServerHello', out);
    }
    return;
  }
  const pending = dir.pendingServerHello;
  if (pending === null) return;
  if (type === HandshakeType.Certificate) {
    try {
      const cert = parseCertificateDer(firstCertificate(body));
      pending.certSubject = cert.certSubject;
      pending.certIssuer = cert.certIssuer;
      pending.certSerial = cert.certSerial;
      pending.certNotBefore = cert.certNotBefore;
      pending.certNotAfter = cert.certNotAfter;
    } catch (e) {
      problem(e, 'Certificate', out);
    }
  }
  flushServerHello(dir, out);
}

function grow(dir: TlsDirectionState, need: number): void {
  if (dir.hs.length >= need) return;
  const next = new Uint8Array(Math.min(HANDSHAKE_BUFFER, Math.max(need, dir.hs.length * 2, 1024)));
  next.set(dir.hs.subarray(0, dir.hsLen));
  dir.hs = next;
}

/** Feed one record's handshake fragment; complete messages are handled in order. */
export function handshakeFragment(dir: TlsDirectionState, fragment: Uint8Array, out: Emit): void {
  let off = 0;
  while (off < fragment.length) {
    if (dir.discard > 0) {
      const n = Math.min(dir.discard, fragment.length - off);
      dir.discard -= n;
      off += n;
      continue;
    }
    const take = Math.min(fragment.length - off, HANDSHAKE_BUFFER - dir.hsLen);
    grow(dir, dir.hsLen + take);
    dir.hs.set(fragment.subarray(off, off + take), dir.hsLen);
    dir.hsLen += take;
    off += take;
    drain(dir, out);
  }
}

function drain(dir: TlsDirectionState, out: Emit): void {
  // Each pass consumes a message or stops, so this ends.
  while (dir.hsLen >= 4) {
    const hs = dir.hs;
    const type = hs[0] ?? 0;
    const len = ((hs[1] ?? 0) << 16) | ((hs[2] ?? 0) << 8) | (hs[3] ?? 0);
    const total = 4 + len;
    if (total <= dir.hsLen) {
      message(dir, type, hs.subarray(4, total), out);
      hs.copyWithin(0, total, dir.hsLen);
      dir.hsLen -= total;
      continue;
    }
    if (total > HANDSHAKE_BUFFER && dir.hsLen === HANDSHAKE_BUFFER) {
      // Too big to hold: read what we have (the first certificate of a long chain is at its start), drop the rest.
      message(dir, type, hs.subarray(4, dir.hsLen), out);
      dir.discard = total - dir.hsLen;
      dir.hsLen = 0;
    }
    return;
  }
}
