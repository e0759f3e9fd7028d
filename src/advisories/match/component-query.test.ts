/** SBOM components ask the matcher by CPE or purl: NVD CPE matches and CSAF purl helpers, with versions. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteInventory } from '../../store/sqlite/inventory/sqlite-inventory.js';
import { importSources } from '../import/import-sources.js';
import type { SqliteAdvisoryStore } from '../../store/sqlite/advisories/advisory-store.js';
import { nvdDir, openStores } from '../test-support/corpus.js';
import { makeCsaf } from '../test-support/make-csaf.js';

let dir: string;
let inventory: SqliteInventory;
let store: SqliteAdvisoryStore;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ww-component-'));
  const doc = makeCsaf({ id: 'PURL-1', vendor: 'Example Medical', product: 'libexample', versions: [{ id: 'L1', name: 'vers:generic/>=1.0|<1.4', range: true }] });
  const branch = (((doc.product_tree as { branches: { branches: { branches: { product: Record<string, unknown> }[] }[] }[] }).branches[0])?.branches[0])?.branches[0];
  if (branch !== undefined) branch.product.product_identification_helper = { purl: 'pkg:generic/example/libexample' };
  writeFileSync(path.join(dir, 'purl.json'), JSON.stringify(doc));
  ({ inventory, store } = await openStores());
  await importSources(store, [nvdDir, path.join(dir, 'purl.json')]);
});
afterAll(async () => {
  await inventory.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('component queries', () => {
  it('match an NVD CPE configuration by CPE, inside the version range only', async () => {
    const found = await store.match({ vendor: null, product: null, version: null, cpe: 'cpe:2.3:a:offis:dcmtk:3.6.6:*:*:*:*:*:*:*' });
    expect(found.map((m) => [m.vulnerability, m.source, m.cvssBase])).toEqual([['CVE-2022-2119', 'nvd', 9.8]]);
    expect(found[0]?.reasons).toEqual([
      'CPE cpe:2.3:a:offis:dcmtk:3.6.6:*:*:*:*:*:*:* names the advisory\'s CPE vendor and product (offis:dcmtk)',
      'version 3.6.6 is within the advisory\'s < 3.6.7',
    ]);
    expect(await store.match({ vendor: null, product: null, version: null, cpe: 'cpe:2.3:a:offis:dcmtk:3.6.7:*:*:*:*:*:*:*' })).toEqual([]);
  });

  it('match by name when the component has a supplier and name but no identifiers', async () => {
    const found = await store.match({ vendor: 'OFFIS e.V.', product: 'DCMTK', version: '3.6.2' });
    expect(found.map((m) => m.advisoryId)).toEqual(['CVE-2022-2119']);
  });

  it('match a CSAF purl helper by package, versions from the purl', async () => {
    const hit = await store.match({ vendor: null, product: null, version: null, purl: 'pkg:generic/example/libexample@1.3.9' });
    expect(hit.map((m) => [m.advisoryId, m.reasons[0]])).toEqual([['PURL-1', 'package pkg:generic/example/libexample@1.3.9 is the advisory\'s package pkg:generic/example/libexample']]);
    expect(await store.match({ vendor: null, product: null, version: null, purl: 'pkg:generic/example/libexample@1.4.0' })).toEqual([]);
    expect(await store.match({ vendor: null, product: null, version: null, purl: 'pkg:generic/other/libexample@1.3.9' })).toEqual([]);
  });
});
