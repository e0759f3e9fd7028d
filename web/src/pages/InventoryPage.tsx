/**
 * The inventory for the clinical engineer: every device (10,000 and more) in one scrolling grid that renders only
 * the rows in view, filtered as one types, sorted by any column, exported to CSV as filtered, and driven from the
 * keyboard (arrows, Page Up/Down, Home/End, Enter opens the device).
 */
import { getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { flexRender } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { forgetDevices, useAllDevices, type DeviceRow } from '../api/all-devices.js';
import { RISK_LEVELS } from '../api/types.js';
import { categoryLabel, deviceName } from '../components/labels.js';
import { toCsv, download, type CsvColumn } from '../inventory/csv.js';
import { COLUMNS, GRID_TEMPLATE, metaOf } from '../inventory/columns.js';
import { EXACT_FILTERS, filtersFromParams, matcher, paramsFromFilters, type FilterId, type InventoryFilters } from '../inventory/filters.js';
import { navigate, setParams, useLocation } from '../router.js';

const ROW_PX = 34;
const CSV_COLUMNS: readonly CsvColumn<DeviceRow>[] = [
  { header: 'id', value: (d) => d.id },
  { header: 'name', value: (d) => deviceName(d) },
  { header: 'ips', value: (d) => d.ips.join(' ') },
  { header: 'mac', value: (d) => d.mac },
  { header: 'vendor', value: (d) => d.vendor },
  { header: 'model', value: (d) => d.model },
  { header: 'type', value: (d) => d.type },
  { header: 'category', value: (d) => d.category },
  { header: 'os', value: (d) => d.os.label ?? d.os.name },
  { header: 'osEndOfLife', value: (d) => d.os.endOfLife },
  { header: 'protocols', value: (d) => d.protocols.join(' ') },
  { header: 'riskLevel', value: (d) => d.risk?.level ?? null },
  { header: 'riskScore', value: (d) => d.risk?.score ?? null },
  { header: 'location', value: (d) => d.location },
  { header: 'department', value: (d) => d.department },
  { header: 'assetTag', value: (d) => d.assetTag },
  { header: 'firstSeen', value: (d) => d.firstSeen },
  { header: 'lastSeen', value: (d) => d.lastSeen },
];

/** The values an exact filter offers: those present in the inventory. */
function choices(rows: readonly DeviceRow[], id: FilterId): string[] {
  if (id === 'risk') return [...RISK_LEVELS];
  const seen = new Set<string>();
  for (const d of rows) {
    const v = id === 'category' ? d.category : id === 'vendor' ? d.vendor : id === 'type' ? d.type : null;
    if (v !== null && v !== '') seen.add(v);
  }
  return [...seen].sort((a, b) => a.localeCompare(b));
}

export function InventoryPage(): ReactNode {
  const [version, setVersion] = useState(0);
  const load = useAllDevices(version);
  const { href } = useLocation();
  // Keyed by the URL text: a new URLSearchParams object per render must not refilter 10,000 rows.
  const filters = useMemo(() => filtersFromParams(new URL(href, window.location.origin).searchParams), [href]);
  // Typing stays responsive with 10,000 rows: the grid filters on the deferred value.
  const deferred = useDeferredValue(filters);
  const rows = useMemo(() => load.rows.filter(matcher(deferred)), [load.rows, deferred]);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'risk', desc: true }]);
  const table = useReactTable({
    data: rows, columns: COLUMNS, state: { sorting }, onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel(),
  });
  const sorted = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: sorted.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 12 });
  const [active, setActive] = useState(0);
  const activeIndex = Math.min(active, Math.max(0, sorted.length - 1));

  const update = (change: (f: InventoryFilters) => InventoryFilters): void => {
    setParams(paramsFromFilters(change(filtersFromParams(new URLSearchParams(window.location.search)))));
    setActive(0);
  };
  const setColumn = (id: FilterId, value: string): void => {
    update((f) => ({ ...f, columns: { ...f.columns, [id]: value === '' ? undefined : value } }));
  };
  const filtered = Object.keys(filters.columns).length > 0 || filters.q !== '' || filters.eol || filters.firstSeenSince !== null;

  const open = (i: number): void => {
    const d = sorted[i]?.original;
    if (d !== undefined) navigate(`/devices/${encodeURIComponent(d.id)}`);
  };
  const move = (i: number): void => {
    const next = Math.max(0, Math.min(sorted.length - 1, i));
    setActive(next);
    virtual.scrollToIndex(next, { align: 'auto' });
  };
  const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / ROW_PX) - 1);
  const keys: Record<string, () => void> = {
    ArrowDown: () => { move(activeIndex + 1); }, ArrowUp: () => { move(activeIndex - 1); },
    PageDown: () => { move(activeIndex + page); }, PageUp: () => { move(activeIndex - page); },
    Home: () => { move(0); }, End: () => { move(sorted.length - 1); }, Enter: () => { open(activeIndex); },
  };
  const onKey = (e: KeyboardEvent): void => {
    const k = keys[e.key];
    if (k === undefined) return;
    e.preventDefault();
    k();
  };

  const exportCsv = (): void => {
    download(filtered ? 'wardwatch-inventory-filtered.csv' : 'wardwatch-inventory.csv', toCsv(sorted.map((r) => r.original), CSV_COLUMNS));
  };

  return (
    <section className="inventory">
      <div className="page-head">
        <h1>Inventory</h1>
        <p className="count" role="status" aria-live="polite">
          {rows.length.toLocaleString('en-US')} of {load.rows.length.toLocaleString('en-US')} devices{load.done ? '' : ' (loading…)'}
        </p>
      </div>
      {load.error !== null && <p className="error" role="alert">Could not read the inventory: {load.error}</p>}
      <div className="toolbar">
        <label className="search">
          <span className="sr-only">Search every field</span>
          <input type="search" placeholder="Search name, IP, MAC, vendor, model, AE title…" value={filters.q}
            onChange={(e) => { update((f) => ({ ...f, q: e.target.value })); }} />
        </label>
        <label className="check"><input type="checkbox" checked={filters.eol} onChange={(e) => { update((f) => ({ ...f, eol: e.target.checked })); }} /> End-of-life OS only</label>
        {filters.firstSeenSince !== null && (
          <button type="button" className="chip" onClick={() => { update((f) => ({ ...f, firstSeenSince: null })); }}>
            New since {filters.firstSeenSince.slice(0, 16).replace('T', ' ')} ✕<span className="sr-only"> (remove filter)</span>
          </button>
        )}
        {filtered && <button type="button" onClick={() => { setParams(new URLSearchParams()); }}>Clear filters</button>}
        <span className="spacer" />
        <button type="button" onClick={exportCsv} disabled={sorted.length === 0}>Export CSV ({sorted.length.toLocaleString('en-US')})</button>
        <button type="button" onClick={() => { forgetDevices(); setVersion((v) => v + 1); }}>Refresh</button>
      </div>
      <div className="grid-scroll" ref={scroller}>
        <table className="grid" role="grid" aria-label="Devices" aria-rowcount={sorted.length + 2} tabIndex={0}
          aria-activedescendant={sorted.length > 0 ? `device-row-${String(activeIndex)}` : undefined} onKeyDown={onKey}>
          <thead role="rowgroup">
            <tr role="row" aria-rowindex={1} style={{ gridTemplateColumns: GRID_TEMPLATE }}>
              {table.getFlatHeaders().map((h) => {
                const dir = h.column.getIsSorted();
                return (
                  <th key={h.id} role="columnheader" scope="col" aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}>
                    <button type="button" className="sort" onClick={h.column.getToggleSortingHandler()}>
                      {flexRender(h.column.columnDef.header, h.getContext())}{dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}
                    </button>
                  </th>
                );
              })}
            </tr>
            <tr role="row" aria-rowindex={2} className="filters" style={{ gridTemplateColumns: GRID_TEMPLATE }}>
              {table.getFlatHeaders().map((h) => {
                const id = metaOf(h.column.columnDef).filter;
                const label = `Filter ${typeof h.column.columnDef.header === 'string' ? h.column.columnDef.header : h.id}`;
                return (
                  <td key={h.id} role="gridcell">
                    {id !== null && (EXACT_FILTERS as readonly string[]).includes(id) ? (
                      <select aria-label={label} value={filters.columns[id] ?? ''} onChange={(e) => { setColumn(id, e.target.value); }}>
                        <option value="">all</option>
                        {choices(load.rows, id).map((v) => <option key={v} value={v}>{id === 'category' ? categoryLabel(v) : v}</option>)}
                      </select>
                    ) : id !== null ? (
                      <input aria-label={label} type="text" value={filters.columns[id] ?? ''} onChange={(e) => { setColumn(id, e.target.value); }} />
                    ) : null}
                  </td>
                );
              })}
            </tr>
          </thead>
          <tbody role="rowgroup" style={{ height: `${String(virtual.getTotalSize())}px` }}>
            {virtual.getVirtualItems().map((v) => {
              const row = sorted[v.index];
              if (row === undefined) return null;
              return (
                <tr key={row.id} id={`device-row-${String(v.index)}`} role="row" aria-rowindex={v.index + 3} aria-selected={v.index === activeIndex}
                  className={v.index === activeIndex ? 'active' : undefined}
                  style={{ transform: `translateY(${String(v.start)}px)`, gridTemplateColumns: GRID_TEMPLATE }}
                  onClick={() => { setActive(v.index); }} onDoubleClick={() => { open(v.index); }}>
                  {row.getVisibleCells().map((c) => <td key={c.id} role="gridcell">{flexRender(c.column.columnDef.cell, c.getContext())}</td>)}
                </tr>
              );
            })}
          </tbody>
        </table>
        {load.done && sorted.length === 0 && <p className="empty">No device matches these filters.</p>}
      </div>
    </section>
  );
}
