/**
 * Write identify's classification onto devices: history on change, a person's value always wins.
 * Set-based (§7 scale): the devices and their manual fields come in two queries, each device is one UPDATE at most.
 */
import type { DeviceProfile } from '../../../identify/types.js';
import { prepared } from '../statement-cache.js';
import { IN_JSON, type Raw } from './batch-state.js';
import type { DevicesTable } from './schema.js';
import { iso } from './tx.js';

type ClassifiedColumn = 'vendor' | 'model' | 'type' | 'category' | 'os_name' | 'os_version' | 'os_label' | 'os_end_of_life' | 'firmware' | 'serial';
type Row = Record<ClassifiedColumn | 'confidence', string | number | null>;

/** Column -> the camelCase name history and manual values use (in the order history records changes). */
const COLUMN_NAMES: Record<ClassifiedColumn, string> = {
  vendor: 'vendor', model: 'model', type: 'type', category: 'category', os_name: 'osName', os_version: 'osVersion',
  os_label: 'osLabel', os_end_of_life: 'osEndOfLife', firmware: 'firmware', serial: 'serial',
};
const COLUMNS = Object.keys(COLUMN_NAMES) as ClassifiedColumn[];

const SQL = {
  devices: `SELECT id, ${COLUMNS.join(', ')}, confidence FROM devices WHERE id ${IN_JSON}`,
  manual: `SELECT device_id AS deviceId, field FROM manual_values WHERE device_id ${IN_JSON}`,
  inferred: 'UPDATE manual_values SET inferred_value = ? WHERE device_id = ? AND field = ?',
  update: `UPDATE devices SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')}, confidence = ? WHERE id = ?`,
  history: "INSERT INTO attribute_history (device_id, attribute, old_value, new_value, changed_at, origin) VALUES (?, ?, ?, ?, ?, 'inferred')",
  // Derived evidence (an OUI lookup, a rule) may exist only in the profile: keep it, without counting it again.
  evidence: `INSERT INTO device_evidence (device_id, attribute, value, source, detail, confidence, first_seen, last_seen, count)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
    ON CONFLICT (device_id, attribute, value, source, detail) DO UPDATE SET
      confidence = max(confidence, excluded.confidence), last_seen = max(last_seen, excluded.last_seen)`,
} as const;

/** A stored evidence row's strength, by `attribute\0value\0source\0detail`: upserts that change nothing are skipped. */
export interface StoredFact {
  confidence: number;
  lastSeenMs: number;
}

export interface ProfileEntry {
  deviceId: string;
  profile: DeviceProfile;
  stored?: ReadonlyMap<string, StoredFact>;
}

export function factKey(attribute: string, value: string, source: string, detail: string): string {
  return `${attribute}\0${value}\0${source}\0${detail}`;
}

function profileColumns(p: DeviceProfile): Record<ClassifiedColumn, string | number | null> {
  return {
    vendor: p.vendor, model: p.model, type: p.type, category: p.category, os_name: p.os.name, os_version: p.os.version,
    os_label: p.os.label, os_end_of_life: p.os.endOfLife === null ? null : Number(p.os.endOfLife), firmware: p.firmware, serial: p.serial,
  };
}

const text = (v: string | number | null): string | null => (v === null ? null : String(v));

/** A device's classified columns and confidence as stored, by id (SQL.devices' rows). */
export type StoredRow = Row & Pick<DevicesTable, 'id'>;

/**
 * What applying profiles writes, in order, as statement parameters: decided here once for every dialect, sent by
 * applyProfiles (SQLite, prepared statements) or by PostgreSQL's multi-row statements (src/store/postgres/).
 */
export interface ProfileWrites {
  /** SQL.inferred: inferred value, device id, field. */
  inferred: [string | null, string, string][];
  /** SQL.history: device id, attribute, old, new, at. */
  history: [string, string, string | null, string | null, string][];
  /** SQL.update: COLUMNS' values, confidence, device id. */
  updates: (string | number | null)[][];
  /** SQL.evidence: device id, attribute, value, source, detail, confidence, first seen, last seen. */
  evidence: [string, string, string, string, string, number, string, string][];
}

