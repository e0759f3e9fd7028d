/**
 * Rule that never bends: no PHI leaves the decoders. Captures from real peers (dcmtk, mllp_send) and the bundled
 * sample carry synthetic patient names, MRNs and birth dates; every output a user can see must hold none of them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../cli/test-support/run-cli.js';

const PHI = ['SYNTHETIC^TEST', 'SYNTHETIC', 'MRN0001', 'SYN-000001', '19700101'];

const captures = [
  'src/decode/dicom/fixtures/store-explicit.pcap',
  'src/decode/dicom/fixtures/store-implicit.pcap',
  'src/decode/dicom/fixtures/store-big.pcap',
  'src/decode/dicom/fixtures/user-identity.pcap',
  'src/decode/hl7/fixtures/hl7-mllp.pcap',
  'samples/hospital-sample.pcap',
].map((p) => path.join(repoRoot, p));

/** Values that are not patient data but contain the marker (the sample's synthetic facility and device names). */
function scrubNonPatient(text: string): string {
  return text.replace(/SYNTHETIC_HOSP/g, '').replace(/\(synthetic\)/gi, '');
}

describe('PHI never leaves the decoders', () => {
  it.each(captures.map((c) => [path.relative(repoRoot, c), c]))('%s carries synthetic patient data on the wire', (_name, file) => {
    const bytes = readFileSync(file).toString('latin1');
    expect(PHI.some((v) => bytes.includes(v))).toBe(true);
  });

  it.each(captures.map((c) => [path.relative(repoRoot, c), c]))('no output of %s contains it', (_name, file) => {
    const outputs = [
      runCli(['--debug', 'records', '--issues', file]),
      runCli(['--debug', 'analyze', '--json', file]),
      runCli(['--debug', 'analyze', file]),
      runCli(['--debug', 'flows', file]),
    ];
    for (const r of outputs) {
      expect(r.code).toBe(0);
      const seen = scrubNonPatient(r.stdout + r.stderr);
      for (const value of PHI) expect(seen).not.toContain(value);
    }
    // The decoders did see the traffic: the check above is not vacuous.
    expect(outputs[0]?.stdout.length).toBeGreaterThan(100);
  });
});
