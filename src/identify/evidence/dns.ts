/**
 * DNS evidence (RFC 1035 §3.4.1 A, §3.3.12 PTR, RFC 3596 AAAA): the site's DNS server names the addresses it answers
 * for, and a host answering other hosts' queries on port 53 is a DNS server.
 */
import type { RecordOf } from '../../decode/records.js';
import type { KnowledgeBase } from '../knowledge/kb-types.js';
import type { Observation } from '../types.js';
import { clean, Emitter, emitterFor, tsMsOf, unicastIp } from './common.js';

/**
 * Below a device's own DHCP option 12 (0.8) and browser announcement (0.75): the name is the DNS administrator's
 * for the address, which a reassigned lease can leave stale. At or above 0.5, so that it is shown alone.
 */
export const DNS_HOSTNAME_CONFIDENCE = 0.55;
const DNS_PORT = 53; // RFC 1035 §4.2
/** Answers read per response: one name can have many addresses (round robin), a few are enough. */
const MAX_ANSWERS = 16;

/**
 * Addresses inside a site: RFC 1918, RFC 6598 shared, RFC 3927 link-local, RFC 4193 ULA, RFC 4291 link-local.
 * A public answer names an internet service (often one address behind thousands of names on a CDN), and an
 * observation keyed by it would add an inventory row for an address that may never be seen on the wire.
 */
export function isSiteAddress(ip: string): boolean {
  if (ip.includes(':')) return /^f[cd][0-9a-f]{2}:|^fe[89ab][0-9a-f]:/i.test(ip);
  const o = ip.split('.').map(Number);
  if (o.length !== 4 || o.some((n) => !Number.isInteger(n) || n < 0 || n > 255)) return false;
  const [a = 0, b = 0] = o;
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254);
}

/** The first label of a DNS name, as DHCP option 12 carries a host name; null for names that are no host's. */
export function firstLabel(name: string): string | null {
  const label = name.split('.')[0] ?? '';
  // A wildcard or a service label (_ldap) names no host; an all-digit label is an address fragment.
  if (label === '' || label === '*' || label.startsWith('_') || /^\d+$/.test(label)) return null;
  return label;
}

/** `5.30.20.10.in-addr.arpa` -> `10.20.30.5` (RFC 1035 §3.5); null for anything else (ip6.arpa is not read). */
export function reverseIpv4(owner: string): string | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.in-addr\.arpa\.?$/i.exec(owner);
  return m === null ? null : `${m[4] ?? ''}.${m[3] ?? ''}.${m[2] ?? ''}.${m[1] ?? ''}`;
}

function answerNames(out: Observation[], rec: RecordOf<'dns'>, tsMs: number): void {
  const answers = rec.answers;
  if (!Array.isArray(answers)) return;
  for (const a of answers.slice(0, MAX_ANSWERS) as unknown[]) {
    if (typeof a !== 'object' || a === null) continue;
    const { name, type, data } = a as Record<string, unknown>;
    if (typeof name !== 'string' || typeof data !== 'string') continue;
    // A/AAAA: the owner is the canonical name at the end of any CNAME chain, so aliases never name the address.
    const ip = type === 'A' || type === 'AAAA' ? data : type === 'PTR' ? reverseIpv4(name) : null;
    const host = type === 'PTR' ? data : name;
    if (ip === null || unicastIp(ip) === null || !isSiteAddress(ip)) continue;
    const label = firstLabel(host);
    if (label === null) continue;
    new Emitter(out, { mac: null, ip }, tsMs).add('hostname', label, 'dns.answer', `${String(type)} ${name} ${data} (answered by ${rec.src})`, DNS_HOSTNAME_CONFIDENCE);
  }
}

export function dnsObservations(rec: RecordOf<'dns'>, kb: KnowledgeBase): Observation[] {
  const out: Observation[] = [];
  // Only unicast DNS: an mDNS/LLMNR responder answers for itself, and a query's records are the asker's claims.
  if ((rec.proto as string) !== 'dns' || rec.kind !== 'response' || clean(rec.opcode) !== null) return out;
  if (rec.sport === DNS_PORT && rec.src !== rec.dst) emitterFor(out, rec, 'sender')?.rules(kb, 'device-types', 'serviceRole', 'dns-server', 'dns.response');
  if (clean(rec.rcode) === 'NOERROR') answerNames(out, rec, tsMsOf(rec));
  return out;
}
