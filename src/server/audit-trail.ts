/**
 * What the routes record in the audit log: uploads (AuditAction.Import: who sent which file from where, and what it
 * did or why it was refused; a stream of rejected files is worth seeing) and every other change (findings workflow,
 * device values, controls, policy approval). Login, logout, users and tokens record themselves (src/auth, src/app).
 */
import { AuditAction } from '../auth/audit-event.js';
import { appendAudit } from '../auth/audit-log.js';
import { auditOrigin } from './audit-origin.js';
import type { RouteContext } from './route-table.js';

type Ctx = RouteContext<unknown, unknown, unknown>;

/** Runs `work`; records `import:<what>:<name>` with its detail, or with outcome failure and the reason, then rethrows. */
export async function auditedImport<T>(ctx: Ctx, what: string, name: string, work: () => Promise<{ answer: T; detail: Record<string, string | number | boolean | null> }>): Promise<T> {
  const target = `import:${what}:${name}`;
  try {
    const { answer, detail } = await work();
    await appendAudit(ctx.auth, auditOrigin(ctx), AuditAction.Import, target, detail);
    return answer;
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] ?? '' : 'failed';
    await appendAudit(ctx.auth, auditOrigin(ctx), AuditAction.Import, target, { reason }, 'failure');
    throw err;
  }
}

/** Approvals and settings changes (AuditAction.Change, PolicyApproved …): recorded after the change succeeded. */
export async function auditChange(ctx: Ctx, action: AuditAction, target: string, detail: Record<string, string | number | boolean | null>): Promise<void> {
  await appendAudit(ctx.auth, auditOrigin(ctx), action, target, detail);
}
