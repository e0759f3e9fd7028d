/** `analyze --retire-after DAYS`: devices unseen for DAYS before the newest packet are retired, and say so. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRetireAfter } from './commands/analyze.js';
import { repoRoot, runCli } from './test-support/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-retire-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const sample = path.join(repoRoot, 'samples/hospital-sample.pcap'); // March 2024
const later = path.join(repoRoot, 'src/decode/dns/fixtures/dns-dnsmasq-dig.pcap'); // recorded years later

function deviceIps(db: string, ...extra: string[]): string[] {
  const r = runCli(['devices', '--db', db, '--format', 'json', ...extra]);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { devices: { ips: string[] }[] }).devices.flatMap((d) => d.ips).sort();
}

describe('analyze --retire-after', () => {
  it('retires what a later capture no longer shows, and keeps it for FHIR as inactive', () => {
    const db = path.join(dir, 'a.db');
    expect(runCli(['analyze', '--db', db, sample]).code).toBe(0);
    expect(deviceIps(db)).toContain('10.20.20.21');
    const r = runCli(['analyze', '--db', db, '--retire-after', '30', '--json', later]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { stats: { retired: number } }).stats.retired).toBe(8);
    expect(deviceIps(db)).not.toContain('10.20.20.21');
    const fhir = runCli(['devices', '--db', db, '--format', 'fhir']);
    expect(fhir.stdout).toMatch(/"status": "inactive"/);
  });

  it('without the option nothing is retired', () => {
    const db = path.join(dir, 'b.db');
    expect(runCli(['analyze', '--db', db, sample]).code).toBe(0);
    expect(runCli(['analyze', '--db', db, later]).code).toBe(0);
    expect(deviceIps(db)).toContain('10.20.20.21');
  });

  it('refuses a bad number of days with one line, before reading anything', () => {
    for (const bad of ['0', '-3', 'ten', '1.5', '']) expect(() => parseRetireAfter(bad)).toThrow(/--retire-after: expected a whole number of days/);
    expect(parseRetireAfter(undefined)).toBeNull();
    const db = path.join(dir, 'c.db');
    const r = runCli(['analyze', '--db', db, '--retire-after', 'soon', sample]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: --retire-after: expected a whole number of days ≥ 1, not 'soon'\n$/);
    expect(r.stdout).toBe('');
  });
});
