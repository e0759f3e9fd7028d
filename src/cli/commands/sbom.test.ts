/** `wardwatch sbom attach|list|show|detach` and `wardwatch vex import|list` end to end, in-process, on corpus files. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusFile } from '../../advisories/sbom/test-support/corpus.js';
import { runMain } from '../test-support/run-main.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-sbom-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

describe('wardwatch sbom', () => {
  const db = path.join(dir, 'sbom.db');
  const narrow = corpusFile('medical_device_case_study_narrow.sbom.json');

  it('attach, list and show a model\'s SBOM', async () => {
    const r = await runMain(['sbom', 'attach', '--vendor', 'GE Medical Systems', '--model', 'CARESCAPE B650', '--db', db, narrow]);
    expect(r.stderr).toBe('warning: no device in the inventory is GE Healthcare CARESCAPE B650 yet; its SBOM applies once one is identified\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^attached .*narrow\.sbom\.json to GE Healthcare CARESCAPE B650: cyclonedx 1\.4, 55 components, 0 embedded vulnerabilities\nassessed 0 devices: 0 known-vulnerability findings on 0 devices; 0 new, 0 closed\n$/);
    const list = await runMain(['sbom', 'list', '--db', db, '--format', 'json']);
    const { sboms } = JSON.parse(list.stdout) as { sboms: { vendor: string; model: string; components: number; format: string; devices: string[] }[] };
    expect(sboms).toEqual([expect.objectContaining({ vendor: 'GE Healthcare', model: 'CARESCAPE B650', components: 55, format: 'cyclonedx', devices: [] })]);
    expect((await runMain(['sbom', 'list', '--db', db])).stdout).toMatch(/GE Healthcare +CARESCAPE B650 +cyclonedx 1\.4 +55 +0 +0 +/);
    const show = await runMain(['sbom', 'show', '--vendor', 'GE', '--model', 'carescape b650', '--db', db, '--format', 'json']);
    expect(show.code).toBe(0);
    const report = JSON.parse(show.stdout) as { components: { name: string; vulnerabilities: unknown[] }[] };
    expect(report.components).toHaveLength(55);
    expect(report.components.some((c) => c.name === 'WolfSSL')).toBe(true);
    const table = await runMain(['sbom', 'show', '--vendor', 'GE', '--model', 'carescape b650', '--db', db]);
    expect(table.stdout).toMatch(/^SBOM of GE Healthcare CARESCAPE B650: cyclonedx 1\.4 from .*, 55 components/);
  });

  it('a bad file is one error line and keeps the attached SBOM', async () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"bomFormat": "CycloneDX", "components": [');
    const r = await runMain(['sbom', 'attach', '--vendor', 'GE', '--model', 'CARESCAPE B650', '--db', db, bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*bad\.json: not valid JSON \(.*\)\n$/);
    const vex = await runMain(['sbom', 'attach', '--vendor', 'GE', '--model', 'CARESCAPE B650', '--db', db, corpusFile('csaf_examples/csaf_vex_2022-evd-uc-01-na-001.json')]);
    expect(vex.stderr).toMatch(/^error: .*: a CSAF or OpenVEX document, not an SBOM; use `wardwatch vex import`\n$/);
    const missing = await runMain(['sbom', 'attach', '--vendor', 'GE', '--model', 'X', '--db', db, path.join(dir, 'nope.json')]);
    expect(missing.stderr).toMatch(/^error: .*nope\.json: cannot read the file\n$/);
    const noModel = await runMain(['sbom', 'attach', '--vendor', 'GE', '--db', db, bad]);
    expect(noModel.code).toBe(1);
    expect(noModel.stderr).toMatch(/^error: .*--model/);
    const list = JSON.parse((await runMain(['sbom', 'list', '--db', db, '--format', 'json'])).stdout) as { sboms: { components: number }[] };
    expect(list.sboms.map((s) => s.components)).toEqual([55]);
    expect((await runMain(['sbom', 'show', '--vendor', 'GE', '--model', 'nope', '--db', db])).stderr).toMatch(/^error: no SBOM attached to GE nope/);
    expect((await runMain(['sbom', 'list', '--db', db, '--format', 'xml'])).stderr).toBe("error: unknown format 'xml' (use table, json)\n");
  });

  it('attach SPDX tag-value, then detach', async () => {
    const r = await runMain(['sbom', 'attach', '--vendor', 'Acme', '--model', 'Hello', '--db', db, corpusFile('spdx_examples/example1_spdx2.2_example1.spdx')]);
    expect(r.stdout).toMatch(/spdx SPDX-2\.2, 1 components/);
    expect((await runMain(['sbom', 'detach', '--vendor', 'Acme', '--model', 'Hello', '--db', db])).code).toBe(0);
    expect((await runMain(['sbom', 'detach', '--vendor', 'Acme', '--model', 'Hello', '--db', db])).stderr).toMatch(/^error: no SBOM attached/);
  });
});

describe('wardwatch vex', () => {
  const db = path.join(dir, 'vex.db');

  it('imports CSAF, CycloneDX VEX and OpenVEX, and lists the statements', async () => {
    const openvex = path.join(dir, 'pump.openvex.json');
    writeFileSync(openvex, JSON.stringify({
      '@context': 'https://openvex.dev/ns/v0.2.0', '@id': 'https://example.com/vex/1', author: 'PSIRT', timestamp: '2024-01-01T00:00:00Z', version: 1,
      statements: [{ vulnerability: { name: 'CVE-2023-0286' }, products: [{ '@id': 'pkg:generic/openssl@1.0.2k' }], status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path' }],
    }));
    const r = await runMain(['vex', 'import', '--db', db, corpusFile('csaf_examples/csaf_vex_sec-vex-2022-0001.json'), corpusFile('cyclonedx_examples/VEX_CISA-Use-Cases_Case-1_vex-not_affected.json'), openvex]);
    // The CycloneDX file's product "ABC" has no vendor: said once, on stderr.
    expect(r.stderr).toMatch(/^warning: .*not_affected\.json: 1 statements name a product but no vendor, .* give --vendor to pin them\n$/);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      expect.stringMatching(/^imported .*sec-vex-2022-0001\.json: csaf VEX SEC-VEX-2022-0001, 3 statements \(3 not affected\)$/),
      expect.stringMatching(/^imported .*not_affected\.json: cyclonedx VEX ABC, 1 statements \(1 not affected\)$/),
      expect.stringMatching(/^imported .*pump\.openvex\.json: openvex VEX .*, 1 statements \(1 not affected\)$/),
      'assessed 0 devices: 0 known-vulnerability findings on 0 devices; 0 new, 0 closed',
      '',
    ]);
    const list = JSON.parse((await runMain(['vex', 'list', '--db', db, '--format', 'json'])).stdout) as { statements: { vulnerability: string; status: string; justification: string | null; product: { purl: string | null } }[] };
    expect(list.statements).toHaveLength(5);
    expect(list.statements.find((s) => s.vulnerability === 'CVE-2023-0286')).toMatchObject({ status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path', product: { purl: 'pkg:generic/openssl@1.0.2k' } });
    expect((await runMain(['vex', 'list', '--db', db])).stdout).toMatch(/CVE-2021-44228 +Secvisogram Secvisogram <=1\.14\.0 +not_affected +component_not_present/);
    const one = JSON.parse((await runMain(['vex', 'list', '--db', db, '--format', 'json', '--vulnerability', 'cve-2023-0286'])).stdout) as { statements: unknown[] };
    expect(one.statements).toHaveLength(1);
    // Importing the same documents again replaces their statements.
    await runMain(['vex', 'import', '--db', db, corpusFile('csaf_examples/csaf_vex_sec-vex-2022-0001.json')]);
    expect((JSON.parse((await runMain(['vex', 'list', '--db', db, '--format', 'json'])).stdout) as { statements: unknown[] }).statements).toHaveLength(5);
  });

  it('stops at the first bad file with one error line, keeping the files before it', async () => {
    const other = path.join(dir, 'other.db');
    const bad = path.join(dir, 'bad-vex.json');
    writeFileSync(bad, '{"not": "vex"}');
    const r = await runMain(['vex', 'import', '--db', other, corpusFile('csaf_examples/csaf_vex_2022-evd-uc-01-na-001.json'), bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*bad-vex\.json: JSON but not a VEX document \(expected CycloneDX, CSAF 2\.0 or OpenVEX\)\n$/);
    expect((JSON.parse((await runMain(['vex', 'list', '--db', other, '--format', 'json'])).stdout) as { statements: unknown[] }).statements).toHaveLength(1);
  });
});
