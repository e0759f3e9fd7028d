/**
 * The status workflow: open -> acknowledged -> mitigated, or risk-accepted with a reason, an owner and
 * an expiry date; an acceptance past its expiry reads as open again. Pure checks, shared by the stores and the CLI.
 */
import { AppError, ErrorCode } from '../util/app-error.js';
import { FINDING_STATUSES, type FindingStatus, type StatusChange } from './types.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Free text a person types: long enough for a ticket reference and a sentence, short enough to print. */
const MAX_TEXT = 500;

export function isFindingStatus(s: string): s is FindingStatus {
  return (FINDING_STATUSES as readonly string[]).includes(s);
}

/** A real calendar date in YYYY-MM-DD form (2025-02-30 is refused). */
export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (m === null) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Today's date (UTC) as YYYY-MM-DD, for comparing with an acceptance's expiry. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The status a person reads: an acceptance expires at the end of its expiry day (UTC). */
export function effectiveStatus(status: FindingStatus, expires: string | null, nowMs: number): FindingStatus {
  return status === 'risk-accepted' && expires !== null && expires < isoDay(nowMs) ? 'open' : status;
}

function clean(v: string | undefined, field: string): string | undefined {
  if (v === undefined) return undefined;
  const t = v.trim();
  if (t === '') return undefined;
  if (t.length > MAX_TEXT) throw new AppError(ErrorCode.BadArgument, `${field} is longer than ${MAX_TEXT} characters`);
  return t;
}

/** Validates a change and returns it normalised (trimmed; reason/owner/expires only where they mean something). */
export function checkStatusChange(change: StatusChange, nowMs: number): StatusChange {
  if (!isFindingStatus(change.status)) {
    throw new AppError(ErrorCode.BadArgument, `unknown status '${String(change.status)}' (use ${FINDING_STATUSES.join(', ')})`);
  }
  const by = clean(change.by, 'by') ?? 'unknown';
  const reason = clean(change.reason, 'reason');
  const owner = clean(change.owner, 'owner');
  const expires = clean(change.expires, 'expires');
  if (change.status !== 'risk-accepted') {
    if (expires !== undefined) throw new AppError(ErrorCode.BadArgument, `expires applies only to status risk-accepted`);
    return { status: change.status, by, ...(reason !== undefined ? { reason } : {}), ...(owner !== undefined ? { owner } : {}) };
  }
  const missing = [reason === undefined ? 'reason' : null, owner === undefined ? 'owner' : null, expires === undefined ? 'expires' : null].filter((x) => x !== null);
  if (missing.length > 0) throw new AppError(ErrorCode.BadArgument, `risk-accepted needs ${missing.join(', ')} (reason=… owner=… expires=YYYY-MM-DD)`);
  if (expires === undefined || !isIsoDate(expires)) throw new AppError(ErrorCode.BadArgument, `expires must be a date YYYY-MM-DD, not '${expires ?? ''}'`);
  if (expires < isoDay(nowMs)) throw new AppError(ErrorCode.BadArgument, `expires ${expires} is in the past`);
  return { status: 'risk-accepted', by, reason: reason ?? '', owner: owner ?? '', expires };
}
