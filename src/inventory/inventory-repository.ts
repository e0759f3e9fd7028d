/** The inventory store's interface: one contract for the SQLite store now and Postgres later. */
import type { DeviceProfile, Evidence } from '../identify/types.js';
import type {
  DeviceJson,
  DeviceMatch,
  DeviceQuery,
  HistoryEntry,
  IngestBatch,
  IngestResult,
  ListOptions,
} from './types.js';

export interface InventoryRepository {
  /** Everything in one transaction: a failure leaves the store as it was before the call. */
  ingest(batch: IngestBatch, nowMs?: number): Promise<IngestResult>;
  /** Classified columns from identify; a column a person set keeps the person's value. */
  applyProfile(deviceId: string, profile: DeviceProfile, atMs: number): Promise<void>;
  /** A person's (or the register's) value for a MANUAL_FIELDS field (else AppError bad-argument listing them);
   *  `null` removes it and the inferred value returns. */
  setManualValue(
    deviceId: string,
    field: string,
    value: string | null,
    by: string,
    origin?: 'user' | 'import',
    atMs?: number,
  ): Promise<void>;
  /** Mark devices unseen for `days` as retired; returns how many. A retired device seen again comes back. */
  retireUnseen(days: number, nowMs: number): Promise<number>;
  listDevices(options?: ListOptions): Promise<DeviceJson[]>;
  /** By id, or by the id of a device since merged into it; null when unknown. */
  getDevice(id: string): Promise<DeviceJson | null>;
  /** Devices matching any of the identifiers given, each with the ones it matched (for CMMS reconcile). */
  findDevices(query: DeviceQuery): Promise<DeviceMatch[]>;
  /** All stored evidence of a device, for re-classification across runs. */
  evidenceFor(deviceId: string): Promise<Evidence[]>;
  history(deviceId: string): Promise<HistoryEntry[]>;
  close(): Promise<void>;
}
