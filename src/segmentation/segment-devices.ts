/** Devices as segmentation sees them: a zone (their category), their addresses, and a name people recognise. */
import type { DeviceBrief } from '../inventory/types.js';
import type { SegmentDevice } from './types.js';

/** Hostname, else vendor and model, else the first address, else the id: what a rule comment or a path shows. */
export function deviceLabel(d: DeviceBrief): string {
  const hostname = d.hostnames[0];
  if (hostname !== undefined) return hostname;
  const product = [d.vendor, d.model].filter((p) => p !== null).join(' ');
  if (product !== '') return d.ips[0] === undefined ? product : `${product} ${d.ips[0]}`;
  return d.ips[0] ?? d.id;
}

export function toSegmentDevices(briefs: readonly DeviceBrief[]): SegmentDevice[] {
  return briefs.map((d) => ({ id: d.id, category: d.category, ips: d.ips, label: deviceLabel(d) }));
}
