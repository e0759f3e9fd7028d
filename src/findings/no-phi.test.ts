/**
 * Rules that never bend (docs/architecture.md): findings, their tables and the `findings` output carry no PHI value and no
 * password, and a non-default SNMP community never appears. Real-peer fixtures whose PHI and secrets are known go in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain as cli } from '../cli/test-support/run-main.js';
import { dumpTables } from '../store/test-support/dump-tables.js';

const fixture = (p: string): string => new URL(`../decode/${p}`, import.meta.url).pathname;
const FIXTURES = [
  'hl7/fixtures/hl7-mllp.pcap', 'dicom/fixtures/store-explicit.pcap', 'dicom/fixtures/store-implicit.pcap', 'dicom/fixtures/user-identity.pcap',
  'telnet/fixtures/telnet-peers.pcap', 'ftp/fixtures/ftp-peers.pcap', 'http/fixtures/http-peers.pcap', 'snmp/fixtures/snmp-peers.pcap', 'smb/fixtures/smb1-ntlmssp.pcap',
  'astm/fixtures/astm.pcap', 'poct1a/fixtures/poct1a.pcap',
].map(fixture);
const SAMPLE = new URL('../../samples/hospital-sample.pcap', import.meta.url).pathname;

/** Values the fixtures' scripts put on the wire (make-fixtures.sh, *-client.py, messages/*.hl7) and the sample's. */
const NEVER = [
  // PHI
  'SYNTHETIC^TEST', 'MRN0001', '19700101', '000-00-0000', 'NEXTOFKIN', 'TESTTOWN', 'SYN-000001', 'ACCT0001', 'VISIT0001',
  // PHI in the analyzer output the ASTM and POCT1-A peers replay (patient name, birth date, IDs, location)
  'Mohale', '19771201', 'BU24R554', 'PT222-55-7777', 'Cambridge Hosp', 'OP777-88-9999',
  // passwords and secrets (default ones are judged at decode time, others never kept)
  'Ward4-pass', 'wrong-one', 'Ward4-notdefault', 'wrong-password', 'notadefault', 'Secret123', 'S3cretPass', 'pass12345', 'privpass123', 'wrongcommunity', 'nurse@example.org',
];

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ww-no-phi-'));
  db = path.join(dir, 'w.db');
  const r = await cli(['analyze', ...FIXTURES, SAMPLE, '--db', db, '--no-progress', '--json']);
  expect(r.code).toBe(0);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function assertClean(text: string): void {
  for (const s of NEVER) expect(text, `'${s}' leaked`).not.toContain(s);
}

describe('no PHI and no password in findings', () => {
  it('there are findings of the kinds that touch PHI and credentials', async () => {
    const r = await cli(['findings', '--db', db, '--all', '--format', 'json']);
    const kinds = new Set((JSON.parse(r.stdout) as { findings: { kind: string }[] }).findings.map((f) => f.kind));
    for (const k of ['cleartext-phi', 'cleartext-credentials', 'default-credentials', 'snmp-default-community', 'smbv1']) expect(kinds.has(k), k).toBe(true);
  });

  it('in the JSON and table output, the analyze report and summary', async () => {
    assertClean((await cli(['findings', '--db', db, '--all', '--format', 'json'])).stdout);
    assertClean((await cli(['findings', '--db', db, '--all'])).stdout);
    const again = await cli(['analyze', ...FIXTURES, '--db', db, '--no-progress', '--json']);
    assertClean(JSON.stringify((JSON.parse(again.stdout) as { findings: unknown }).findings));
    assertClean((await cli(['analyze', ...FIXTURES, '--db', db, '--no-progress'])).stdout.split('  findings')[1] ?? '');
  });

  it('in every row of the findings tables', () => {
    for (const rows of Object.values(dumpTables(db, ['findings', 'finding_status_history', 'remote_sessions']))) assertClean(JSON.stringify(rows));
  });
});
