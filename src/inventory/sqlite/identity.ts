/** Device identity (issue 4 §3): MAC first, IP-only devices behind routers, merge when a MAC appears, DHCP moves. */
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { addHistory, latestAddress, touchAddress, type Tx } from './tx.js';
import { mergeDevices } from './merge.js';

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

/** Find or make the device for a key seen between `firstSeen` and `lastSeen` (ISO), binding its MAC and IP. */
export async function resolveDevice(
  tx: Tx,
  key: ResolvedKey,
  firstSeen: string,
  lastSeen: string,
  stats: IdentityStats,
): Promise<string> {
  const { mac, ip } = key;
  if (mac === null) {
    if (ip === null) throw new Error('resolveDevice: key without mac and ip');
    const owner = await activeIpOwner(tx, ip);
    const id = owner?.deviceId ?? (await createDevice(tx, null, `ip:${ip}`, firstSeen, lastSeen, stats));
    await bindIp(tx, id, ip, firstSeen, lastSeen, stats);
    return id;
  }
  let id = await deviceByMac(tx, mac);
  const owner = ip === null ? null : await activeIpOwner(tx, ip);
  if (id === null) {
    if (owner !== null && owner.mac === null) {
      // The IP-only device was this MAC all along: it keeps its id and gains the MAC.
      id = owner.deviceId;
      await tx.updateTable('devices').set({ mac }).where('id', '=', id).execute();
      await addHistory(tx, id, 'mac', null, mac, lastSeen, 'inferred');
    } else {
      id = await createDevice(tx, mac, `mac:${mac}`, firstSeen, lastSeen, stats);
    }
  } else if (owner !== null && owner.mac === null && owner.deviceId !== id) {
    await mergeDevices(tx, owner.deviceId, id, lastSeen);
    stats.merged++;
  }
  await touchAddress(tx, id, 'mac', mac, firstSeen, lastSeen);
  if (ip !== null) await bindIp(tx, id, ip, firstSeen, lastSeen, stats);
  return id;
}

async function deviceByMac(tx: Tx, mac: string): Promise<string | null> {
  const row = await tx.selectFrom('devices').select('id').where('mac', '=', mac).executeTakeFirst();
  return row?.id ?? null;
}

interface IpOwner {
  bindingId: number;
  deviceId: string;
  mac: string | null;
  lastSeen: string;
}

async function activeIpOwner(tx: Tx, ip: string): Promise<IpOwner | null> {
  const row = await tx
    .selectFrom('device_addresses as a')
    .innerJoin('devices as d', 'd.id', 'a.device_id')
    .select(['a.id as bindingId', 'a.device_id as deviceId', 'd.mac as mac', 'a.last_seen as lastSeen'])
    .where('a.kind', '=', 'ip')
    .where('a.value', '=', ip)
    .where('a.released_at', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Bind an IP to a device. If another device holds it and this sighting is not older than that binding, the IP moved
 * (DHCP): the old binding is released and keeps its last_seen. An older sighting (a capture re-ingested late) is kept
 * as released history, so re-ingesting never flips the binding back.
 */
async function bindIp(tx: Tx, deviceId: string, ip: string, firstSeen: string, lastSeen: string, stats: IdentityStats): Promise<void> {
  const owner = await activeIpOwner(tx, ip);
  let releasedAt: string | null = null;
  if (owner !== null && owner.deviceId !== deviceId) {
    if (lastSeen >= owner.lastSeen) {
      await tx.updateTable('device_addresses').set({ released_at: lastSeen }).where('id', '=', owner.bindingId).execute();
      await addHistory(tx, owner.deviceId, 'ip', ip, null, lastSeen, 'inferred');
      stats.ipMoves++;
    } else {
      releasedAt = owner.lastSeen;
    }
  }
  const had = await tx
    .selectFrom('device_addresses')
    .select(['id', 'released_at'])
    .where('device_id', '=', deviceId)
    .where('kind', '=', 'ip')
    .where('value', '=', ip)
    .executeTakeFirst();
  if (had !== undefined) {
    await tx
      .updateTable('device_addresses')
      .set({
        first_seen: sql`min(first_seen, ${firstSeen})`,
        last_seen: sql`max(last_seen, ${lastSeen})`,
        released_at: releasedAt === null ? null : sql`coalesce(released_at, ${releasedAt})`,
      })
      .where('id', '=', had.id)
      .execute();
    if (had.released_at !== null && releasedAt === null) await addHistory(tx, deviceId, 'ip', null, ip, lastSeen, 'inferred');
    return;
  }
  const previous = releasedAt === null ? await latestAddress(tx, deviceId, 'ip') : null;
  await tx
    .insertInto('device_addresses')
    .values({ device_id: deviceId, kind: 'ip', value: ip, first_seen: firstSeen, last_seen: lastSeen, released_at: releasedAt })
    .execute();
  // A device's first IP is not a change; a second one, or one taken from another device, is.
  if (releasedAt === null && (previous !== null || owner !== null)) {
    await addHistory(tx, deviceId, 'ip', previous, ip, lastSeen, 'inferred');
  }
}

/** Ids are stable: derived from the first identifier (so two stores built from one capture agree), else random. */
async function createDevice(
  tx: Tx,
  mac: string | null,
  seed: string,
  firstSeen: string,
  lastSeen: string,
  stats: IdentityStats,
): Promise<string> {
  let id = uuidFromSeed(seed);
  const taken =
    (await tx.selectFrom('devices').select('id').where('id', '=', id).executeTakeFirst()) ??
    (await tx.selectFrom('device_aliases').select('alias_id as id').where('alias_id', '=', id).executeTakeFirst());
  if (taken !== undefined) id = randomUUID();
  await tx.insertInto('devices').values({ id, mac, first_seen: firstSeen, last_seen: lastSeen, retired_at: null, vendor: null, model: null, type: null, os_name: null, os_version: null, os_label: null, os_end_of_life: null, firmware: null, serial: null, location: null, department: null, asset_tag: null, owner: null, support_end: null, support_status: null }).execute();
  stats.created++;
  return id;
}

/** RFC 9562 version 5 layout over SHA-1 of the seed (name-based, no namespace needed here). */
function uuidFromSeed(seed: string): string {
  const h = createHash('sha1').update(`wardwatch:${seed}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
