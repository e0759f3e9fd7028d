/**
 * Compensating controls and maintenance windows (as `wardwatch controls …`; risk scoring reads them, docs/risk.md), the
 * lists the imports feed (advisories, SBOMs, VEX statements, as their `list --format json`), and the approval of the
 * segmentation policy as the baseline later traffic is checked against (admin).
 */
import { Type } from '@sinclair/typebox';
import { AuditAction } from '../../auth/audit-event.js';
import { listAdvisoriesJson } from '../../app/advisories.js';
import { addControl, addWindow, listControls, listWindows, removeControl } from '../../app/controls.js';
import { listSboms } from '../../app/sbom.js';
import { approvePolicy } from '../../app/segmentation.js';
import { listVex } from '../../app/vex.js';
import { CONTROL_KINDS } from '../../risk/types.js';
import { auditChange } from '../audit-trail.js';
import { defineRoute, type Route } from '../route-table.js';
import { listRoute } from './list-route.js';

const Text = Type.String({ minLength: 1, maxLength: 500 });
const Target = {
  device: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'one device: id, MAC, IP or host name' })),
  vendor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  model: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
};
const targetText = (b: { device?: string | undefined; vendor?: string | undefined; model?: string | undefined }): string =>
  b.device !== undefined ? `device:${b.device}` : `model:${b.vendor ?? '*'}/${b.model ?? '*'}`;

export const controlRoutes: readonly Route[] = [
  defineRoute({
    method: 'GET', url: '/api/controls', access: 'viewer', tag: 'controls',
    summary: 'Compensating controls and maintenance windows (as `controls list` and `controls window list --format json`)',
    handler: async ({ ws }) => ({ controls: await listControls(ws), windows: await listWindows(ws) }),
  }),
  defineRoute({
    method: 'POST', url: '/api/controls', access: 'analyst', tag: 'controls',
    summary: 'Record a compensating control for one device or a vendor/model (risk scores count it until it expires)',
    body: Type.Object({ kind: Type.Union(CONTROL_KINDS.map((k) => Type.Literal(k))), description: Text, expires: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })), ...Target }, { additionalProperties: false }),
    handler: async (ctx) => {
      const { kind, description, expires, ...target } = ctx.body;
      const control = await addControl(ctx.ws, { kind, description, target, expires: expires ?? null, by: ctx.principal?.user ?? 'unknown' });
      await auditChange(ctx, AuditAction.Change, `control:${control.id}`, { kind, target: targetText(target), expires: expires ?? null });
      ctx.reply.code(201);
      return { control };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/controls/windows', access: 'analyst', tag: 'controls',
    summary: 'Record a maintenance window ("Sat 22:00-Sun 04:00", "Mon-Fri 02:00-04:00", "cron 0 2 * * 6 for 120m")',
    body: Type.Object({ schedule: Type.String({ minLength: 1, maxLength: 200 }), description: Type.Optional(Type.String({ maxLength: 500 })), ...Target }, { additionalProperties: false }),
    handler: async (ctx) => {
      const { schedule, description, ...target } = ctx.body;
      const window = await addWindow(ctx.ws, { schedule, description: description ?? '', target, by: ctx.principal?.user ?? 'unknown' });
      await auditChange(ctx, AuditAction.Change, `window:${window.id}`, { schedule, target: targetText(target) });
      ctx.reply.code(201);
      return { window };
    },
  }),
  defineRoute({
    method: 'DELETE', url: '/api/controls/:id', access: 'analyst', tag: 'controls',
    summary: 'Remove a control (ctl-…) or a maintenance window (win-…)',
    params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
    handler: async (ctx) => {
      const removed = await removeControl(ctx.ws, ctx.params.id);
      await auditChange(ctx, AuditAction.Change, `${removed}:${ctx.params.id}`, { removed: true });
      return ctx.reply.code(204).send();
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/policy/approve', access: 'admin', tag: 'segmentation',
    summary: 'Approve the zone-to-zone services seen as the policy (as `wardwatch policy --approve`): later traffic outside it becomes segmentation-violation findings',
    handler: async (ctx) => {
      const approved = await approvePolicy(ctx.ws, ctx.principal?.user ?? 'unknown', ctx.auth.now());
      await auditChange(ctx, AuditAction.PolicyApproved, 'policy', { services: approved.services, conduits: approved.conduits });
      return { approved };
    },
  }),
  listRoute({ url: '/api/advisories', access: 'viewer', tag: 'imports', key: 'advisories', list: listAdvisoriesJson, summary: 'The imported advisories and the devices each matches now (as `wardwatch advisories list --format json`)' }),
  listRoute({ url: '/api/sboms', access: 'viewer', tag: 'imports', key: 'sboms', list: listSboms, summary: 'The attached SBOMs (as `wardwatch sbom list --format json`)' }),
  defineRoute({
    method: 'GET', url: '/api/vex', access: 'viewer', tag: 'imports',
    summary: 'The imported VEX statements, newest first per vulnerability (as `wardwatch vex list --format json`)',
    querystring: Type.Object({ vulnerability: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) }, { additionalProperties: false }),
    handler: async ({ ws, query }) => ({ statements: await listVex(ws, query.vulnerability) }),
  }),
];
