/** Test support: our TLS records against tshark's fields on the same capture, field by field. */
import { createHash, X509Certificate } from 'node:crypto';
import { agreement, decodeAs, tsharkFieldsAsync } from '../../../test-support/tshark.js';
import type { ProtocolRecord } from '../../types.js';

export interface Comparison {
  compared: number;
  mismatches: string[];
  /** tshark hellos we produced no record for, and the reverse. */
  missing: string[];
}

const FIELDS = [
  'ip.src', 'ipv6.src', 'tcp.srcport', 'ip.dst', 'ipv6.dst', 'tcp.dstport', 'tls.handshake.type',
  'tls.handshake.extensions_server_name', 'tls.handshake.ciphersuite', 'tls.handshake.extensions_alpn_str',
  'tls.handshake.ja3_full', 'tls.handshake.ja3', 'tls.handshake.ja3s_full', 'tls.handshake.version',
  'tls.handshake.extension.type', 'tls.handshake.sig_hash_alg', 'tls.handshake.extensions.supported_version',
  'tls.handshake.certificate', 'tls.handshake.sig_hash_alg_len',
] as const;

export type Row = Record<(typeof FIELDS)[number], string>;

export async function tsharkHandshakes(file: string, ports: readonly number[]): Promise<Row[]> {
  const filter = 'tls.handshake.type == 1 || tls.handshake.type == 2 || tls.handshake.type == 11';
  const rows = await tsharkFieldsAsync(file, FIELDS, { filter, decodeAs: decodeAs(ports, 'tls'), occurrence: 'a', aggregator: '|' });
  return rows.map((cols) => {
    return Object.fromEntries(FIELDS.map((f, i) => [f, cols[i] ?? ''])) as Row;
  });
}

const grease = (v: number): boolean => (v & 0x0f0f) === 0x0a0a && v >> 8 === (v & 0xff);
const hex4 = (v: number): string => v.toString(16).padStart(4, '0');
const sha12 = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 12);
const nums = (s: string): number[] => (s === '' ? [] : s.split('|').map((x) => Number(x)));

/**
 * tshark flattens every extension's signature-scheme list (delegated_credentials 34, signature_algorithms_cert 50)
 * into one field; JA4 takes only signature_algorithms (13), https://github.com/FoxIO-LLC/ja4/issues/41. Cut it out using each list's length.
 */
function signatureAlgorithms(r: Row): number[] {
  const all = nums(r['tls.handshake.sig_hash_alg']);
  const lens = nums(r['tls.handshake.sig_hash_alg_len']);
  const owners = nums(r['tls.handshake.extension.type']).filter((t) => t === 13 || t === 34 || t === 50);
  let at = 0;
  for (let i = 0; i < owners.length; i++) {
    const n = (lens[i] ?? 0) / 2;
    if (owners[i] === 13) return all.slice(at, at + n);
    at += n;
  }
  return [];
}

/** JA4 rebuilt from tshark's fields by the FoxIO spec: an implementation independent of ours. */
export function ja4FromTshark(r: Row): string {
  const ciphers = nums(r['tls.handshake.ciphersuite']).filter((v) => !grease(v));
  const exts = nums(r['tls.handshake.extension.type']).filter((v) => !grease(v));
  const sv = nums(r['tls.handshake.extensions.supported_version']).filter((v) => !grease(v));
  const v = sv.length > 0 ? Math.max(...sv) : Number(r['tls.handshake.version']);
  const ver = ({ 0x304: '13', 0x303: '12', 0x302: '11', 0x301: '10', 0x300: 's3' } as Record<number, string>)[v] ?? '00';
  const alpn = r['tls.handshake.extensions_alpn_str'].split('|')[0] ?? '';
  const alnum = (c: string): boolean => /^[0-9A-Za-z]$/.test(c);
  let a2 = '00';
  if (alpn.length > 0) {
    const f = alpn[0] ?? '';
    const l = alpn[alpn.length - 1] ?? '';
    a2 = alnum(f) && alnum(l) ? f + l : (f.charCodeAt(0) >> 4).toString(16) + (l.charCodeAt(0) & 15).toString(16);
  }
  const two = (n: number): string => String(Math.min(n, 99)).padStart(2, '0');
  const a = `t${ver}${exts.includes(0) ? 'd' : 'i'}${two(ciphers.length)}${two(exts.length)}${a2}`;
  const cl = ciphers.map(hex4).sort().join(',');
  const el = exts.filter((e) => e !== 0 && e !== 16).map(hex4).sort().join(',');
  const sigs = signatureAlgorithms(r).filter((x) => !grease(x)).map(hex4).join(',');
  return `${a}_${cl === '' ? '000000000000' : sha12(cl)}_${el === '' ? '000000000000' : sha12(sigs === '' ? el : `${el}_${sigs}`)}`;
}

