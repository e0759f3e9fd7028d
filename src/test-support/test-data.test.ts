/** test-data/MANIFEST.md lists every test-data file with its size, and names no file that is missing. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir, corpusPath, repoRoot, testDataDir } from './test-data.js';

/** Every file below `dir`, relative to it, with `/` separators. */
function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesBelow(path.join(dir, e.name), `${prefix}${e.name}/`) : e.isFile() ? [`${prefix}${e.name}`] : []))
    .sort();
}

/** The MANIFEST's file rows: `corpus/<section>/` from each section heading joined with the row's first cell. */
function manifestRows(text: string): Map<string, number> {
  const rows = new Map<string, number>();
  let section: string | null = null;
  for (const line of text.split('\n')) {
    const heading = /^## .*\(`corpus\/([^`]+)`/.exec(line);
    if (heading) section = heading[1] ?? null;
    const row = /^\| `([^`]+)` \|(?:[^|]*\|){4} (\d+) \|/.exec(line);
    if (row && section !== null) rows.set(`${section}${row[1]}`, Number(row[2]));
  }
  return rows;
}

describe('test-data', () => {
  const manifest = readFileSync(path.join(testDataDir, 'MANIFEST.md'), 'utf8');
  const rows = manifestRows(manifest);
  const files = filesBelow(corpusDir);

  it('lives inside the checkout', () => {
    expect(path.relative(repoRoot, corpusDir)).toBe(path.join('test-data', 'corpus'));
    expect(corpusPath('pcaps/zeek/lldp.pcap')).toBe(path.join(repoRoot, 'test-data/corpus/pcaps/zeek/lldp.pcap'));
  });

  it('has a MANIFEST row with the right size for every file', () => {
    expect(files.length).toBeGreaterThan(100);
    const unlisted = files.filter((f) => !rows.has(f));
    expect(unlisted).toEqual([]);
    const wrongSize = files.filter((f) => rows.get(f) !== statSync(corpusPath(f)).size);
    expect(wrongSize).toEqual([]);
  });

  it('has a file for every MANIFEST row', () => {
    expect([...rows.keys()].filter((f) => !files.includes(f))).toEqual([]);
  });

  it('states the total the MANIFEST claims', () => {
    const total = files.reduce((n, f) => n + statSync(corpusPath(f)).size, 0);
    expect(manifest).toContain(`Total: ${files.length} files, ${total} bytes.`);
  });

  it('has every licence text the MANIFEST links to', () => {
    const links = [...manifest.matchAll(/\]\((licenses\/[^)]+)\)/g)].map((m) => m[1] ?? '');
    expect(links.length).toBeGreaterThan(5);
    for (const link of new Set(links)) expect(statSync(path.join(testDataDir, link)).size).toBeGreaterThan(500);
  });
});
