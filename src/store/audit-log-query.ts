/** Reading the audit log back (`wardwatch audit`, the server's admin export): oldest first, optionally from a time on. */
import type { Kysely, Selectable } from 'kysely';
import type { AuditActor, AuditDetailValue, AuditEvent, AuditOutcome } from '../auth/audit-event.js';
import { isRole } from '../auth/roles.js';
import type { AuditLogTable, AuthDb } from './auth-schema.js';

/** A stored audit event; `action` is text because the vocabulary grows and old rows keep the words they had. */
export interface AuditLogEntry extends Omit<AuditEvent, 'action'> {
  readonly seq: number;
  readonly action: string;
}

export interface AuditLogQuery {
  /** ISO 8601 UTC; events at or after it. */
  readonly sinceIso?: string;
}

/** `at` is ISO 8601 UTC with milliseconds (Date#toISOString), so text order is time order on both dialects. */
export async function listAuditLog(db: Kysely<AuthDb>, query: AuditLogQuery = {}): Promise<AuditLogEntry[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (query.sinceIso !== undefined) q = q.where('at', '>=', query.sinceIso);
  return (await q.orderBy('seq').execute()).map(toEntry);
}

const ACTOR_KINDS: readonly AuditActor['kind'][] = ['user', 'token', 'anonymous', 'system'];
const OUTCOMES: readonly AuditOutcome[] = ['success', 'failure', 'denied'];

function toEntry(row: Selectable<AuditLogTable>): AuditLogEntry {
  const kind = ACTOR_KINDS.find((k) => k === row.actor_kind);
  const outcome = OUTCOMES.find((o) => o === row.outcome);
  if (kind === undefined || outcome === undefined) throw new Error('audit log: a stored row is outside its CHECK constraints');
  return {
    seq: row.seq,
    at: row.at,
    actor: { kind, name: row.actor_name, role: isRole(row.actor_role) ? row.actor_role : null },
    action: row.action,
    target: row.target,
    from: row.from_address,
    outcome,
    detail: parseDetail(row.detail),
    redacted: parseRedacted(row.redacted),
  };
}

function parseDetail(text: string): Record<string, AuditDetailValue> {
  const value = JSON.parse(text) as unknown;
  const out: Record<string, AuditDetailValue> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  return out;
}

function parseRedacted(text: string): string[] {
  const value = JSON.parse(text) as unknown;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
