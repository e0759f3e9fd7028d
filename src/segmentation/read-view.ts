/** What segmentation reads (mission §5): live devices in brief and every conduit between them. */
import type { InventoryStore } from '../store/interfaces.js';
import type { ConduitJson } from '../inventory/types.js';
import { toSegmentDevices } from './segment-devices.js';
import type { SegmentDevice } from './types.js';

export interface SegmentView {
  devices: SegmentDevice[];
  byId: ReadonlyMap<string, SegmentDevice>;
  conduits: ConduitJson[];
}

/** Conduits of retired devices are left out: a rule for a device gone from the network opens a hole for nothing. */
export async function readSegmentView(inventory: Pick<InventoryStore, 'listDeviceBriefs' | 'conduits'>): Promise<SegmentView> {
  const devices = toSegmentDevices(await inventory.listDeviceBriefs());
  const byId = new Map(devices.map((d) => [d.id, d]));
  const conduits = (await inventory.conduits()).filter((c) => byId.has(c.clientId) && byId.has(c.serverId));
  return { devices, byId, conduits };
}
