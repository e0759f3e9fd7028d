/**
 * One ingest batch (§7 scale): group by device key, load every device the batch can reach with a few set
 * queries, resolve identity in memory, write with prepared statements. The caller runs it inside one transaction.
 */
import { prepared } from '../statement-cache.js';
import { deviceKeyString, type ConduitSighting, type IngestBatch, type IngestResult } from '../../../inventory/types.js';
import { checkSiteId, DEFAULT_SITE_ID } from '../../../inventory/site-id.js';
import { BatchState, type Raw } from './batch-state.js';
import { writeExternalPeers } from './external-peers.js';
import { PendingFacts } from '../../../inventory/pending-facts.js';
import { resolveGroups } from '../../../inventory/resolve-groups.js';
import { groupBatch } from '../../../inventory/group-batch.js';
import { seedId } from '../../../inventory/identity.js';
import { iso } from './tx.js';


const SQL = {
  startRun: "INSERT INTO ingest_runs (started, finished, sources, stats, site_id) VALUES (?, NULL, ?, '{}', ?)",
  finishRun: 'UPDATE ingest_runs SET finished = ?, stats = ? WHERE id = ?',
  protocol: `INSERT INTO device_protocols (device_id, protocol, version, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (device_id, protocol, version) DO UPDATE SET
      first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen)`,
  // The latest addresses win: a rule names where the conduit runs now.
  conduit: `INSERT INTO conduits (client_id, server_id, proto, port, app, client_ip, server_ip, flows, bytes, first_seen, last_seen, site_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (client_id, server_id, proto, port) DO UPDATE SET
      flows = flows + excluded.flows, bytes = bytes + excluded.bytes, app = coalesce(excluded.app, app),
      client_ip = CASE WHEN excluded.last_seen >= last_seen THEN coalesce(excluded.client_ip, client_ip) ELSE client_ip END,
      server_ip = CASE WHEN excluded.last_seen >= last_seen THEN coalesce(excluded.server_ip, server_ip) ELSE server_ip END,
      first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen)`,
  evidence: `INSERT INTO device_evidence (device_id, attribute, value, source, detail, confidence, first_seen, last_seen, count)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (device_id, attribute, value, source, detail) DO UPDATE SET
      count = "count" + excluded."count", confidence = max(confidence, excluded.confidence),
      first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen)`,
} as const;

export function ingestBatch(raw: Raw, batch: IngestBatch, nowMs: number): IngestResult {
  const siteId = checkSiteId(batch.siteId ?? DEFAULT_SITE_ID);
  const runId = Number(prepared(raw, SQL.startRun).run(iso(nowMs), JSON.stringify(batch.sources ?? []), siteId).lastInsertRowid);
  const groups = groupBatch(batch);
  const state = new BatchState(raw, siteId);
  const macs = new Set<string>();
  const ips = new Set<string>();
  for (const { key } of groups) {
    if (key.mac !== null) macs.add(key.mac);
    if (key.ip !== null) ips.add(key.ip);
  }
  state.preload([...macs], [...ips], [...[...macs].map((m) => seedId(siteId, 'mac', m)), ...[...ips].map((ip) => seedId(siteId, 'ip', ip))]);

  const pending = new PendingWrites(raw);
  // A merge moves rows by SQL: what is pending must be in the tables first.
  state.beforeMerge = () => { pending.flush(); };
  const { stats, deviceIds, evidenceRows, firstPacketMs } = resolveGroups(state, groups, pending);
  pending.flush();
  writeConduits(raw, state, batch.conduits ?? [], deviceIds);
  writeExternalPeers(raw, state, batch.externalPeers ?? [], deviceIds);
  const result = { runId, devicesCreated: stats.created, devicesMerged: stats.merged, ipMoves: stats.ipMoves, evidenceRows };
  const runStats = {
    ...result, observations: batch.observations.length, sightings: batch.sightings.length,
    ...(Number.isFinite(firstPacketMs) ? { firstPacket: iso(firstPacketMs) } : {}),
  };
  prepared(raw, SQL.finishRun).run(iso(Date.now()), JSON.stringify(runStats), runId);
  return { ...result, deviceIds };
}

/** Conduits whose both ends resolved to devices (a multicast or broadcast end names none: not a conduit). */
function writeConduits(raw: Raw, state: BatchState, conduits: readonly ConduitSighting[], deviceIds: ReadonlyMap<string, string>): void {
  if (conduits.length === 0) return;
  const upsert = prepared(raw, SQL.conduit);
  for (const c of conduits) {
    const client = deviceIds.get(deviceKeyString(c.client));
    const server = deviceIds.get(deviceKeyString(c.server));
    if (client === undefined || server === undefined) continue;
    upsert.run(state.survivorOf(client), state.survivorOf(server), c.proto, c.port ?? -1, c.app, c.client.ip, c.server.ip, c.flows, c.bytes, iso(c.firstSeenMs), iso(c.lastSeenMs), state.siteId);
  }
}

/** The batch's facts, summed per device (pending-facts.ts), written with one prepared upsert per row. */
class PendingWrites extends PendingFacts {
  constructor(private readonly raw: Raw) {
    super();
  }

  flush(): void {
    const { evidence: facts, protocols } = this.take();
    const protocol = prepared(this.raw, SQL.protocol);
    for (const [id, spoken] of protocols) {
      for (const [protocolVersion, seen] of spoken) {
        const [name = '', version = ''] = protocolVersion.split('\0');
        protocol.run(id, name, version, iso(seen.firstMs), iso(seen.lastMs));
      }
    }
    const evidence = prepared(this.raw, SQL.evidence);
    for (const [id, aggs] of facts) {
      for (const a of aggs.values()) evidence.run(id, a.attribute, a.value, a.source, a.detail, a.confidence, iso(a.firstMs), iso(a.lastMs), a.count);
    }
  }
}
