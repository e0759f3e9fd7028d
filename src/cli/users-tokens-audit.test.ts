/**
 * `wardwatch users|tokens|audit` end to end on the built binary (SQLite): passwords from stdin and the policy's
 * refusals, no hash or secret in any output or in the database file, the token printed once, every change audited,
 * hostile names refused with one error line. The same store runs on PostgreSQL in store/conformance/auth-store.test.ts;
 * the CLI cannot open PostgreSQL until the workspace does (src/store/inventory-db.ts refuses it today).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from './test-support/run-main.js';
import { runCli } from './test-support/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-users-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

const PASSWORD = 'Correct-Horse-Battery-9';
let n = 0;
const newDb = (): string => path.join(dir, `u${++n}.db`);
const stdin = (text: string): Buffer => Buffer.from(text, 'utf8');

/** Every byte of the database and its WAL, to look for secrets as an attacker with the file would. */
function dbBytes(db: string): Buffer {
  return Buffer.concat(readdirSync(dir).filter((f) => f.startsWith(path.basename(db))).map((f) => readFileSync(path.join(dir, f))));
}

interface AuditJson { events: { action: string; target: string | null; outcome: string; actor: { kind: string; name: string | null } }[] }

function audit(db: string): AuditJson['events'] {
  const r = runCli(['audit', '--format', 'json', '--db', db]);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as AuditJson).events;
}

describe('wardwatch users', () => {
  it('adds a user from --password-stdin, lists it without its hash, and never stores the password', () => {
    const db = newDb();
    const add = runCli(['users', 'add', 'Alice', '--role', 'admin', '--password-stdin', '--db', db], stdin(`${PASSWORD}\n`));
    expect(add).toMatchObject({ code: 0, stderr: '', stdout: 'added user alice (admin)\n' });
    const list = runCli(['users', 'list', '--format', 'json', '--db', db]);
    expect(list.code).toBe(0);
    const users = (JSON.parse(list.stdout) as { users: Record<string, unknown>[] }).users;
    expect(users).toHaveLength(1);
    expect(Object.keys(users[0] ?? {}).sort()).toEqual(['createdAt', 'disabled', 'name', 'passwordChangedAt', 'role']);
    expect(users[0]).toMatchObject({ name: 'alice', role: 'admin', disabled: false });
    for (const text of [list.stdout, runCli(['users', 'list', '--db', db]).stdout]) {
      expect(text).not.toContain('$argon2');
      expect(text).not.toContain(PASSWORD);
    }
    const bytes = dbBytes(db);
    expect(bytes.includes(PASSWORD)).toBe(false);
    expect(bytes.includes('$argon2id$')).toBe(true); // the hash is there: the check above looked in the right place
  });

  it('refuses a weak password, a duplicate name and a non-terminal stdin without the flag, storing nothing', () => {
    const db = newDb();
    const weak = runCli(['users', 'add', 'bob', '--role', 'viewer', '--password-stdin', '--db', db], stdin('password\n'));
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/^error: password must have at least 12 characters; .*common/);
    expect(weak.stderr.split('\n')).toHaveLength(2);
    expect(runCli(['users', 'add', 'bob', '--role', 'viewer', '--password-stdin', '--db', db], stdin(`${PASSWORD}\n`)).code).toBe(0);
    const dup = runCli(['users', 'add', 'BOB', '--role', 'admin', '--password-stdin', '--db', db], stdin(`${PASSWORD}\n`));
    expect(dup).toMatchObject({ code: 1, stdout: '', stderr: 'error: user bob already exists\n' });
    const noTty = runCli(['users', 'add', 'carol', '--role', 'viewer', '--db', db], stdin(`${PASSWORD}\n`));
    expect(noTty.code).toBe(1);
    expect(noTty.stderr).toMatch(/^error: standard input is not a terminal: use --password-stdin/);
    expect(runCli(['users', 'add', 'dave', '--role', 'root', '--password-stdin', '--db', db], stdin(`${PASSWORD}\n`)).stderr)
      .toBe('error: unknown role (one of viewer, analyst, admin)\n');
    const names = (JSON.parse(runCli(['users', 'list', '--format', 'json', '--db', db]).stdout) as { users: { name: string; role: string }[] }).users;
    expect(names).toEqual([expect.objectContaining({ name: 'bob', role: 'viewer' })]);
  });

  it('changes a role and a password, removes a user, and audits each change as the OS user at the CLI', () => {
    const db = newDb();
    runCli(['users', 'add', 'erin', '--role', 'viewer', '--password-stdin', '--db', db], stdin(`${PASSWORD}\n`));
    expect(runCli(['users', 'set-role', 'erin', 'analyst', '--db', db]).stdout).toBe('user erin is now analyst\n');
    expect(runCli(['users', 'passwd', 'erin', '--password-stdin', '--db', db], stdin('Another-Long-Passw0rd!\n')).code).toBe(0);
    expect(runCli(['users', 'passwd', 'erin', '--password-stdin', '--db', db], stdin('erin\n')).code).toBe(1);
    expect(runCli(['users', 'remove', 'erin', '--db', db]).code).toBe(0);
    expect(runCli(['users', 'remove', 'erin', '--db', db])).toMatchObject({ code: 1, stderr: 'error: no user erin\n' });
    const events = audit(db);
    expect(events.map((e) => `${e.action} ${e.target ?? ''}`)).toEqual([
      'user-created user:erin', 'user-changed user:erin', 'password-changed user:erin', 'user-removed user:erin',
    ]);
    expect(events.every((e) => e.outcome === 'success' && e.actor.kind === 'system' && e.actor.name !== null)).toBe(true);
    // the export itself is recorded, and shows up in the next one
    expect(audit(db).map((e) => e.action).slice(-1)).toEqual(['export']);
  });

  it.each([
    ['unicode look-alike', 'аlice'],
    ['emoji', 'bob🙂'],
    ['a flag-like name', '-rf'],
    ['10 kB', 'a'.repeat(10_240)],
    ['an ANSI escape', 'x\u001b[31mred'],
  ])('refuses a hostile name (%s) before asking for a password', (_what, name) => {
    const db = newDb();
    const r = runCli(['users', 'add', '--role', 'admin', '--password-stdin', '--db', db, '--', name], stdin(`${PASSWORD}\n`));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: user name (may hold only|is longer than)/);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).not.toContain(name); // the reason names the rule, never echoes the input
  });

  it('refuses a name with a NUL byte (argv cannot carry one, so in-process)', async () => {
    const db = newDb();
    const r = await runMain(['users', 'add', 'ali\u0000ce', '--role', 'admin', '--password-stdin', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: user name may hold only/);
    expect(readdirSync(dir).some((f) => f.startsWith(path.basename(db)))).toBe(false);
  });
});

