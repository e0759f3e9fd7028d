/**
 * A workspace: every store of one database, opened once per process on one connection, with one transaction helper.
 * The application core (src/app) reads and writes through it; only this file and the stores know the connection.
 * A file opens SQLite (src/store/sqlite/open-sqlite.ts: WAL, migrations on open), a postgres:// URL PostgreSQL
 * (src/store/postgres/postgres-workspace.ts). The inventory, the run log, the transaction and the data version are
 * each dialect's own; every other store is the same Kysely code over either.
 */
import { existsSync } from 'node:fs';
import { SqliteAdvisoryStore } from './sqlite/advisories/advisory-store.js';
import { sbomMatches } from './sbom/sbom-matches.js';
import { sbomReport } from './sbom/sbom-report.js';
import { attachSbom, detachSbom, findSbom, listSboms } from './sbom/sbom-store.js';
import { importVexDocument, listVexStatements, SqliteVexStore } from './vex/vex-store.js';
import { SqliteFindings } from './sqlite/findings/sqlite-findings.js';
import { importRegister } from './cmms/import-register.js';
import { reconcile } from './cmms/reconcile.js';
import { DEFAULT_DB_PATH, openInventoryStore, toDbError } from './inventory-db.js';
import { beginWrite, commitWrite, rollbackWrite } from './sqlite/nested-transactions.js';
import { finishRuns, holdRunOpen, listRuns } from './sqlite/inventory/run-log.js';
import { SqliteInventory } from './sqlite/inventory/sqlite-inventory.js';
import { loadRiskContext } from './risk/risk-context.js';
import { ControlsStore } from './risk/controls-store.js';
import { importSupportCsv, type SupportImportResult } from '../risk/controls/support-import.js';
import { SupportStore } from './risk/support-store.js';
import { approveBaseline, readBaseline } from './segmentation/baseline-store.js';
import { AppError, ErrorCode } from '../util/app-error.js';
import { SqlAuthStore } from './auth-store-sql.js';
import { SqlIngestedFiles } from './ingested-files-sql.js';
import { parseDbLocation } from './db-location.js';
import { openPostgresParts, type DialectParts } from './postgres/postgres-workspace.js';
import type {
  AdvisoryStore, BaselineStore, Controls, FindingsStore, IngestedFilesStore, InventoryStore, RegisterStore, RiskContextStore, RunLog, SbomStore, Support, VexStatements,
  WorkspaceAuth,
} from './interfaces.js';

/**
 * How long a write waits for another process's write lock. Writers take turns: an analyze run's end holds the lock
 * for its whole commit (seconds on a large site), and a `device set` or a second analyze must wait, not fail.
 */
export const WRITER_WAIT_MS = 120_000;

export interface Workspace {
  /** The `--db` value it was opened from. */
  readonly location: string;
  readonly inventory: InventoryStore;
  readonly findings: FindingsStore;
  readonly advisories: AdvisoryStore;
  readonly sbom: SbomStore;
  readonly vex: VexStatements;
  readonly controls: Controls;
  readonly support: Support & { importCsv(input: AsyncIterable<Uint8Array>, nowMs?: number): Promise<SupportImportResult> };
  readonly risk: RiskContextStore;
  readonly register: RegisterStore;
  readonly baseline: BaselineStore;
  readonly runs: RunLog;
  /** Users, API tokens, sessions, login throttling and the audit log. */
  readonly auth: WorkspaceAuth;
  /** Capture files continuous ingest (`serve --watch`) has finished with. */
  readonly ingestedFiles: IngestedFilesStore;
  /**
   * Everything `work` writes, through any store, commits together or not at all (stores' own transactions nest in
   * it). It takes the write lock at its start, waiting up to WRITER_WAIT_MS for another writer. One at a time per
   * workspace: the connection is shared, so a second one begun while the first is open would nest inside it.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /**
   * A stamp that differs whenever a write was committed since the last one was taken, by this connection or by any
   * other process (an ingest), so a reader may keep what it computed from the data until the stamp moves. null inside
   * an open transaction: what it would stamp may yet roll back, so nothing read then may be kept.
   */
  dataVersion(): Promise<string | null>;
  close(): Promise<void>;
}

export interface OpenWorkspaceOptions {
  /** false: refuse a database that does not exist (reading commands; docs/architecture.md "CLI"). Default true. */
  create?: boolean;
  /** Override WRITER_WAIT_MS (tests of lock handling). */
  busyTimeoutMs?: number;
}

