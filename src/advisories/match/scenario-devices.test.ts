/**
 * Every CISA ICSMA CSAF file of the corpus imports without error, and the devices the eval scenario places
 * for those advisories (scripts/eval/catalogue.mjs advisoryDevices) get exactly their expected CVEs, no more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advisoryDevices, type AdvisoryDevice } from '../../../scripts/eval/catalogue.mjs';
import type { SqliteInventory } from '../../store/sqlite/inventory/sqlite-inventory.js';
import { assessDevices } from '../assess-devices.js';
import { importSources, type ImportReport } from '../import/import-sources.js';
import type { SqliteAdvisoryStore } from '../../store/sqlite/advisories/advisory-store.js';
import { csafDir, csafFiles, openStores } from '../test-support/corpus.js';
import { addDevices, type TestDevice } from '../test-support/devices.js';
import { FakeFindings } from '../test-support/fake-findings.js';

const SCENARIO: readonly AdvisoryDevice[] = advisoryDevices();

/** Near misses of the scenario's ELI 380 (ICSMA-22-167-01, <= 2.6.0) that must get nothing. */
const NEAR_MISSES: readonly TestDevice[] = [
  { name: 'X-OTHER-VENDOR', vendor: 'Schiller', model: 'ELI 380', firmware: '2.4.0' },
  { name: 'X-ELI-250', vendor: 'Welch Allyn', model: 'ELI 250', firmware: '2.0.0' },
  { name: 'X-CLASS-ONLY', vendor: 'Welch Allyn', model: 'Resting Electrocardiograph', firmware: '2.4.0' },
  { name: 'X-FIXED', vendor: 'Welch Allyn', model: 'ELI 380', firmware: '2.7.0' },
];

let inventory: SqliteInventory;
let store: SqliteAdvisoryStore;
let reports: ImportReport[];
let ids: Map<string, string>;
const findings = new FakeFindings();

beforeAll(async () => {
  ({ inventory, store } = await openStores());
  reports = await importSources(store, [csafDir]);
  ids = await addDevices(inventory, [...SCENARIO.map(({ name, vendor, model, firmware }) => ({ name, vendor, model, firmware })), ...NEAR_MISSES]);
  await assessDevices({ inventory, matcher: store, findings, nowMs: Date.parse('2026-03-02T08:00:00Z') });
});
afterAll(async () => {
  await inventory.close();
});

function cvesOf(name: string): string[] {
  return findings.forDevice(ids.get(name) ?? '').filter((f) => f.kind === 'known-vulnerability').map((f) => f.key).sort();
}

describe('the eval scenario\'s advisory devices against the whole CSAF corpus', () => {
  it('imports every corpus CSAF file without error', () => {
    const perFile = reports.filter((r) => r.kind !== 'directory');
    expect(perFile.filter((r) => !r.ok)).toEqual([]);
    expect(perFile.map((r) => r.source).sort()).toEqual(csafFiles());
  });

  it('has the scenario\'s devices, the ELI 380 on DCMTK among them', () => {
    expect(SCENARIO.length).toBeGreaterThanOrEqual(5);
    expect(SCENARIO.find((d) => d.name === 'ECG-WA')).toEqual({ name: 'ECG-WA', vendor: 'Welch Allyn', model: 'ELI 380', firmware: '2.4.0', cves: ['CVE-2022-26388', 'CVE-2022-26389'] });
  });

  it.each(SCENARIO.map((d) => [d.name, d] as const))('%s gets exactly its expected CVEs', (name, d) => {
    expect(cvesOf(name)).toEqual([...new Set(d.cves)].sort());
  });

  it('the ELI 380 match says why: Welch Allyn under Hillrom/Baxter, the model, the version in range', () => {
    const evidence = findings.forDevice(ids.get('ECG-WA') ?? '').find((f) => f.key === 'CVE-2022-26388')?.evidence.join('\n') ?? '';
    expect(evidence).toMatch(/vendor "Welch Allyn" and the advisory's vendor "Hillrom and ELI, Baxter International Inc\." are both Hillrom/);
    expect(evidence).toMatch(/model "ELI 380" is the advisory product "Welch Allyn ELI 380 Resting Electrocardiograph"/);
    expect(evidence).toMatch(/version 2\.4\.0 is within the advisory's <= 2\.6\.0/);
  });

  it.each(NEAR_MISSES.map((d) => [d.name, d.model] as const))('%s (%s) gets none', (name) => {
    expect(cvesOf(name)).toEqual([]);
  });
});
