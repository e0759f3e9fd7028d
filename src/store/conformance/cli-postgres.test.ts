/**
 * The CLI end to end on PostgreSQL: the built `wardwatch` run with `--db postgresql://…` on the throwaway cluster
 * and with `--db FILE` on a SQLite file, the same commands on the same inputs, must print the same thing (JSON
 * compared as values; tables as text). A drift between the dialects in any store the commands reach (inventory,
 * findings, register, baseline, run log) fails here.
 */
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../../cli/test-support/run-cli.js';
import { postgresGate, startPostgres, type PostgresCluster } from '../../test-support/postgres.js';

const SAMPLE = path.join(repoRoot, 'samples/hospital-sample.pcap');
// The register made for the sample's devices (src/inventory/cmms/fixtures/make-fixtures.py).
const REGISTER = path.join(repoRoot, 'src/inventory/cmms/fixtures/typical-export.csv');

/** One step: the command's arguments (without --db) and how to read its output. */
interface Step { args: string[]; json: boolean }

const STEPS: Step[] = [
  { args: ['analyze', SAMPLE, '--json', '--no-progress'], json: true },
  { args: ['devices'], json: false },
  { args: ['devices', '--format', 'json'], json: true },
  { args: ['findings'], json: false },
  { args: ['findings', '--format', 'json'], json: true },
  { args: ['import', 'cmms', REGISTER], json: false },
  { args: ['reconcile', '--format', 'json'], json: true },
  { args: ['reconcile'], json: false },
  { args: ['device', 'set', '10.20.20.21', 'location=Radiology, CT Room 3', 'owner=Biomed'], json: false },
  { args: ['policy'], json: false },
  { args: ['policy', '--format', 'json'], json: true },
  { args: ['policy', '--approve'], json: false },
  // A second run against the approved policy and the register: merges, findings and the person's values kept.
  { args: ['analyze', SAMPLE, '--json', '--no-progress'], json: true },
  { args: ['devices', '--format', 'json'], json: true },
  { args: ['findings', '--format', 'json'], json: true },
];

/** What varies between two runs of one command whatever the store: the run's own duration. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'seconds').map(([k, v]) => [k, stable(v)]));
}

/** Each step's exit code and output (parsed when JSON). */
function runAll(db: string): { code: number | null; out: unknown; stderr: string }[] {
  return STEPS.map(({ args, json }) => {
    const r = runCli([...args, '--db', db]);
    return { code: r.code, out: json && r.code === 0 ? stable(JSON.parse(r.stdout)) : r.stdout, stderr: r.stderr };
  });
}

describe.skipIf(postgresGate.skip)(postgresGate.title('the CLI on PostgreSQL'), () => {
  let cluster: PostgresCluster;
  let dir: string;
  beforeAll(() => {
    cluster = startPostgres();
    dir = mkdtempSync(path.join(tmpdir(), 'ww-cli-pg-'));
  });
  afterAll(() => {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('analyze, devices, findings, import cmms, reconcile, device set, policy: the same output as on a SQLite file', () => {
    const onPostgres = runAll(cluster.createDatabase());
    const onSqlite = runAll(path.join(dir, 'reference.db'));
    for (const [i, step] of STEPS.entries()) {
      expect(onPostgres[i], step.args.join(' ')).toEqual(onSqlite[i]);
    }
    // Must-fire on the inputs: every step succeeded and did something worth comparing.
    expect(onSqlite.map((s) => s.code)).toEqual(STEPS.map(() => 0));
    const devices = onSqlite[2]?.out as { devices: { location: string | null; assetTag: string | null }[] };
    expect(devices.devices.length).toBeGreaterThan(5);
    expect((onSqlite[4]?.out as { findings: unknown[] }).findings.length).toBeGreaterThan(5);
    expect(onSqlite[5]?.out).toMatch(/matched/);
    const after = onSqlite[13]?.out as { devices: { location: string | null; assetTag: string | null }[] };
    expect(after.devices.some((d) => d.location === 'Radiology, CT Room 3')).toBe(true);
    expect(after.devices.some((d) => d.assetTag === 'BME-1001')).toBe(true);
  }, 240_000);
});
