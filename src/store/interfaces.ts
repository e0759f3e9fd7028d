/**
 * What the application core (src/app) asks of storage: one interface per store, implemented today by the SQLite
 * stores beside each module and opened together by a workspace (workspace.ts). The app sees these, never a driver
 * or a query builder, so another dialect is another implementation of the same interfaces.
 */
import type { AuthStore } from '../auth/auth-store.js';
import type { AdvisorySummary, SqliteAdvisoryStore } from './sqlite/advisories/advisory-store.js';
import type { SbomReportJson } from './sbom/sbom-report.js';
import type { AttachInput, AttachResult, SbomRow } from './sbom/sbom-store.js';
import type { VexStore } from '../advisories/types.js';
import type { VulnerabilityMatch, VulnerabilityMatcher } from '../advisories/types.js';
import type { ImportVexResult } from './vex/vex-store.js';
import type { StatementRow } from '../advisories/vex/product-match.js';
import type { WriteVexOptions } from './vex/vex-writer.js';
import type { VexDocument } from '../advisories/vex/types.js';
import type { FindingsRepository } from '../findings/findings-repository.js';
import type { FindingJson, FindingQuery } from '../findings/types.js';
import type { ImportOptions, ImportSummary } from './cmms/import-register.js';
import type { ReconcileReport } from './cmms/reconcile.js';
import type { InventoryRepository } from '../inventory/inventory-repository.js';
import type { ForgetExternalResult } from './sqlite/inventory/forget-external.js';
import type { AttributeChange, NewDevice } from './sqlite/inventory/read-changes.js';
import type { Classify } from './sqlite/inventory/reclassify.js';
import type { ConduitJson, DeviceBrief, ExternalPeerJson, ListOptions, RiskDevice } from '../inventory/types.js';
import type { ControlsStore } from './risk/controls-store.js';
import type { SupportInput, SupportStore } from './risk/support-store.js';
import type { RiskContext } from '../risk/types.js';
import type { ApprovedService, Baseline } from '../segmentation/baseline.js';
import type { AuthPruneLimits, AuthPruneResult } from './auth-store-sql.js';
import type { AuditLogEntry, AuditLogQuery } from './audit-log-query.js';
import type { IngestedFile } from './ingested-files-sql.js';

/** The shapes stores take and hand back, for callers outside src/store (which import no store file). */
export type {
  AdvisorySummary, AttachInput, AttachResult, AttributeChange, AuditLogEntry, AuditLogQuery, ImportVexResult, NewDevice, SbomRow, SupportInput,
  WriteVexOptions,
};

/** The device inventory: the repository contract plus what listings, segmentation and `changes` read. */
export interface InventoryStore extends InventoryRepository {
  /** Re-classify devices from all their stored evidence; returns how many were classified. */
  reclassify(deviceIds: Iterable<string>, classify: Classify, atMs: number): Promise<number>;
  /** External addresses held as devices become peers of the devices that reached them. */
  forgetExternal(isExternal: (ip: string) => boolean, atMs: number): Promise<ForgetExternalResult>;
  listDevicesForExport(options?: ListOptions): Promise<RiskDevice[]>;
  /** Cached listing lines (docs/architecture.md device JSON without `risk`), UTF-8, by device id. */
  deviceLines(ids: readonly string[]): Promise<Map<string, Buffer>>;
  listDeviceBriefs(): Promise<DeviceBrief[]>;
  conduits(deviceId?: string): Promise<ConduitJson[]>;
  externalPeers(deviceId?: string): Promise<ExternalPeerJson[]>;
  newestSeen(): Promise<string | null>;
  lastRunStart(): Promise<{ wall: string; capture: string | null } | null>;
  newDevicesSince(since: string): Promise<NewDevice[]>;
  devicesById(ids: readonly string[]): Promise<NewDevice[]>;
  changeMark(): Promise<{ deviceIds: string[]; historyId: number }>;
  attributeChanges(where: { since?: string; afterId?: number }): Promise<AttributeChange[]>;
}

/** Findings with the status workflow and what `changes` reads. */
export interface FindingsStore extends FindingsRepository {
  list(query?: FindingQuery, nowMs?: number): Promise<FindingJson[]>;
  /** Ids of findings closed (mitigated, not affected) at or after `since` (wall clock). */
  closedSince(since: string): Promise<string[]>;
}

/** Advisories, the KEV catalog and the matcher over them. */
export type AdvisoryStore = Omit<SqliteAdvisoryStore, 'db'> & VulnerabilityMatcher;

/** SBOMs attached per vendor and model. */
export interface SbomStore {
  attach(input: AttachInput): Promise<AttachResult>;
  find(vendor: string, model: string): Promise<SbomRow | null>;
  list(): Promise<SbomRow[]>;
  detach(vendor: string, model: string): Promise<boolean>;
  report(vendor: string, model: string, matcher?: VulnerabilityMatcher): Promise<{ json: SbomReportJson; warnings: string[] }>;
  /** Vulnerabilities of the model's SBOM components, asked of `matcher`. */
  matches(vendor: string, model: string, matcher: VulnerabilityMatcher): Promise<VulnerabilityMatch[]>;
}

/** VEX statements: imported documents and the decision for a vulnerability in a product. */
export interface VexStatements extends VexStore {
  import(doc: VexDocument, options: WriteVexOptions): Promise<ImportVexResult>;
  list(): Promise<StatementRow[]>;
}

/** The biomed register (CMMS export) and its reconciliation against the wire. */
export interface RegisterStore {
  import(input: AsyncIterable<Uint8Array>, options: ImportOptions): Promise<ImportSummary>;
  reconcile(): Promise<ReconcileReport>;
}

/** The approved segmentation policy (zone-to-zone services). */
export interface BaselineStore {
  approve(services: readonly ApprovedService[], by: string, atMs: number): Promise<void>;
  read(): Promise<Baseline | null>;
}

/** Compensating controls, maintenance windows and model support: what risk scoring reads besides devices. */
export interface RiskContextStore {
  context(): Promise<RiskContext>;
}

/** One analyze run: its ingest batches stay unfinished until the end of the run commits (src/app/analyze.ts). */
export interface RunLog {
  /** Mark a batch's run row unfinished: it is finished with the rest of its run, not on its own. */
  holdOpen(runId: number): Promise<void>;
  /** Mark these batch rows finished, as of `atMs`. */
  finish(runIds: readonly number[], atMs: number): Promise<void>;
  /** Every run row, oldest first: id, sources, whether finished (for tests and `changes`). */
  list(): Promise<{ id: number; sources: string; finished: string | null }[]>;
}

export type Controls = Pick<ControlsStore, 'addControl' | 'listControls' | 'addWindow' | 'listWindows' | 'remove'>;
export type Support = Pick<SupportStore, 'upsert' | 'set' | 'list' | 'remove'>;

/** Users, tokens, sessions, login throttling and the audit log (`wardwatch users|tokens|audit`, `wardwatch serve`). */
export interface WorkspaceAuth extends AuthStore {
  listAudit(query?: AuditLogQuery): Promise<AuditLogEntry[]>;
  prune(limits: AuthPruneLimits): Promise<AuthPruneResult>;
}

/** Capture files continuous ingest has read, per watched folder (a restart reads each once). */
export interface IngestedFilesStore {
  record(file: IngestedFile): Promise<void>;
  list(source: string): Promise<IngestedFile[]>;
}
