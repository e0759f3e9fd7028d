/**
 * Test support: a throwaway PostgreSQL 15 cluster from Debian's server packages (`postgresql-15`: initdb, pg_ctl under
 * /usr/lib/postgresql/15/bin). It lives in a temporary folder, listens only on a unix socket in that folder (no TCP),
 * trusts local connections, and is stopped and deleted by `stop()`. As root it runs as the `postgres` user, because
 * the server refuses to run as root (https://www.postgresql.org/docs/15/server-start.html).
 *
 * Tests reach it through `postgresGate` (tools.ts `requires`): missing binaries skip with the reason off CI and fail
 * under CI=true, where .ci/run installs `postgresql`.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isRoot, requires, type Gate } from './tools.js';

const BIN = process.env.WARDWATCH_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const INITDB = path.join(BIN, 'initdb');
const PG_CTL = path.join(BIN, 'pg_ctl');
const PSQL = path.join(BIN, 'psql');
const SERVER_USER = 'postgres';

/** The gate of every test that needs a real PostgreSQL. */
export const postgresGate: Gate = requires({ tools: [INITDB, PG_CTL, PSQL, ...(isRoot ? ['runuser'] : [])] });

export interface PostgresCluster {
  /** A URL for a new, empty database of this cluster (one per call). */
  createDatabase(): string;
  stop(): void;
}

interface Account { uid: number; gid: number }

function serverAccount(): Account | null {
  if (!isRoot) return null;
  const out = spawnSync('id', ['-u', SERVER_USER], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', SERVER_USER], { encoding: 'utf8' });
  if (out.status !== 0 || gid.status !== 0) throw new Error(`running as root needs a "${SERVER_USER}" user for the test cluster (Debian's postgresql package makes it)`);
  return { uid: Number(out.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Run a server program, as the postgres user when we are root; throws with its output when it fails. */
function run(account: Account | null, file: string, args: readonly string[]): string {
  const [cmd, argv] = account === null ? [file, args] : ['runuser', ['-u', SERVER_USER, '--', file, ...args]];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${path.basename(file)} failed (${r.status ?? r.signal ?? 'no status'}): ${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** initdb + pg_ctl start; the socket and the data live in one temporary folder. */
export function startPostgres(): PostgresCluster {
  const account = serverAccount();
  const dir = mkdtempSync(path.join(tmpdir(), 'ww-pg-'));
  if (account !== null) {
    chownSync(dir, account.uid, account.gid);
    chmodSync(dir, 0o700);
  }
  const data = path.join(dir, 'data');
  try {
    run(account, INITDB, ['-D', data, '-U', SERVER_USER, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
    // listen_addresses='' : no TCP at all; the socket in `dir` is the only way in. fsync off: a test cluster.
    const options = `-c listen_addresses='' -k ${dir} -c fsync=off -c max_connections=100`;
    run(account, PG_CTL, ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  let stopped = false;
  return {
    createDatabase(): string {
      const name = `ww_${randomBytes(6).toString('hex')}`;
      run(account, PSQL, ['-h', dir, '-U', SERVER_USER, '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', `CREATE DATABASE ${name}`]);
      return `postgresql://${SERVER_USER}@localhost/${name}?host=${encodeURIComponent(dir)}`;
    },
    stop(): void {
      if (stopped) return;
      stopped = true;
      try {
        run(account, PG_CTL, ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
