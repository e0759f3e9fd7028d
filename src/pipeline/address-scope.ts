/**
 * Which addresses are the site's own (docs/site-file.md `internalNetworks`, defaults RFC 1918 and friends): an address
 * outside them is an external peer of the devices that reach it, never an inventory device. Asked twice per flow on
 * the ingest hot path, so answers are cached by address text: a hit is one map lookup, no allocation.
 */
import { inAny, parseCidr, parseIp, type Cidr } from '../findings/cidr.js';
import { DEFAULT_INTERNAL_NETWORKS } from '../findings/site.js';

/** Addresses remembered; a site's working set is far below it, and a scan of the internet only clears it now and then. */
const CACHE_MAX = 65_536;

/** Multicast, limited broadcast and unspecified addresses are no host anywhere: neither internal nor external. */
const NOT_A_HOST: readonly Cidr[] = ['224.0.0.0/4', '255.255.255.255/32', '0.0.0.0/32', 'ff00::/8', '::/128'].map((t) => parseCidr(t) as Cidr);

export function defaultInternalNetworks(): Cidr[] {
  return DEFAULT_INTERNAL_NETWORKS.map((t) => parseCidr(t) as Cidr);
}

export class AddressScope {
  private readonly cache = new Map<string, boolean>();

  /** `internal`: the site's networks as the site file gives them (management ones included), parsed once. */
  constructor(private readonly internal: readonly Cidr[] = defaultInternalNetworks()) {}

  /** A host address outside the site's networks. Text that is no address, and multicast or broadcast, is not. */
  isExternal(ip: string | null): boolean {
    if (ip === null) return false;
    const hit = this.cache.get(ip);
    if (hit !== undefined) return hit;
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    const parsed = parseIp(ip);
    const external = parsed !== null && !inAny(parsed, NOT_A_HOST) && !inAny(parsed, this.internal);
    this.cache.set(ip, external);
    return external;
  }
}
