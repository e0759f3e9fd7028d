/**
 * Reading the audit log as an admin asks for it (`wardwatch audit`, GET /api/audit and its exports): a time window,
 * filters by action, actor and outcome, and a cap; and the CSV columns both the CLI and the API export.
 */
import type { AuditLogEntry } from '../store/interfaces.js';
import { AppError, ErrorCode } from '../util/app-error.js';
import { csvCell } from './devices-csv.js';

const DAY_MS = 86_400_000;

/** `7d` (days ago), a date `2026-12-01` or an ISO 8601 time with zone; returned as ISO 8601 UTC. */
export function parseAuditSince(text: string, nowMs: number, what = '--since'): string {
  const days = /^([0-9]{1,5})d$/.exec(text);
  if (days?.[1] !== undefined) return new Date(nowMs - Number(days[1]) * DAY_MS).toISOString();
  if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2}))?$/.test(text)) {
    const ms = Date.parse(text);
    if (Number.isFinite(ms)) return new Date(ms).toISOString();
  }
  throw new AppError(ErrorCode.BadArgument, `${what} takes Nd (days ago), YYYY-MM-DD or an ISO 8601 time with a zone`);
}

export interface AuditFilters {
  /** ISO 8601 UTC: events before it (the window's end, exclusive). */
  readonly untilIso?: string | undefined;
  /** Any of these actions (login, login-failed, user-created, import …). */
  readonly actions?: readonly string[] | undefined;
  /** The actor's user or token name, exactly (lower-case, as stored). */
  readonly actor?: string | undefined;
  readonly outcome?: 'success' | 'failure' | 'denied' | undefined;
  /** Keep the newest this many (oldest first, as the log reads). */
  readonly limit?: number | undefined;
}

/**
 * The entries that pass the filters. Filtering happens here, over the window the store read (sinceIso): the audit
 * log of one site is thousands of rows a day, not millions, and the store's query stays the one `wardwatch audit` uses.
 */
export function filterAudit(entries: readonly AuditLogEntry[], filters: AuditFilters): { events: AuditLogEntry[]; truncated: boolean } {
  const actions = filters.actions === undefined || filters.actions.length === 0 ? null : new Set(filters.actions);
  const kept = entries.filter((e) => (filters.untilIso === undefined || e.at < filters.untilIso)
    && (actions === null || actions.has(e.action))
    && (filters.actor === undefined || e.actor.name === filters.actor)
    && (filters.outcome === undefined || e.outcome === filters.outcome));
  const limit = filters.limit ?? kept.length;
  return { events: kept.slice(Math.max(0, kept.length - limit)), truncated: kept.length > limit };
}

const CSV_COLUMNS: readonly (readonly [string, (e: AuditLogEntry) => string | number | null])[] = [
  ['seq', (e) => e.seq],
  ['at', (e) => e.at],
  ['actor_kind', (e) => e.actor.kind],
  ['actor_name', (e) => e.actor.name],
  ['actor_role', (e) => e.actor.role],
  ['action', (e) => e.action],
  ['target', (e) => e.target],
  ['from', (e) => e.from],
  ['outcome', (e) => e.outcome],
  ['detail', (e) => JSON.stringify(e.detail)],
  ['redacted', (e) => e.redacted.join(' ')],
];

/** The CSV header line, CRLF-terminated (RFC 4180). */
export function auditCsvHeader(): string {
  return `${CSV_COLUMNS.map(([h]) => h).join(',')}\r\n`;
}

/** One event as a CSV line; cells a spreadsheet would run as a formula are quoted (devices-csv.ts csvCell). */
export function auditCsvRow(e: AuditLogEntry): string {
  return `${CSV_COLUMNS.map(([, get]) => csvCell(get(e))).join(',')}\r\n`;
}