/** OpenSSL's view of a certificate name ("C=US\nO=x\nCN=y", DER order, already escaped) in our RFC 4514 order. */
function opensslName(lines: string): string {
  return lines.split('\n').filter((l) => l.length > 0).reverse().join(', ');
}

function key(src: string, sport: string | number | null, dst: string, dport: string | number | null): string {
  return `${src}:${String(sport)}>${dst}:${String(dport)}`;
}

export function compareWithTshark(records: readonly ProtocolRecord[], rows: readonly Row[]): Comparison {
  const a = agreement();
  const missing: string[] = [];
  const byKey = new Map<string, ProtocolRecord>();
  for (const r of records) byKey.set(`${r.kind} ${key(r.src, r.sport, r.dst, r.dport)}`, r);
  const check = a.check;
  for (const r of rows) {
    const src = r['ip.src'] || r['ipv6.src'];
    const dst = r['ip.dst'] || r['ipv6.dst'];
    const k = key(src, r['tcp.srcport'], dst, r['tcp.dstport']);
    const types = r['tls.handshake.type'].split('|');
    if (types.includes('1')) {
      const rec = byKey.get(`client-hello ${k}`);
      if (rec === undefined) missing.push(`client-hello ${k}`);
      else {
        check(k, 'sni', rec.sni, r['tls.handshake.extensions_server_name'] || null);
        check(k, 'cipherSuites', rec.cipherSuites, nums(r['tls.handshake.ciphersuite']));
        check(k, 'alpn', rec.alpn, r['tls.handshake.extensions_alpn_str'] === '' ? [] : r['tls.handshake.extensions_alpn_str'].split('|'));
        check(k, 'ja3', rec.ja3, r['tls.handshake.ja3_full']);
        check(k, 'ja3Hash', rec.ja3Hash, r['tls.handshake.ja3']);
        check(k, 'ja4', rec.ja4, ja4FromTshark(r));
      }
    }
    if (types.includes('2')) {
      const rec = byKey.get(`server-hello ${k}`);
      if (rec === undefined) missing.push(`server-hello ${k}`);
      else {
        const [ver, cipher] = r['tls.handshake.ja3s_full'].split(',');
        check(k, 'cipher', rec.cipher, Number(cipher));
        check(k, 'ja3s', rec.ja3s, r['tls.handshake.ja3s_full']);
        check(k, 'legacyVersion', rec.legacyVersion, ({ '768': 'SSL 3.0', '769': 'TLS 1.0', '770': 'TLS 1.1', '771': 'TLS 1.2' } as Record<string, string>)[ver ?? '']);
      }
    }
    if (types.includes('11') && r['tls.handshake.certificate'] !== '') {
      // Client certificates (client -> server) are not recorded; only the server's first certificate.
      const rec = byKey.get(`server-hello ${k}`);
      if (rec === undefined) continue;
      const der = Buffer.from((r['tls.handshake.certificate'].split('|')[0] ?? '').replace(/:/g, ''), 'hex');
      const x = new X509Certificate(der);
      check(k, 'certSubject', rec.certSubject, opensslName(x.subject));
      check(k, 'certIssuer', rec.certIssuer, opensslName(x.issuer));
    }
  }
  return { compared: a.compared, mismatches: a.mismatches, missing };
}
