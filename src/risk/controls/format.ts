/** Text tables for `wardwatch controls … list`; JSON output is the objects themselves. */
import { textTable } from '../../util/text-table.js';
import { describeTarget } from '../applicability.js';
import type { Control, MaintenanceWindow, ModelSupport } from '../types.js';

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return rows.length === 0 ? '' : textTable(head, rows);
}

/** Expired controls stay listed (they are history) but are marked: they no longer lower any score. */
export function controlsTable(controls: readonly Control[], todayIso: string): string {
  if (controls.length === 0) return 'no compensating controls recorded\n';
  return table(
    ['ID', 'KIND', 'APPLIES TO', 'EXPIRES', 'BY', 'DESCRIPTION'],
    controls.map((c) => [c.id, c.kind, describeTarget(c), c.expires === null ? '' : c.expires < todayIso ? `${c.expires} (expired)` : c.expires, c.by, c.description]),
  );
}

export function windowsTable(windows: readonly MaintenanceWindow[]): string {
  if (windows.length === 0) return 'no maintenance windows recorded\n';
  return table(['ID', 'APPLIES TO', 'SCHEDULE', 'BY', 'DESCRIPTION'], windows.map((w) => [w.id, describeTarget(w), w.schedule, w.by, w.description]));
}

export function supportTable(support: readonly ModelSupport[], todayIso: string): string {
  if (support.length === 0) return 'no model support recorded\n';
  return table(
    ['VENDOR', 'MODEL', 'END OF SUPPORT', 'STATUS', 'SOURCE', 'NOTES'],
    support.map((s) => [s.vendor, s.model, s.endOfSupport === null ? '' : `${s.endOfSupport}${s.endOfSupport < todayIso ? ' (past)' : ''}`, s.status ?? '', s.source, s.notes ?? '']),
  );
}
