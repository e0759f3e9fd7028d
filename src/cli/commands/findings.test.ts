/** `analyze` + `findings` end to end on the bundled sample (in-process CLI), the status workflow and bad input. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingJson } from '../../findings/types.js';
import type { DeviceJson } from '../../inventory/types.js';
import { runMain as cli } from '../test-support/run-main.js';

const sample = new URL('../../../samples/hospital-sample.pcap', import.meta.url).pathname;
let dir: string;
let db: string;
let analyzeOut: string;

async function findings(...extra: string[]): Promise<FindingJson[]> {
  const r = await cli(['findings', '--db', db, '--format', 'json', ...extra]);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { findings: FindingJson[] }).findings;
}

let byHost: Map<string, string>;
const on = (fs: readonly FindingJson[], host: string): string[] => fs.filter((f) => f.deviceId === byHost.get(host)).map((f) => `${f.kind} ${f.key}`).sort();

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ww-findings-cli-'));
  db = path.join(dir, 'w.db');
  const r = await cli(['analyze', sample, '--db', db, '--no-progress']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/findings\s+\d+ \(/);
  analyzeOut = r.stdout;
  const devices = (JSON.parse((await cli(['devices', '--db', db, '--format', 'json'])).stdout) as { devices: DeviceJson[] }).devices;
  byHost = new Map(devices.flatMap((d) => d.ips.map((ip) => [ip, d.id] as [string, string])));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('wardwatch findings on the sample', () => {
  it('lists what an analyst acts on first, each with evidence', async () => {
    const fs = await findings();
    expect(on(fs, '10.20.0.1')).toEqual(['cleartext-credentials telnet:cisco', 'default-credentials telnet:cisco', 'snmp-default-community snmp:public']); // SW-CORE-01
    expect(on(fs, '10.20.30.5')).toEqual(['cleartext-phi hl7:sent', 'exposed-management http/80']); // PMGW01
    expect(on(fs, '10.20.10.11')).toEqual(['cleartext-phi hl7:received', 'cleartext-phi hl7:sent']); // HL7IE01
    expect(on(fs, '10.20.20.21')).toEqual(['cleartext-phi dicom:sent']); // CT01
    expect(on(fs, '10.20.10.10')).toEqual(['cleartext-phi dicom:received', 'cleartext-phi hl7:received']); // PACS01
    expect(on(fs, '10.20.40.57')).toEqual(['eol-os Windows 7']); // RAD-WS-07
    for (const f of fs) {
      expect(f.evidence.length).toBeGreaterThan(0);
      expect(f.status).toBe('open');
    }
    // Highest risk first, every score explained.
    const scores = fs.map((f) => f.risk?.score ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const f of fs) expect(f.risk?.reasons.length ?? 0).toBeGreaterThan(2);
    const table = await cli(['findings', '--db', db]);
    expect(table.stdout).toMatch(/^ID +RISK 0-100 +SEVERITY +KIND +DEVICE/);
    expect(table.stdout).toMatch(/why: .*mission & well-being/);
    expect(table.stdout).toMatch(/evidence: 10\.20\.40\.57 logged in to 10\.20\.0\.1:23 \(telnet\) as 'cisco'/);
  });

  it('names the scale of every level: risk as "N (level)", severity as its own column or "severity X"', async () => {
    const fs = await findings();
    const top = fs[0];
    expect(top?.risk).not.toBeNull();
    const table = (await cli(['findings', '--db', db])).stdout;
    const row = table.split('\n').find((l) => l.startsWith(top?.id ?? '?')) ?? '';
    expect(row).toContain(`${String(top?.risk?.score)} (${String(top?.risk?.level)})  `);
    expect(row).toMatch(new RegExp(`\\) +${top?.severity ?? '?'} +${top?.kind ?? '?'}`));
    // Must not: a bare "54 medium" next to an upper-case severity, which read as one scale.
    expect(table).not.toMatch(/\d (critical|high|medium|low|info)\b/);
    expect(table).not.toMatch(/\b(CRITICAL|HIGH|MEDIUM|LOW|INFO)\b/);
    // analyze's summary: the header counts both scales by name, each row says which number is which.
    const header = analyzeOut.split('\n').find((l) => /^ {2}findings /.test(l)) ?? '';
    expect(header).toMatch(/by risk level \d+ (critical|high|medium|low|info)/);
    expect(header).toMatch(/by severity \d+ (critical|high|medium|low|info)/);
    expect(analyzeOut).toMatch(new RegExp(`risk ${String(top?.risk?.score)} \\(${String(top?.risk?.level)}\\) +severity ${top?.severity ?? '?'} `));
    expect(analyzeOut).not.toMatch(/^ {4}\d+ (critical|high|medium|low|info) /m);
    expect(analyzeOut).not.toMatch(/\b(CRITICAL|HIGH|MEDIUM|LOW|INFO)\b/);
  });

  it('a second run of the same capture deduplicates: same findings, counts add up', async () => {
    const before = await findings();
    expect((await cli(['analyze', sample, '--db', db, '--no-progress'])).code).toBe(0);
    const after = await findings();
    expect(after.map((f) => f.id).sort()).toEqual(before.map((f) => f.id).sort());
    const telnet = (fs: FindingJson[]): number => fs.find((f) => f.key === 'telnet:cisco')?.count ?? 0;
    expect(telnet(after)).toBe(2 * telnet(before));
  });

  it('filters by device, kind and status', async () => {
    expect((await findings('--device', '10.20.0.1')).map((f) => f.kind).sort()).toEqual(['cleartext-credentials', 'default-credentials', 'snmp-default-community']);
    expect((await findings('--kind', 'cleartext-phi')).every((f) => f.kind === 'cleartext-phi')).toBe(true);
    expect(await findings('--status', 'mitigated')).toEqual([]);
  });

  it('risk-accepted with reason, owner, expiry hides it from the default list; --all shows it', async () => {
    const id = (await findings('--kind', 'eol-os'))[0]?.id ?? '';
    const r = await cli(['findings', 'set', id, 'status=risk-accepted', 'reason=vendor upgrade booked', 'owner=biomed', 'expires=2099-12-31', '--db', db, '--by', 'tester']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/risk-accepted until 2099-12-31 \(owner biomed\)/);
    expect((await findings()).some((f) => f.id === id)).toBe(false);
    expect((await findings('--all')).find((f) => f.id === id)).toMatchObject({ status: 'risk-accepted', statusOwner: 'biomed', statusBy: 'tester' });
    expect((await cli(['findings', 'set', id, 'status=acknowledged', '--db', db])).code).toBe(0);
    expect((await findings()).find((f) => f.id === id)?.status).toBe('acknowledged');
  });
});

describe('with a site file', () => {
  it('a management zone makes web-console access from a workstation a medium finding', async () => {
    const site = path.join(dir, 'zones.json');
    writeFileSync(site, JSON.stringify({ managementNetworks: ['10.99.0.0/16'] }));
    const zoned = path.join(dir, 'zoned.db');
    expect((await cli(['analyze', sample, '--db', zoned, '--no-progress', '--site', site])).code).toBe(0);
    const r = await cli(['findings', '--db', zoned, '--format', 'json', '--kind', 'exposed-management']);
    const [f] = (JSON.parse(r.stdout) as { findings: FindingJson[] }).findings;
    expect(f).toMatchObject({ key: 'http/80', severity: 'medium' });
    expect(f?.detail).toMatch(/outside the management zone/);
  });
});

describe('bad input: one line on stderr, exit 1', () => {
  it.each([
    [['findings', 'set', 'f-0000000000000000', 'status=acknowledged'], /^error: no finding with id 'f-0000000000000000'/],
    [['findings', 'set', 'ID', 'status=closed'], /^error: unknown status 'closed'/],
    [['findings', 'set', 'ID', 'status=risk-accepted', 'reason=x'], /^error: risk-accepted needs owner, expires/],
    [['findings', 'set', 'ID', 'status=risk-accepted', 'reason=x', 'owner=y', 'expires=31/12/2099'], /^error: expires must be a date YYYY-MM-DD/],
    [['findings', 'set', 'ID', 'status=not-affected'], /^error: status not-affected comes only from a vendor VEX/],
    [['findings', 'set', 'ID', 'colour=red'], /^error: expected field=value/],
    [['findings', '--kind', 'nope'], /^error: unknown kind 'nope'/],
    [['findings', '--status', 'gone'], /^error: unknown status 'gone'/],
    [['findings', '--format', 'xml'], /^error: unknown format 'xml'/],
    [['findings', '--device', '10.1.2.3'], /^error: no device with id, MAC, IP or host name 10\.1\.2\.3/],
  ])('%j', async (args, re) => {
    const id = args[2] === 'ID' ? (await findings())[0]?.id ?? 'x' : args[2] ?? '';
    const r = await cli([...args.map((a, i) => (i === 2 && a === 'ID' ? id : a)), '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(re);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a bad site file stops analyze before anything is read', async () => {
    const site = path.join(dir, 'site.json');
    writeFileSync(site, '{"managementNetworks": ["10.99.0.0/99"]}');
    const r = await cli(['analyze', sample, '--db', db, '--no-progress', '--site', site]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*site\.json: managementNetworks: '10\.99\.0\.0\/99' is not a network/);
  });
});
