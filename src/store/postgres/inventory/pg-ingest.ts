/**
 * One ingest batch on PostgreSQL, the same steps as src/store/sqlite/inventory/ingest.ts: group by device key, load what
 * the batch can reach with four set queries, resolve identity in memory (src/inventory/identity.ts over
 * pg-batch-state.ts), then send the writes in order, evidence, protocols, conduits and peers as multi-row upserts.
 * The caller runs it inside one transaction.
 */
import { PendingFacts, type Seen } from '../../../inventory/pending-facts.js';
import { resolveGroups } from '../../../inventory/resolve-groups.js';
import { checkSiteId, DEFAULT_SITE_ID } from '../../../inventory/site-id.js';
import type { EvidenceAgg } from '../../../inventory/group-batch.js';
import { groupBatch } from '../../../inventory/group-batch.js';
import { seedId } from '../../../inventory/identity.js';
import { iso, type Tx } from '../../sqlite/inventory/tx.js';
import { deviceKeyString, type IngestBatch, type IngestResult } from '../../../inventory/types.js';
import { dbInt } from '../../db-int.js';
import { PgBatchState } from './pg-batch-state.js';
import { insertUnnest } from './pg-unnest.js';
import { PG_UPSERT_ON } from './pg-upserts.js';


export async function ingestBatchPg(tx: Tx, batch: IngestBatch, nowMs: number): Promise<IngestResult> {
  const siteId = checkSiteId(batch.siteId ?? DEFAULT_SITE_ID);
  const run = await tx.insertInto('ingest_runs')
    .values({ started: iso(nowMs), finished: null, sources: JSON.stringify(batch.sources ?? []), stats: '{}', site_id: siteId })
    .returning('id').executeTakeFirstOrThrow();
  const runId = dbInt(run.id);
  const groups = groupBatch(batch);
  const state = new PgBatchState(tx, siteId);
  const macs = new Set<string>();
  const ips = new Set<string>();
  for (const { key } of groups) {
    if (key.mac !== null) macs.add(key.mac);
    if (key.ip !== null) ips.add(key.ip);
  }
  await state.preload([...macs], [...ips], [...[...macs].map((m) => seedId(siteId, 'mac', m)), ...[...ips].map((ip) => seedId(siteId, 'ip', ip))]);

  const facts = new PendingFacts();
  const queueFacts = (): void => {
    const taken = facts.take();
    state.push((t) => writeFacts(t, taken.evidence, taken.protocols));
  };
  // A merge moves rows by SQL: the facts summed so far go into the queue before it.
  state.beforeMerge = queueFacts;
  const { stats, deviceIds, evidenceRows, firstPacketMs } = resolveGroups(state, groups, facts);
  queueFacts();
  await state.flush();
  await writeConduits(tx, state, batch, deviceIds);
  await writeExternalPeers(tx, state, batch, deviceIds);
  const result = { runId, devicesCreated: stats.created, devicesMerged: stats.merged, ipMoves: stats.ipMoves, evidenceRows };
  const runStats = {
    ...result, observations: batch.observations.length, sightings: batch.sightings.length,
    ...(Number.isFinite(firstPacketMs) ? { firstPacket: iso(firstPacketMs) } : {}),
  };
  await tx.updateTable('ingest_runs').set({ finished: iso(Date.now()), stats: JSON.stringify(runStats) }).where('id', '=', runId).execute();
  return { ...result, deviceIds };
}

async function writeFacts(tx: Tx, evidence: Map<string, Map<string, EvidenceAgg>>, protocols: Map<string, Map<string, Seen>>): Promise<void> {
  const protocolRows: unknown[][] = [];
  for (const [id, spoken] of protocols) {
    for (const [protocolVersion, seen] of spoken) {
      const [name = '', version = ''] = protocolVersion.split('\0');
      protocolRows.push([id, name, version, iso(seen.firstMs), iso(seen.lastMs)]);
    }
  }
  await insertUnnest(tx, 'device_protocols',
    [['device_id', 'text'], ['protocol', 'text'], ['version', 'text'], ['first_seen', 'text'], ['last_seen', 'text']],
    protocolRows, PG_UPSERT_ON.protocols);
  const evidenceRows: unknown[][] = [];
  for (const [id, aggs] of evidence) {
    for (const a of aggs.values()) evidenceRows.push([id, a.attribute, a.value, a.source, a.detail, a.confidence, iso(a.firstMs), iso(a.lastMs), a.count]);
  }
  await insertUnnest(tx, 'device_evidence',
    [['device_id', 'text'], ['attribute', 'text'], ['value', 'text'], ['source', 'text'], ['detail', 'text'], ['confidence', 'double precision'],
      ['first_seen', 'text'], ['last_seen', 'text'], ['count', 'bigint']],
    evidenceRows, PG_UPSERT_ON.evidence);
}

/** Conduits whose both ends resolved to devices, upserted in the batch's order (pg-unnest.ts splits on a repeated key). */
async function writeConduits(tx: Tx, state: PgBatchState, batch: IngestBatch, deviceIds: ReadonlyMap<string, string>): Promise<void> {
  const rows: unknown[][] = [];
  for (const c of batch.conduits ?? []) {
    const client = deviceIds.get(deviceKeyString(c.client));
    const server = deviceIds.get(deviceKeyString(c.server));
    if (client === undefined || server === undefined) continue;
    rows.push([state.survivorOf(client), state.survivorOf(server), c.proto, c.port ?? -1, c.app, c.client.ip, c.server.ip, c.flows, c.bytes,
      iso(c.firstSeenMs), iso(c.lastSeenMs), state.siteId]);
  }
  await insertUnnest(tx, 'conduits',
    [['client_id', 'text'], ['server_id', 'text'], ['proto', 'text'], ['port', 'integer'], ['app', 'text'], ['client_ip', 'text'], ['server_ip', 'text'],
      ['flows', 'bigint'], ['bytes', 'bigint'], ['first_seen', 'text'], ['last_seen', 'text'], ['site_id', 'text']],
    rows, PG_UPSERT_ON.conduits, (r) => JSON.stringify(r.slice(0, 4)));
}

/** Peers whose device resolved in this batch, upserted in the batch's order. */
async function writeExternalPeers(tx: Tx, state: PgBatchState, batch: IngestBatch, deviceIds: ReadonlyMap<string, string>): Promise<void> {
  const rows: unknown[][] = [];
  for (const p of batch.externalPeers ?? []) {
    const id = deviceIds.get(deviceKeyString(p.device));
    if (id === undefined) continue;
    rows.push([state.survivorOf(id), p.device.ip, p.peerIp, p.direction, p.proto, p.port ?? -1, p.app, p.serverName, p.flows, p.bytes,
      iso(p.firstSeenMs), iso(p.lastSeenMs)]);
  }
  await insertUnnest(tx, 'external_peers',
    [['device_id', 'text'], ['device_ip', 'text'], ['peer_ip', 'text'], ['direction', 'text'], ['proto', 'text'], ['port', 'integer'], ['app', 'text'],
      ['server_name', 'text'], ['flows', 'bigint'], ['bytes', 'bigint'], ['first_seen', 'text'], ['last_seen', 'text']],
    rows, PG_UPSERT_ON.externalPeers, (r) => JSON.stringify([r[0], r[2], r[3], r[4], r[5]]));
}