/** Open (creating and migrating if allowed) the database at `location` (a file, or ':memory:'). */
export async function openWorkspace(location: string = DEFAULT_DB_PATH, options: OpenWorkspaceOptions = {}): Promise<Workspace> {
  // A postgres:// URL is no file: it goes on to the store layer, which says what it can do with it.
  const isFile = parseDbLocation(location).dialect === 'sqlite';
  if (options.create === false && isFile && location !== ':memory:' && !existsSync(location)) {
    throw new AppError(ErrorCode.NotFound, `no database at ${location}; run wardwatch analyze first`);
  }
  const busyTimeoutMs = options.busyTimeoutMs ?? WRITER_WAIT_MS;
  const parts = isFile ? await openSqliteParts(location, busyTimeoutMs) : await openPostgresParts(location, busyTimeoutMs);
  const { db } = parts;
  let findings: SqliteFindings;
  try {
    findings = await SqliteFindings.over(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  const advisories = SqliteAdvisoryStore.over(db);
  const vex = new SqliteVexStore(db);
  const support = new SupportStore(db);
  const controls = new ControlsStore(db);
  return {
    location,
    inventory: parts.inventory,
    findings,
    advisories,
    sbom: {
      attach: (input) => attachSbom(db, input),
      find: (vendor, model) => findSbom(db, vendor, model),
      list: () => listSboms(db),
      detach: (vendor, model) => detachSbom(db, vendor, model),
      report: (vendor, model, matcher) => sbomReport(db, vendor, model, matcher),
      matches: (vendor, model, matcher) => sbomMatches(db, vendor, model, matcher),
    },
    vex: {
      decisionFor: (vulnerability, product) => vex.decisionFor(vulnerability, product),
      import: (doc, opts) => importVexDocument(db, doc, opts),
      list: () => listVexStatements(db),
    },
    controls,
    support: Object.assign(support, { importCsv: (input: AsyncIterable<Uint8Array>, nowMs?: number) => importSupportCsv(support, input, nowMs) }),
    risk: { context: () => loadRiskContext(db) },
    register: {
      import: (input, opts) => importRegister(db, input, opts),
      reconcile: () => reconcile(db, () => parts.inventory.listDevices({ includeRetired: true })),
    },
    baseline: {
      approve: (services, by, atMs) => approveBaseline(db, services, by, atMs),
      read: () => readBaseline(db),
    },
    runs: parts.runs,
    auth: SqlAuthStore.over(db),
    ingestedFiles: SqlIngestedFiles.over(db),
    transaction: (work) => parts.transaction(work),
    dataVersion: () => parts.dataVersion(),
    close: () => db.destroy(),
  };
}

/** SQLite's own parts: the inventory and run log over the raw handle, nested write transactions on one connection. */
async function openSqliteParts(location: string, busyTimeoutMs: number): Promise<DialectParts> {
  const { db, raw } = await openInventoryStore(location, { busyTimeoutMs });
  const onConnection = <T>(work: () => T): Promise<T> => db.connection().execute(() => Promise.resolve(work()));
  return {
    db,
    inventory: SqliteInventory.over(db, raw, location),
    runs: {
      holdOpen: (runId) => onConnection(() => { holdRunOpen(raw, runId); }),
      finish: (runIds, atMs) => onConnection(() => { finishRuns(raw, runIds, atMs); }),
      list: () => onConnection(() => listRuns(raw)),
    },
    async transaction<T>(work: () => Promise<T>): Promise<T> {
      try {
        beginWrite(raw);
      } catch (err) {
        throw toDbError(location, err);
      }
      let result: T;
      try {
        result = await work();
      } catch (err) {
        rollbackWrite(raw);
        throw err;
      }
      try {
        commitWrite(raw);
      } catch (err) {
        rollbackWrite(raw);
        throw toDbError(location, err);
      }
      return result;
    },
    // SQLite (https://sqlite.org/pragma.html#pragma_data_version): data_version moves when another connection commits,
    // never for this connection's own writes; total_changes() counts every row this connection inserted, updated or
    // deleted (https://sqlite.org/lang_corefunc.html#total_changes). Together they miss no committed write, and cost
    // no migration and no work on the write paths. They also move on writes scoring never reads (sessions, the
    // audit log): a needless recompute, never a stale answer.
    dataVersion: () => onConnection(() => {
      if (raw.inTransaction) return null;
      const version = raw.pragma('data_version', { simple: true }) as number;
      const changes = raw.prepare('SELECT total_changes()').pluck().get() as number;
      return `${String(version)}:${String(changes)}`;
    }),
  };
}
