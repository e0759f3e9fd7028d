/** Every CISA ICSMA CSAF file of the corpus imports without error, with its products and CVEs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSources, type ImportReport } from '../import/import-sources.js';
import type { SqliteAdvisoryStore } from '../../store/sqlite/advisories/advisory-store.js';
import type { SqliteInventory } from '../../store/sqlite/inventory/sqlite-inventory.js';
import { csafDir, csafFiles, openStores, readJson } from '../test-support/corpus.js';

interface Leaf { product_id: string }
interface Branch { branches?: Branch[]; product?: Leaf }
interface Csaf { document: { tracking: { id: string } }; product_tree: { branches?: Branch[] }; vulnerabilities: { cve?: string; scores?: { cvss_v3?: { baseScore: number } }[] }[] }

function productIds(branches: Branch[] = []): string[] {
  return branches.flatMap((b) => [...(b.product === undefined ? [] : [b.product.product_id]), ...productIds(b.branches)]);
}

let inventory: SqliteInventory;
let store: SqliteAdvisoryStore;
let reports: ImportReport[];
let ms = 0;

beforeAll(async () => {
  ({ inventory, store } = await openStores());
  const t0 = performance.now();
  reports = await importSources(store, [csafDir]);
  ms = performance.now() - t0;
});
afterAll(async () => {
  await inventory.close();
});

describe('CISA ICSMA corpus', () => {
  it('imports every file without error', () => {
    const files = csafFiles();
    const perFile = reports.filter((r) => r.kind !== 'directory');
    expect(perFile.filter((r) => !r.ok)).toEqual([]);
    expect(perFile.map((r) => r.source).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(40);
    const products = perFile.reduce((n, r) => n + r.products, 0);
    const vulns = perFile.reduce((n, r) => n + r.vulnerabilities, 0);
    console.info(`corpus: ${files.length} CSAF files, ${products} products, ${vulns} vulnerabilities in ${ms.toFixed(0)} ms`);
  });

  it('stores the product and CVE counts each file has (cross-checked against the JSON)', async () => {
    const list = await store.list();
    for (const file of csafFiles()) {
      const doc = readJson(file) as Csaf;
      const stored = list.find((a) => a.id === doc.document.tracking.id);
      expect(stored, file).toBeDefined();
      expect(stored?.products, file).toBe(new Set(productIds(doc.product_tree.branches)).size);
      const cves = doc.vulnerabilities.map((v) => v.cve).filter((c): c is string => c !== undefined);
      expect(stored?.cves.filter((c) => c.startsWith('CVE-')).sort(), file).toEqual([...new Set(cves)].sort());
    }
  });

  it('keeps CVSS, version ranges and remediations as the files give them', async () => {
    const dcmtk = readJson(`${csafDir}/icsma-22-174-01.json`) as Csaf;
    const row = await store.db.selectFrom('advisory_vulnerabilities').selectAll().where('advisory_id', '=', 'ICSMA-22-174-01').where('cve', '=', 'CVE-2022-2121').executeTakeFirstOrThrow();
    expect(row.cvss3_base).toBe(dcmtk.vulnerabilities.find((v) => v.cve === 'CVE-2022-2121')?.scores?.[0]?.cvss_v3?.baseScore);
    expect(row.cvss3_vector).toMatch(/^CVSS:3\.\d\//);
    const product = await store.db.selectFrom('advisory_products').selectAll().where('advisory_id', '=', 'ICSMA-22-174-01').executeTakeFirstOrThrow();
    expect(product).toMatchObject({ vendor: 'OFFIS', product: 'DCMTK', version_text: '< 3.6.7', version_spec: 'vers:generic/<3.6.7' });
    const ge = await store.db.selectFrom('advisory_products').selectAll().where('advisory_id', '=', 'ICSMA-20-023-01').where('product', '=', 'ApexPro Telemetry Server').executeTakeFirstOrThrow();
    expect(ge).toMatchObject({ vendor: 'General Electric (GE)', version_spec: 'vers:generic/<=4.2' });
    const status = await store.db.selectFrom('advisory_product_status').selectAll().where('advisory_id', '=', 'ICSMA-20-023-01').where('vuln_id', '=', 'CVE-2020-6961').execute();
    expect(status).toHaveLength(11);
    expect(status.every((s) => s.status === 'affected' && (s.remediation ?? '').startsWith('vendor fix: GE recommends'))).toBe(true);
  });

  it('re-importing the same files changes nothing and duplicates nothing', async () => {
    const before = await store.db.selectFrom('advisory_products').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const again = await importSources(store, [csafDir]);
    expect(again.filter((r) => r.kind === 'csaf').every((r) => r.message.includes('unchanged'))).toBe(true);
    const after = await store.db.selectFrom('advisory_products').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
