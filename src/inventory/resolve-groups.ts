/**
 * The heart of one ingest batch on either dialect: each key group resolved to its device, its seen window and
 * address-like evidence recorded, its facts summed per device. Writes go through the state (written at once on
 * SQLite, queued on PostgreSQL); the caller writes the summed facts.
 */
import { iso, type AddressKind, type IdentityState } from './identity-state.js';
import type { PendingFacts } from './pending-facts.js';
import type { KeyGroup } from './group-batch.js';
import { resolveDevice, touchAddress, touchDevice, type IdentityStats } from './identity.js';

/** Evidence about these attributes is also an address of the device, with its own history. */
const ADDRESS_ATTRIBUTES: Partial<Record<string, Exclude<AddressKind, 'ip' | 'mac'>>> = {
  hostname: 'hostname',
  vlan: 'vlan',
  switchPort: 'switch_port',
};

export interface ResolvedGroups {
  stats: IdentityStats;
  /** Input key string -> device id (as resolved then: a later merge in the batch is the state's survivorOf). */
  deviceIds: Map<string, string>;
  evidenceRows: number;
  /** The batch's earliest packet time, Infinity when it had none. */
  firstPacketMs: number;
}

export function resolveGroups(state: IdentityState, groups: readonly KeyGroup[], facts: PendingFacts): ResolvedGroups {
  const stats: IdentityStats = { created: 0, merged: 0, ipMoves: 0 };
  const deviceIds = new Map<string, string>();
  let evidenceRows = 0;
  // The batch's packet-time span, kept with the run: `changes` finds the last run's start on the capture clock.
  let firstPacketMs = Infinity;
  for (const group of groups) {
    if (group.firstMs < firstPacketMs) firstPacketMs = group.firstMs;
    const first = iso(group.firstMs);
    const last = iso(group.lastMs);
    const id = resolveDevice(state, group.key, first, last, stats);
    for (const k of group.inputKeys) deviceIds.set(k, id);
    touchDevice(state, id, first, last);
    for (const agg of group.evidence.values()) {
      const kind = ADDRESS_ATTRIBUTES[agg.attribute];
      if (kind !== undefined) touchAddress(state, id, kind, agg.value, iso(agg.firstMs), iso(agg.lastMs));
    }
    facts.add(id, group);
    evidenceRows += group.evidence.size;
  }
  return { stats, deviceIds, evidenceRows, firstPacketMs };
}
