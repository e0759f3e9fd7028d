/**
 * The audit log for admins: read with filters (time window, action, actor, outcome) and export as CSV or JSON lines
 * (as `wardwatch audit`); every export is itself recorded (AuditAction.Export), so a copy leaving the server is seen.
 */
import { Readable } from 'node:stream';
import { Type, type Static } from '@sinclair/typebox';
import { auditCsvHeader, auditCsvRow, filterAudit, parseAuditSince, type AuditFilters } from '../../app/audit-view.js';
import { exportAudit } from '../../app/user-admin.js';
import type { AuditLogEntry } from '../../store/interfaces.js';
import { auditOrigin } from '../audit-origin.js';
import { oneWriterAtATime } from '../one-writer.js';
import { defineRoute, type Route, type RouteContext } from '../route-table.js';

/** Events one answer holds at most; an export has no cap (it streams). */
const MAX_LIMIT = 5000;

const When = Type.String({ minLength: 1, maxLength: 40, description: 'Nd (days ago), YYYY-MM-DD or ISO 8601 with a zone' });
const Filters = Type.Object({
  since: Type.Optional(When),
  until: Type.Optional(When),
  action: Type.Optional(Type.String({ maxLength: 500, pattern: '^[a-z-]+(,[a-z-]+)*$', description: 'comma-separated actions: login, login-failed, user-created, import …' })),
  actor: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  outcome: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('failure'), Type.Literal('denied')])),
}, { additionalProperties: false });
type Filters = Static<typeof Filters>;

/** The filters as the app reads them, and the window's start for the store. */
function window(q: Filters, nowMs: number): { sinceIso: string | undefined; filters: AuditFilters } {
  return {
    sinceIso: q.since === undefined ? undefined : parseAuditSince(q.since, nowMs, 'since'),
    filters: {
      untilIso: q.until === undefined ? undefined : parseAuditSince(q.until, nowMs, 'until'),
      actions: q.action?.split(','),
      actor: q.actor?.toLowerCase(),
      outcome: q.outcome,
    },
  };
}

/** The filtered events of an export, the export itself recorded. */
async function exported(ctx: RouteContext<Filters, unknown, unknown>): Promise<AuditLogEntry[]> {
  const { sinceIso, filters } = window(ctx.query, ctx.auth.now());
  // A GET that writes (the export's own record): it takes its turn with the other writes (one-writer.ts).
  const entries = await oneWriterAtATime(ctx.ws, () => exportAudit(ctx.ws, sinceIso === undefined ? {} : { sinceIso }, auditOrigin(ctx), ctx.auth.now));
  return filterAudit(entries, filters).events;
}

/** GET /api/audit/export.<ext>: the filtered log streamed as a download, the export audited. */
function exportRoute(ext: string, mediaType: string, how: string, lines: (events: readonly AuditLogEntry[]) => string[]): Route {
  return defineRoute({
    method: 'GET', url: `/api/audit/export.${ext}`, access: 'admin', tag: 'admin',
    summary: `The filtered audit log ${how}; the export is audited`,
    querystring: Filters,
    handler: async (ctx) => {
      const events = await exported(ctx);
      ctx.reply.type(`${mediaType}; charset=utf-8`).header('content-disposition', `attachment; filename="wardwatch-audit.${ext}"`);
      return Readable.from(lines(events));
    },
  });
}

export const auditRoutes: readonly Route[] = [
  defineRoute({
    method: 'GET', url: '/api/audit', access: 'admin', tag: 'admin',
    summary: 'The audit log, oldest first, filtered; the newest `limit` events when more match (truncated: true)',
    querystring: Type.Composite([Filters, Type.Object({ limit: Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: 1000 }) })], { additionalProperties: false }),
    handler: async ({ ws, auth, query }) => {
      const { sinceIso, filters } = window(query, auth.now());
      return filterAudit(await ws.auth.listAudit(sinceIso === undefined ? {} : { sinceIso }), { ...filters, limit: query.limit });
    },
  }),
  exportRoute('csv', 'text/csv', 'as CSV (as `wardwatch audit --format csv`)', (events) => [auditCsvHeader(), ...events.map(auditCsvRow)]),
  exportRoute('jsonl', 'application/jsonl', 'as JSON lines, one event a line (for a SIEM)', (events) => events.map((e) => `${JSON.stringify(e)}\n`)),
];
