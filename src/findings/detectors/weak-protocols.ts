/**
 * Protocol weaknesses seen in handshakes: SMBv1 (smbv1.ts),
 * TLS below 1.2 (RFC 8996 deprecates TLS 1.0 and 1.1, RFC 7568 SSL 3.0) and weak cipher suites chosen by a server
 * (RFC 7465 forbids RC4; NULL, EXPORT, anonymous, DES and 3DES/Sweet32 per the IANA TLS Cipher Suites registry).
 */
import type { RecordOf, WireRecord } from '../../decode/records.js';
import type { Severity } from '../types.js';
import { at, receiver, sender, tsOf, type Hit } from './hit.js';
import { smbv1Hits } from './smbv1.js';

/** IANA TLS cipher suite values (RFC 5246 A.5, RFC 8422, RFC 4346 export suites) and why each is weak. */
const WEAK_CIPHERS = new Map<number, string>([
  ...[0x0000, 0x0001, 0x0002, 0x003b, 0xc001, 0xc006, 0xc00b, 0xc010, 0xc015].map((c) => [c, 'NULL (no encryption)'] as const),
  ...[0x0003, 0x0006, 0x0008, 0x000b, 0x000e, 0x0011, 0x0014, 0x0017, 0x0019].map((c) => [c, 'EXPORT (40-bit)'] as const),
  ...[0x0004, 0x0005, 0x0018, 0xc002, 0xc007, 0xc00c, 0xc011, 0xc016].map((c) => [c, 'RC4 (RFC 7465)'] as const),
  ...[0x0009, 0x000c, 0x000f, 0x0012, 0x0015, 0x001a].map((c) => [c, 'single DES'] as const),
  ...[0x000a, 0x000d, 0x0010, 0x0013, 0x0016, 0x001b, 0xc003, 0xc008, 0xc00d, 0xc012, 0xc017].map((c) => [c, '3DES (Sweet32, CVE-2016-2183)'] as const),
  ...[0x0034, 0x003a, 0x006c, 0x006d, 0x00a6, 0x00a7, 0xc018, 0xc019].map((c) => [c, 'anonymous key exchange (no server authentication)'] as const),
]);

const OLD_VERSIONS = new Map<string, Severity>([['SSL 2.0', 'high'], ['SSL 3.0', 'high'], ['TLS 1.0', 'medium'], ['TLS 1.1', 'medium']]);

function tlsHits(rec: RecordOf<'tls'>, out: Hit[]): void {
  const version = rec.version;
  const tsMs = tsOf(rec);
  if (rec.kind === 'server-hello') {
    const old = OLD_VERSIONS.get(version);
    const where = `${at(rec.src, rec.sport)} to ${rec.dst}`;
    if (old !== undefined) {
      out.push({
        ...sender(rec), tsMs, peer: rec.dst, kind: 'weak-tls', key: `server:${version}`, severity: old, title: `Serves ${version}`,
        // Moved to the site's client, it is the same fact as the client's own `client:` hit for this session: one finding.
        client: receiver(rec), asClient: { key: `client:${version}`, title: `Uses a server outside the site over ${version}` },
        detail: `${version} is deprecated (RFC 8996, RFC 7568); it lacks modern protections and allows downgrade attacks. Enable TLS 1.2 or 1.3 and turn older versions off.`,
        evidence: `server hello from ${where} chose ${version}`, facts: { service: `tls/${rec.sport ?? '?'}` },
      });
    }
    const weak = WEAK_CIPHERS.get(rec.cipher);
    if (weak !== undefined) {
      const hex = `0x${rec.cipher.toString(16).padStart(4, '0')}`;
      out.push({
        ...sender(rec), tsMs, peer: rec.dst, kind: 'weak-tls', key: `cipher:${hex}`, severity: weak.startsWith('NULL') || weak.startsWith('EXPORT') || weak.startsWith('anonymous') ? 'high' : 'medium',
        client: receiver(rec), asClient: { key: `external-server:cipher:${hex}`, title: `Uses a server outside the site with weak cipher suite ${hex} (${weak})` },
        title: `Weak TLS cipher suite ${hex} (${weak})`, detail: `The server chose cipher suite ${hex}: ${weak}. Remove it from the server's configuration.`,
        evidence: `server hello from ${where} chose cipher suite ${hex} (${weak})`, facts: { service: `tls/${rec.sport ?? '?'}` },
      });
    }
  } else {
    const old = OLD_VERSIONS.get(version);
    if (old === undefined) return;
    out.push({
      ...sender(rec), tsMs, peer: rec.dst, kind: 'weak-tls', key: `client:${version}`, severity: 'medium', title: `TLS client limited to ${version}`,
      detail: `The device offers at most ${version}; it cannot talk to servers that have turned old versions off, and invites downgrade. Update its TLS stack.`,
      evidence: `client hello from ${rec.src} to ${at(rec.dst, rec.dport)}${rec.sni !== null ? ` (SNI ${rec.sni})` : ''} offered at most ${version}`, facts: { service: `tls/${rec.dport ?? '?'}` },
    });
  }
}

export function weakProtocolHits(rec: WireRecord, out: Hit[]): void {
  if (rec.proto === 'smb') smbv1Hits(rec, out);
  else if (rec.proto === 'tls') tlsHits(rec, out);
}
