/** Appending to the audit log through the sanitiser, with the clock and origin filled in. */
import type { AuthDeps } from './auth-deps.js';
import { auditEvent, type AuditAction, type AuditActor, type AuditOutcome } from './audit-event.js';

export interface AuditOrigin {
  readonly actor: AuditActor;
  readonly from: string | null;
}

export async function appendAudit(
  deps: AuthDeps,
  origin: AuditOrigin,
  action: AuditAction,
  target: string | null,
  detail: Readonly<Record<string, unknown>>,
  outcome: AuditOutcome = 'success',
): Promise<void> {
  await deps.store.appendAudit(
    auditEvent({ atMs: deps.now(), actor: origin.actor, action, target, from: origin.from, outcome, detail }),
  );
}
