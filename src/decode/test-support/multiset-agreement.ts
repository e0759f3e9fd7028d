/** Test support: how far our decoded values agree with tshark's, per field, as multisets (order-free). */
import type { TsharkFieldsOptions } from '../../test-support/tshark.js';

/** Joins the occurrences of one field in a row (a character no SMB/SNMP name holds, unlike tshark's default ','). */
export const OCCURRENCE_SEPARATOR = '\u001f';

/** `tsharkFields` options for rows read with `occurrences`: every occurrence, joined with OCCURRENCE_SEPARATOR. */
export const ALL_OCCURRENCES = { occurrence: 'a', aggregator: OCCURRENCE_SEPARATOR } as const satisfies TsharkFieldsOptions;

export interface FieldAgreement {
  field: string;
  /** Values both sides produced (multiset intersection). */
  agree: number;
  /** Values only tshark produced / only we produced. */
  onlyTshark: string[];
  onlyOurs: string[];
}

export function compareValues(field: string, tshark: readonly string[], ours: readonly string[]): FieldAgreement {
  const left = new Map<string, number>();
  for (const v of tshark) left.set(v, (left.get(v) ?? 0) + 1);
  const onlyOurs: string[] = [];
  let agree = 0;
  for (const v of ours) {
    const n = left.get(v) ?? 0;
    if (n > 0) {
      left.set(v, n - 1);
      agree++;
    } else onlyOurs.push(v);
  }
  const onlyTshark: string[] = [];
  for (const [v, n] of left) for (let i = 0; i < n; i++) onlyTshark.push(v);
  return { field, agree, onlyTshark, onlyOurs };
}

/** Sum of agreements over fields: agree / (agree + disagreements), 1 when nothing was compared. */
export function agreementRatio(rows: readonly FieldAgreement[]): number {
  let agree = 0;
  let total = 0;
  for (const r of rows) {
    agree += r.agree;
    total += r.agree + Math.max(r.onlyTshark.length, r.onlyOurs.length);
  }
  return total === 0 ? 1 : agree / total;
}

/** The occurrences of one field in one tshark row (none when empty). */
export function occurrences(row: readonly string[], i: number): string[] {
  const v = row[i] ?? '';
  return v === '' ? [] : v.split(OCCURRENCE_SEPARATOR);
}
