/** One ingest batch in one transaction (issue 4 §3): group by device key, resolve identity, upsert evidence and sightings. */
import { sql } from 'kysely';
import type { DeviceKey } from '../../identify/types.js';
import { normalizeMac } from '../manual-fields.js';
import { deviceKeyString, type IngestBatch, type IngestResult } from '../types.js';
import { resolveDevice, type IdentityStats, type ResolvedKey } from './identity.js';
import { addHistory, iso, touchAddress, type Tx } from './tx.js';
import type { AddressKind } from './schema.js';

interface EvidenceAgg {
  attribute: string;
  value: string;
  source: string;
  detail: string;
  confidence: number;
  firstMs: number;
  lastMs: number;
  count: number;
}

interface KeyGroup {
  key: ResolvedKey;
  inputKeys: Set<string>;
  firstMs: number;
  lastMs: number;
  evidence: Map<string, EvidenceAgg>;
  protocols: Map<string, { firstMs: number; lastMs: number }>;
}

/** Evidence about these attributes is also an address of the device, with its own history. */
const ADDRESS_ATTRIBUTES: Partial<Record<string, Exclude<AddressKind, 'ip' | 'mac'>>> = {
  hostname: 'hostname',
  vlan: 'vlan',
  switchPort: 'switch_port',
};
const EVIDENCE_CHUNK = 200;

