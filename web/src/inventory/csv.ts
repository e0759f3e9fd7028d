/**
 * CSV of what the inventory shows (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes
 * doubled). A field that a spreadsheet would run as a formula (starting =, +, -, @, tab or carriage return) is
 * prefixed with an apostrophe, as OWASP's "CSV Injection" page advises: device names and banners come from the wire.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null;
}

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(c.value(r))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Offers `text` as a file download (a blob URL: nothing leaves the browser). */
export function download(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => { URL.revokeObjectURL(url); }, 10_000);
}
