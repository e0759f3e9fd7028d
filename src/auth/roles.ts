/** Roles (viewer < analyst < admin) and the permission table that says which actions each role may take. */

export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a request can do. A route declares one action; the server asks `can(role, action)`. */
export const Action = {
  Read: 'read', // inventory, findings, advisories, exports, ingest status, live events
  FindingsWorkflow: 'findings-workflow', // acknowledge, assign, suppress, re-open findings
  DeviceValues: 'device-values', // a person's value for a device field (`device set`)
  Imports: 'imports', // advisories, SBOM, VEX, CMMS register uploads and reconcile
  Users: 'users', // users and API tokens: create, change role, disable, revoke
  Settings: 'settings', // alert rules, zones, sensor and server settings
  PolicyApproval: 'policy-approval', // approve a segmentation policy before it is rendered for a firewall
  AuditRead: 'audit-read', // read and export the audit log
} as const;
export type Action = (typeof Action)[keyof typeof Action];

/**
 * The permission table, as data: each role lists exactly what it may do (no inheritance computed at run time, so a
 * reader sees the whole grant in one place). The ordering viewer < analyst < admin holds because each row contains
 * the row above it; roles.test.ts checks that.
 */
export const PERMISSIONS: Readonly<Record<Role, readonly Action[]>> = {
  viewer: [Action.Read],
  analyst: [Action.Read, Action.FindingsWorkflow, Action.DeviceValues],
  admin: [
    Action.Read,
    Action.FindingsWorkflow,
    Action.DeviceValues,
    Action.Imports,
    Action.Users,
    Action.Settings,
    Action.PolicyApproval,
    Action.AuditRead,
  ],
};

/** Whether `role` may take `action`. Unknown strings (a role from an old database row) may do nothing. */
export function can(role: string, action: Action): boolean {
  return isRole(role) && PERMISSIONS[role].includes(action);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A role's rank (viewer 0, analyst 1, admin 2), for "may this creator hand out that role" checks. */
export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

/** Whether someone with `granter` may create a user or token with `granted`: never above their own role. */
export function mayGrant(granter: Role, granted: Role): boolean {
  return can(granter, Action.Users) && roleRank(granted) <= roleRank(granter);
}
