/** Device identity: MAC first, IP-only devices behind routers, merge when a MAC appears, DHCP moves. */
import { createHash, randomUUID } from 'node:crypto';
import { addressKey } from './held-devices.js';
import type { AddressKind, DeviceState, IdentityState } from './identity-state.js';
import { DEFAULT_SITE_ID } from './site-id.js';

export interface IdentityStats {
  created: number;
  merged: number;
  ipMoves: number;
}

/** A normalised key: mac lower-case colon form or null, ip as given or null; never both null. */
export interface ResolvedKey {
  mac: string | null;
  ip: string | null;
}

const minIso = (a: string, b: string): string => (b < a ? b : a);
const maxIso = (a: string, b: string): string => (b > a ? b : a);

/** Find or make the device for a key seen between `firstSeen` and `lastSeen` (ISO), binding its MAC and IP. */
export function resolveDevice(state: IdentityState, key: ResolvedKey, firstSeen: string, lastSeen: string, stats: IdentityStats): string {
  const { mac, ip } = key;
  if (mac === null) {
    if (ip === null) throw new Error('resolveDevice: key without mac and ip');
    const id = state.activeIp.get(ip)?.deviceId ?? createDevice(state, null, seedId(state.siteId, 'ip', ip), firstSeen, lastSeen, stats).id;
    bindIp(state, id, ip, firstSeen, lastSeen, stats);
    return id;
  }
  const binding = ip === null ? undefined : state.activeIp.get(ip);
  const owner = binding === undefined ? null : state.device(binding.deviceId);
  let device = state.byMac.get(mac);
  if (device === undefined) {
    if (owner !== null && owner.mac === null) {
      // The IP-only device was this MAC all along: it keeps its id and gains the MAC.
      device = owner;
      device.mac = mac;
      state.writeDevice(device);
      state.history(device.id, 'mac', null, mac, lastSeen);
    } else {
      device = createDevice(state, mac, seedId(state.siteId, 'mac', mac), firstSeen, lastSeen, stats);
    }
  } else if (owner !== null && owner.mac === null && owner.id !== device.id) {
    state.merge(owner.id, device.id, lastSeen);
    stats.merged++;
  }
  const id = device.id;
  touchAddress(state, id, 'mac', mac, firstSeen, lastSeen);
  if (ip !== null) bindIp(state, id, ip, firstSeen, lastSeen, stats);
  return id;
}

/** Extend the device's seen window; a retired device seen again is back in service. */
export function touchDevice(state: IdentityState, id: string, first: string, last: string): void {
  const d = state.device(id);
  const retiredAt = d.retiredAt;
  const unretire = retiredAt !== null && last > d.lastSeen;
  const firstSeen = minIso(d.firstSeen, first);
  const lastSeen = maxIso(d.lastSeen, last);
  if (!unretire && firstSeen === d.firstSeen && lastSeen === d.lastSeen) return;
  d.firstSeen = firstSeen;
  d.lastSeen = lastSeen;
  if (unretire) d.retiredAt = null;
  state.writeDevice(d);
  if (unretire) state.history(id, 'retiredAt', retiredAt, null, last);
}

/** Record that a device showed an address value; a new value next to older ones of its kind is a change in history. */
export function touchAddress(state: IdentityState, id: string, kind: Exclude<AddressKind, 'ip'>, value: string, firstSeen: string, lastSeen: string): void {
  const d = state.device(id);
  const existing = d.addresses.get(addressKey(kind, value));
  if (existing !== undefined) {
    const first = minIso(existing.firstSeen, firstSeen);
    const last = maxIso(existing.lastSeen, lastSeen);
    if (first === existing.firstSeen && last === existing.lastSeen) return;
    existing.firstSeen = first;
    existing.lastSeen = last;
    state.writeAddress(existing);
    return;
  }
  const previous = latestAddress(d, kind);
  state.insertAddress(d, kind, value, firstSeen, lastSeen, null);
  if (previous !== null) state.history(id, historyName(kind), previous, value, firstSeen);
}

/**
 * Bind an IP to a device. If another device holds it and this sighting is not older than that binding, the IP moved
 * (DHCP): the old binding is released and keeps its last_seen. An older sighting (a capture re-ingested late) is kept
 * as released history, so re-ingesting never flips the binding back.
 */
function bindIp(state: IdentityState, deviceId: string, ip: string, firstSeen: string, lastSeen: string, stats: IdentityStats): void {
  const owner = state.activeIp.get(ip);
  let releasedAt: string | null = null;
  if (owner !== undefined && owner.deviceId !== deviceId) {
    if (lastSeen >= owner.lastSeen) {
      owner.releasedAt = lastSeen;
      state.writeAddress(owner);
      state.history(owner.deviceId, 'ip', ip, null, lastSeen);
      stats.ipMoves++;
    } else {
      releasedAt = owner.lastSeen;
    }
  }
  const d = state.device(deviceId);
  const had = d.addresses.get(addressKey('ip', ip));
  if (had !== undefined) {
    const wasReleased = had.releasedAt !== null;
    const next = { first: minIso(had.firstSeen, firstSeen), last: maxIso(had.lastSeen, lastSeen), released: releasedAt === null ? null : (had.releasedAt ?? releasedAt) };
    if (next.first !== had.firstSeen || next.last !== had.lastSeen || next.released !== had.releasedAt) {
      had.firstSeen = next.first;
      had.lastSeen = next.last;
      had.releasedAt = next.released;
      state.writeAddress(had);
    }
    if (wasReleased && releasedAt === null) state.history(deviceId, 'ip', null, ip, lastSeen);
    return;
  }
  const previous = releasedAt === null ? latestAddress(d, 'ip') : null;
  state.insertAddress(d, 'ip', ip, firstSeen, lastSeen, releasedAt);
  // A device's first IP is not a change; a second one, or one taken from another device, is.
  if (releasedAt === null && (previous !== null || owner !== undefined)) state.history(deviceId, 'ip', previous, ip, lastSeen);
}

/** The most recently seen live value of a kind on a device (the first such row on a tie). */
function latestAddress(d: DeviceState, kind: AddressKind): string | null {
  let best: { value: string; lastSeen: string } | null = null;
  for (const a of d.addresses.values()) {
    if (a.kind !== kind || a.releasedAt !== null) continue;
    if (best === null || a.lastSeen > best.lastSeen) best = a;
  }
  return best?.value ?? null;
}

/** History uses the JSON (camelCase) names. */
export function historyName(kind: AddressKind): string {
  return kind === 'switch_port' ? 'switchPort' : kind;
}

/** Ids are stable: derived from the first identifier (so two stores built from one capture agree), else random. */
function createDevice(state: IdentityState, mac: string | null, seedUuid: string, firstSeen: string, lastSeen: string, stats: IdentityStats): DeviceState {
  let id = seedUuid;
  if (state.takenIds.has(id)) id = randomUUID();
  stats.created++;
  return state.insertDevice(id, mac, firstSeen, lastSeen);
}

/**
 * The id a device first seen with this MAC (`mac:…`) or IP (`ip:…`) gets. The default site keeps the seeds ids had
 * before sites existed; another site's seed names the site, so 10.1.2.3 at two sites makes two ids.
 */
export function seedId(siteId: string, kind: 'mac' | 'ip', value: string): string {
  return uuidFromSeed(siteId === DEFAULT_SITE_ID ? `${kind}:${value}` : `site:${siteId}:${kind}:${value}`);
}

/** RFC 9562 version 5 layout over SHA-1 of the seed (name-based, no namespace needed here). */
function uuidFromSeed(seed: string): string {
  const h = createHash('sha1').update(`wardwatch:${seed}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
