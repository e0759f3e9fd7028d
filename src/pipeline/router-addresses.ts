/**
 * Routers and their own addresses (RFC 826 ARP, RFC 5771 link-local multicast, RFC 1812 §5.3.1 TTL decrement, RFC
 * 1542 §4.1 relay agents). Every packet a router forwards carries the router's MAC, so a MAC seen with many IPs is a
 * router's and those IPs are hosts behind it. Which of them are the router's own (its per-VLAN gateway addresses) only
 * the router itself tells: the sender of an ARP request or reply, a packet to a never-routed link-local group (OSPF,
 * VRRP, HSRP, RIP), a TCP handshake at its initial TTL (no hop yet), a DHCP relay sending from its giaddr, an LLDP/CDP
 * management address. Such a (MAC, IP) pair is a claim; an IP claimed by two MACs belongs to neither (proxy ARP, a
 * DHCP move): the IP stays with the hosts, which is where it was before this rule.
 */
import type { DeviceKey } from '../identify/types.js';

/**
 * A MAC seen with more IPs than this, other than the ones it claims, is a router's (traffic between VLANs or to the
 * internet carries the gateway's MAC): those IPs are other devices behind it, kept by IP only.
 */
export const ROUTER_MAC_MIN_IPS = 4;
/** Router MACs remembered across batches (a site has few routers; the cap only guards against a pathological capture). */
const MAX_ROUTER_MACS = 4096;
/** Claimed addresses remembered (about one per host of the site); past it new claims are not kept. */
const MAX_CLAIMS = 262_144;
/** Marks an IP two MACs claimed. A MAC text is never empty. */
const CONFLICT = '';

/** What a key becomes once routers are known: `routed` when its MAC was a router's and its IP not the router's own. */
export interface Rekeyed {
  key: DeviceKey;
  routed: boolean;
}

export class RouterAddresses {
  /** IP -> the MAC that claimed it, or CONFLICT. */
  private readonly claims = new Map<string, string>();
  private readonly routers = new Set<string>();
  /** MAC -> external addresses whose traffic it carried, counted up to ROUTER_MAC_MIN_IPS. */
  private readonly carried = new Map<string, Set<string>>();
  /** Addresses a DHCP server named as the subnet's router (option 3). */
  private readonly gateways = new Set<string>();
  /** MACs of named gateways that forward to the outside (see detect()): routers by role, keys left as they are. */
  private readonly gatewayRouters = new Set<string>();

  /** The MAC showed the IP as its own (it sent from it as itself). */
  claim(mac: string | null, ip: string | null): void {
    if (mac === null || ip === null) return;
    const had = this.claims.get(ip);
    if (had === undefined) {
      if (this.claims.size < MAX_CLAIMS) this.claims.set(ip, mac);
    } else if (had !== mac && had !== CONFLICT) {
      this.claims.set(ip, CONFLICT);
    }
  }

  /** The MAC that alone claimed this IP, else null. */
  ownerOf(ip: string): string | null {
    const mac = this.claims.get(ip);
    return mac === undefined || mac === CONFLICT ? null : mac;
  }

  isRouter(mac: string): boolean {
    return this.routers.has(mac);
  }

  /** The router MACs found so far. */
  routerMacs(): string[] {
    return [...this.routers];
  }

  /** The MAC is a router's by what it does (a DHCP relay agent, RFC 1542 §2, is a router), whatever its IP count. */
  markRouter(mac: string): void {
    if (this.routers.size < MAX_ROUTER_MACS) this.routers.add(mac);
  }

  /**
   * The MAC carried traffic of an address outside the site: only a gateway forwards it onto the site's segments, so
   * a MAC that does so for several such addresses is a router even when few site hosts are routed through it.
   */
  external(mac: string | null, ip: string): void {
    if (mac === null || this.routers.has(mac)) return;
    let set = this.carried.get(mac);
    if (set === undefined) {
      if (this.carried.size >= MAX_ROUTER_MACS) return;
      set = new Set();
      this.carried.set(mac, set);
    }
    set.add(ip);
    if (set.size >= ROUTER_MAC_MIN_IPS && this.routers.size < MAX_ROUTER_MACS) {
      this.routers.add(mac);
      this.carried.delete(mac);
    }
  }

  /** A DHCP server offered this address as the clients' router (RFC 2132 §3.5, option 3). */
  gateway(ip: string): void {
    if (this.gateways.size < MAX_CLAIMS) this.gateways.add(ip);
  }

  /**
   * MACs that claim an address the DHCP server names as the router (option 3) and carried an external address's
   * traffic: the site's own DHCP server says it is the gateway and it forwards to the outside (RFC 1812 §2.2.1), so
   * one internet peer is enough to call it a router where a MAC nobody named needs several. Only its role: its keys
   * stay as they are (an address behind it may be its own NAT address, which few internet peers cannot tell apart).
   */
  namedGateways(): string[] {
    for (const ip of this.gateways) {
      const mac = this.ownerOf(ip);
      if (mac !== null && !this.routers.has(mac) && (this.carried.get(mac)?.size ?? 0) > 0 && this.gatewayRouters.size < MAX_ROUTER_MACS) this.gatewayRouters.add(mac);
    }
    return [...this.gatewayRouters];
  }

  /** Finds routers among a batch's (MAC, IP) bindings: MACs with many IPs they do not claim. Found ones stay found. */
  detect(bindings: Iterable<DeviceKey>): void {
    const ips = new Map<string, Set<string>>();
    for (const { mac, ip } of bindings) {
      if (mac === null || ip === null || this.routers.has(mac) || this.claims.get(ip) === mac) continue;
      let set = ips.get(mac);
      if (set === undefined) {
        set = new Set();
        ips.set(mac, set);
      }
      set.add(ip);
    }
    for (const [mac, set] of ips) if (set.size >= ROUTER_MAC_MIN_IPS && this.routers.size < MAX_ROUTER_MACS) this.routers.add(mac);
  }

  /**
   * The key a fact is stored under: a router's MAC with one of its own IPs stays (the router device); with another IP
   * it is that host's, by IP only; another MAC with a router's own IP keeps only its MAC (a relayed DHCP client
   * arrives from the relay's address, which is not the client's).
   */
  rekey(key: DeviceKey): Rekeyed {
    const { mac, ip } = key;
    if (mac === null || ip === null) return { key, routed: false };
    const owner = this.ownerOf(ip);
    if (this.routers.has(mac)) return owner === mac ? { key, routed: false } : { key: { mac: null, ip }, routed: true };
    if (owner !== null && owner !== mac && this.routers.has(owner)) return { key: { mac, ip: null }, routed: false };
    return { key, routed: false };
  }
}
