/** Test helpers: the advisory corpus in test-data/corpus (CSAF, KEV, NVD) and a store over a fresh in-memory database. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SqliteInventory } from '../../store/sqlite/inventory/sqlite-inventory.js';
import { corpusDir } from '../../test-support/test-data.js';
import { SqliteAdvisoryStore } from '../../store/sqlite/advisories/advisory-store.js';

export { corpusDir, repoRoot } from '../../test-support/test-data.js';
export const csafDir = path.join(corpusDir, 'csaf_icsma');
export const kevFile = path.join(corpusDir, 'kev_nvd/known_exploited_vulnerabilities.json');
export const nvdDir = path.join(corpusDir, 'kev_nvd/nvd_cve_2.0');

export function csafFiles(): string[] {
  return readdirSync(csafDir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(csafDir, f));
}

/** Parsed JSON for cross-checks, read independently of the code under test. */
export function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

export async function openStores(): Promise<{ inventory: SqliteInventory; store: SqliteAdvisoryStore }> {
  const inventory = await SqliteInventory.open(':memory:');
  return { inventory, store: SqliteAdvisoryStore.over(inventory.db) };
}
