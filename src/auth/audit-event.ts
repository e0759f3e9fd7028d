/** The audit record: who (and with which role) did what to which target, when, from which address, and the outcome. */
import { isIP } from 'node:net';
import { cleanAuditDetail, cleanAuditText } from './audit-sanitise.js';
import type { Role } from './roles.js';

export const AuditAction = {
  Login: 'login',
  LoginFailed: 'login-failed',
  Logout: 'logout',
  AccessDenied: 'access-denied',
  UserCreated: 'user-created',
  UserChanged: 'user-changed',
  UserRemoved: 'user-removed',
  PasswordChanged: 'password-changed',
  TokenCreated: 'token-created',
  TokenRevoked: 'token-revoked',
  Change: 'change',
  Import: 'import',
  Export: 'export',
  SettingsChanged: 'settings-changed',
  PolicyApproved: 'policy-approved',
} as const;
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditActor {
  readonly kind: 'user' | 'token' | 'anonymous' | 'system';
  /** User name or token name; null when unknown (a failed login for a name that does not exist). */
  readonly name: string | null;
  readonly role: Role | null;
}

export type AuditDetailValue = string | number | boolean | null;

export interface AuditEvent {
  readonly at: string; // ISO 8601, UTC
  readonly actor: AuditActor;
  readonly action: AuditAction;
  /** What was acted on, as a non-secret reference: `user:alice`, `token:Ab3dE5fG`, `device:…`, `import:kev.json`. */
  readonly target: string | null;
  /** Client address (IPv4 or IPv6), null when not from the network (the CLI). */
  readonly from: string | null;
  readonly outcome: AuditOutcome;
  readonly detail: Readonly<Record<string, AuditDetailValue>>;
  /** Names of detail fields removed because they could hold a secret or PHI, so a reader knows something was. */
  readonly redacted: readonly string[];
}

export interface AuditInput {
  readonly atMs: number;
  readonly actor: AuditActor;
  readonly action: AuditAction;
  readonly target?: string | null;
  readonly from?: string | null;
  readonly outcome: AuditOutcome;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** Builds an audit event; every free-text part goes through the sanitiser, so no caller can put a secret in it. */
export function auditEvent(input: AuditInput): AuditEvent {
  const { detail, redacted } = cleanAuditDetail(input.detail ?? {});
  return {
    at: new Date(input.atMs).toISOString(),
    actor: {
      kind: input.actor.kind,
      name: input.actor.name === null ? null : cleanAuditText(input.actor.name),
      role: input.actor.role,
    },
    action: input.action,
    target: input.target === undefined || input.target === null ? null : cleanAuditText(input.target),
    from: input.from !== undefined && input.from !== null && isIP(input.from) !== 0 ? input.from : null,
    outcome: input.outcome,
    detail,
    redacted,
  };
}
