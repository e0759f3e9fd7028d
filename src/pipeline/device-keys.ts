/**
 * What a flow's or record's addresses say about the devices behind them: which parts of a key name a device, which
 * end opened a flow, and when a sender is surely on the capture's own segment (never routed).
 */
import type { FlowJson } from '../capture/flow-json.js';
import { initialTtl } from '../identify/knowledge/lookup.js';
import type { DeviceKey } from '../identify/types.js';
import { macFromLinkLocal } from './eui64-mac.js';

/** Ports below this are services; a flow seen only mid-stream from such a port was opened by its other end. */
const WELL_KNOWN_PORTS = 1024;

/** A flow caught mid-stream (no SYN) from a well-known port to a high one: its other end opened it. */
export function isReversed(f: FlowJson): boolean {
  return f.syn === undefined && f.sport !== null && f.dport !== null && f.sport < WELL_KNOWN_PORTS && f.dport >= WELL_KNOWN_PORTS;
}

/** Never forwarded by a router (RFC 5771 224.0.0.0/24, RFC 4291 ff02::/16, RFC 919 limited broadcast): the sender is on-link. */
export function isLinkScope(ip: string): boolean {
  return ip.startsWith('224.0.0.') || ip.startsWith('ff02:') || ip === '255.255.255.255';
}

/** A TTL still at a stack's initial value (32, 64, 128, 255): no router decremented it (RFC 1812 §5.3.1). */
export function isUnrouted(ttl: number): boolean {
  return ttl > 0 && initialTtl(ttl) === ttl;
}

/** Not all-zero, and the first octet's group bit (IEEE 802 §8.2) clear: read from its second hex digit, no allocation. */
export function isUnicastMac(mac: string): boolean {
  const c = mac.charCodeAt(1) | 0x20;
  const digit = c <= 0x39 ? c - 0x30 : c - 0x57;
  return mac.length === 17 && digit >= 0 && digit < 16 && (digit & 1) === 0 && mac !== '00:00:00:00:00:00';
}

export function usableIp(ip: string): string | null {
  return usableKey({ mac: null, ip })?.ip ?? null;
}

/**
 * Broadcast, multicast, unspecified and all-zero addresses name no device: such parts of a key are dropped. A key with
 * only an EUI-64 link-local address gets the MAC inside it (eui64-mac.ts).
 */
export function usableKey(key: DeviceKey): DeviceKey | null {
  const mac = key.mac;
  const macOk = mac !== null && isUnicastMac(mac);
  const ip = key.ip;
  const ipOk = ip !== null && ip !== '' && ip !== '0.0.0.0' && ip !== '255.255.255.255' && ip !== '::' && !/^(22[4-9]|23\d)\./.test(ip) && !ip.toLowerCase().startsWith('ff');
  if (!macOk && !ipOk) return null;
  // An IPv6-only host known by its EUI-64 link-local address carries its MAC in it: the same device as that MAC.
  const fromIp = !macOk && ipOk && ip.startsWith('fe') ? macFromLinkLocal(ip) : null;
  return { mac: macOk ? mac : fromIp, ip: ipOk ? ip : null };
}
