/** The SQLite implementation of InventoryRepository (issue 4 §3): each write is one transaction. */
import type { Kysely } from 'kysely';
import type { DeviceProfile, Evidence, EvidenceAttribute } from '../../identify/types.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { DEFAULT_DB_PATH, openInventoryDb, toDbError, type OpenOptions } from '../db.js';
import type { InventoryRepository } from '../inventory-repository.js';
import { checkManualValue } from '../manual-fields.js';
import type { DeviceJson, DeviceMatch, DeviceQuery, HistoryEntry, IngestBatch, IngestResult, ListOptions } from '../types.js';
import { applyProfileTx } from './apply-profile.js';
import { findDevicesTx } from './find-devices.js';
import { ingestBatch } from './ingest.js';
import { setManualValueTx } from './manual-values.js';
import { readDevices } from './read-devices.js';
import { retireUnseenTx } from './retire.js';
import type { InventoryDb } from './schema.js';
import type { Tx } from './tx.js';

const EVIDENCE_ATTRIBUTES = {
  vendor: true, model: true, type: true, category: true, osName: true, osVersion: true, osLabel: true, firmware: true,
  serial: true, hostname: true, aeTitle: true, hl7Application: true, hl7Facility: true, dicomImplementationClassUid: true,
  dicomImplementationVersionName: true, location: true, department: true, switchPort: true, switchName: true, vlan: true,
  udi: true, eui64: true, tlsClientFingerprint: true, tlsServerName: true,
} as const satisfies Record<EvidenceAttribute, true>;

function isEvidenceAttribute(value: string): value is EvidenceAttribute {
  return Object.hasOwn(EVIDENCE_ATTRIBUTES, value);
}

export class SqliteInventory implements InventoryRepository {
  private constructor(
    readonly db: Kysely<InventoryDb>,
    private readonly file: string,
  ) {}

  /** Run a write transaction; another process holding the lock past the busy timeout becomes AppError db-locked. */
  private async write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction().execute(work);
    } catch (err) {
      throw isBusy(err) ? toDbError(this.file, err) : err;
    }
  }

  /** Open `file` (default ./wardwatch.db, ':memory:' for tests), migrating it to the current schema. */
  static async open(file?: string, options?: OpenOptions): Promise<SqliteInventory> {
    return new SqliteInventory(await openInventoryDb(file, options), file ?? DEFAULT_DB_PATH);
  }

  ingest(batch: IngestBatch, nowMs: number = Date.now()): Promise<IngestResult> {
    return this.write((tx) => ingestBatch(tx, batch, nowMs));
  }

  applyProfile(deviceId: string, profile: DeviceProfile, atMs: number): Promise<void> {
    return this.write(async (tx) => {
      await applyProfileTx(tx, await mustResolve(tx, deviceId), profile, atMs);
    });
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
    return readDevices(this.db, { all: true, includeRetired: options.includeRetired ?? false });
  }

  async getDevice(id: string): Promise<DeviceJson | null> {
    const resolved = await resolveId(this.db, id);
    if (resolved === null) return null;
    return (await readDevices(this.db, { ids: [resolved] }))[0] ?? null;
  }

  findDevices(query: DeviceQuery): Promise<DeviceMatch[]> {
    return findDevicesTx(this.db, query);
  }

  async evidenceFor(deviceId: string): Promise<Evidence[]> {
    const id = await mustResolve(this.db, deviceId);
    const rows = await this.db.selectFrom('device_evidence').selectAll().where('device_id', '=', id).orderBy('id').execute();
    const out: Evidence[] = [];
    for (const r of rows) {
      if (!isEvidenceAttribute(r.attribute)) continue;
      out.push({ attribute: r.attribute, value: r.value, source: r.source, detail: r.detail, confidence: r.confidence, tsMs: Date.parse(r.last_seen) });
    }
    return out;
  }

  async history(deviceId: string): Promise<HistoryEntry[]> {
    const id = await mustResolve(this.db, deviceId);
    const rows = await this.db.selectFrom('attribute_history').selectAll().where('device_id', '=', id).orderBy('changed_at').orderBy('id').execute();
    return rows.map((r) => ({ attribute: r.attribute, oldValue: r.old_value, newValue: r.new_value, changedAt: r.changed_at, origin: r.origin }));
  }

  close(): Promise<void> {
    return this.db.destroy();
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
