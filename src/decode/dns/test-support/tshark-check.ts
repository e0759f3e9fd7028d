/** Test support: compare decoder records with tshark's fields on the same capture, field by field. */
import { recordsOf } from '../../../pipeline/test-support/records-of.js';
import { tsharkFields } from '../../../test-support/tshark.js';
import type { Decoder, ProtocolRecord } from '../../types.js';

/** One row per packet matching `filter`; multiple occurrences of a field are joined with ','. */
export function tsharkRows(file: string, filter: string, fields: readonly string[], decodeAs: readonly string[] = []): string[][] {
  return tsharkFields(file, fields, { filter, decodeAs, occurrence: 'a', aggregator: ',' });
}

/** The UDP payloads (hex from tshark) of packets matching `filter`, as bytes. */
export function udpPayloads(file: string, filter: string, max = 40): Uint8Array[] {
  return tsharkRows(file, filter, ['udp.payload'])
    .slice(0, max)
    .map((r) => Uint8Array.from(Buffer.from(r[0] ?? '', 'hex')))
    .filter((b) => b.length > 0);
}

export interface FieldCheck {
  /** tshark field name. */
  field: string;
  /** Our value as text, or undefined when we have none. */
  ours: (r: ProtocolRecord) => string | undefined;
  /** tshark's text turned into our form (default: as is); undefined or '' = tshark has none. */
  theirs?: (v: string, r: ProtocolRecord) => string | undefined;
  /** Why a known difference is not a bug, or null when it is unexplained. */
  explain?: (ours: string | undefined, theirs: string, r: ProtocolRecord) => string | null;
}

export interface CheckReport {
  compared: number;
  agreed: number;
  /** reason -> count, for differences each check explained. */
  explained: Record<string, number>;
  unexplained: string[];
  ratio: number;
}

/**
 * Runs the capture through the engine with `decoders`, takes the records of `proto` in order, and compares them
 * one-to-one with tshark's rows for `filter`. A field counts when tshark decoded it; a value we lack or that
 * differs is a disagreement (explained or not).
 */
export async function crossCheck(
  file: string,
  decoders: readonly Decoder[],
  proto: string,
  filter: string,
  checks: readonly FieldCheck[],
  decodeAs: readonly string[] = [],
): Promise<CheckReport> {
  const { records } = await recordsOf(file, decoders);
  const ours = records.filter((r) => r.proto === proto);
  const rows = tsharkRows(file, filter, checks.map((c) => c.field), decodeAs);
  const report: CheckReport = { compared: 0, agreed: 0, explained: {}, unexplained: [], ratio: 1 };
  if (rows.length !== ours.length) {
    report.unexplained.push(`${file}: tshark has ${rows.length} ${filter} packets, we have ${ours.length} ${proto} records`);
    return report;
  }
  rows.forEach((row, i) => {
    const rec = ours[i];
    if (rec === undefined) return;
    checks.forEach((c, j) => {
      const raw = row[j] ?? '';
      const theirs = raw === '' ? undefined : c.theirs ? c.theirs(raw, rec) : raw;
      if (theirs === undefined || theirs === '') return;
      report.compared++;
      const mine = c.ours(rec);
      if (mine === theirs) {
        report.agreed++;
        return;
      }
      const why = c.explain?.(mine, theirs, rec) ?? null;
      if (why !== null) report.explained[why] = (report.explained[why] ?? 0) + 1;
      else report.unexplained.push(`${file} #${i} ${c.field}: ours ${JSON.stringify(mine)} tshark ${JSON.stringify(theirs)}`);
    });
  });
  report.ratio = report.compared === 0 ? 1 : report.agreed / report.compared;
  return report;
}

/** Sums reports of several captures. */
export function mergeReports(list: readonly CheckReport[]): CheckReport {
  const out: CheckReport = { compared: 0, agreed: 0, explained: {}, unexplained: [], ratio: 1 };
  for (const r of list) {
    out.compared += r.compared;
    out.agreed += r.agreed;
    out.unexplained.push(...r.unexplained);
    for (const [k, v] of Object.entries(r.explained)) out.explained[k] = (out.explained[k] ?? 0) + v;
  }
  out.ratio = out.compared === 0 ? 1 : out.agreed / out.compared;
  return out;
}

/** A string field of a record, or undefined. */
export function str(r: ProtocolRecord, k: string): string | undefined {
  const v = r[k];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(String).join(',');
  return undefined;
}

/** The value, or a test failure when it is missing (lint forbids `!`). */
export function must<T>(v: T | undefined | null): T {
  if (v === undefined || v === null) throw new Error('expected a value');
  return v;
}
