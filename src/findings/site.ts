/**
 * The site file (`--site FILE`, JSON) that gives findings their network context (exposed management,
 * internet egress, remote access): which networks are the hospital's, which are the management zone, which are
 * vendors' remote-service endpoints. Documented in docs/site-file.md. Absent, internal = RFC 1918, RFC 6598 shared,
 * loopback, link-local and IPv6 ULA/link-local, and no management zone is known.
 */
import { readFileSync } from 'node:fs';
import { AppError, ErrorCode } from '../util/app-error.js';
import { inAny, parseCidr, parseIp, type Cidr } from './cidr.js';

export const DEFAULT_INTERNAL_NETWORKS = [
  '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', // RFC 1918
  '100.64.0.0/10', // RFC 6598 carrier-grade NAT / shared space
  '169.254.0.0/16', '127.0.0.0/8', // link-local, loopback
  'fc00::/7', 'fe80::/10', '::1/128', // ULA, link-local, loopback
] as const;

/** Multicast, broadcast and unspecified addresses are no host anywhere: never "external". */
const NOT_A_HOST = ['224.0.0.0/4', '255.255.255.255/32', '0.0.0.0/32', 'ff00::/8', '::/128'].map((t) => parseCidr(t) as Cidr);

export interface SiteConfig {
  managementNetworks: readonly Cidr[];
  internalNetworks: readonly Cidr[];
  vendorNetworks: readonly Cidr[];
  /** Where the settings came from (a file name, or `defaults`). */
  source: string;
}

export type Zone = 'management' | 'vendor' | 'internal' | 'external' | 'none';

const KEYS = ['managementNetworks', 'internalNetworks', 'vendorNetworks'] as const;

function cidrs(v: unknown, field: string, source: string): Cidr[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new AppError(ErrorCode.BadArgument, `${source}: ${field} must be a list of networks like "10.99.0.0/16"`);
  return v.map((t: string) => {
    const c = parseCidr(t.trim());
    if (c === null) throw new AppError(ErrorCode.BadArgument, `${source}: ${field}: '${t}' is not a network (use a.b.c.d/n or an IPv6 prefix)`);
    return c;
  });
}

export function defaultSite(): SiteConfig {
  return { managementNetworks: [], internalNetworks: DEFAULT_INTERNAL_NETWORKS.map((t) => parseCidr(t) as Cidr), vendorNetworks: [], source: 'defaults' };
}

/** Validates a parsed site document; unknown keys are refused so a typo does not silently change results. */
export function parseSite(doc: unknown, source: string): SiteConfig {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new AppError(ErrorCode.BadArgument, `${source}: a site file is a JSON object`);
  const o = doc as Record<string, unknown>;
  const unknown = Object.keys(o).filter((k) => !(KEYS as readonly string[]).includes(k) && !k.startsWith('$') && k !== 'description');
  if (unknown.length > 0) throw new AppError(ErrorCode.BadArgument, `${source}: unknown key ${unknown.map((k) => `'${k}'`).join(', ')} (use ${KEYS.join(', ')})`);
  const base = defaultSite();
  const management = o.managementNetworks === undefined ? [] : cidrs(o.managementNetworks, 'managementNetworks', source);
  const vendor = o.vendorNetworks === undefined ? [] : cidrs(o.vendorNetworks, 'vendorNetworks', source);
  // The management zone is the hospital's too, whatever internalNetworks says.
  const internal = o.internalNetworks === undefined ? base.internalNetworks : cidrs(o.internalNetworks, 'internalNetworks', source);
  return { managementNetworks: management, internalNetworks: [...internal, ...management], vendorNetworks: vendor, source };
}

/** Reads `--site FILE`; a missing, unreadable or malformed file is bad input (AppError bad-argument). */
export function loadSite(file: string | undefined): SiteConfig {
  if (file === undefined) return defaultSite();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new AppError(ErrorCode.BadArgument, `${file}: cannot read site file: ${e instanceof Error ? e.message : String(e)}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new AppError(ErrorCode.BadArgument, `${file}: not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseSite(doc, file);
}

export function hasManagementZone(site: SiteConfig): boolean {
  return site.managementNetworks.length > 0;
}

/** Zones of recently seen addresses per site (flows ask for the same hosts again and again); cleared when full. */
const ZONE_CACHE = new WeakMap<SiteConfig, Map<string, Zone>>();
const ZONE_CACHE_MAX = 65_536;

/** Where an address sits, most specific first: vendor endpoints, the management zone, the hospital, the internet. */
export function zoneOf(site: SiteConfig, ipText: string): Zone {
  let cache = ZONE_CACHE.get(site);
  if (cache === undefined) {
    cache = new Map();
    ZONE_CACHE.set(site, cache);
  }
  let zone = cache.get(ipText);
  if (zone === undefined) {
    if (cache.size >= ZONE_CACHE_MAX) cache.clear();
    zone = computeZone(site, ipText);
    cache.set(ipText, zone);
  }
  return zone;
}

function computeZone(site: SiteConfig, ipText: string): Zone {
  const ip = parseIp(ipText);
  if (ip === null || inAny(ip, NOT_A_HOST)) return 'none';
  if (inAny(ip, site.vendorNetworks)) return 'vendor';
  if (inAny(ip, site.managementNetworks)) return 'management';
  if (inAny(ip, site.internalNetworks)) return 'internal';
  return 'external';
}
