/**
 * `--db postgres://…` that cannot be used: a URL that does not parse, a server that is not there, a database that does
 * not exist, a user without the privileges. Each is one `error: …` line naming the URL without its password, exit 1,
 * no stack trace and no hang; a reading and a writing command alike.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../../cli/test-support/run-cli.js';
import { postgresGate, startPostgres, type PostgresCluster } from '../../test-support/postgres.js';

const SAMPLE = `${repoRoot}/samples/hospital-sample.pcap`;
const commands = (url: string): string[][] => [['devices', '--db', url], ['analyze', SAMPLE, '--db', url, '--no-progress']];

function expectOneLine(args: string[], line: RegExp): void {
  const r = runCli(args);
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toMatch(line);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/);
}

describe('the CLI given a PostgreSQL URL it cannot use', () => {
  it.each(commands('postgresql://ward:s3cret@[::1/inventory'))('a URL that does not parse: %j', (...args) => {
    expectOneLine(args, /^error: postgres:\/\/\(unparsable URL\): not a valid PostgreSQL URL \(postgresql:\/\/user:password@host:port\/database\)\n$/);
  });

  it.each(commands('postgresql://ward:s3cret@localhost/inventory?host=/nonexistent-socket-dir'))('no server behind a socket path: %j', (...args) => {
    expectOneLine(args, /^error: postgresql:\/\/ward:\*\*\*@localhost\/inventory\?host=\/nonexistent-socket-dir: cannot open database: connect ENOENT /);
  });

  it.each(commands('postgresql://ward:s3cret@127.0.0.1:1/inventory'))('a port nobody listens on: %j', (...args) => {
    expectOneLine(args, /^error: postgresql:\/\/ward:\*\*\*@127\.0\.0\.1:1\/inventory: cannot open database: connect ECONNREFUSED 127\.0\.0\.1:1\n$/);
  });

  it('a file path is still a SQLite file: a reading command on a missing file says so', () => {
    const r = runCli(['devices', '--db', '/nonexistent-dir/w.db']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: no database at /nonexistent-dir/w.db; run wardwatch analyze first\n');
  });
});

describe.skipIf(postgresGate.skip)(postgresGate.title('the CLI given a PostgreSQL server that refuses'), () => {
  let cluster: PostgresCluster;
  let admin: string;
  beforeAll(async () => {
    cluster = startPostgres();
    admin = cluster.createDatabase();
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      // PostgreSQL 15 gives no one but the owner CREATE on schema public (release notes 15, E.15.2): a plain role
      // may connect but not make wardwatch's tables.
      await client.query('CREATE ROLE ww_reader LOGIN');
    } finally {
      await client.end();
    }
  });
  afterAll(() => { cluster.stop(); });

  const as = (url: string, user: string, database?: string): string => {
    const u = new URL(url);
    u.username = user;
    if (database !== undefined) u.pathname = `/${database}`;
    return u.toString();
  };

  it('a database that does not exist: named, with what to do', () => {
    for (const args of commands(as(admin, 'postgres', 'no_such_db'))) expectOneLine(args, /cannot open database: no such database \(create it first: createdb\)\n$/);
  });

  it('a user without the privileges on a new database: permission denied', () => {
    const url = as(cluster.createDatabase(), 'ww_reader');
    for (const args of commands(url)) expectOneLine(args, /cannot open database: permission denied: this user may not read or change wardwatch's tables/);
  });

  it('a user without the privileges on a database wardwatch made: permission denied', () => {
    const url = cluster.createDatabase();
    expect(runCli(['analyze', SAMPLE, '--db', url, '--no-progress']).code).toBe(0);
    for (const args of commands(as(url, 'ww_reader'))) expectOneLine(args, /cannot open database: permission denied: this user may not read or change wardwatch's tables/);
  });

  it('a server stopped after the database was made: the connection failure, not a hang', () => {
    const other = startPostgres();
    const url = other.createDatabase();
    other.stop();
    for (const args of commands(url)) expectOneLine(args, /cannot open database: connect ENOENT /);
  });
});
