/**
 * The device inventory on PostgreSQL, asynchronous over Kysely. Ingest (identity, merges, IP moves, evidence,
 * conduits, external peers) is pg-ingest.ts, reading conduits and peers pg-traffic.ts, the listing and its cached
 * lines pg-listing.ts, classification pg-classify.ts, forgetting external devices pg-forget-external.ts; a person's
 * values, retiring, history, matching a register's identifiers and what `changes` reads are the dialect-neutral
 * Kysely paths the SQLite store uses too. Each write is one transaction (a savepoint inside a workspace's).
 */
import type { Kysely } from 'kysely';
import type { DeviceProfile, Evidence } from '../../../identify/types.js';
import { checkManualValue } from '../../../inventory/manual-fields.js';
import { matchDevicesTx, rankMatches } from '../../sqlite/inventory/find-devices.js';
import type { ForgetExternalResult } from '../../sqlite/inventory/forget-external.js';
import { readDeviceBriefs } from '../../sqlite/inventory/read-brief.js';
import type { Classify } from '../../sqlite/inventory/reclassify.js';
import { setManualValueTx } from '../../sqlite/inventory/manual-values.js';
import {
  attributeChanges, devicesById, historyOf, lastHistoryId, lastRunStart, liveDeviceIds, newDevicesSince, newestSeen, type AttributeChange, type NewDevice,
} from '../../sqlite/inventory/read-changes.js';
import { retireUnseenTx } from '../../sqlite/inventory/retire.js';
import type { InventoryDb } from '../../sqlite/inventory/schema.js';
import type { Tx } from '../../sqlite/inventory/tx.js';
import type {
  ConduitJson, DeviceBrief, DeviceJson, DeviceMatch, DeviceQuery, ExternalPeerJson, HistoryEntry, IngestBatch, IngestResult, ListOptions, RiskDevice,
} from '../../../inventory/types.js';
import { AppError, ErrorCode } from '../../../util/app-error.js';
import type { InventoryStore } from '../../interfaces.js';
import { applyProfilesPg, evidenceOfPg, reclassifyChunkPg } from './pg-classify.js';
import { forgetExternalPg } from './pg-forget-external.js';
import { ingestBatchPg } from './pg-ingest.js';
import { readDeviceLinesPg, readDevicesPg, readRiskDevicesPg, refreshDeviceLinesIfFree, refreshDeviceLinesPg } from './pg-listing.js';
import { readConduitsPg, readExternalPeersPg } from './pg-traffic.js';

/** Devices re-classified per transaction, as on SQLite: bounds the memory of their evidence and the lock's hold. */
const RECLASSIFY_CHUNK = 500;

/** Kept for the conformance suite's name of the store's type: the whole InventoryStore now. */
export type PortedInventory = InventoryStore;

export class PostgresInventory implements InventoryStore {
  /** `owned`: close() ends the pool (a store opened on its own); a workspace's store leaves that to the workspace. */
  constructor(readonly db: Kysely<InventoryDb>, private readonly owned = true) {}

  ingest(batch: IngestBatch, nowMs: number = Date.now()): Promise<IngestResult> {
    return this.db.transaction().execute((tx) => ingestBatchPg(tx, batch, nowMs));
  }