/** The ClassifiedColumn names in SQL.update's order (for another dialect's statement). */
export const PROFILE_COLUMNS: readonly string[] = COLUMNS;

/** Decide the writes of each profile on its (already resolved) device; throws when a device does not exist. */
export function planProfiles(entries: readonly ProfileEntry[], rows: ReadonlyMap<string, StoredRow>, manual: ReadonlyMap<string, ReadonlySet<string>>, atMs: number): ProfileWrites {
  const at = iso(atMs);
  const out: ProfileWrites = { inferred: [], history: [], updates: [], evidence: [] };
  for (const { deviceId, profile, stored } of entries) {
    const current = rows.get(deviceId);
    if (current === undefined) throw new Error(`applyProfiles: no device ${deviceId}`);
    const fields = manual.get(deviceId);
    const next = profileColumns(profile);
    let changed = false;
    for (const column of COLUMNS) {
      const name = COLUMN_NAMES[column];
      const value = next[column];
      if (fields?.has(name) === true) {
        // Keep what the wire says beside the person's value, for reconcile's conflicts.
        out.inferred.push([text(value), deviceId, name]);
        continue;
      }
      const old = current[column];
      if (old === value) continue;
      current[column] = value;
      changed = true;
      out.history.push([deviceId, name, text(old), text(value), at]);
    }
    const confidence = Math.min(1, Math.max(0, profile.confidence));
    if (current.confidence !== confidence) {
      current.confidence = confidence;
      changed = true;
    }
    if (changed) out.updates.push([...COLUMNS.map((c) => current[c]), current.confidence, deviceId]);
    derivedEvidence(out, deviceId, profile, stored);
  }
  return out;
}

/** Apply each profile to its (already resolved) device; throws when a device does not exist. */
export function applyProfiles(raw: Raw, entries: readonly ProfileEntry[], atMs: number): void {
  if (entries.length === 0) return;
  const ids = JSON.stringify([...new Set(entries.map((e) => e.deviceId))]);
  const rows = new Map((prepared(raw, SQL.devices).all(ids) as StoredRow[]).map((r) => [r.id, r]));
  const manual = manualFields(prepared(raw, SQL.manual).all(ids) as { deviceId: string; field: string }[]);
  // Statement by statement in the order decided: each device's history, update and evidence as before.
  const writes = planProfiles(entries, rows, manual, atMs);
  for (const w of writes.inferred) prepared(raw, SQL.inferred).run(...w);
  for (const w of writes.history) prepared(raw, SQL.history).run(...w);
  for (const w of writes.updates) prepared(raw, SQL.update).run(...w);
  for (const w of writes.evidence) prepared(raw, SQL.evidence).run(...w);
}

/** Fields a person set, by device. */
export function manualFields(rows: readonly { deviceId: string; field: string }[]): Map<string, Set<string>> {
  const manual = new Map<string, Set<string>>();
  for (const m of rows) {
    const fields = manual.get(m.deviceId) ?? new Set<string>();
    fields.add(m.field);
    manual.set(m.deviceId, fields);
  }
  return manual;
}

function derivedEvidence(out: ProfileWrites, deviceId: string, profile: DeviceProfile, stored: ReadonlyMap<string, StoredFact> | undefined): void {
  for (const e of profile.evidence) {
    const had = stored?.get(factKey(e.attribute, e.value, e.source, e.detail));
    if (had !== undefined && had.confidence >= e.confidence && had.lastSeenMs >= Math.trunc(e.tsMs)) continue;
    const seen = iso(e.tsMs);
    out.evidence.push([deviceId, e.attribute, e.value, e.source, e.detail, e.confidence, seen, seen]);
  }
}
