/**
 * Files shipped in the package's data/ directory. Found by walking up from this module to the package root, because
 * the module runs from several places: src/ under vitest, dist/ after tsc, and one bundled chunk of the CLI (whose
 * depth below the root differs), so no fixed relative path fits them all. `WARDWATCH_DATA_DIR` names another
 * directory to read the knowledge files from (the accuracy eval runs with entries removed from a copy of data/).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError, ErrorCode } from './app-error.js';

/** The environment variable that overrides where the knowledge files are read from. */
export const DATA_DIR_ENV = 'WARDWATCH_DATA_DIR';

function findDataDir(): string {
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'data'))) return path.join(dir, 'data');
    if (path.dirname(dir) === dir) throw new Error(`wardwatch's data/ directory was not found above ${start}: the installation is incomplete`);
  }
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The knowledge directory, with a trailing separator: `env`'s WARDWATCH_DATA_DIR when set and not blank (resolved
 * against the working directory; anything but a directory is a bad argument), else the package's data/.
 */
export function resolveDataDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const override = env[DATA_DIR_ENV]?.trim() ?? '';
  if (override === '') return `${findDataDir()}${path.sep}`;
  const dir = path.resolve(override);
  if (!isDirectory(dir)) throw new AppError(ErrorCode.BadArgument, `${DATA_DIR_ENV}=${override} is not a directory`);
  return `${dir}${path.sep}`;
}

/** The data/ directory (or WARDWATCH_DATA_DIR), with a trailing separator. */
export const SHIPPED_DATA_DIR = resolveDataDir();

/** A file in data/ by name, e.g. `risk-weights.json`. */
export function shippedDataFile(name: string): string {
  return path.join(SHIPPED_DATA_DIR, name);
}