  async applyProfile(deviceId: string, profile: DeviceProfile, atMs: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const id = await mustResolve(tx, deviceId);
      const stored = (await evidenceOfPg(tx, [id])).get(id)?.stored;
      await applyProfilesPg(tx, [{ deviceId: id, profile, ...(stored === undefined ? {} : { stored }) }], atMs);
    });
  }

  /** As SqliteInventory.reclassify: chunks of devices, the migration's queue, then the listing's lines rebuilt. */
  async reclassify(deviceIds: Iterable<string>, classify: Classify, atMs: number): Promise<number> {
    const queued = (await this.db.selectFrom('reclassify_queue').select('device_id').orderBy('device_id').execute()).map((r) => r.device_id);
    const ids = [...new Set([...deviceIds, ...queued])];
    let done = 0;
    for (let i = 0; i < ids.length; i += RECLASSIFY_CHUNK) {
      const chunk = ids.slice(i, i + RECLASSIFY_CHUNK);
      done += await this.db.transaction().execute((tx) => reclassifyChunkPg(tx, chunk, classify, atMs));
    }
    if (queued.length > 0) await this.db.deleteFrom('reclassify_queue').where('device_id', 'in', queued).execute();
    await this.db.transaction().execute((tx) => refreshDeviceLinesPg(tx));
    return done;
  }

  forgetExternal(isExternal: (ip: string) => boolean, atMs: number): Promise<ForgetExternalResult> {
    return this.db.transaction().execute((tx) => forgetExternalPg(tx, isExternal, atMs));
  }

  listDevices(options: ListOptions = {}): Promise<DeviceJson[]> {
    return readDevicesPg(this.db, { all: true, includeRetired: options.includeRetired ?? false });
  }

  /**
   * What risk reads of each device, for an export that then reads each device's line (deviceLines). Stale lines
   * are rebuilt first, waiting for no one: with a writer at work they are built per read instead.
   */
  async listDevicesForExport(options: ListOptions = {}): Promise<RiskDevice[]> {
    await this.refreshLinesIfFree();
    return readRiskDevicesPg(this.db, options.includeRetired ?? false);
  }

  deviceLines(ids: readonly string[]): Promise<Map<string, Buffer>> {
    return readDeviceLinesPg(this.db, ids);
  }

  listDeviceBriefs(): Promise<DeviceBrief[]> {
    return readDeviceBriefs(this.db);
  }

  async getDevice(id: string): Promise<DeviceJson | null> {
    const resolved = await resolveId(this.db, id);
    if (resolved === null) return null;
    return (await readDevicesPg(this.db, { ids: [resolved] }))[0] ?? null;
  }

  async findDevices(query: DeviceQuery): Promise<DeviceMatch[]> {
    const matched = await matchDevicesTx(this.db, query);
    return rankMatches(await readDevicesPg(this.db, { ids: [...matched.keys()] }), matched);
  }

  async evidenceFor(deviceId: string): Promise<Evidence[]> {
    const id = await mustResolve(this.db, deviceId);
    return (await evidenceOfPg(this.db, [id])).get(id)?.evidence ?? [];
  }

  async setManualValue(
    deviceId: string,
    field: string,
    value: string | null,
    by: string,
    origin: 'user' | 'import' = 'user',
    atMs: number = Date.now(),
  ): Promise<void> {
    const checked = checkManualValue(field, value);
    await this.db.transaction().execute(async (tx) => {
      await setManualValueTx(tx, await mustResolve(tx, deviceId), checked, value, by, origin, atMs);
    });
  }

  async retireUnseen(days: number, nowMs: number): Promise<number> {
    if (!Number.isFinite(days) || days < 0) throw new AppError(ErrorCode.BadArgument, `retire after ${days} days: not a number of days`);
    return this.db.transaction().execute((tx) => retireUnseenTx(tx, days, nowMs));
  }

  async history(deviceId: string): Promise<HistoryEntry[]> {
    return historyOf(this.db, await mustResolve(this.db, deviceId));
  }

  newestSeen(): Promise<string | null> {
    return newestSeen(this.db);
  }

  lastRunStart(): Promise<{ wall: string; capture: string | null } | null> {
    return lastRunStart(this.db);
  }

  newDevicesSince(since: string): Promise<NewDevice[]> {
    return newDevicesSince(this.db, since);
  }

  devicesById(ids: readonly string[]): Promise<NewDevice[]> {
    return devicesById(this.db, ids);
  }

  async changeMark(): Promise<{ deviceIds: string[]; historyId: number }> {
    return { deviceIds: await liveDeviceIds(this.db), historyId: await lastHistoryId(this.db) };
  }

  attributeChanges(where: { since?: string; afterId?: number }): Promise<AttributeChange[]> {
    return attributeChanges(this.db, where);
  }

  /** Conduits busiest first; with `deviceId` (or a merged-away id), its own. */
  async conduits(deviceId?: string): Promise<ConduitJson[]> {
    return readConduitsPg(this.db, deviceId === undefined ? undefined : await mustResolve(this.db, deviceId));
  }

  /** External peers busiest first; with `deviceId`, that device's. */
  async externalPeers(deviceId?: string): Promise<ExternalPeerJson[]> {
    return readExternalPeersPg(this.db, deviceId === undefined ? undefined : await mustResolve(this.db, deviceId));
  }

  close(): Promise<void> {
    return this.owned ? this.db.destroy() : Promise.resolve();
  }

  /**
   * Rebuild stale listing lines unless another writer holds the lock right now (pg_try_advisory_xact_lock never
   * waits): a listing during a long analyze reads, it does not queue behind it.
   */
  private async refreshLinesIfFree(): Promise<void> {
    const stale = await this.db.selectFrom('devices').select('id')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('device_lines').select('device_id').whereRef('device_lines.device_id', '=', 'devices.id'))))
      .limit(1).executeTakeFirst();
    if (stale === undefined) return;
    await refreshDeviceLinesIfFree(this.db);
  }
}

/** A device id, or the id of one since merged into another (as sqlite-inventory.ts resolves it). */
async function resolveId(tx: Tx, id: string): Promise<string | null> {
  const direct = await tx.selectFrom('devices').select('id').where('id', '=', id).executeTakeFirst();
  if (direct !== undefined) return direct.id;
  const alias = await tx.selectFrom('device_aliases').select('device_id').where('alias_id', '=', id).executeTakeFirst();
  return alias?.device_id ?? null;
}

async function mustResolve(tx: Tx, id: string): Promise<string> {
  const resolved = await resolveId(tx, id);
  if (resolved === null) throw new AppError(ErrorCode.NotFound, `no device with id ${id}`);
  return resolved;
}
