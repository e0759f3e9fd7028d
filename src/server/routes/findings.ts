/** Findings and their workflow (findings/status.ts): list, one, and a person's status changes. */
import { Type } from '@sinclair/typebox';
import { findingById, findingsList, setFindingStatus } from '../../app/findings.js';
import type { FindingStatus } from '../../findings/types.js';
import { AuditAction } from '../../auth/audit-event.js';
import { defineRoute, type Route, type RouteContext } from '../route-table.js';
import { auditChange } from '../audit-trail.js';
import { FindingFilters, findingFilters, IdParams } from './schemas.js';

/** Statuses a person sets; `not-affected` comes only from a vendor's VEX statement. */
const PERSON_STATUSES = ['open', 'acknowledged', 'mitigated', 'risk-accepted'] as const satisfies readonly FindingStatus[];

const Reason = Type.String({ minLength: 1, maxLength: 500 });
const Owner = Type.String({ minLength: 1, maxLength: 200 });
const Expires = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

const StatusBody = Type.Object({
  status: Type.Union(PERSON_STATUSES.map((s) => Type.Literal(s))),
  reason: Type.Optional(Reason),
  owner: Type.Optional(Owner),
  expires: Type.Optional(Expires),
}, { additionalProperties: false });

const NoteBody = Type.Object({ reason: Type.Optional(Reason) }, { additionalProperties: false });
const AcceptBody = Type.Object({ reason: Reason, owner: Owner, expires: Expires }, { additionalProperties: false });

/** The finding after the change, as the listing shows it (risk scored). */
async function change(ctx: RouteContext<unknown, { id: string }, unknown>, status: FindingStatus, fields: { reason?: string | undefined; owner?: string | undefined; expires?: string | undefined }): Promise<unknown> {
  await setFindingStatus(ctx.ws, ctx.params.id, {
    status, by: ctx.principal?.user ?? 'unknown',
    ...(fields.reason !== undefined ? { reason: fields.reason } : {}),
    ...(fields.owner !== undefined ? { owner: fields.owner } : {}),
    ...(fields.expires !== undefined ? { expires: fields.expires } : {}),
  });
  await auditChange(ctx, AuditAction.Change, `finding:${ctx.params.id}`, { status, reason: fields.reason ?? null, owner: fields.owner ?? null, expires: fields.expires ?? null });
  return { finding: await findingById(ctx.ws, ctx.params.id) };
}

/** A shortcut to one status: POST /api/findings/:id/<verb>. */
function statusRoute(verb: string, status: FindingStatus, summary: string): Route {
  return defineRoute({
    method: 'POST', url: `/api/findings/:id/${verb}`, access: 'analyst', tag: 'findings', summary,
    params: IdParams, body: NoteBody,
    handler: async (ctx) => change(ctx, status, ctx.body),
  });
}

export const findingRoutes: readonly Route[] = [
  defineRoute({
    method: 'GET', url: '/api/findings', access: 'viewer', tag: 'findings',
    summary: 'Findings, highest risk first (open and acknowledged unless status= says otherwise)',
    querystring: Type.Composite([FindingFilters, Type.Object({ device: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) })], { additionalProperties: false }),
    handler: async ({ ws, query }) => ({ findings: await findingsList(ws, { device: query.device, ...findingFilters(query) }) }),
  }),
  defineRoute({
    method: 'GET', url: '/api/findings/:id', access: 'viewer', tag: 'findings',
    summary: 'One finding with its evidence, status and risk',
    params: IdParams,
    handler: async ({ ws, params }) => ({ finding: await findingById(ws, params.id) }),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/findings/:id', access: 'analyst', tag: 'findings',
    summary: "Change a finding's status; risk-accepted needs reason, owner and expires",
    params: IdParams, body: StatusBody,
    handler: async (ctx) => change(ctx, ctx.body.status, ctx.body),
  }),
  statusRoute('acknowledge', 'acknowledged', 'Acknowledge a finding (someone is on it)'),
  statusRoute('mitigate', 'mitigated', 'Mark a finding mitigated'),
  statusRoute('reopen', 'open', 'Open a finding again'),
  defineRoute({
    method: 'POST', url: '/api/findings/:id/accept', access: 'analyst', tag: 'findings',
    summary: 'Accept the risk of a finding until a date, with a reason and an owner',
    params: IdParams, body: AcceptBody,
    handler: async (ctx) => change(ctx, 'risk-accepted', ctx.body),
  }),
];