export async function ingestBatch(tx: Tx, batch: IngestBatch, nowMs: number): Promise<IngestResult> {
  const run = await tx
    .insertInto('ingest_runs')
    .values({ started: iso(nowMs), finished: null, sources: JSON.stringify(batch.sources ?? []), stats: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const groups = groupBatch(batch);
  const stats: IdentityStats = { created: 0, merged: 0, ipMoves: 0 };
  const deviceIds = new Map<string, string>();
  let evidenceRows = 0;
  for (const group of groups) {
    const first = iso(group.firstMs);
    const last = iso(group.lastMs);
    const id = await resolveDevice(tx, group.key, first, last, stats);
    for (const k of group.inputKeys) deviceIds.set(k, id);
    await touchDevice(tx, id, first, last);
    for (const [protocolVersion, seen] of group.protocols) {
      const [protocol = '', version = ''] = protocolVersion.split('\0');
      await sql`INSERT INTO device_protocols (device_id, protocol, version, first_seen, last_seen)
        VALUES (${id}, ${protocol}, ${version}, ${iso(seen.firstMs)}, ${iso(seen.lastMs)})
        ON CONFLICT (device_id, protocol, version) DO UPDATE SET
          first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen)`.execute(tx);
    }
    const aggs = [...group.evidence.values()];
    for (const agg of aggs) {
      const kind = ADDRESS_ATTRIBUTES[agg.attribute];
      if (kind !== undefined) await touchAddress(tx, id, kind, agg.value, iso(agg.firstMs), iso(agg.lastMs));
    }
    for (let i = 0; i < aggs.length; i += EVIDENCE_CHUNK) await upsertEvidence(tx, id, aggs.slice(i, i + EVIDENCE_CHUNK));
    evidenceRows += aggs.length;
  }
  const result = { runId: run.id, devicesCreated: stats.created, devicesMerged: stats.merged, ipMoves: stats.ipMoves, evidenceRows };
  await tx
    .updateTable('ingest_runs')
    .set({ finished: iso(Date.now()), stats: JSON.stringify({ ...result, observations: batch.observations.length, sightings: batch.sightings.length }) })
    .where('id', '=', run.id)
    .execute();
  return { ...result, deviceIds };
}

/** Extend the device's seen window; a retired device seen again is back in service. */
async function touchDevice(tx: Tx, id: string, first: string, last: string): Promise<void> {
  const before = await tx.selectFrom('devices').select(['retired_at', 'last_seen']).where('id', '=', id).executeTakeFirstOrThrow();
  const unretire = before.retired_at !== null && last > before.last_seen;
  await tx
    .updateTable('devices')
    .set({
      first_seen: sql`min(first_seen, ${first})`,
      last_seen: sql`max(last_seen, ${last})`,
      ...(unretire ? { retired_at: null } : {}),
    })
    .where('id', '=', id)
    .execute();
  if (unretire) await addHistory(tx, id, 'retiredAt', before.retired_at, null, last, 'inferred');
}

async function upsertEvidence(tx: Tx, deviceId: string, aggs: readonly EvidenceAgg[]): Promise<void> {
  if (aggs.length === 0) return;
  await tx
    .insertInto('device_evidence')
    .values(
      aggs.map((a) => ({
        device_id: deviceId,
        attribute: a.attribute,
        value: a.value,
        source: a.source,
        detail: a.detail,
        confidence: a.confidence,
        first_seen: iso(a.firstMs),
        last_seen: iso(a.lastMs),
        count: a.count,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['device_id', 'attribute', 'value', 'source', 'detail']).doUpdateSet({
        count: sql`"count" + excluded."count"`,
        confidence: sql`max(confidence, excluded.confidence)`,
        first_seen: sql`min(first_seen, excluded.first_seen)`,
        last_seen: sql`max(last_seen, excluded.last_seen)`,
      }),
    )
    .execute();
}

function resolveKey(key: DeviceKey): ResolvedKey | null {
  const mac = key.mac === null || key.mac === '' ? null : (normalizeMac(key.mac) ?? key.mac.toLowerCase());
  const ip = key.ip === null || key.ip === '' ? null : key.ip.toLowerCase();
  return mac === null && ip === null ? null : { mac, ip };
}

/**
 * Aggregate the batch per device key. MAC keys come first, oldest first, so an IP seen in this batch with its MAC
 * binds there before IP-only keys look it up, and DHCP moves apply in time order.
 */
function groupBatch(batch: IngestBatch): KeyGroup[] {
  const groups = new Map<string, KeyGroup>();
  const groupFor = (raw: DeviceKey, firstMs: number, lastMs: number): KeyGroup | null => {
    const key = resolveKey(raw);
    if (key === null) return null;
    const k = deviceKeyString(key);
    let g = groups.get(k);
    if (g === undefined) {
      g = { key, inputKeys: new Set(), firstMs, lastMs, evidence: new Map(), protocols: new Map() };
      groups.set(k, g);
    }
    g.inputKeys.add(deviceKeyString(raw));
    g.firstMs = Math.min(g.firstMs, firstMs);
    g.lastMs = Math.max(g.lastMs, lastMs);
    return g;
  };
  for (const obs of batch.observations) {
    const e = obs.evidence;
    const g = groupFor(obs.key, e.tsMs, e.tsMs);
    if (g === null) continue;
    const ek = `${e.attribute}\0${e.value}\0${e.source}\0${e.detail}`;
    const agg = g.evidence.get(ek);
    if (agg === undefined) {
      g.evidence.set(ek, { attribute: e.attribute, value: e.value, source: e.source, detail: e.detail, confidence: e.confidence, firstMs: e.tsMs, lastMs: e.tsMs, count: 1 });
    } else {
      agg.count++;
      agg.confidence = Math.max(agg.confidence, e.confidence);
      agg.firstMs = Math.min(agg.firstMs, e.tsMs);
      agg.lastMs = Math.max(agg.lastMs, e.tsMs);
    }
  }
  for (const s of batch.sightings) {
    const g = groupFor(s.key, s.firstSeenMs, s.lastSeenMs);
    if (g === null) continue;
    const names = [...s.protocols.map((p) => `${p}\0`), ...(s.protocolVersions ?? []).map((p) => `${p.protocol}\0${p.version}`)];
    for (const name of names) {
      const seen = g.protocols.get(name);
      if (seen === undefined) g.protocols.set(name, { firstMs: s.firstSeenMs, lastMs: s.lastSeenMs });
      else {
        seen.firstMs = Math.min(seen.firstMs, s.firstSeenMs);
        seen.lastMs = Math.max(seen.lastMs, s.lastSeenMs);
      }
    }
  }
  return [...groups.values()].sort((a, b) => {
    if ((a.key.mac === null) !== (b.key.mac === null)) return a.key.mac === null ? 1 : -1;
    return a.lastMs - b.lastMs;
  });
}
