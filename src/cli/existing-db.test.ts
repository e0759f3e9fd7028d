/** Reading commands refuse a database that does not exist; ingesting commands create it. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusPath } from '../test-support/test-data.js';
import { repoRoot, runCli } from './test-support/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-nodb-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a reading command on a database that does not exist', () => {
  const typo = path.join(dir, 'typo.db');
  it.each([
    ['devices'], ['findings'], ['findings', 'set', 'f-1', 'status=acknowledged'], ['reconcile'], ['conduits'], ['policy'],
    ['blast-radius', '10.0.0.1'], ['device', 'set', '10.0.0.1', 'location=ICU'], ['advisories', 'list'], ['advisories', 'unmatched'],
    ['advisories', 'explain'], ['sbom', 'list'], ['sbom', 'show', '--vendor', 'GE', '--model', 'X'], ['sbom', 'detach', '--vendor', 'GE', '--model', 'X'],
    ['vex', 'list'], ['controls', 'list'], ['controls', 'remove', 'ctl-1'], ['controls', 'window', 'list'], ['controls', 'support', 'list'],
    ['controls', 'support', 'remove', '--vendor', 'GE', '--model', 'X'],
  ])('%s … refuses it and creates nothing', (...args: string[]) => {
    const r = runCli([...args, '--db', typo]);
    expect(r.stderr).toBe(`error: no database at ${typo}; run wardwatch analyze first\n`);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(existsSync(typo)).toBe(false);
  });
});

describe('an ingesting command', () => {
  it('analyze creates the database, and reading commands then use it', () => {
    const db = path.join(dir, 'new.db');
    expect(runCli(['analyze', '--db', db, '--no-progress', path.join(repoRoot, 'samples/hospital-sample.pcap')]).code).toBe(0);
    expect(existsSync(db)).toBe(true);
    const r = runCli(['devices', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').length).toBeGreaterThan(3);
  });

  it('advisories import, vex import, sbom attach, import cmms and controls add create it too', () => {
    const cmms = path.join(dir, 'cmms.csv');
    writeFileSync(cmms, 'asset_tag,mac,manufacturer,model\nA-1,00:11:22:33:44:55,GE,B650\n');
    const runs: [string, string[]][] = [
      ['adv.db', ['advisories', 'import', corpusPath('csaf_icsma/icsma-22-174-01.json')]],
      ['vex.db', ['vex', 'import', corpusPath('sbom_vex/csaf_examples/csaf_vex_sec-vex-2022-0001.json')]],
      ['sbom.db', ['sbom', 'attach', '--vendor', 'GE', '--model', 'B650', corpusPath('sbom_vex/medical_device_case_study_narrow.sbom.json')]],
      ['cmms.db', ['import', 'cmms', cmms]],
      ['ctl.db', ['controls', 'add', '--vendor', 'GE', '--model', 'B650', '--kind', 'segmentation', '--description', 'VLAN 40']],
    ];
    for (const [name, args] of runs) {
      const db = path.join(dir, name);
      const r = runCli([...args, '--db', db]);
      expect(r.stderr, args.join(' ')).not.toMatch(/no database/);
      expect(existsSync(db), `${args.join(' ')}: ${r.stderr}`).toBe(true);
    }
  });
});
