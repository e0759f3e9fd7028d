/** The headline flow: a device's SBOM component matches an NVD CVE, and the vendor's VEX suppresses it with its justification. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nvdDir } from '../../advisories/test-support/corpus.js';
import { addDevices } from '../../advisories/test-support/devices.js';
import { runMain } from '../test-support/run-main.js';
import { SqliteFindings } from '../../store/sqlite/findings/sqlite-findings.js';
import type { FindingJson } from '../../findings/types.js';
import { SqliteInventory } from '../../store/sqlite/inventory/sqlite-inventory.js';

let dir: string;
let db: string;
let deviceId: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ww-vex-'));
  db = path.join(dir, 'w.db');
  const inventory = await SqliteInventory.open(db);
  const ids = await addDevices(inventory, [{ name: 'PACS01', vendor: 'Example Medical', model: 'ImageVault 7', firmware: '7.1' }]);
  deviceId = ids.get('PACS01') ?? '';
  await inventory.close();
});
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

async function findings(): Promise<FindingJson[]> {
  const f = await SqliteFindings.open(db);
  try {
    return (await f.list({ deviceId })).filter((x) => x.kind === 'known-vulnerability' && x.status !== 'mitigated');
  } finally {
    await f.close();
  }
}

describe('SBOM match -> finding -> VEX suppression', () => {
  it('a component of the model\'s SBOM matches the NVD record and becomes a finding naming the component', async () => {
    expect((await runMain(['advisories', 'import', nvdDir, '--db', db])).code).toBe(0);
    const sbom = path.join(dir, 'imagevault.cdx.json');
    writeFileSync(sbom, JSON.stringify({
      bomFormat: 'CycloneDX', specVersion: '1.5', serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79', version: 1,
      metadata: { component: { type: 'device', name: 'ImageVault 7', 'bom-ref': 'device' } },
      components: [{ type: 'library', 'bom-ref': 'dcmtk', name: 'dcmtk', version: '3.6.6', supplier: { name: 'OFFIS' }, cpe: 'cpe:2.3:a:offis:dcmtk:3.6.6:*:*:*:*:*:*:*' }],
    }));
    const r = await runMain(['sbom', 'attach', '--vendor', 'Example Medical', '--model', 'ImageVault 7', '--db', db, sbom]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/assessed 1 devices: [1-9]\d* known-vulnerability findings on 1 devices/);
    const found = (await findings()).find((f) => f.key === 'CVE-2022-2119');
    expect(found?.evidence).toContain('component dcmtk 3.6.6 (cpe:2.3:a:offis:dcmtk:3.6.6:*:*:*:*:*:*:*) in the SBOM of Example Medical ImageVault 7');
    expect(found?.suppression).toBeNull();
    const show = JSON.parse((await runMain(['sbom', 'show', '--vendor', 'Example Medical', '--model', 'ImageVault 7', '--db', db, '--format', 'json'])).stdout) as { components: { vulnerabilities: { vulnerability: string; suppressed: boolean }[] }[] };
    expect(show.components[0]?.vulnerabilities).toContainEqual(expect.objectContaining({ vulnerability: 'CVE-2022-2119', suppressed: false }));
    const list = JSON.parse((await runMain(['sbom', 'list', '--db', db, '--format', 'json'])).stdout) as { sboms: { devices: string[] }[] };
    expect(list.sboms[0]?.devices).toEqual([deviceId]);
  });

  it('an affected statement changes nothing; a newer not_affected one suppresses with the vendor\'s justification', async () => {
    const vex = (name: string, status: string, timestamp: string, extra: Record<string, string> = {}): string => {
      const file = path.join(dir, name);
      writeFileSync(file, JSON.stringify({
        '@context': 'https://openvex.dev/ns/v0.2.0', '@id': `https://example.com/vex/${name}`, author: 'Example Medical PSIRT', timestamp, version: 1,
        statements: [{ vulnerability: { name: 'CVE-2022-2119' }, products: [{ '@id': 'cpe:2.3:a:offis:dcmtk:3.6.6:*:*:*:*:*:*:*' }], status, ...extra }],
      }));
      return file;
    };
    await runMain(['vex', 'import', '--db', db, vex('a.json', 'affected', '2024-01-01T00:00:00Z', { action_statement: 'update to 7.2' })]);
    expect((await findings()).find((f) => f.key === 'CVE-2022-2119')?.suppression).toBeNull();
    const r = await runMain(['vex', 'import', '--db', db, vex('b.json', 'not_affected', '2024-02-01T00:00:00Z', { justification: 'vulnerable_code_not_in_execute_path', impact_statement: 'The DICOM server role is disabled in ImageVault.' })]);
    expect(r.stdout).toMatch(/\(1 marked not affected by VEX\)/);
    const f = (await findings()).find((x) => x.key === 'CVE-2022-2119');
    expect(f?.suppression).toEqual({ source: 'b.json (Example Medical PSIRT https://example.com/vex/b.json)', justification: 'vulnerable_code_not_in_execute_path', statement: 'The DICOM server role is disabled in ImageVault.' });
    const show = JSON.parse((await runMain(['sbom', 'show', '--vendor', 'Example Medical', '--model', 'ImageVault 7', '--db', db, '--format', 'json'])).stdout) as { components: { vulnerabilities: { vulnerability: string; suppressed: boolean; vex: { justification: string } | null }[] }[] };
    expect(show.components[0]?.vulnerabilities.find((v) => v.vulnerability === 'CVE-2022-2119')).toMatchObject({ suppressed: true, vex: { justification: 'vulnerable_code_not_in_execute_path' } });
  });
});
