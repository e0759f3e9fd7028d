/** The findings store's interface: one contract for SQLite now and Postgres later. */
import type { RiskJson } from '../inventory/types.js';
import type { FindingInput, FindingJson, FindingQuery, StatusChange } from './types.js';

export interface FindingsRepository {
  /** Insert or update by (deviceId, kind, key) in one transaction: widens first/last seen, adds count, replaces
   *  severity/title/detail/facts, merges evidence (bounded), keeps the person's status. A mitigated finding seen
   *  again after it was mitigated reopens (status open, history kept). */
  upsert(inputs: readonly FindingInput[], nowMs?: number): Promise<{ created: number; updated: number }>;
  /** Findings of `kind` on the given devices whose key is not in `keep` are no longer true (the device was patched,
   *  an advisory no longer matches): they are marked mitigated by `wardwatch`. For derived kinds only. */
  closeStale(kind: FindingInput['kind'], deviceIds: readonly string[], keep: ReadonlySet<string>, nowMs?: number): Promise<number>;
  list(query?: FindingQuery): Promise<FindingJson[]>;
  get(id: string): Promise<FindingJson | null>;
  /** AppError bad-argument when a risk-accepted change lacks reason/owner/expires; not-found for an unknown id. */
  setStatus(id: string, change: StatusChange, nowMs?: number): Promise<FindingJson>;
  /** The risk stage's score for a finding (null clears it); lists order by it after severity. */
  setRisk?(id: string, risk: RiskJson | null): Promise<void>;
}
