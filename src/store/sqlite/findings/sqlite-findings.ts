/** SQLite findings store: dedup by (device, kind, key) across runs, the status workflow with history. */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { up as createFindingsTables } from '../migrations/0003-findings.js';
import { FINDINGS_SITE_STATEMENTS } from '../migrations/0013-site-id.js';
import { DEFAULT_DB_PATH, openInventoryDb, type OpenOptions } from '../../inventory-db.js';
import { AppError, ErrorCode } from '../../../util/app-error.js';
import type { RiskJson } from '../../../inventory/types.js';
import type { FindingsRepository } from '../../../findings/findings-repository.js';
import { checkStatusChange, effectiveStatus } from '../../../findings/status.js';
import type { FindingInput, FindingJson, FindingQuery, FindingStatus, RemoteSession, RemoteSessionJson, StatusChange } from '../../../findings/types.js';
import { compareFindings, rowToJson } from './row-json.js';
import type { FindingsDb, FindingsTable, FindingsTables } from './schema.js';

/** Evidence sentences kept per finding: the newest, so a long-lived finding shows what was seen lately. */
export const MAX_EVIDENCE = 12;

type Tx = Transaction<FindingsDb>;

/** Stable id from the identity, so the same fact gets the same id in every database and run. */
export function findingId(deviceId: string, kind: string, key: string): string {
  return `f-${createHash('sha256').update(`${deviceId}\u0000${kind}\u0000${key}`).digest('hex').slice(0, 16)}`;
}

const iso = (ms: number): string => new Date(ms).toISOString();

function mergeEvidence(fresh: readonly string[], old: readonly string[]): string[] {
  return [...new Set([...fresh, ...old])].slice(0, MAX_EVIDENCE);
}

export class SqliteFindings implements FindingsRepository {
  private constructor(private readonly db: Kysely<FindingsDb>, private readonly owned = true) {}

  /** Over a database a workspace opened (src/store/workspace.ts); closing stays with its owner. */
  static async over<DB>(db: Kysely<DB>): Promise<SqliteFindings> {
    const findingsDb = db.withTables<FindingsTables>() as unknown as Kysely<FindingsDb>;
    await ensureTables(findingsDb);
    return new SqliteFindings(findingsDb, false);
  }

  static async open(file: string = DEFAULT_DB_PATH, options?: OpenOptions): Promise<SqliteFindings> {
    const db = (await openInventoryDb(file, options)).withTables<FindingsTables>();
    try {
      await ensureTables(db);
    } catch (e) {
      await db.destroy();
      throw e;
    }
    return new SqliteFindings(db);
  }

  async close(): Promise<void> {
    if (this.owned) await this.db.destroy();
  }

  upsert(inputs: readonly FindingInput[], nowMs: number = Date.now()): Promise<{ created: number; updated: number }> {
    return this.db.transaction().execute(async (tx) => {
      let created = 0;
      let updated = 0;
      for (const input of inputs) {
        if (await upsertOne(tx, input, nowMs)) created++;
        else updated++;
      }
      return { created, updated };
    });
  }

  closeStale(kind: FindingInput['kind'], deviceIds: readonly string[], keep: ReadonlySet<string>, nowMs: number = Date.now()): Promise<number> {
    if (deviceIds.length === 0) return Promise.resolve(0);
    return this.db.transaction().execute(async (tx) => {
      const rows = await tx.selectFrom('findings').selectAll().where('kind', '=', kind).where('device_id', 'in', [...deviceIds])
        .where('status', 'not in', ['mitigated', 'not-affected']).execute();
      let closed = 0;
      for (const r of rows) {
        if (keep.has(r.key)) continue;
        await changeStatus(tx, r, { status: 'mitigated', by: 'wardwatch', reason: 'no longer observed or no longer matching' }, nowMs);
        closed++;
      }
      return closed;
    });
  }

