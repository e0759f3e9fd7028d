/**
 * Classification written on PostgreSQL: stored evidence per chunk of devices, and profiles applied with the writes
 * src/inventory/sqlite/apply-profile.ts `planProfiles` decides (the one place that knows a person's value wins), sent
 * as a few multi-row statements per chunk instead of one statement per device.
 */
import { sql } from 'kysely';
import { manualFields, planProfiles, PROFILE_COLUMNS, type ProfileEntry, type StoredRow } from '../../sqlite/inventory/apply-profile.js';
import { evidenceRowsOf, type Classify, type DeviceEvidence, type EvidenceRow } from '../../sqlite/inventory/reclassify.js';
import type { Tx } from '../../sqlite/inventory/tx.js';
import { insertUnnest } from './pg-unnest.js';

const ids = (list: readonly string[]): string[] => [...list];

/** Ids as they are now: a merged-away id becomes its survivor, unknown ids drop out, each id once, in order. */
export async function resolveIdsPg(tx: Tx, list: readonly string[]): Promise<string[]> {
  if (list.length === 0) return [];
  const existing = new Set((await sql<{ id: string }>`SELECT id FROM devices WHERE id = ANY(${ids(list)}::text[])`.execute(tx)).rows.map((r) => r.id));
  const aliases = new Map((await sql<{ aliasId: string; deviceId: string }>`SELECT alias_id AS "aliasId", device_id AS "deviceId"
    FROM device_aliases WHERE alias_id = ANY(${ids(list)}::text[])`.execute(tx)).rows.map((r) => [r.aliasId, r.deviceId]));
  const out = new Set<string>();
  for (const id of list) {
    const resolved = existing.has(id) ? id : aliases.get(id);
    if (resolved !== undefined) out.add(resolved);
  }
  return [...out];
}

/** Every stored evidence row of these (resolved) devices, oldest row first, as identify reads it. */
export async function evidenceOfPg(tx: Tx, list: readonly string[]): Promise<Map<string, DeviceEvidence>> {
  const rows = list.length === 0 ? [] : (await sql<EvidenceRow>`SELECT device_id AS "deviceId", attribute, value, source, detail, confidence,
    last_seen AS "lastSeen" FROM device_evidence WHERE device_id = ANY(${ids(list)}::text[]) ORDER BY id`.execute(tx)).rows;
  return evidenceRowsOf(list, rows);
}

/** Apply each profile to its (already resolved) device, in the caller's transaction. */
export async function applyProfilesPg(tx: Tx, entries: readonly ProfileEntry[], atMs: number): Promise<void> {
  if (entries.length === 0) return;
  const deviceIds = [...new Set(entries.map((e) => e.deviceId))];
  const stored = await sql<StoredRow>`SELECT id, ${sql.join(PROFILE_COLUMNS.map((c) => sql.ref(c)))}, confidence FROM devices WHERE id = ANY(${deviceIds}::text[])`.execute(tx);
  const manual = await sql<{ deviceId: string; field: string }>`SELECT device_id AS "deviceId", field FROM manual_values WHERE device_id = ANY(${deviceIds}::text[])`.execute(tx);
  const writes = planProfiles(entries, new Map(stored.rows.map((r) => [r.id, r])), manualFields(manual.rows), atMs);
  const column = (rows: readonly (readonly unknown[])[], i: number): unknown[] => rows.map((r) => r[i] ?? null);
  if (writes.inferred.length > 0) {
    await sql`UPDATE manual_values AS m SET inferred_value = w.value
      FROM UNNEST(${column(writes.inferred, 0)}::text[], ${column(writes.inferred, 1)}::text[], ${column(writes.inferred, 2)}::text[]) AS w (value, device_id, field)
      WHERE m.device_id = w.device_id AND m.field = w.field`.execute(tx);
  }
  await insertUnnest(tx, 'attribute_history',
    [['device_id', 'text'], ['attribute', 'text'], ['old_value', 'text'], ['new_value', 'text'], ['changed_at', 'text'], ['origin', 'text']],
    writes.history.map((h) => [...h, 'inferred']), '');
  if (writes.updates.length > 0) {
    // os_end_of_life is SMALLINT, confidence DOUBLE PRECISION; the rest text (apply-profile.ts ClassifiedColumn).
    const types = PROFILE_COLUMNS.map((c) => (c === 'os_end_of_life' ? 'smallint' : 'text'));
    const arrays = [...types, 'double precision', 'text'].map((type, i) => sql`${column(writes.updates, i)}::${sql.raw(type)}[]`);
    const names = [...PROFILE_COLUMNS, 'confidence', 'id'];
    await sql`UPDATE devices AS d SET ${sql.join(PROFILE_COLUMNS.concat('confidence').map((c) => sql`${sql.ref(c)} = w.${sql.ref(c)}`))}
      FROM UNNEST(${sql.join(arrays)}) AS w (${sql.join(names.map((n) => sql.ref(n)))}) WHERE d.id = w.id`.execute(tx);
  }
  // Derived evidence (an OUI lookup, a rule) may exist only in the profile: kept, without counting it again.
  await insertUnnest(tx, 'device_evidence',
    [['device_id', 'text'], ['attribute', 'text'], ['value', 'text'], ['source', 'text'], ['detail', 'text'], ['confidence', 'double precision'],
      ['first_seen', 'text'], ['last_seen', 'text'], ['count', 'bigint']],
    writes.evidence.map((e) => [...e, 1]),
    `ON CONFLICT (device_id, attribute, value, source, detail) DO UPDATE SET
      confidence = GREATEST(device_evidence.confidence, excluded.confidence), last_seen = GREATEST(device_evidence.last_seen, excluded.last_seen)`,
    (r) => JSON.stringify(r.slice(0, 5)));
}

/** Classify each device from its stored evidence and write the profiles; returns how many devices. */
export async function reclassifyChunkPg(tx: Tx, list: readonly string[], classify: Classify, atMs: number): Promise<number> {
  const evidence = await evidenceOfPg(tx, await resolveIdsPg(tx, list));
  const entries: ProfileEntry[] = [];
  for (const [deviceId, d] of evidence) entries.push({ deviceId, profile: classify(d.evidence), stored: d.stored });
  await applyProfilesPg(tx, entries, atMs);
  return entries.length;
}
