/** The inventory as CSV (RFC 4180), one row a device: the columns `wardwatch devices --format csv` and the API share. */
import type { DeviceJson } from '../inventory/types.js';

export const CSV_COLUMNS: readonly [string, (d: DeviceJson) => string | number | boolean | null][] = [
  ['id', (d) => d.id],
  ['mac', (d) => d.mac],
  ['ips', (d) => d.ips.join(' ')],
  ['hostnames', (d) => d.hostnames.join(' ')],
  ['vendor', (d) => d.vendor],
  ['model', (d) => d.model],
  ['type', (d) => d.type],
  ['category', (d) => d.category],
  ['os_name', (d) => d.os.name],
  ['os_version', (d) => d.os.version],
  ['os_label', (d) => d.os.label],
  ['os_end_of_life', (d) => d.os.endOfLife],
  ['firmware', (d) => d.firmware],
  ['serial', (d) => d.serial],
  ['protocols', (d) => d.protocols.join(' ')],
  ['location', (d) => d.location],
  ['department', (d) => d.department],
  ['asset_tag', (d) => d.assetTag],
  ['support_status', (d) => d.supportStatus],
  ['confidence', (d) => d.confidence],
  ['first_seen', (d) => d.firstSeen],
  ['last_seen', (d) => d.lastSeen],
];

/** RFC 4180 quoting, and a leading quote on values a spreadsheet would run as a formula (CSV injection). */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header line, CRLF-terminated. */
export function csvHeader(): string {
  return `${CSV_COLUMNS.map(([h]) => h).join(',')}\r\n`;
}

/** One device's row, CRLF-terminated. */
export function csvRow(d: DeviceJson): string {
  return `${CSV_COLUMNS.map(([, get]) => csvCell(get(d))).join(',')}\r\n`;
}
