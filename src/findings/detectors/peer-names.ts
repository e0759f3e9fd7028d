/**
 * What the records say about a flow's far end, kept until the flow ends: the TLS server name and whether the client
 * offered HTTP in ALPN (RFC 6066 §3 SNI, RFC 7301 ALPN), and the DNS names (RFC 1035 §4.1.3 A/AAAA answers) that
 * resolved to an address. Findings use them as evidence (internet egress) and to recognise vendor remote-service
 * hosts. Both maps are bounded (oldest out first).
 */
import type { WireRecord } from '../../decode/records.js';
import {  } from './hit.js';

/** TLS flows waiting for their end. */
export const MAX_TLS_FLOWS = 4096;
/** Addresses with the name DNS gave them. */
export const MAX_DNS_NAMES = 8192;
/** RFC 7301 §6 ALPN protocol IDs of HTTP (IANA TLS ALPN Protocol IDs registry). */
const HTTP_ALPN: ReadonlySet<string> = new Set(['http/1.1', 'http/1.0', 'h2', 'h3', 'spdy/3']);
const ADDRESS_TYPES: ReadonlySet<string> = new Set(['A', 'AAAA']);

export interface TlsHello {
  sni: string | null;
  /** The client offered an HTTP protocol in ALPN: the TLS service is HTTPS. */
  http: boolean;
}

export function flowKey(src: string, sport: number | null, dst: string, dport: number | null): string {
  return `${src}|${sport ?? ''}|${dst}|${dport ?? ''}`;
}

function remember<V>(map: Map<string, V>, max: number, key: string, value: V): void {
  if (!map.has(key) && map.size >= max) map.delete(map.keys().next().value ?? '');
  map.set(key, value);
}

export class PeerNames {
  private readonly hellos = new Map<string, TlsHello>();
  private readonly dns = new Map<string, string>();

  record(rec: WireRecord): void {
    if (rec.proto === 'tls' && rec.kind === 'client-hello') {
      const sni = rec.sni !== null && rec.sni !== '' ? rec.sni.toLowerCase() : null;
      const http = rec.alpn.some((a) => HTTP_ALPN.has(a.toLowerCase()));
      if (sni !== null || http) remember(this.hellos, MAX_TLS_FLOWS, flowKey(rec.src, rec.sport, rec.dst, rec.dport), { sni, http });
    } else if (rec.proto === 'dns' && rec.kind === 'response' && rec.qname !== undefined && rec.answers !== undefined) {
      const name = rec.qname.toLowerCase().replace(/\.$/, '');
      for (const a of rec.answers) if (ADDRESS_TYPES.has(a.type)) remember(this.dns, MAX_DNS_NAMES, a.data, name);
    }
  }

  /** The client hello of a flow that ended (forgotten afterwards), or null. */
  takeHello(src: string, sport: number | null, dst: string, dport: number | null): TlsHello | null {
    const k = flowKey(src, sport, dst, dport);
    const h = this.hellos.get(k) ?? null;
    if (h !== null) this.hellos.delete(k);
    return h;
  }

  /** The name DNS last gave this address, or null. */
  dnsName(ip: string): string | null {
    return this.dns.get(ip) ?? null;
  }
}
