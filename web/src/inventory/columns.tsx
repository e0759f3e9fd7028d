/** The inventory's columns (TanStack Table): what each shows, how it sorts, and what its filter offers. */
import { createColumnHelper } from '@tanstack/react-table';
import type { DeviceRow } from '../api/all-devices.js';
import { categoryLabel, deviceName, riskRank, shortTime } from '../components/labels.js';
import { RiskBadge } from '../components/RiskBadge.js';
import { Link } from '../router.js';
import type { FilterId } from './filters.js';

const col = createColumnHelper<DeviceRow>();

/** Column width in the grid (CSS grid-template-columns), kept with the column so header and rows line up. */
export interface ColumnMeta {
  width: string;
  filter: FilterId | null;
}

export const COLUMNS = [
  col.accessor((d) => riskRank(d.risk?.level) * 1000 + (d.risk?.score ?? 0), {
    id: 'risk', header: 'Risk', cell: (c) => <RiskBadge risk={c.row.original.risk} />, meta: { width: '7.5rem', filter: 'risk' },
  }),
  col.accessor((d) => deviceName(d).toLowerCase(), {
    id: 'name', header: 'Name',
    cell: (c) => <Link to={`/devices/${encodeURIComponent(c.row.original.id)}`} tabIndex={-1}>{deviceName(c.row.original)}</Link>,
    meta: { width: 'minmax(9rem, 1.3fr)', filter: 'name' },
  }),
  col.accessor((d) => d.ips[0] ?? '', { id: 'ip', header: 'IP', cell: (c) => c.row.original.ips.join(', '), meta: { width: '8rem', filter: 'ip' } }),
  col.accessor((d) => d.mac ?? '', { id: 'mac', header: 'MAC', meta: { width: '9.5rem', filter: 'mac' } }),
  col.accessor((d) => d.vendor ?? '', { id: 'vendor', header: 'Vendor', meta: { width: 'minmax(7rem, 1fr)', filter: 'vendor' } }),
  col.accessor((d) => d.model ?? '', { id: 'model', header: 'Model', meta: { width: 'minmax(6rem, 1fr)', filter: 'model' } }),
  col.accessor((d) => d.type ?? '', { id: 'type', header: 'Type', meta: { width: 'minmax(7rem, 1fr)', filter: 'type' } }),
  col.accessor((d) => d.category, { id: 'category', header: 'Category / zone', cell: (c) => categoryLabel(c.row.original.category), meta: { width: '9rem', filter: 'category' } }),
  col.accessor((d) => d.os.label ?? d.os.name ?? '', {
    id: 'os', header: 'OS',
    cell: (c) => (
      <>
        {c.row.original.os.label ?? c.row.original.os.name ?? '—'}
        {c.row.original.os.endOfLife === true && <span className="badge eol">EOL</span>}
      </>
    ),
    meta: { width: 'minmax(7rem, 1fr)', filter: 'os' },
  }),
  col.accessor((d) => d.protocols.join(' '), { id: 'protocols', header: 'Protocols', meta: { width: 'minmax(7rem, 1fr)', filter: 'protocols' } }),
  col.accessor((d) => d.lastSeen, { id: 'lastSeen', header: 'Last seen', cell: (c) => shortTime(c.row.original.lastSeen), meta: { width: '8.5rem', filter: null } }),
];

/** Every column above has its meta; the fallback keeps a column added without one visible. */
export function metaOf(columnDef: { meta?: unknown }): ColumnMeta {
  return (columnDef.meta as ColumnMeta | undefined) ?? { width: '1fr', filter: null };
}

export const GRID_TEMPLATE = COLUMNS.map((c) => metaOf(c).width).join(' ');
