/** One register row's cells to checked field values: trimmed, MAC and IP normalised, dates made ISO. */
import { isIP } from 'node:net';
import { DEVICE_CATEGORIES } from '../../identify/types.js';
import { normalizeMac } from '../manual-fields.js';
import type { RegisterField } from './column-map.js';

export interface RowValues {
  values: Partial<Record<RegisterField, string>>;
  /** Values dropped because they are not what the field holds, e.g. `supportEnd: "soon"`. */
  invalid: { field: RegisterField; value: string }[];
}

/** `2026-12-31`, `2026-12-31T00:00:00Z`, `2026-12-31 00:00` -> `2026-12-31`. Day-first and month-first forms are
 *  refused: `03/04/2026` means two different dates on the two sides of the Atlantic. */
function isoDate(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (m === null) return null;
  const date = `${m[1] ?? ''}-${m[2] ?? ''}-${m[3] ?? ''}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : null;
}

/** Cells are text and stay text: `=HYPERLINK(…)` or `+1-555` is stored as written, never evaluated. */
function checkValue(field: RegisterField, raw: string): string | null {
  switch (field) {
    case 'mac':
      return normalizeMac(raw);
    case 'ip': {
      const ip = raw.toLowerCase();
      return isIP(ip) === 0 ? null : ip;
    }
    case 'supportEnd':
      return isoDate(raw);
    case 'category':
      return (DEVICE_CATEGORIES as readonly string[]).includes(raw) ? raw : null;
    default:
      return raw;
  }
}

export function rowValues(cells: readonly string[], columns: readonly (RegisterField | null)[]): RowValues {
  const out: RowValues = { values: {}, invalid: [] };
  columns.forEach((field, i) => {
    if (field === null) return;
    const raw = (cells[i] ?? '').trim();
    if (raw === '' || out.values[field] !== undefined) return;
    const value = checkValue(field, raw);
    if (value === null) out.invalid.push({ field, value: raw });
    else out.values[field] = value;
  });
  return out;
}