  async list(query: FindingQuery = {}, nowMs: number = Date.now()): Promise<FindingJson[]> {
    let q = this.db.selectFrom('findings').selectAll();
    if (query.deviceId !== undefined) q = q.where('device_id', '=', query.deviceId);
    if (query.kinds !== undefined && query.kinds.length > 0) q = q.where('kind', 'in', [...query.kinds]);
    const rows = await q.execute();
    // Status is filtered after the expiry rule: an expired acceptance lists as open.
    const statuses = query.statuses;
    return rows.map((r) => rowToJson(r, nowMs)).filter((f) => statuses === undefined || statuses.length === 0 || statuses.includes(f.status)).sort(compareFindings);
  }

  async get(id: string, nowMs: number = Date.now()): Promise<FindingJson | null> {
    const row = await this.db.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : rowToJson(row, nowMs);
  }

  async setStatus(id: string, change: StatusChange, nowMs: number = Date.now()): Promise<FindingJson> {
    const checked = checkStatusChange(change, nowMs);
    return await this.db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst();
      if (row === undefined) throw new AppError(ErrorCode.NotFound, `no finding with id '${id}' (\`wardwatch findings --all\` lists them)`);
      const next = await changeStatus(tx, row, checked, nowMs);
      return rowToJson(next, nowMs);
    });
  }

  async setRisk(id: string, risk: RiskJson | null): Promise<void> {
    const r = await this.db.updateTable('findings').set({ risk: risk === null ? null : JSON.stringify(risk) }).where('id', '=', id).executeTakeFirst();
    if (r.numUpdatedRows === 0n) throw new AppError(ErrorCode.NotFound, `no finding with id '${id}'`);
  }

  /** Status changes of one finding, oldest first. */
  async statusHistory(id: string): Promise<{ oldStatus: string; newStatus: string; reason: string | null; owner: string | null; expires: string | null; changedAt: string; by: string }[]> {
    const rows = await this.db.selectFrom('finding_status_history').selectAll().where('finding_id', '=', id).orderBy('id').execute();
    return rows.map((r) => ({ oldStatus: r.old_status, newStatus: r.new_status, reason: r.reason, owner: r.owner, expires: r.expires, changedAt: r.changed_at, by: r.changed_by }));
  }

  /** Ids of findings closed (mitigated or not-affected) by a status change at or after `since` (wall clock), and closed still. */
  async closedSince(since: string): Promise<string[]> {
    const rows = await this.db.selectFrom('finding_status_history').innerJoin('findings', 'findings.id', 'finding_status_history.finding_id')
      .select('finding_status_history.finding_id as id').distinct()
      .where('finding_status_history.new_status', 'in', ['mitigated', 'not-affected']).where('finding_status_history.changed_at', '>=', since)
      .where('findings.status', 'in', ['mitigated', 'not-affected']).execute();
    return rows.map((r) => r.id);
  }

  /** Stores sessions; one already stored (same device, peer, service, start) is widened, not repeated. */
  recordSessions(sessions: readonly RemoteSession[]): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      for (const s of sessions) {
        const row = { device_id: s.deviceId, peer: s.peer, service: s.service, started: iso(s.startMs), ended: iso(s.endMs), duration_s: Math.max(0, (s.endMs - s.startMs) / 1000), bytes: s.bytes, always_on: s.alwaysOn ? 1 : 0 };
        await tx.insertInto('remote_sessions').values(row)
          .onConflict((oc) => oc.columns(['device_id', 'peer', 'service', 'started']).doUpdateSet({ ended: row.ended, duration_s: row.duration_s, bytes: row.bytes, always_on: row.always_on }))
          .execute();
      }
      return sessions.length;
    });
  }

  async listSessions(deviceId?: string): Promise<RemoteSessionJson[]> {
    let q = this.db.selectFrom('remote_sessions').selectAll().orderBy('started');
    if (deviceId !== undefined) q = q.where('device_id', '=', deviceId);
    return (await q.execute()).map((r) => ({ deviceId: r.device_id, peer: r.peer, service: r.service, start: r.started, end: r.ended, durationSeconds: r.duration_s, bytes: r.bytes, alwaysOn: r.always_on === 1 }));
  }
}

