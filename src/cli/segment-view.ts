/** Text shared by the segmentation commands (mission §5): services and tables. */
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
