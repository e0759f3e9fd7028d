/**
 * Files shipped in the package's data/ directory. Found by walking up from this module to the package root, because
 * the module runs from several places: src/ under vitest, dist/ after tsc, and one bundled chunk of the CLI (whose
 * depth below the root differs), so no fixed relative path fits them all.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findDataDir(): string {
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'data'))) return path.join(dir, 'data');
    if (path.dirname(dir) === dir) throw new Error(`wardwatch's data/ directory was not found above ${start}: the installation is incomplete`);
  }
}

/** The data/ directory, with a trailing separator. */
export const SHIPPED_DATA_DIR = `${findDataDir()}${path.sep}`;

/** A file in data/ by name, e.g. `risk-weights.json`. */
export function shippedDataFile(name: string): string {
  return path.join(SHIPPED_DATA_DIR, name);
}
