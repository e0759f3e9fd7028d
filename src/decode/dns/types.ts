/** DNS / mDNS / LLMNR record shape (RFC 1035 §4, RFC 6762, RFC 4795). */
import type { RecordBody } from '../types.js';

export interface DnsAnswer {
  [k: string]: string | number;
  name: string;
  type: string;
  ttl: number;
  /** Presentation text for A/AAAA/PTR/CNAME/NS/MX/SOA/HINFO/SRV (`target:port`)/TXT (quoted strings). */
  data: string;
}

export interface DnsRecord extends RecordBody {
  kind: 'query' | 'response';
  id: number;
  /** Only when not a standard query (`UPDATE`, `NOTIFY` …). */
  opcode?: string;
  qname?: string;
  qtype?: string;
  /** Every question as `name TYPE` when there are several (mDNS asks many at once). */
  questions?: string[];
  /** Responses only. */
  rcode?: string;
  /** The answer section, capped. */
  answers?: DnsAnswer[];
  /** mDNS: service instance names (PTR targets / SRV owners), e.g. `Printer._ipp._tcp.local`. */
  services?: string[];
  /** mDNS: `.local` host names (A/AAAA owners, SRV targets, reverse-PTR targets). */
  hostnames?: string[];
  /** mDNS: TXT `key=value` strings (model names: `ty=`, `md=`, `usb_MDL=`), capped. */
  txt?: string[];
}

export type DnsVariant = 'dns' | 'mdns' | 'llmnr';
