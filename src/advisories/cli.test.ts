/** `wardwatch advisories import|list|unmatched` end to end on a temporary database (docs/architecture.md CLI contract). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteInventory } from '../store/sqlite/inventory/sqlite-inventory.js';
import { csafDir, kevFile, nvdDir } from './test-support/corpus.js';
import { addDevices } from './test-support/devices.js';
import { runMain } from '../cli/test-support/run-main.js';

let dir: string;
let db: string;
let ids: Map<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ww-adv-cli-'));
  db = path.join(dir, 'w.db');
  const inventory = await SqliteInventory.open(db);
  ids = await addDevices(inventory, [
    { name: 'MON-B450', vendor: 'GE Healthcare', model: 'CARESCAPE B450', firmware: '2.0' },
    { name: 'CT01', vendor: 'GE Healthcare', model: null, firmware: null },
    { name: 'PACS-X', vendor: 'OFFIS', model: 'DCMTK', firmware: '3.6.6' },
  ]);
  await inventory.close();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('wardwatch advisories', () => {
  it('imports the corpus (CSAF directory, KEV, NVD), prints per-file results and a summary, and assesses devices', async () => {
    const r = await runMain(['advisories', 'import', csafDir, kevFile, nvdDir, '--db', db]);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('error:'))).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^csaf\s+.*icsma-20-023-01\.json: ICSMA-20-023-01 created: 11 products, 6 vulnerabilities$/m);
    expect(r.stdout).toMatch(/^kev\s+.*: KEV catalog 2025\.08\.25: 1404 entries$/m);
    expect(r.stdout).toMatch(/^nvd\s+.*CVE-2022-2119\.json: CVE-2022-2119 created/m);
    expect(r.stdout).toMatch(/imported 46 advisories \(\d+ products, 156 vulnerabilities\) and 1404 KEV entries; 0 failed/);
    expect(r.stdout).toMatch(/assessed 3 devices: \d+ known-vulnerability findings on 2 devices/);
  });

  it('lists advisories as the contract JSON, with the devices each matches', async () => {
    const r = await runMain(['advisories', 'list', '--format', 'json', '--db', db]);
    expect(r.code).toBe(0);
    const { advisories } = JSON.parse(r.stdout) as { advisories: { id: string; title: string; vendor: string | null; cves: string[]; devices: string[] }[] };
    expect(advisories).toHaveLength(46);
    for (const a of advisories) expect(Object.keys(a)).toEqual(expect.arrayContaining(['id', 'title', 'vendor', 'cves', 'devices']));
    const ge = advisories.find((a) => a.id === 'ICSMA-20-023-01');
    expect(ge).toMatchObject({ vendor: 'General Electric (GE)', devices: [ids.get('MON-B450')] });
    expect(ge?.cves).toContain('CVE-2020-6961');
    expect(advisories.find((a) => a.id === 'ICSMA-20-049-01')).toMatchObject({ kev: ['CVE-2019-0708'] });
    // NVD's CPEs for CVE-2020-6961 name no B450; its DCMTK record (offis:dcmtk < 3.6.7) matches as the CSAF does.
    expect(advisories.find((a) => a.id === 'CVE-2020-6961')?.devices).toEqual([]);
    expect(advisories.find((a) => a.id === 'CVE-2022-2119')?.devices).toEqual([ids.get('PACS-X')]);
    expect(advisories.find((a) => a.id === 'ICSMA-22-174-01')?.devices).toEqual([ids.get('PACS-X')]);
    const table = await runMain(['advisories', 'list', '--db', db]);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+SOURCE\s+VENDOR\s+CVES\s+DEVICES\s+TITLE$/);
  });

  it('explains what did not match', async () => {
    const r = await runMain(['advisories', 'unmatched', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('device CT01: vendor GE Healthcare model unknown — no product to compare');
    expect(r.stdout).toMatch(/^ICSMA-19-022-01: no device of vendor "Dräger" in the inventory$/m);
    expect(r.stdout).toMatch(/^ICSMA-18-037-02: \d device\(s\) of vendor "GE Healthcare" \(models "CARESCAPE B450"\), none of them/m);
  });

  it('explains the matches of one device, reason by reason', async () => {
    const r = await runMain(['advisories', 'explain', '--device', 'MON-B450', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^device MON-B450 \(GE Healthcare CARESCAPE B450 2\.0\):$/m);
    expect(r.stdout).toMatch(/^ {2}CVE-2020-6961 {2}ICSMA-20-023-01 {2}CVSS 10$/m);
    expect(r.stdout).toContain('    - version 2.0 is within the advisory\'s 2.X');
    const json = JSON.parse((await runMain(['advisories', 'explain', '--db', db, '--format', 'json'])).stdout) as { devices: { name: string; reasons: string[] }[] };
    expect(json.devices.find((d) => d.name === 'CT01')?.reasons).toEqual(['device CT01: vendor GE Healthcare model unknown — no product to compare']);
    expect((await runMain(['advisories', 'explain', '--device', 'nope', '--db', db])).stderr).toBe("error: no device with id, host name or IP 'nope'\n");
  });

  it('reports a bad file in one line, imports the others, and exits 1', async () => {
    const bad = path.join(dir, 'bad');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(bad);
    writeFileSync(path.join(bad, 'a-broken.json'), '{"document": {"csaf_version": "2.0", ');
    writeFileSync(path.join(bad, 'b-other.json'), '{"hello": 1}');
    writeFileSync(path.join(bad, 'c-good.json'), JSON.stringify({ document: { csaf_version: '2.0', title: 'T', tracking: { id: 'TEST-1', version: '1', current_release_date: '2025-01-01T00:00:00Z' } }, product_tree: {}, vulnerabilities: [] }));
    const r = await runMain(['advisories', 'import', bad, '--db', db, '--no-assess']);
    expect(r.code).toBe(1);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('error:'));
    expect(errors[0]).toMatch(/a-broken\.json: not valid JSON/);
    expect(errors[1]).toMatch(/b-other\.json: not a CSAF 2\.0, CISA KEV, NVD CVE 2\.0, ROLIE feed or provider-metadata document/);
    expect(errors[2]).toBe('error: 2 of 4 sources could not be imported (see above); the others were');
    expect(r.stdout).toMatch(/c-good\.json: TEST-1 created/);
    expect((await runMain(['advisories', 'list', '--db', db, '--format', 'xml'])).stderr).toMatch(/^error: unknown format 'xml'/);
  });
});
