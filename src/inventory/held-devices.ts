/**
 * The devices and address bindings an ingest batch holds in memory while it resolves identity, kept by both
 * dialects' batch states (src/store/sqlite/inventory/batch-state.ts, src/store/postgres/inventory/pg-batch-state.ts); how rows are read
 * and written is theirs.
 */
import type { AddressKind, AddressState, DeviceState } from './identity-state.js';

/** A device's address map key. */
export function addressKey(kind: AddressKind, value: string): string {
  return `${kind}\0${value}`;
}

export abstract class HeldDevices {
  readonly devices = new Map<string, DeviceState>();
  readonly byMac = new Map<string, DeviceState>();
  /** Live IP bindings: complete for every IP the batch names, and for every loaded device. */
  readonly activeIp = new Map<string, AddressState>();
  /** Device and alias ids already in use among those the batch could derive for new devices. */
  readonly takenIds = new Set<string>();
  /** Merged-away id -> the device it went into, for rows written after the merge (conduits). */
  protected readonly survivors = new Map<string, string>();
  /** Called before a merge rewrites rows by SQL (the ingest flushes or queues what it holds back). */
  beforeMerge: () => void = () => undefined;

  /** The id a device has now: itself, or the device it was merged into during this batch (merges chain). */
  survivorOf(id: string): string {
    let current = id;
    for (let next = this.survivors.get(current); next !== undefined; next = this.survivors.get(current)) current = next;
    return current;
  }

  device(id: string): DeviceState {
    const d = this.devices.get(id);
    if (d === undefined) throw new Error(`inventory batch: device ${id} not loaded`);
    return d;
  }

  protected hold(d: DeviceState): DeviceState {
    this.devices.set(d.id, d);
    if (d.mac !== null) this.byMac.set(d.mac, d);
    return d;
  }

  protected holdAddress(a: AddressState): AddressState {
    this.devices.get(a.deviceId)?.addresses.set(addressKey(a.kind, a.value), a);
    if (a.kind === 'ip' && a.releasedAt === null) this.activeIp.set(a.value, a);
    return a;
  }
}