/**
 * Development databases recorded migration 0003 while it was still an empty placeholder, so their findings tables
 * were never made: create them once (the statements are 0003's own).
 */
async function ensureTables(db: Kysely<FindingsDb>): Promise<void> {
  // Only SQLite files can be that old: a PostgreSQL database always ran the real 0003.
  const tables = await db.introspection.getTables();
  if (tables.some((t) => t.name === 'findings')) return;
  await db.transaction().execute(async (tx) => {
    await createFindingsTables(tx as unknown as Kysely<unknown>);
    for (const statement of FINDINGS_SITE_STATEMENTS) await sql.raw(statement).execute(tx);
  });
}

/** Returns true when the finding is new. */
async function upsertOne(tx: Tx, input: FindingInput, nowMs: number): Promise<boolean> {
  const id = findingId(input.deviceId, input.kind, input.key);
  const old = await tx.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst();
  const count = Math.max(1, input.count ?? 1);
  if (old === undefined) {
    await tx.insertInto('findings').values({
      id, device_id: input.deviceId, kind: input.kind, key: input.key, severity: input.severity, title: input.title, detail: input.detail,
      // The device's site: a finding is about one device, at its site.
      site_id: (eb) => eb.selectFrom('devices').select('site_id').where('id', '=', input.deviceId),
      evidence: JSON.stringify(mergeEvidence(input.evidence, [])), facts: JSON.stringify(input.facts ?? {}),
      suppression: input.suppression ? JSON.stringify(input.suppression) : null, risk: null,
      first_seen: iso(input.firstSeenMs), last_seen: iso(input.lastSeenMs), count, status: 'open',
      status_reason: null, status_owner: null, status_expires: null, status_changed_at: null, status_by: null,
    }).execute();
    return true;
  }
  const firstSeen = iso(input.firstSeenMs) < old.first_seen ? iso(input.firstSeenMs) : old.first_seen;
  const lastSeen = iso(input.lastSeenMs) > old.last_seen ? iso(input.lastSeenMs) : old.last_seen;
  await tx.updateTable('findings').set({
    severity: input.severity, title: input.title, detail: input.detail,
    evidence: JSON.stringify(mergeEvidence(input.evidence, JSON.parse(old.evidence) as string[])),
    facts: JSON.stringify(input.facts ?? {}),
    ...(input.suppression !== undefined ? { suppression: input.suppression === null ? null : JSON.stringify(input.suppression) } : {}),
    first_seen: firstSeen, last_seen: lastSeen, count: old.count + count,
  }).where('id', '=', id).execute();
  // Seen again after a person (or closeStale) marked it mitigated: the fix did not hold.
  if (old.status === 'mitigated' && old.status_changed_at !== null && input.lastSeenMs > Date.parse(old.status_changed_at)) {
    const row = await tx.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await changeStatus(tx, row, { status: 'open', by: 'wardwatch', reason: `seen again ${iso(input.lastSeenMs)} after it was mitigated` }, nowMs);
  }
  return false;
}

async function changeStatus(tx: Tx, row: Selectable<FindingsTable>, change: StatusChange, nowMs: number): Promise<Selectable<FindingsTable>> {
  const changedAt = iso(nowMs);
  const accepted = change.status === 'risk-accepted';
  const set = {
    status: change.status,
    status_reason: change.reason ?? null,
    status_owner: accepted || change.owner !== undefined ? change.owner ?? null : null,
    status_expires: accepted ? change.expires ?? null : null,
    status_changed_at: changedAt,
    status_by: change.by,
  };
  await tx.updateTable('findings').set(set).where('id', '=', row.id).execute();
  await tx.insertInto('finding_status_history').values({
    finding_id: row.id, old_status: effectiveStatus(row.status as FindingStatus, row.status_expires, nowMs), new_status: change.status,
    reason: set.status_reason, owner: set.status_owner, expires: set.status_expires, changed_at: changedAt, changed_by: change.by,
  }).execute();
  return { ...row, ...set };
}