describe('wardwatch tokens', () => {
  it('prints a new token once on stdout alone, stores only its hash, lists and revokes it, audited', () => {
    const db = newDb();
    const created = runCli(['tokens', 'create', 'siem-export', '--role', 'viewer', '--expires', '30', '--db', db]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^ww_[A-Za-z0-9_-]{43}\n$/);
    const token = created.stdout.trim();
    expect(created.stderr).not.toContain(token);
    expect(dbBytes(db).includes(token)).toBe(false);
    expect(dbBytes(db).includes(token.slice(3, 20))).toBe(false);
    const listJson = runCli(['tokens', 'list', '--format', 'json', '--db', db]);
    const table = runCli(['tokens', 'list', '--db', db]);
    for (const text of [listJson.stdout, table.stdout]) expect(text).not.toContain(token.slice(3, 20));
    const tokens = (JSON.parse(listJson.stdout) as { tokens: { id: string; name: string; role: string; revokedAtMs: number | null; expiresAtMs: number | null }[] }).tokens;
    expect(tokens).toHaveLength(1);
    const [t] = tokens;
    if (t === undefined) throw new Error('no token listed');
    expect(t).toMatchObject({ name: 'siem-export', role: 'viewer', revokedAtMs: null });
    expect(t.expiresAtMs).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect(JSON.stringify(t)).not.toMatch(/hash/i);
    expect(runCli(['tokens', 'revoke', t.id, '--db', db]).stdout).toBe(`revoked token ${t.id}\n`);
    expect(runCli(['tokens', 'revoke', t.id, '--db', db])).toMatchObject({ code: 1, stderr: 'error: no active token has that id\n' });
    expect(runCli(['tokens', 'revoke', '../../etc', '--db', db]).code).toBe(1);
    expect(audit(db).map((e) => `${e.action} ${e.target ?? ''}`)).toEqual([`token-created token:${t.id}`, `token-revoked token:${t.id}`]);
  });

  it('refuses a bad role, a bad expiry and a hostile token name, creating nothing', () => {
    const db = newDb();
    runCli(['users', 'add', 'admin1', '--role', 'admin', '--password-stdin', '--db', db], stdin(`${PASSWORD}\n`));
    for (const args of [
      ['siem', '--role', 'superuser'], ['siem', '--role', 'viewer', '--expires', '0'], ['siem', '--role', 'viewer', '--expires', '1e9'],
      ['siem\u202e', '--role', 'viewer'], ['x'.repeat(10_240), '--role', 'viewer'],
    ]) {
      const r = runCli(['tokens', 'create', '--db', db, ...args]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^error: /);
    }
    expect(runCli(['tokens', 'list', '--db', db]).stdout).toBe('no tokens\n');
  });
});

describe('wardwatch audit', () => {
  it('exports CSV with a header and --since filtering, and refuses a bad --since or format', () => {
    const db = newDb();
    runCli(['users', 'add', 'frank', '--role', 'viewer', '--password-stdin', '--db', db], stdin(`${PASSWORD}\n`));
    const csv = runCli(['audit', '--format', 'csv', '--db', db]);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe('seq,at,actor_kind,actor_name,actor_role,action,target,from,outcome,detail,redacted');
    expect(lines[1]).toMatch(/^1,\d{4}-.*,system,[^,]+,,user-created,user:frank,,success,"\{""role"":""viewer""\}",$/);
    const future = runCli(['audit', '--since', '2999-01-01', '--db', db]);
    expect(JSON.parse(future.stdout)).toEqual({ events: [] });
    expect(runCli(['audit', '--since', 'yesterday', '--db', db]).code).toBe(1);
    expect(runCli(['audit', '--format', 'xml', '--db', db]).code).toBe(1);
    expect((JSON.parse(runCli(['audit', '--since', '1d', '--db', db]).stdout) as AuditJson).events.length).toBeGreaterThan(0);
  });
});
