/** Test helper: paths into the SBOM/VEX corpus (test-data/corpus/sbom_vex) and a fresh in-memory inventory. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SqliteInventory } from '../../../store/sqlite/inventory/sqlite-inventory.js';
import { corpusPath } from '../../../test-support/test-data.js';

export { repoRoot } from '../../../test-support/test-data.js';
export const sbomVexCorpus = corpusPath('sbom_vex');

export function corpusFile(relative: string): string {
  return path.join(sbomVexCorpus, relative);
}

export function corpusText(relative: string): string {
  return readFileSync(corpusFile(relative), 'utf8');
}

export function corpusJson(relative: string): Record<string, unknown> {
  return JSON.parse(corpusText(relative)) as Record<string, unknown>;
}

export function memoryInventory(): Promise<SqliteInventory> {
  return SqliteInventory.open(':memory:');
}
