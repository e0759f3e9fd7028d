/**
 * Hostile and odd input: every bad file gives one line naming the file and the problem, the other files are still
 * imported, and a failing document leaves nothing half-written (one transaction per document).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteInventory } from '../../store/sqlite/inventory/sqlite-inventory.js';
import { parseCsaf } from '../csaf/parse-csaf.js';
import type { SqliteAdvisoryStore } from '../../store/sqlite/advisories/advisory-store.js';
import { openStores } from '../test-support/corpus.js';
import { makeCsaf } from '../test-support/make-csaf.js';
import { importSources } from './import-sources.js';

let dir: string;
let inventory: SqliteInventory;
let store: SqliteAdvisoryStore;
const file = (name: string, body: string): string => {
  const f = path.join(dir, name);
  writeFileSync(f, body);
  return f;
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ww-hostile-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  ({ inventory, store } = await openStores());
});
afterEach(async () => {
  await inventory.close();
});

function nested(depth: number): Record<string, unknown> {
  let b: Record<string, unknown> = { category: 'product_version', name: '1.0', product: { name: 'x', product_id: 'P' } };
  for (let i = 0; i < depth; i++) b = { category: 'product_family', name: `f${i}`, branches: [b] };
  return b;
}

describe('hostile files', () => {
  it('gives one clear line per bad file and imports the good ones', async () => {
    const doc = makeCsaf({ id: 'GOOD-1' });
    const sources = [
      file('truncated.json', JSON.stringify(doc).slice(0, 200)),
      file('empty.json', ''),
      file('array.json', '[1,2,3]'),
      file('wrong-schema.json', JSON.stringify({ vulnerabilities: 'nope', title: 1 })),
      file('csaf-21.json', JSON.stringify({ ...doc, document: { csaf_version: '2.1', tracking: { id: 'X' } } })),
      file('no-id.json', JSON.stringify({ document: { csaf_version: '2.0', title: 't' } })),
      file('deep.json', JSON.stringify({ document: { csaf_version: '2.0', title: 't', tracking: { id: 'DEEP-1' } }, product_tree: { branches: [nested(40)] } })),
      file('huge.json', JSON.stringify({ ...doc, pad: 'x'.repeat(300_000) })),
      path.join(dir, 'missing.json'),
      file('good.json', JSON.stringify(doc)),
    ];
    const reports = await importSources(store, sources, { maxBytes: 200_000 });
    const lines = reports.map((r) => `${path.basename(r.source)}: ${r.ok ? 'ok' : r.message}`);
    expect(lines).toEqual([
      expect.stringMatching(/^truncated\.json: not valid JSON \(.+\)$/),
      expect.stringMatching(/^empty\.json: not valid JSON/),
      'array.json: not a CSAF 2.0, CISA KEV, NVD CVE 2.0, ROLIE feed or provider-metadata document (an array)',
      'wrong-schema.json: not a CSAF 2.0, CISA KEV, NVD CVE 2.0, ROLIE feed or provider-metadata document (an object with keys vulnerabilities, title)',
      'csaf-21.json: CSAF version 2.1 is not supported (only 2.0)',
      'no-id.json: CSAF document has no document.tracking.id',
      'deep.json: DEEP-1: product tree deeper than 32 levels',
      expect.stringMatching(/^huge\.json: file is 29\d\.\d KiB, over the 195\.3 KiB limit \(--max-size\)$/),
      'missing.json: cannot read (ENOENT)',
      'good.json: ok',
    ]);
    expect(reports.every((r) => !r.message.includes('\n'))).toBe(true);
    expect((await store.list()).map((a) => a.id)).toEqual(['GOOD-1']);
  });

  it('imports a document with unknown versions and dangling references, with warnings', async () => {
    const doc = makeCsaf({ id: 'ODD-1', versions: [{ id: 'P1', name: 'july 1 2017', range: true }, { id: 'P2', name: 'Accu-Chek Inform II' }], affected: ['P1', 'P2', 'P404'] });
    const [r] = await importSources(store, [file('odd.json', JSON.stringify(doc))]);
    expect(r).toMatchObject({ ok: true, products: 2, vulnerabilities: 1 });
    expect(r?.warnings).toEqual([
      'ODD-1: product P1: version "july 1 2017" not understood; matched without a version check',
      'ODD-1: product P2: version "Accu-Chek Inform II" not understood; matched without a version check',
      'ODD-1: CVE-2025-0001: product_status names unknown product "P404"',
    ]);
    const m = await store.match({ vendor: 'Example Medical', product: 'InfuseMax 300', version: '9.9' });
    expect(m[0]).toMatchObject({ versionUnknown: true, vulnerability: 'CVE-2025-0001' });
    expect(m[0]?.reasons.at(-1)).toMatch(/cannot be compared, so any version is taken as affected/);
  });

  it('leaves nothing half-written when a document fails inside its transaction', async () => {
    const doc = parseCsaf(makeCsaf({ id: 'TX-1' }));
    // A status naming a product that is not written breaks the foreign key after the advisory row is in.
    doc.vulnerabilities[0]?.statuses.set('GHOST', { status: 'affected', remediation: null });
    await expect(store.saveAdvisory(doc, 'test')).rejects.toThrow(/FOREIGN KEY/);
    expect(await store.list()).toEqual([]);
    expect(await store.db.selectFrom('advisory_products').selectAll().execute()).toEqual([]);
  });
});

describe('revisions', () => {
  it('replaces a document with a newer revision and keeps the newer one against an older', async () => {
    const v1 = makeCsaf({ id: 'REV-1', released: '2025-01-01T00:00:00Z', revision: '1', versions: [{ id: 'P1', name: '<= 2.0', range: true }, { id: 'P2', name: '3.0' }] });
    const v2 = makeCsaf({ id: 'REV-1', released: '2025-06-01T00:00:00Z', revision: '2', versions: [{ id: 'P1', name: '<= 2.5', range: true }] });
    const [a] = await importSources(store, [file('rev1.json', JSON.stringify(v1))]);
    expect(a?.message).toBe('REV-1 created: 2 products, 1 vulnerabilities');
    const [b] = await importSources(store, [file('rev2.json', JSON.stringify(v2))]);
    expect(b?.message).toBe('REV-1 replaced: 1 products, 1 vulnerabilities');
    const [c] = await importSources(store, [path.join(dir, 'rev1.json')]);
    expect(c?.message).toBe('REV-1 not imported: a newer revision is stored: 0 products, 0 vulnerabilities');
    const products = await store.db.selectFrom('advisory_products').select(['product_id', 'version_spec']).execute();
    expect(products).toEqual([{ product_id: 'P1', version_spec: 'vers:generic/<=2.5' }]);
    expect(await store.match({ vendor: 'Example Medical', product: 'InfuseMax 300', version: '2.4' })).toHaveLength(1);
  });

  it('does not match a version the advisory lists as fixed', async () => {
    const doc = makeCsaf({ id: 'FIX-1', versions: [{ id: 'ALL', name: 'vers:all/*', range: true }, { id: 'F', name: '2.1' }], affected: ['ALL'], fixed: ['F'] });
    await importSources(store, [file('fix.json', JSON.stringify(doc))]);
    const q = { vendor: 'Example Medical', product: 'InfuseMax 300' };
    expect(await store.match({ ...q, version: '2.0' })).toHaveLength(1);
    const fixed = await store.explain({ ...q, version: '2.1' });
    expect(fixed.matches).toEqual([]);
    expect(fixed.misses).toEqual(['CVE-2025-0001 (FIX-1): "InfuseMax 300 2.1" is listed as fixed and version 2.1 is within the advisory\'s 2.1']);
  });
});
