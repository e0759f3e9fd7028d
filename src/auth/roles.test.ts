import { describe, expect, it } from 'vitest';
import { Action, can, isRole, mayGrant, PERMISSIONS, ROLES } from './roles.js';

describe('roles', () => {
  it('orders viewer < analyst < admin: each role may do all that the one below may', () => {
    for (let i = 1; i < ROLES.length; i++) {
      const lower = PERMISSIONS[ROLES[i - 1] ?? 'viewer'];
      const higher = PERMISSIONS[ROLES[i] ?? 'admin'];
      expect(higher).toEqual(expect.arrayContaining([...lower]));
      expect(higher.length).toBeGreaterThan(lower.length);
    }
  });

  it('lets a viewer read and nothing else', () => {
    expect(can('viewer', Action.Read)).toBe(true);
    for (const action of Object.values(Action).filter((a) => a !== Action.Read)) expect(can('viewer', action)).toBe(false);
  });

  it('lets an analyst work findings and set device values, but not import, manage users, settings or policy', () => {
    expect(can('analyst', Action.FindingsWorkflow)).toBe(true);
    expect(can('analyst', Action.DeviceValues)).toBe(true);
    for (const action of [Action.Imports, Action.Users, Action.Settings, Action.PolicyApproval, Action.AuditRead]) {
      expect(can('analyst', action)).toBe(false);
    }
  });

  it('lets an admin do everything', () => {
    for (const action of Object.values(Action)) expect(can('admin', action)).toBe(true);
  });

  it('gives an unknown or hostile role string nothing', () => {
    for (const role of ['root', 'Admin', '', '__proto__', 'constructor', 'admin\u0000', 'toString']) {
      expect(isRole(role)).toBe(false);
      for (const action of Object.values(Action)) expect(can(role, action)).toBe(false);
    }
  });

  it('lets only admins grant roles, never above their own', () => {
    expect(mayGrant('admin', 'admin')).toBe(true);
    expect(mayGrant('admin', 'viewer')).toBe(true);
    expect(mayGrant('analyst', 'viewer')).toBe(false);
    expect(mayGrant('viewer', 'viewer')).toBe(false);
  });
});
