/** DNS-SD facts from mDNS resource records (RFC 6763 §4, §6, §7; RFC 6762 §3): services, hosts, TXT pairs. */

const MAX_SERVICES = 32;
const MAX_HOSTNAMES = 16;
const MAX_TXT = 32;
/** RFC 6763 §9: the meta-query whose PTRs are service types, not instances. */
const SERVICE_TYPE_ENUM = '_services._dns-sd._udp.local';

export class MdnsFacts {
  readonly services = new Set<string>();
  readonly hostnames = new Set<string>();
  readonly txt = new Set<string>();

  private static add(set: Set<string>, v: string, cap: number): void {
    if (set.size < cap && v !== '') set.add(v);
  }

  /** Owner name, type number and the rendered data of one RR from any section. */
  see(owner: string, type: number, data: string | undefined, txtStrings: readonly string[] | null): void {
    const lowerOwner = owner.toLowerCase();
    if (type === 1 || type === 28) {
      if (lowerOwner.endsWith('.local')) MdnsFacts.add(this.hostnames, owner, MAX_HOSTNAMES);
    } else if (type === 12 && data !== undefined) {
      if (lowerOwner.endsWith('.arpa')) {
        if (data.toLowerCase().endsWith('.local')) MdnsFacts.add(this.hostnames, data, MAX_HOSTNAMES);
      } else if (lowerOwner !== SERVICE_TYPE_ENUM && isServiceType(lowerOwner)) {
        MdnsFacts.add(this.services, data, MAX_SERVICES);
      }
    } else if (type === 33) {
      if (isServiceType(lowerOwner)) MdnsFacts.add(this.services, owner, MAX_SERVICES);
      const target = data?.slice(0, data.lastIndexOf(':'));
      if (target?.toLowerCase().endsWith('.local') === true) MdnsFacts.add(this.hostnames, target, MAX_HOSTNAMES);
    } else if (type === 16 && txtStrings !== null) {
      for (const s of txtStrings) if (s.includes('=')) MdnsFacts.add(this.txt, s, MAX_TXT);
    }
  }
}

/** `…_proto._tcp.local` or `…_udp.local` (RFC 6763 §7). */
function isServiceType(lowerName: string): boolean {
  return lowerName.includes('._tcp.') || lowerName.includes('._udp.');
}
