/** The SQLite implementation of InventoryRepository: each write is one transaction. */
import type { Kysely } from 'kysely';
import type { DeviceProfile, Evidence } from '../../../identify/types.js';
import { AppError, ErrorCode } from '../../../util/app-error.js';
import { DEFAULT_DB_PATH, openInventoryStore, toDbError, type OpenOptions } from '../../inventory-db.js';
import type { InventoryRepository } from '../../../inventory/inventory-repository.js';
import { checkManualValue } from '../../../inventory/manual-fields.js';
import type { ConduitJson, DeviceBrief, DeviceJson, DeviceMatch, DeviceQuery, ExternalPeerJson, HistoryEntry, IngestBatch, IngestResult, ListOptions, RiskDevice } from '../../../inventory/types.js';
import { applyProfiles } from './apply-profile.js';
import type { Raw } from './batch-state.js';
import { matchDevicesTx, rankMatches } from './find-devices.js';
import { ingestBatch } from './ingest.js';
import { setManualValueTx } from './manual-values.js';
import { readDeviceBriefs } from './read-brief.js';
import { readConduits } from './read-conduits.js';
import { readExternalPeers } from './external-peers.js';
import { forgetExternal, type ForgetExternalResult } from './forget-external.js';
import { clearQueued, queuedForReclassify } from './reclassify-queue.js';
import { readDevices, readRiskDevices } from './read-devices.js';
import { refreshEvidenceJson } from './evidence-json.js';
import { mapForListing, readDeviceLines, refreshDeviceLines } from './device-lines.js';
import { evidenceOf, reclassifyChunk, type Classify } from './reclassify.js';
import { retireUnseenTx } from './retire.js';
import { attributeChanges, devicesById, historyOf, lastHistoryId, lastRunStart, liveDeviceIds, newDevicesSince, newestSeen, type AttributeChange, type NewDevice } from './read-changes.js';
import type { InventoryDb } from './schema.js';
import type { Tx } from './tx.js';

/** Devices re-classified per transaction: bounds the memory of their evidence and how long the write lock is held. */
const RECLASSIFY_CHUNK = 500;

export class SqliteInventory implements InventoryRepository {
  private constructor(
    readonly db: Kysely<InventoryDb>,
    private readonly raw: Raw,
    private readonly file: string,
    private readonly owned = true,
  ) {}

  /** Over a connection a workspace opened (src/store/workspace.ts); closing stays with its owner. */
  static over(db: Kysely<InventoryDb>, raw: Raw, file: string): SqliteInventory {
    return new SqliteInventory(db, raw, file, false);
  }

