/**
 * The segmentation commands on the bundled sample (mission §5): conduits learned from its flows, per zone, a
 * compromised workstation's blast radius, and allow-list policy that nft and iptables-restore accept.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteInventory } from '../../store/sqlite/inventory/sqlite-inventory.js';
import { repoRoot } from '../test-support/run-cli.js';
import { runMain } from '../test-support/run-main.js';
import { requires } from '../../test-support/tools.js';

const nft = requires({ root: true, tools: ['nft'] });
const iptables = requires({ root: true, tools: ['iptables-restore'] });

const dir = mkdtempSync(path.join(tmpdir(), 'ww-seg-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });
const db = path.join(dir, 'sample.db');
const sample = path.join(repoRoot, 'samples/hospital-sample.pcap');


interface Conduit { clientId: string; serverId: string; clientIp: string; serverIp: string; proto: string; port: number | null; app: string | null; flows: number; clientZone: string; serverZone: string }

beforeAll(async () => {
  const r = await runMain(['analyze', sample, '--db', db]);
  expect(r.code).toBe(0);
}, 60_000);

describe('conduits', () => {
  it('lists who opened what to whom, with zones, as a table and as JSON', async () => {
    const json = await runMain(['conduits', '--db', db, '--format', 'json']);
    expect(json.code).toBe(0);
    const { conduits } = JSON.parse(json.stdout) as { conduits: Conduit[] };
    // The CT stores its images on the PACS; the monitor gateway sends HL7 to the interface engine.
    expect(conduits).toContainEqual(expect.objectContaining({ clientIp: '10.20.20.21', serverIp: '10.20.10.10', proto: 'tcp', port: 104, app: 'dicom', clientZone: 'imaging', serverZone: 'imaging-infrastructure' }));
    expect(conduits).toContainEqual(expect.objectContaining({ clientIp: '10.20.30.5', serverIp: '10.20.10.11', port: 2575, app: 'hl7', clientZone: 'patient-monitoring' }));
    // Never the other way round: the PACS did not open a connection to the CT.
    expect(conduits.some((c) => c.clientIp === '10.20.10.10' && c.serverIp === '10.20.20.21')).toBe(false);
    const table = await runMain(['conduits', '--db', db, '--device', 'CT01']);
    expect(table.stdout.split('\n')[0]).toMatch(/^CLIENT\s+ZONE\s+SERVER\s+ZONE\s+SERVICE\s+FLOWS\s+LAST SEEN$/);
    expect(table.stdout).toMatch(/CT01 10\.20\.20\.21\s+imaging\s+pacs01 10\.20\.10\.10\s+imaging-infrastructure\s+tcp\/104 \(dicom\)/);
    expect(table.stdout).not.toMatch(/pmgw01/);
  });

  it('sums them per zone pair', async () => {
    const r = await runMain(['conduits', '--db', db, '--zones', '--format', 'json']);
    const { zoneConduits } = JSON.parse(r.stdout) as { zoneConduits: { fromZone: string; toZone: string; port: number | null; clients: number }[] };
    expect(zoneConduits).toContainEqual(expect.objectContaining({ fromZone: 'imaging', toZone: 'imaging-infrastructure', port: 104, clients: 1 }));
  });
});

describe('blast-radius', () => {
  it('follows connections the way they were opened, nearest first, with reasons', async () => {
    const r = await runMain(['blast-radius', 'RAD-WS-07', '--db', db, '--format', 'json']);
    expect(r.code).toBe(0);
    const { blastRadius } = JSON.parse(r.stdout) as { blastRadius: { reached: { label: string; hops: number; zone: string; risk: { score: number; level: string } | null }[]; reasons: string[] } };
    expect(blastRadius.reached).toContainEqual(expect.objectContaining({ label: 'pmgw01', hops: 1, zone: 'patient-monitoring' }));
    // Two hops: the workstation reaches the monitor gateway's web console, which sends HL7 to the engine.
    expect(blastRadius.reached).toContainEqual(expect.objectContaining({ hops: 2, zone: 'clinical-system' }));
    expect(blastRadius.reasons.join(' ')).toMatch(/RAD-WS-07 \(it\) opened tcp\/23 \(telnet\)/);
    // Reachable and weak first: the core switch with its default Telnet login leads the riskiest devices in reach.
    expect(blastRadius.reasons.at(-1)).toMatch(/^Highest risk within reach: SW-CORE-01 at risk \d+ \((high|critical)\)/);
    expect(blastRadius.reached.find((r) => r.label === 'SW-CORE-01')?.risk?.level).toMatch(/^(high|critical)$/);
    const oneHop = await runMain(['blast-radius', '10.20.40.57', '--db', db, '--max-hops', '1']);
    expect(oneHop.stdout).not.toMatch(/clinical-system/);
  });

  it('refuses unknown devices and bad hop counts with one line', async () => {
    for (const [args, message] of [
      [['blast-radius', 'no-such-host', '--db', db], /^error: no device with id, MAC, IP or host name no-such-host/],
      [['blast-radius', 'CT01', '--db', db, '--max-hops', '0'], /^error: --max-hops 0: a whole number from 1 to 10/],
      [['blast-radius', 'CT01', '--db', db, '--max-hops', 'lots'], /^error: --max-hops lots/],
      [['conduits', '--db', db, '--format', 'xml'], /^error: unknown format 'xml'/],
      [['policy', '--db', db, '--format', 'pf'], /^error: unknown format 'pf'/],
    ] as const) {
      const r = await runMain(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('policy', () => {
  it('compiles an allow-list from the conduits; observe mode logs instead of dropping', async () => {
    const enforce = await runMain(['policy', '--db', db]);
    expect(enforce.stdout).toMatch(/ip saddr \{ 10\.20\.20\.21 \} ip daddr \{ 10\.20\.10\.10 \} tcp dport 104 accept comment "imaging -> imaging-infrastructure tcp\/104 \(dicom\)/);
    const observe = await runMain(['policy', '--db', db, '--observe']);
    const rules = (text: string): string => text.split('\n').filter((l) => !l.startsWith('#')).join('\n');
    expect(rules(enforce.stdout)).toMatch(/log prefix "wardwatch-drop " drop/);
    expect(rules(observe.stdout)).not.toMatch(/\bdrop\b/);
    expect(rules(observe.stdout)).toMatch(/log prefix "wardwatch-unlisted "/);
    const json = JSON.parse((await runMain(['policy', '--db', db, '--format', 'json'])).stdout) as { policy: { rules: unknown[] } };
    expect(json.policy.rules.length).toBeGreaterThan(5);
  });

  it.skipIf(nft.skip)(nft.title('is a script nft accepts (check mode: nothing is loaded)'), async () => {
    const file = path.join(dir, 'policy.nft');
    writeFileSync(file, (await runMain(['policy', '--db', db])).stdout);
    expect(() => execFileSync('nft', ['-c', '-f', file], { stdio: 'pipe' })).not.toThrow();
  });

  it.skipIf(iptables.skip)(iptables.title('is input iptables-restore accepts (--test: nothing is loaded)'), async () => {
    const file = path.join(dir, 'policy.iptables');
    writeFileSync(file, (await runMain(['policy', '--db', db, '--format', 'iptables'])).stdout);
    expect(() => execFileSync('iptables-restore', ['--test', file], { stdio: 'pipe' })).not.toThrow();
  });

  it('of an inventory without traffic is still a valid, empty allow-list', async () => {
    const empty = path.join(dir, 'empty.db');
    await (await SqliteInventory.open(empty)).close();
    const r = await runMain(['policy', '--db', empty, '--format', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { policy: { rules: unknown[] } }).policy.rules).toEqual([]);
  });

  it('--approve records the zone services seen; the same traffic again breaks nothing', async () => {
    const approvedDb = path.join(dir, 'approved.db');
    expect((await runMain(['analyze', sample, '--db', approvedDb])).code).toBe(0);
    const r = await runMain(['policy', '--db', approvedDb, '--approve']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^approved 14 zone-to-zone service\(s\) from 14 conduit\(s\)/);
    expect((await runMain(['analyze', sample, '--db', approvedDb])).code).toBe(0);
    const f = await runMain(['findings', '--db', approvedDb, '--format', 'json', '--kind', 'segmentation-violation', '--all']);
    expect((JSON.parse(f.stdout) as { findings: unknown[] }).findings).toEqual([]);
  }, 60_000);
});
