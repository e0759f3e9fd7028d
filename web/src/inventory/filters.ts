/**
 * The inventory's filters as URL parameters, so every filtered view is a link (the overview's figures point here).
 * Column filters are exact (category, risk, vendor, type) or substring (name, address, model, OS, protocols); `q`
 * searches every text field; `eol=yes` keeps end-of-life operating systems; `firstSeenSince` keeps new devices.
 * `zone` is accepted as a category: the server's zones are the clinical categories (src/app/device-page.ts).
 */
import type { DeviceRow } from '../api/all-devices.js';
import { deviceName } from '../components/labels.js';

export const EXACT_FILTERS = ['risk', 'category', 'vendor', 'type'] as const;
export const TEXT_FILTERS = ['name', 'ip', 'mac', 'model', 'os', 'protocols'] as const;
export type FilterId = (typeof EXACT_FILTERS)[number] | (typeof TEXT_FILTERS)[number];
export const FILTER_IDS: readonly FilterId[] = [...EXACT_FILTERS, ...TEXT_FILTERS];

export interface InventoryFilters {
  columns: Partial<Record<FilterId, string>>;
  q: string;
  eol: boolean;
  firstSeenSince: string | null;
}

export function filtersFromParams(p: URLSearchParams): InventoryFilters {
  const columns: Partial<Record<FilterId, string>> = {};
  for (const id of FILTER_IDS) {
    const v = p.get(id);
    if (v !== null && v !== '') columns[id] = v;
  }
  const zone = p.get('zone');
  if (columns.category === undefined && zone !== null && zone !== '') columns.category = zone;
  return { columns, q: p.get('q') ?? '', eol: p.get('eol') === 'yes', firstSeenSince: p.get('firstSeenSince') };
}

export function paramsFromFilters(f: InventoryFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q !== '') p.set('q', f.q);
  for (const id of FILTER_IDS) {
    const v = f.columns[id];
    if (v !== undefined && v !== '') p.set(id, v);
  }
  if (f.eol) p.set('eol', 'yes');
  if (f.firstSeenSince !== null) p.set('firstSeenSince', f.firstSeenSince);
  return p;
}

/** A column's value as its filter and the CSV read it. */
export function cellText(d: DeviceRow, id: FilterId): string {
  switch (id) {
    case 'risk': return d.risk?.level ?? '';
    case 'category': return d.category;
    case 'vendor': return d.vendor ?? '';
    case 'type': return d.type ?? '';
    case 'name': return deviceName(d);
    case 'ip': return d.ips.join(' ');
    case 'mac': return d.mac ?? '';
    case 'model': return d.model ?? '';
    case 'os': return d.os.label ?? d.os.name ?? '';
    case 'protocols': return d.protocols.join(' ');
  }
}

/** Everything `q` looks through, lower-cased once per device. */
export function searchText(d: DeviceRow): string {
  return [d.id, d.mac, ...d.ips, ...d.hostnames, d.vendor, d.model, d.type, d.category, d.os.label, d.os.name, d.firmware,
    d.location, d.department, d.assetTag, d.owner, d.serial, ...d.protocols, ...d.dicom.aeTitles]
    .filter((v): v is string => v !== null && v !== '').join('\n').toLowerCase();
}

/** A predicate for every filter at once; the search text is cached per device object. */
export function matcher(f: InventoryFilters): (d: DeviceRow) => boolean {
  const exact = EXACT_FILTERS.flatMap((id) => (f.columns[id] === undefined ? [] : [[id, f.columns[id].toLowerCase()] as const]));
  const text = TEXT_FILTERS.flatMap((id) => (f.columns[id] === undefined ? [] : [[id, f.columns[id].toLowerCase()] as const]));
  const q = f.q.trim().toLowerCase();
  const since = f.firstSeenSince === null ? null : Date.parse(f.firstSeenSince);
  return (d) => {
    if (f.eol && d.os.endOfLife !== true) return false;
    if (since !== null && Number.isFinite(since) && Date.parse(d.firstSeen) < since) return false;
    for (const [id, v] of exact) if (cellText(d, id).toLowerCase() !== v) return false;
    for (const [id, v] of text) if (!cellText(d, id).toLowerCase().includes(v)) return false;
    return q === '' || cachedSearchText(d).includes(q);
  };
}

const searchCache = new WeakMap<DeviceRow, string>();

function cachedSearchText(d: DeviceRow): string {
  let s = searchCache.get(d);
  if (s === undefined) {
    s = searchText(d);
    searchCache.set(d, s);
  }
  return s;
}
