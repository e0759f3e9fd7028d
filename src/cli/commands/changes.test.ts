/** `wardwatch changes` and analyze's "changes since the last run" block, as a user runs them on two captures. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusPcaps, repoRoot, runCli } from '../test-support/run-cli.js';
import { SqliteInventory } from '../../store/sqlite/inventory/sqlite-inventory.js';
import { parseSince } from './changes.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-changes-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const ftp = path.join(corpusPcaps, 'zeek/ftp_ftp-password-pass-command.pcap');
const hospital = path.join(repoRoot, 'samples/hospital-sample.pcap');

interface Report {
  since: string;
  newDevices: { id: string; ip: string | null; vendor: string | null; type: string | null }[];
  changedAttributes: unknown[];
  newFindings: { id: string; kind: string; deviceId: string; severity: string; risk: string }[];
  closedFindings: { id: string }[];
}

function changesJson(db: string, since: string): Report {
  const r = runCli(['changes', '--db', db, '--since', since, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

describe('wardwatch changes after two analyze runs', () => {
  const db = path.join(dir, 'two.db');
  const first = runCli(['analyze', '--db', db, '--no-progress', ftp]);
  const second = runCli(['analyze', '--db', db, '--no-progress', hospital]);

  it('says nothing about changes on a first run, and leads the second run with them', () => {
    expect(first.code).toBe(0);
    expect(first.stdout).not.toContain('changes since the last run');
    expect(second.code).toBe(0);
    expect(second.stdout.startsWith('changes since the last run')).toBe(true);
    expect(second.stdout).toMatch(/new devices: [1-9]/);
    expect(second.stdout).toMatch(/new findings: [1-9]/);
    // The block names this run's devices, never the first run's.
    const block = second.stdout.slice(0, second.stdout.indexOf('wardwatch:'));
    expect(block).toContain('10.20.');
    expect(block).not.toContain('192.168.10.');
  });

  it('judges --since by capture time, whichever run read the capture', () => {
    // The hospital sample (second run) was captured 2024-03-04, the FTP capture (first run) 2024-09-18.
    const late = changesJson(db, '2024-09-01');
    expect(late.newDevices.map((d) => d.ip).sort()).toEqual(['192.168.10.132', '192.168.10.188']);
    const early = changesJson(db, '2024-03-04');
    const ips = early.newDevices.map((d) => d.ip);
    expect(ips).toContain('10.20.10.10');
    expect(early.newDevices.length).toBeGreaterThan(late.newDevices.length);
    expect(early.newFindings.length).toBeGreaterThan(late.newFindings.length);
    expect(early.newFindings.map((f) => f.kind)).toContain('default-credentials');
  });

  it('keeps the JSON shape: since and the four lists, findings with risk and severity words', () => {
    const r = changesJson(db, '2000-01-01T00:00Z');
    expect(Object.keys(r)).toEqual(['since', 'newDevices', 'changedAttributes', 'newFindings', 'closedFindings']);
    expect(r.since).toBe('2000-01-01T00:00:00.000Z');
    expect(Object.keys(r.newDevices[0] ?? {})).toEqual(['id', 'ip', 'vendor', 'type', 'firstSeen']);
    expect(r.newFindings[0]?.risk).toMatch(/^\d+ \((critical|high|medium|low|info)\)$/);
    expect(r.newFindings[0]?.severity).toMatch(/^(critical|high|medium|low|info)$/);
  });

  it('lists a finding closed since WHEN (wall clock) among closed findings, not new ones', () => {
    const id = changesJson(db, '2024-09-01').newFindings[0]?.id ?? '';
    expect(runCli(['findings', 'set', id, 'status=mitigated', '--db', db, '--by', 'test']).code).toBe(0);
    const r = changesJson(db, '2000-01-01');
    expect(r.closedFindings.map((f) => f.id)).toEqual([id]);
    expect(r.newFindings.map((f) => f.id)).not.toContain(id);
  });

  it('prints a table with the clock it used', () => {
    const r = runCli(['changes', '--db', db, '--since', '7d']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^changes since 2024-09-11 \d\d:\d\d:\d\d UTC \(capture time\)/);
    expect(r.stdout).toContain('192.168.10.188');
  });
});

describe('wardwatch changes with no --since', () => {
  it('reports since the earliest packet of the last analyze run', () => {
    const db = path.join(dir, 'default.db');
    expect(runCli(['analyze', '--db', db, '--no-progress', hospital]).code).toBe(0);
    expect(runCli(['analyze', '--db', db, '--no-progress', ftp]).code).toBe(0);
    const r = runCli(['changes', '--db', db, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.since).toBe('2024-09-18T13:37:09.370Z');
    expect(report.newDevices.map((d) => d.ip).sort()).toEqual(['192.168.10.132', '192.168.10.188']);
    expect(report.newFindings.map((f) => f.kind)).toEqual(['cleartext-credentials']);
  });
});

describe('wardwatch changes on bad input', () => {
  it('refuses a bad --since with one error line', () => {
    const r = runCli(['changes', '--db', path.join(dir, 'two.db'), '--since', 'yesterday']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: --since/);
  });

  it('refuses a missing database without creating it', () => {
    const r = runCli(['changes', '--db', path.join(dir, 'missing.db')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: no database at/);
  });

  it('reports nothing from a database with no devices, with and without --since', async () => {
    const db = path.join(dir, 'empty.db');
    await (await SqliteInventory.open(db)).close();
    for (const args of [['--since', '2000-01-01'], []]) {
      const r = runCli(['changes', '--db', db, ...args, '--format', 'json']);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout) as Report;
      expect(report).toMatchObject({ newDevices: [], changedAttributes: [], newFindings: [], closedFindings: [] });
    }
    expect(runCli(['changes', '--db', db]).stdout).toContain('new devices: 0');
  });
});

describe('parseSince', () => {
  const newest = Date.parse('2024-03-04T12:00:00Z');
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('counts a duration back from the newest packet (capture clock) and from now (wall clock)', () => {
    expect(parseSince('24h', newest, now)).toEqual({ capture: '2024-03-03T12:00:00.000Z', wall: '2025-12-31T00:00:00.000Z' });
    expect(parseSince('7d', newest, now).capture).toBe('2024-02-26T12:00:00.000Z');
  });
  it('takes an ISO date or date/time as the same moment on both clocks', () => {
    expect(parseSince('2024-03-01', newest, now)).toEqual({ capture: '2024-03-01T00:00:00.000Z', wall: '2024-03-01T00:00:00.000Z' });
    expect(parseSince('2024-03-01T08:30Z', newest, now).capture).toBe('2024-03-01T08:30:00.000Z');
  });
  it('rejects what is neither', () => {
    for (const bad of ['', 'soon', '24', '-1d', '2024-13-45', '1y']) expect(() => parseSince(bad, newest, now)).toThrow(/--since/);
  });
});
