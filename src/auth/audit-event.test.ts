import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateApiTokenSecret } from './api-token-format.js';
import { AuditAction, auditEvent, type AuditInput } from './audit-event.js';
import { REDACTED } from './audit-sanitise.js';

const T0 = Date.UTC(2026, 0, 5, 8);
const base: AuditInput = {
  atMs: T0,
  actor: { kind: 'user', name: 'alice', role: 'admin' },
  action: AuditAction.Import,
  outcome: 'success',
};

describe('auditEvent', () => {
  it('records who, role, when, action, target, from where and outcome', () => {
    const event = auditEvent({ ...base, target: 'import:kev.json', from: '10.0.0.5', detail: { advisories: 12, source: 'CISA KEV' } });
    expect(event).toEqual({
      at: '2026-01-05T08:00:00.000Z',
      actor: { kind: 'user', name: 'alice', role: 'admin' },
      action: 'import',
      target: 'import:kev.json',
      from: '10.0.0.5',
      outcome: 'success',
      detail: { advisories: 12, source: 'CISA KEV' },
      redacted: [],
    });
  });

  it.each([
    'password', 'newPassword', 'pwd', 'token', 'apiKey', 'api_key', 'cookie', 'Set-Cookie', 'authorization', 'sessionId',
    'csrfToken', 'passwordHash', 'secret', 'patientName', 'PID-5', 'pid', 'mrn', 'dateOfBirth', 'dob', 'ssn', 'name',
    'familyName', 'insuranceNumber',
  ])('drops the detail field %j and says so', (key) => {
    const event = auditEvent({ ...base, detail: { [key]: 'value-123', kept: 'yes' } });
    expect(Object.keys(event.detail)).toEqual(['kept']);
    expect(event.redacted).toEqual([key.replace(/[^A-Za-z0-9_.-]/g, '_')]);
  });

  it('replaces values shaped like secrets or patient data, whatever the field is called', () => {
    const token = generateApiTokenSecret();
    const values = [
      token,
      `note ${token} here`,
      '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g',
      'Bearer abcdefghijklmnop',
      'Basic YWRtaW46YWRtaW4=',
      'A'.repeat(43),
      'PID|1||12345^^^HOSP^MR||DOE^JANE',
      'MSH|^~\\&|A|B\rPID|1||123',
      'ssn 123-45-6789',
    ];
    for (const value of values) {
      const event = auditEvent({ ...base, target: value, detail: { note: value } });
      expect(event.detail.note).toBe(REDACTED);
      expect(event.target).toBe(REDACTED);
    }
  });

  it('keeps ordinary references readable, a UUID included', () => {
    const event = auditEvent({ ...base, target: 'device:6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f', detail: { vendor: 'GE Healthcare' } });
    expect(event.target).toBe('device:6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f');
    expect(event.detail.vendor).toBe('GE Healthcare');
  });

  it('strips control characters, bounds length and drops nested values', () => {
    const event = auditEvent({
      ...base,
      target: 'user:x\r\n2026-01-01 fake line\u0000',
      detail: { long: 'x '.repeat(1000), nested: { password: 'p' }, list: ['a'], n: Number.NaN, ok: true, none: null },
    });
    expect(event.target).toBe('user:x  2026-01-01 fake line ');
    expect(String(event.detail.long).length).toBeLessThanOrEqual(257);
    expect(event.detail).not.toHaveProperty('nested');
    expect(event.redacted).toEqual(['nested', 'list']);
    expect(event.detail).toMatchObject({ n: null, ok: true, none: null });
  });

  it('keeps only a real IP address as "from"', () => {
    expect(auditEvent({ ...base, from: '2001:db8::1' }).from).toBe('2001:db8::1');
    for (const bad of ['localhost', '10.0.0.5; DROP TABLE audit_log', '', 'x'.repeat(10_000)]) {
      expect(auditEvent({ ...base, from: bad }).from).toBeNull();
    }
  });

  it('never lets a value under a secret-named field through, for any value (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('password', 'token', 'cookie', 'session', 'authorization'), fc.string(), fc.string({ minLength: 1 }), (key, prefix, value) => {
        const event = auditEvent({ ...base, detail: { [`${prefix.replace(/[^a-z]/g, '')}${key}`]: value } });
        expect(JSON.stringify(event.detail)).toBe('{}');
      }),
    );
  });
});
