/**
 * Rule that never bends: no PHI leaves the decoders. Captures from real peers (dcmtk, mllp_send, the ASTM and POCT1-A
 * peers) and the bundled sample carry patient names, MRNs and birth dates; every output a user can see must hold none.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../cli/test-support/run-cli.js';

const PHI = ['SYNTHETIC^TEST', 'SYNTHETIC', 'MRN0001', 'SYN-000001', '19700101'];
/** Patient values of the public analyzer output replayed by the ASTM and POCT1-A peers (names, IDs, birth date). */
const LAB_PHI = ['Mohale', '19771201', 'BU24R554', 'PT222-55-7777', 'Cambridge Hosp'];

const captures = [
  'src/decode/dicom/fixtures/store-explicit.pcap',
  'src/decode/dicom/fixtures/store-implicit.pcap',
  'src/decode/dicom/fixtures/store-big.pcap',
  'src/decode/dicom/fixtures/user-identity.pcap',
  'src/decode/hl7/fixtures/hl7-mllp.pcap',
  'samples/hospital-sample.pcap',
  'src/decode/astm/fixtures/astm.pcap',
  'src/decode/poct1a/fixtures/poct1a.pcap',
].map((p) => path.join(repoRoot, p));
const phiOf = (file: string): readonly string[] => (/\/(astm|poct1a)\.pcap$/.test(file) ? LAB_PHI : PHI);

/**
 * Values that are not patient data but contain the marker (the sample's synthetic facility and device names). A
 * database file may cut the facility name at a page boundary ("SYNTHETIC_HO" | page header | "SP"), so any start of
 * it goes too; the patient name ("SYNTHETIC^TEST") never has the underscore.
 */
function scrubNonPatient(text: string): string {
  return text.replace(/SYNTHETIC_(?:H(?:O(?:S(?:P)?)?)?)?/g, '').replace(/\(synthetic\)/gi, '');
}

const dir = mkdtempSync(path.join(tmpdir(), 'ww-phi-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('PHI never leaves the decoders', () => {
  it.each(captures.map((c) => [path.relative(repoRoot, c), c]))('%s carries synthetic patient data on the wire', (_name, file) => {
    const bytes = readFileSync(file).toString('latin1');
    expect(phiOf(file).some((v) => bytes.includes(v))).toBe(true);
  });

  it.each(captures.map((c) => [path.relative(repoRoot, c), c]))('no output of %s contains it', (_name, file) => {
    const db = path.join(dir, `${path.basename(file)}.db`);
    const outputs = [
      runCli(['--debug', 'records', '--issues', file]),
      runCli(['--debug', 'analyze', '--db', db, '--json', file]),
      runCli(['--debug', 'analyze', '--db', db, file]),
      runCli(['--debug', 'flows', file]),
      runCli(['--debug', 'devices', '--db', db, '--format', 'json']),
      runCli(['--debug', 'devices', '--db', db, '--format', 'csv']),
    ];
    for (const r of outputs) {
      expect(r.code).toBe(0);
      const seen = scrubNonPatient(r.stdout + r.stderr);
      for (const value of phiOf(file)) expect(seen).not.toContain(value);
    }
    // The database itself (and its write-ahead log), byte for byte.
    for (const f of [db, `${db}-wal`]) {
      if (!existsSync(f)) continue;
      const bytes = scrubNonPatient(readFileSync(f).toString('latin1'));
      for (const value of phiOf(file)) expect(bytes).not.toContain(value);
    }
    expect(existsSync(db)).toBe(true);
    // The decoders did see the traffic: the check above is not vacuous.
    expect(outputs[0]?.stdout.length).toBeGreaterThan(100);
  });
});
