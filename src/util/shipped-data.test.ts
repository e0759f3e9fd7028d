/** The knowledge directory: the package's data/ by default, WARDWATCH_DATA_DIR when set. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from './app-error.js';
import { DATA_DIR_ENV, resolveDataDir, SHIPPED_DATA_DIR, shippedDataFile } from './shipped-data.js';

const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ww-data-'));
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('resolveDataDir', () => {
  it('is the package data/ directory when the variable is unset or blank', () => {
    const shipped = resolveDataDir({});
    expect(shipped.endsWith(`${path.sep}data${path.sep}`)).toBe(true);
    expect(resolveDataDir({ [DATA_DIR_ENV]: '   ' })).toBe(shipped);
  });

  it('is the directory the variable names, with a trailing separator', () => {
    const dir = tempDir();
    expect(resolveDataDir({ [DATA_DIR_ENV]: dir })).toBe(`${dir}${path.sep}`);
  });

  it('refuses a path that is missing or not a directory', () => {
    const dir = tempDir();
    const file = path.join(dir, 'oui.json');
    writeFileSync(file, '{}');
    expect(() => resolveDataDir({ [DATA_DIR_ENV]: path.join(dir, 'absent') })).toThrow(/is not a directory/);
    expect(() => resolveDataDir({ [DATA_DIR_ENV]: file })).toThrow(AppError);
  });
});

describe('SHIPPED_DATA_DIR', () => {
  it('defaults to data/ and follows the variable when the module loads with it set', async () => {
    expect(shippedDataFile('risk-weights.json')).toBe(path.join(SHIPPED_DATA_DIR, 'risk-weights.json'));
    const dir = tempDir();
    vi.stubEnv(DATA_DIR_ENV, dir);
    vi.resetModules();
    const fresh = await import('./shipped-data.js');
    expect(fresh.SHIPPED_DATA_DIR).toBe(`${dir}${path.sep}`);
    expect(fresh.shippedDataFile('oui.json')).toBe(path.join(dir, 'oui.json'));
  });
});
