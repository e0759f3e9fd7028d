/** The auth library `wardwatch serve` and the `users` / `tokens` commands use; see docs in each module. */
export { authenticateRequest, type Authentication, type Principal, type RequestCredentials } from './authenticate-request.js';
export { createApiToken, listApiTokens, revokeApiToken, authenticateApiToken, type NewApiToken } from './api-tokens.js';
export type { AuthDeps } from './auth-deps.js';
export type * from './auth-store.js';
export { AuditAction, auditEvent, type AuditEvent, type AuditActor, type AuditOutcome } from './audit-event.js';
export { appendAudit, type AuditOrigin } from './audit-log.js';
export { cleanAuditDetail, cleanAuditText } from './audit-sanitise.js';
export { CSRF_HEADER, methodNeedsCsrf } from './csrf.js';
export { login, logout, type LoginRequest, type LoginResult } from './login.js';
export { MemoryAuthStore } from './memory-auth-store.js';
export { checkNewPassword, type PasswordProblem } from './password-policy.js';
export { readPasswordFromStdin, readPasswordFromTty } from './read-password.js';
export { Action, can, isRole, mayGrant, PERMISSIONS, ROLES, type Role } from './roles.js';
export { NO_STORE, securityHeaders } from './security-headers.js';
export { clearedSessionCookie, readSessionCookie, sessionCookieName, sessionSetCookie } from './session-cookie.js';
export { DEFAULT_SESSION_POLICY, type SessionPolicy } from './sessions.js';
export { changePassword, changeUser, createUser, removeUser, type ChangeOrigin } from './users.js';
export { checkUserName } from './user-name.js';
