/** Who made a request and from where, as the audit log records it (src/auth/audit-event.ts). */
import type { AuditOrigin } from '../auth/audit-log.js';
import type { RouteContext } from './route-table.js';

/**
 * A console session is a user; any other proven principal came with an API token. `from` is the socket's address
 * (Fastify's request.ip; no proxy header is trusted, so a client cannot choose what the log says).
 */
export function auditOrigin(ctx: Pick<RouteContext<unknown, unknown, unknown>, 'principal' | 'request'>): AuditOrigin {
  const p = ctx.principal;
  const actor = p === null
    ? { kind: 'anonymous', name: null, role: null } as const
    : { kind: p.sessionId !== undefined ? 'user' : 'token', name: p.user, role: p.role } as const;
  return { actor, from: ctx.request.ip };
}
