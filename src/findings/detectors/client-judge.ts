/**
 * Without a management zone (no site file) nobody is a management host, so exposure of a medical device's management
 * service is judged by the client (docs/site-file.md): it counts when the client is on another subnet than the
 * device (IPv4 /24, IPv6 /64: the usual size of one access segment, RFC 4291 §2.5.4 for the /64) or is a
 * general-purpose or unidentified host (inventory category it, iot or unknown, or not in the inventory at all). A
 * clinical or network device on the device's own segment (a central station and its monitors, a modality and its
 * console) is the device's own system, not an administrator.
 */
import type { DeviceCategory } from '../../identify/types.js';
import { parseIp } from '../cidr.js';

const GENERAL_PURPOSE: ReadonlySet<DeviceCategory> = new Set(['it', 'iot', 'unknown']);

/** Both addresses in one /24 (IPv4) or /64 (IPv6). */
export function sameSubnet(a: string, b: string): boolean {
  const x = parseIp(a);
  const y = parseIp(b);
  if (x === null || y === null || x.v6 !== y.v6) return false;
  const shift = x.v6 ? 64n : 8n;
  return x.n >> shift === y.n >> shift;
}

/** `category` null: the client is not in the inventory. */
export function clientCounts(serverIp: string, clientIp: string, category: DeviceCategory | null): boolean {
  return !sameSubnet(serverIp, clientIp) || category === null || GENERAL_PURPOSE.has(category);
}