  /** Run a write transaction; another process holding the lock past the busy timeout becomes AppError db-locked. */
  private async write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction().execute(work);
    } catch (err) {
      throw isBusy(err) ? toDbError(this.file, err) : err;
    }
  }

  /** A synchronous bulk write on the raw handle, inside a Kysely transaction (one connection: the same transaction). */
  private writeRaw<T>(work: (raw: Raw) => T): Promise<T> {
    return this.write(() => new Promise<T>((resolve) => { resolve(work(this.raw)); }));
  }

  /** A synchronous bulk read, holding the connection so it never interleaves with a transaction in progress. */
  private readRaw<T>(work: (raw: Raw) => T | Promise<T>): Promise<T> {
    return this.db.connection().execute(async () => work(this.raw));
  }

  /** Open `file` (default ./wardwatch.db, ':memory:' for tests), migrating it to the current schema. */
  static async open(file?: string, options?: OpenOptions): Promise<SqliteInventory> {
    const { db, raw } = await openInventoryStore(file, options);
    return new SqliteInventory(db, raw, file ?? DEFAULT_DB_PATH);
  }

  ingest(batch: IngestBatch, nowMs: number = Date.now()): Promise<IngestResult> {
    return this.writeRaw((raw) => ingestBatch(raw, batch, nowMs));
  }

  async applyProfile(deviceId: string, profile: DeviceProfile, atMs: number): Promise<void> {
    const id = await mustResolve(this.db, deviceId);
    const stored = (await this.readRaw((raw) => evidenceOf(raw, [id]))).get(id)?.stored;
    await this.writeRaw((raw) => { applyProfiles(raw, [{ deviceId: id, profile, ...(stored === undefined ? {} : { stored }) }], atMs); });
  }

  /**
   * Re-classify devices from all their stored evidence (after an ingest run): evidence read per chunk of devices,
   * each chunk written in one transaction. Merged-away ids count as their survivor. Returns the devices classified.
   */
  async reclassify(deviceIds: Iterable<string>, classify: Classify, atMs: number): Promise<number> {
    // Devices a migration changed the evidence of are classified again with the run's.
    const queued = await this.readRaw((raw) => queuedForReclassify(raw));
    const ids = [...new Set([...deviceIds, ...queued])];
    let done = 0;
    for (let i = 0; i < ids.length; i += RECLASSIFY_CHUNK) {
      const chunk = ids.slice(i, i + RECLASSIFY_CHUNK);
      done += await this.writeRaw((raw) => reclassifyChunk(raw, chunk, classify, atMs));
    }
    if (queued.length > 0) await this.writeRaw((raw) => { clearQueued(raw, queued); });
    // The end of an ingest run: the listing's cached lines are built now, so the next `devices` reads them as they are.
    await this.readRaw((raw) => refreshDeviceLines(raw));
    return done;
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
    await this.write(async (tx) => {
      await setManualValueTx(tx, await mustResolve(tx, deviceId), checked, value, by, origin, atMs);
    });
  }

  async retireUnseen(days: number, nowMs: number): Promise<number> {
    if (!Number.isFinite(days) || days < 0) throw new AppError(ErrorCode.BadArgument, `retire after ${days} days: not a number of days`);
    return this.write((tx) => retireUnseenTx(tx, days, nowMs));
  }

  listDevices(options: ListOptions = {}): Promise<DeviceJson[]> {
    return this.readRaw((raw) => {
      refreshEvidenceJson(raw);
      return readDevices(raw, { all: true, includeRetired: options.includeRetired ?? false });
    });
  }

  /**
   * What risk reads of each device, in listing order, for a JSON export that scores them and then writes each
   * device's cached line from `deviceLines`, a chunk at a time (only one chunk's lines in memory). Stale lines are
   * rebuilt first, when the file may be written.
   */
  listDevicesForExport(options: ListOptions = {}): Promise<RiskDevice[]> {
    return this.readRaw(async (raw) => {
      await refreshDeviceLines(raw);
      mapForListing(raw);
      return readRiskDevices(raw, options.includeRetired ?? false);
    });
  }

  /** The listing lines of these devices: docs/architecture.md JSON without `risk`, UTF-8 (sqlite/device-lines.ts). */
  deviceLines(ids: readonly string[]): Promise<Map<string, Buffer>> {
    return this.readRaw((raw) => readDeviceLines(raw, ids));
  }

  /** Every live device in brief (id, category, vendor, model, addresses): no evidence, two queries. */
  listDeviceBriefs(): Promise<DeviceBrief[]> {
    return this.readRaw((raw) => readDeviceBriefs(raw));
  }

  /** Conduits (traffic between devices, mission §5), busiest first; with `deviceId` (or a merged-away id), its own. */
  async conduits(deviceId?: string): Promise<ConduitJson[]> {
    const id = deviceId === undefined ? undefined : await mustResolve(this.db, deviceId);
    return this.readRaw((raw) => readConduits(raw, id));
  }

  /** External peers (addresses outside the site, migration 0012), busiest first; with `deviceId`, that device's. */
  async externalPeers(deviceId?: string): Promise<ExternalPeerJson[]> {
    const id = deviceId === undefined ? undefined : await mustResolve(this.db, deviceId);
    return this.readRaw((raw) => readExternalPeers(raw, id));
  }

  /**
   * External addresses stored as devices before (or by a run with other internal networks) become peers of the
   * devices that reached them (sqlite/forget-external.ts); one transaction.
   */
  forgetExternal(isExternal: (ip: string) => boolean, atMs: number): Promise<ForgetExternalResult> {
    return this.writeRaw((raw) => forgetExternal(raw, isExternal, atMs));
  }

  async getDevice(id: string): Promise<DeviceJson | null> {
    const resolved = await resolveId(this.db, id);
    if (resolved === null) return null;
    return (await this.readRaw((raw) => readDevices(raw, { ids: [resolved] })))[0] ?? null;
  }

  async findDevices(query: DeviceQuery): Promise<DeviceMatch[]> {
    const matched = await matchDevicesTx(this.db, query);
    const devices = await this.readRaw((raw) => readDevices(raw, { ids: [...matched.keys()] }));
    return rankMatches(devices, matched);
  }

  async evidenceFor(deviceId: string): Promise<Evidence[]> {
    const id = await mustResolve(this.db, deviceId);
    return (await this.readRaw((raw) => evidenceOf(raw, [id]))).get(id)?.evidence ?? [];
  }

  async history(deviceId: string): Promise<HistoryEntry[]> {
    return historyOf(this.db, await mustResolve(this.db, deviceId));
  }

  /** The newest packet time stored, or null when the inventory is empty (the capture clock of `changes --since`). */
  newestSeen(): Promise<string | null> {
    return newestSeen(this.db);
  }

  /** When the last analyze run started, on the wall clock and (if recorded) the capture clock; null when none ran. */
  lastRunStart(): Promise<{ wall: string; capture: string | null } | null> {
    return lastRunStart(this.db);
  }

  /** Live devices first seen (capture clock) at or after `since`. */
  newDevicesSince(since: string): Promise<NewDevice[]> {
    return newDevicesSince(this.db, since);
  }

  /** These devices in brief (id, ip, vendor, type, first seen). */
  devicesById(ids: readonly string[]): Promise<NewDevice[]> {
    return devicesById(this.db, ids);
  }

  /** What analyze notes before a run to tell what the run changed: live device ids, the newest history row. */
  async changeMark(): Promise<{ deviceIds: string[]; historyId: number }> {
    return { deviceIds: await liveDeviceIds(this.db), historyId: await lastHistoryId(this.db) };
  }

  /** Changed attributes of existing devices: since a time (capture clock) or after a history row. */
  attributeChanges(where: { since?: string; afterId?: number }): Promise<AttributeChange[]> {
    return attributeChanges(this.db, where);
  }

  close(): Promise<void> {
    return this.owned ? this.db.destroy() : Promise.resolve();
  }
}

function isBusy(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** A device id, or the id of one since merged into another. */
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
