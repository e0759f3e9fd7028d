/**
 * Brand -> owner in data/advisory-aliases.json: Mortara Instrument became part of Hill-Rom in 2017, so a Mortara ELI 380
 * matches Hillrom/Baxter's ICSMA-22-167-01 (ELI 380 <= 2.6.0), as a Welch Allyn one does; other makers' do not.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteInventory } from '../../store/sqlite/inventory/sqlite-inventory.js';
import { assessDevices } from '../assess-devices.js';
import { importSources } from '../import/import-sources.js';
import { buildAliasTables, loadAliasTables } from '../normalise/aliases.js';
import { csafDir, openStores } from '../test-support/corpus.js';
import { addDevices, type TestDevice } from '../test-support/devices.js';
import { FakeFindings } from '../test-support/fake-findings.js';
import { vendorReason } from './name-match.js';

const DEVICES: readonly TestDevice[] = [
  { name: 'ECG-MORTARA', vendor: 'Mortara Instrument', model: 'ELI 380', firmware: '2.4.0' },
  { name: 'ECG-MORTARA-INC', vendor: 'Mortara Instrument, Inc.', model: 'ELI 380', firmware: '2.5.1' },
  { name: 'ECG-MORTARA-FIXED', vendor: 'Mortara Instrument', model: 'ELI 380', firmware: '2.7.0' },
  { name: 'ECG-MORTARA-OTHER', vendor: 'Mortara Instrument', model: 'ELI 250', firmware: '2.0.0' },
  { name: 'ECG-SCHILLER', vendor: 'Schiller', model: 'ELI 380', firmware: '2.4.0' },
];

let inventory: SqliteInventory;
let ids: Map<string, string>;
const findings = new FakeFindings();

beforeAll(async () => {
  const stores = await openStores();
  inventory = stores.inventory;
  await importSources(stores.store, [path.join(csafDir, 'icsma-22-167-01.json')]);
  ids = await addDevices(inventory, DEVICES);
  await assessDevices({ inventory, matcher: stores.store, findings, nowMs: Date.parse('2026-03-02T08:00:00Z') });
});
afterAll(async () => {
  await inventory.close();
});

function vulns(name: string): { cves: string[]; evidence: string } {
  const hits = findings.forDevice(ids.get(name) ?? '').filter((f) => f.kind === 'known-vulnerability');
  return { cves: hits.map((f) => f.key).sort(), evidence: hits.flatMap((f) => f.evidence).join('\n') };
}

describe('Mortara Instrument under Hillrom (advisory vendor aliases)', () => {
  it('the shipped table folds every Mortara spelling into Hillrom', () => {
    const { vendors } = loadAliasTables();
    for (const name of ['Mortara Instrument', 'Mortara Instrument, Inc.', 'MORTARA']) {
      expect(vendorReason(name, 'Hillrom and ELI, Baxter International Inc.', new Set(['hillrom', 'eli', 'baxter']), 'ELI 380', { vendors, products: [] })).toMatch(/are both Hillrom/);
    }
  });

  it('a Mortara ELI 380 at 2.4.0 and 2.5.1 gets ICSMA-22-167-01 and says why', () => {
    expect(vulns('ECG-MORTARA').cves).toEqual(['CVE-2022-26388', 'CVE-2022-26389']);
    expect(vulns('ECG-MORTARA-INC').cves).toEqual(['CVE-2022-26388', 'CVE-2022-26389']);
    expect(vulns('ECG-MORTARA').evidence).toMatch(/vendor "Mortara Instrument" and the advisory's vendor "Hillrom and ELI, Baxter International Inc\." are both Hillrom/);
  });

  it('a fixed version, another model and another maker\'s ELI 380 get nothing', () => {
    expect(vulns('ECG-MORTARA-FIXED').cves).toEqual([]);
    expect(vulns('ECG-MORTARA-OTHER').cves).toEqual([]);
    expect(vulns('ECG-SCHILLER').cves).toEqual([]);
  });

  it('without the alias row, Mortara is its own vendor and the advisory does not reach it', () => {
    const tables = buildAliasTables({ entries: [] }, { vendors: [{ canonical: 'Hillrom', aliases: ['Welch Allyn'] }] });
    expect(vendorReason('Mortara Instrument', 'Hillrom and ELI, Baxter International Inc.', new Set(['hillrom', 'eli', 'baxter']), 'Welch Allyn ELI 380 Resting Electrocardiograph', tables)).toBeNull();
  });
});
