/** What the segmentation commands read (mission §5): live devices in brief and every conduit between them. */
import type { SqliteInventory } from '../inventory/sqlite/sqlite-inventory.js';
import type { ConduitJson } from '../inventory/types.js';
import { toSegmentDevices } from '../segmentation/segment-devices.js';
import type { SegmentDevice } from '../segmentation/types.js';

export interface SegmentView {
  devices: SegmentDevice[];
  byId: ReadonlyMap<string, SegmentDevice>;
  conduits: ConduitJson[];
}

/** Conduits of retired devices are left out: a rule for a device gone from the network opens a hole for nothing. */
export async function readSegmentView(inventory: SqliteInventory): Promise<SegmentView> {
  const devices = toSegmentDevices(await inventory.listDeviceBriefs());
  const byId = new Map(devices.map((d) => [d.id, d]));
  const conduits = (await inventory.conduits()).filter((c) => byId.has(c.clientId) && byId.has(c.serverId));
  return { devices, byId, conduits };
}

/** `tcp/104 (dicom)`, `icmp`. */
export function serviceText(c: { proto: string; port: number | null; app: string | null }): string {
  const where = c.port === null ? c.proto : `${c.proto}/${String(c.port)}`;
  return c.app === null ? where : `${where} (${c.app})`;
}

/** Columns padded to their widest cell (at most 40), the last one free. */
export function textTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const line = (r: readonly string[]): string => r.map((c, i) => (i === r.length - 1 ? c : c.slice(0, widths[i]).padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return `${[line(head), ...rows.map(line)].join('\n')}\n`;
}
