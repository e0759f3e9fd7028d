/** Plain-text tables and the `--format table|json` option of the sbom and vex commands (kept beside their data). */
import { AppError, ErrorCode } from '../../util/app-error.js';

export type TableOrJson = 'table' | 'json';

export function formatOption(value: string): TableOrJson {
  if (value === 'table' || value === 'json') return value;
  throw new AppError(ErrorCode.BadArgument, `unknown format '${value}' (use table, json)`);
}

/** Columns padded to their widest cell (capped so one long name cannot push the rest off screen). */
/** Control characters (ANSI escapes in a hostile SBOM's names) never reach the terminal. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

export function textTable(head: readonly string[], cells: readonly (readonly string[])[], maxWidth = 48): string {
  const rows = cells.map((r) => r.map(printable));
  const widths = head.map((h, i) => Math.min(maxWidth, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const line = (r: readonly string[]): string => r.map((c, i) => c.slice(0, widths[i]).padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return `${[line(head), ...rows.map(line)].join('\n')}\n`;
}
