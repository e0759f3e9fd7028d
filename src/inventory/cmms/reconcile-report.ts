/** What reconciling the biomed register with the wire reports, and when a register value and a seen one agree. */
import type { DeviceJson } from '../types.js';
import type { RegisterField } from './column-map.js';

export interface ReconcileMatch {
  deviceId: string;
  line: number;
  matchedOn: string;
  register: Partial<Record<RegisterField, string>>;
}

/** A seen device as reconcile reports it: the inventory's own fields, under its id. */
export type SeenDevice = { deviceId: string } & Pick<DeviceJson, 'mac' | 'ips' | 'hostnames' | 'vendor' | 'model' | 'type'>;

export interface RegisteredNotSeen {
  line: number;
  register: Partial<Record<RegisterField, string>>;
  /** Set when the row matched a device that has since been retired (unseen for the retirement period). */
  retiredDeviceId: string | null;
}

export interface Conflict {
  deviceId: string;
  field: string;
  register: string;
  wire: string;
}

export interface ReconcileReport {
  matched: ReconcileMatch[];
  seenNotRegistered: SeenDevice[];
  registeredNotSeen: RegisteredNotSeen[];
  conflicts: Conflict[];
}

/** The fields where a register and the wire can both speak. */
export const CONFLICT_FIELDS = ['vendor', 'model', 'serial'];

function words(value: string): string[] {
  return value.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
}

/** Two spellings agree when the words of one all occur in the other: "GE" and "GE Healthcare", "Philips" and
 *  "Philips Medical Systems" are one vendor; "Siemens" and "GE Healthcare" are not. */
export function valuesAgree(field: string, a: string, b: string): boolean {
  // A serial is one token: punctuation and case aside it must be equal.
  if (field === 'serial') return words(a).join('') === words(b).join('');
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 || wb.length === 0) return wa.length === wb.length;
  const [short, long] = wa.length <= wb.length ? [wa, new Set(wb)] : [wb, new Set(wa)];
  return short.every((w) => long.has(w));
}
