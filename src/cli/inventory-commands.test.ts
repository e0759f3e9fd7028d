/** analyze fills the inventory, devices lists it: the sample's devices with vendor, type, OS and why; re-ingest updates. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvCell } from './commands/devices.js';
import { repoRoot, runCli } from './test-support/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-inv-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const sample = path.join(repoRoot, 'samples/hospital-sample.pcap');

interface Device {
  id: string;
  mac: string | null;
  ips: string[];
  hostnames: string[];
  vendor: string | null;
  type: string | null;
  category: string;
  os: { name: string | null; label: string | null; endOfLife: boolean | null };
  evidence: { attribute: string; source: string }[];
}

function devicesOf(db: string): Device[] {
  const r = runCli(['devices', '--db', db, '--format', 'json']);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { devices: Device[] }).devices;
}

describe('the inventory from the bundled sample', () => {
  const db = path.join(dir, 'sample.db');

  it('analyze names the devices with vendor, type, category, OS and evidence', () => {
    const r = runCli(['analyze', '--db', db, sample]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/devices +8/);
    const devices = devicesOf(db);
    const ct = devices.find((d) => d.hostnames.includes('CT01'));
    expect(ct).toMatchObject({ vendor: 'GE Healthcare', type: 'CT scanner', category: 'imaging' });
    expect(ct?.evidence.some((e) => e.attribute === 'vendor' && e.source === 'dicom.implementationClassUid')).toBe(true);
    const ws = devices.find((d) => d.hostnames.includes('RAD-WS-07'));
    expect(ws?.os).toMatchObject({ name: 'Windows', label: 'Windows 7', endOfLife: true });
    expect(devices.find((d) => d.hostnames.includes('PUMP-0042'))?.category).toBe('infusion');
  });

  it('a second ingest of the same capture updates, never duplicates', () => {
    const before = devicesOf(db);
    expect(runCli(['analyze', '--db', db, sample]).code).toBe(0);
    const after = devicesOf(db);
    expect(after.map((d) => d.id).sort()).toEqual(before.map((d) => d.id).sort());
    expect(after.map((d) => d.vendor)).toEqual(before.map((d) => d.vendor));
  });

  it('analyze --json carries the same devices', () => {
    const r = runCli(['analyze', '--db', path.join(dir, 'json.db'), '--json', sample]);
    const report = JSON.parse(r.stdout) as { devices: Device[] };
    expect(report.devices).toHaveLength(8);
  });

  it('devices prints a table and RFC 4180 CSV', () => {
    const t = runCli(['devices', '--db', db]);
    expect(t.stdout.split('\n')[0]).toMatch(/^RISK 0-100 +IP +MAC +HOSTNAME +VENDOR .* OS +CONF +EVIDENCE$/);
    expect(t.stdout).toMatch(/GE Healthcare/);
    const csv = runCli(['devices', '--db', db, '--format', 'csv']).stdout.split('\r\n');
    expect(csv[0]).toMatch(/^id,mac,ips,hostnames,vendor,model,type,category/);
    expect(csv.filter((l) => l !== '')).toHaveLength(9);
  });

  it('bad formats and databases get one error line', () => {
    expect(runCli(['devices', '--db', db, '--format', 'xml']).stderr).toBe("error: unknown format 'xml' (use table, json, csv, fhir)\n");
    const r = runCli(['devices', '--db', sample]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*not a wardwatch database/);
  });
});

describe('CSV cells', () => {
  it('quote separators and defuse spreadsheet formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell(null)).toBe('');
    expect(csvCell(0.5)).toBe('0.5');
  });
});
