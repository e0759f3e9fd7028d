/**
 * Segmentation by clinical function (mission §5): conduits learned from observed flows, zones, allow-list policy and
 * a compromised device's blast radius. This stage reads devices and conduits, never bytes.
 */
import type { DeviceCategory } from '../identify/types.js';

export type { ConduitJson } from '../inventory/types.js';

/**
 * A zone: devices of one clinical function share one (the device categories of docs/architecture.md), plus `external` for
 * addresses outside the hospital's networks. A site can name its own zones later; these are the defaults.
 */
export type ZoneName = DeviceCategory | 'external';

/** What segmentation needs of a device. */
export interface SegmentDevice {
  id: string;
  category: DeviceCategory;
  ips: readonly string[];
  /** For people reading a rule or a path: hostname, else vendor and model, else the first IP, else the id. */
  label: string;
}
