/**
 * What identity resolution (identity.ts) asks of a batch's state: the devices and bindings the batch can reach,
 * held in memory, and the writes that keep them in step. SQLite writes each one at once on its synchronous handle
 * (src/store/sqlite/inventory/batch-state.ts); PostgreSQL queues them in order and sends them at the end of the batch
 * (src/store/postgres/inventory/pg-batch-state.ts), so resolution stays synchronous on both.
 */

/** The kinds of address a device is bound to (the `device_addresses.kind` column). */
export type AddressKind = 'mac' | 'ip' | 'hostname' | 'vlan' | 'switch_port';

/** Who made an attribute change (the `attribute_history.origin` column). */
export type HistoryOrigin = 'inferred' | 'user' | 'import';

export interface AddressState {
  id: number;
  deviceId: string;
  kind: AddressKind;
  value: string;
  firstSeen: string;
  lastSeen: string;
  releasedAt: string | null;
}

export interface DeviceState {
  id: string;
  mac: string | null;
  firstSeen: string;
  lastSeen: string;
  retiredAt: string | null;
  /** Every binding of the device, released ones too, by `kind\0value`. */
  addresses: Map<string, AddressState>;
}

/** A stored time: ISO 8601 in UTC, as every timestamp column holds it. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export interface IdentityState {
  /** The site of every device this batch reads and writes. */
  readonly siteId: string;
  readonly byMac: Map<string, DeviceState>;
  /** Live IP bindings: complete for every IP the batch names, and for every loaded device. */
  readonly activeIp: Map<string, AddressState>;
  /** Device and alias ids already in use among those the batch could derive for new devices. */
  readonly takenIds: Set<string>;
  device(id: string): DeviceState;
  insertDevice(id: string, mac: string | null, firstSeen: string, lastSeen: string): DeviceState;
  writeDevice(d: DeviceState): void;
  insertAddress(d: DeviceState, kind: AddressKind, value: string, firstSeen: string, lastSeen: string, releasedAt: string | null): AddressState;
  writeAddress(a: AddressState): void;
  history(deviceId: string, attribute: string, oldValue: string | null, newValue: string | null, changedAt: string, origin?: HistoryOrigin): void;
  /** Merge the IP-only device `fromId` into the MAC device `intoId` (its rows move), and hold the survivor as merged. */
  merge(fromId: string, intoId: string, at: string): void;
}
