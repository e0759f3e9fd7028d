/**
 * The device inventory on PostgreSQL, asynchronous over Kysely: the part ported so far. Ingest (identity, merges,
 * IP moves, evidence, conduits, external peers) is pg-ingest.ts, reading conduits and peers pg-traffic.ts; person's values, retiring, history and what
 * `changes` reads are the dialect-neutral Kysely paths the SQLite store uses too. The listing (device JSON and its
 * cached lines), re-classification, briefs and forgetting external devices are not ported yet, so the workspace
 * still refuses a postgres:// URL for inventory commands (src/store/inventory-db.ts).
 */
import type { Kysely } from 'kysely';
import { checkManualValue } from '../../../inventory/manual-fields.js';
import { setManualValueTx } from '../../sqlite/inventory/manual-values.js';
import {
  attributeChanges, devicesById, lastHistoryId, lastRunStart, liveDeviceIds, newDevicesSince, newestSeen, type AttributeChange, type NewDevice,
} from '../../sqlite/inventory/read-changes.js';
import { retireUnseenTx } from '../../sqlite/inventory/retire.js';
import type { InventoryDb } from '../../sqlite/inventory/schema.js';
import type { Tx } from '../../sqlite/inventory/tx.js';
import type { ConduitJson, ExternalPeerJson, HistoryEntry, IngestBatch, IngestResult } from '../../../inventory/types.js';
import { AppError, ErrorCode } from '../../../util/app-error.js';
import type { InventoryStore } from '../../interfaces.js';
import { ingestBatchPg } from './pg-ingest.js';
import { readConduitsPg, readExternalPeersPg } from './pg-traffic.js';

/** The InventoryStore methods this store has; the rest are listed in the header above. */
export type PortedInventory = Pick<InventoryStore,
  'ingest' | 'setManualValue' | 'retireUnseen' | 'history' | 'newestSeen' | 'lastRunStart' | 'newDevicesSince' | 'devicesById'
  | 'changeMark' | 'attributeChanges' | 'conduits' | 'externalPeers' | 'close'>;

export class PostgresInventory implements PortedInventory {
  constructor(readonly db: Kysely<InventoryDb>) {}

  ingest(batch: IngestBatch, nowMs: number = Date.now()): Promise<IngestResult> {
    return this.db.transaction().execute((tx) => ingestBatchPg(tx, batch, nowMs));
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
    const id = await mustResolve(this.db, deviceId);
    const rows = await this.db.selectFrom('attribute_history').selectAll().where('device_id', '=', id).orderBy('changed_at').orderBy('id').execute();
    return rows.map((r) => ({ attribute: r.attribute, oldValue: r.old_value, newValue: r.new_value, changedAt: r.changed_at, origin: r.origin }));
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
    return this.db.destroy();
  }
}

/** A device id, or the id of one since merged into another (as sqlite-inventory.ts resolves it). */
async function mustResolve(tx: Tx, id: string): Promise<string> {
  const direct = await tx.selectFrom('devices').select('id').where('id', '=', id).executeTakeFirst();
  if (direct !== undefined) return direct.id;
  const alias = await tx.selectFrom('device_aliases').select('device_id').where('alias_id', '=', id).executeTakeFirst();
  if (alias === undefined) throw new AppError(ErrorCode.NotFound, `no device with id ${id}`);
  return alias.device_id;
}
