/** Test support: where the repository's test data lives (test-data/, each file's source and licence in its MANIFEST.md). */
import path from 'node:path';

/** The checkout's root (this file is src/test-support/test-data.ts, or its build under dist/test-support/). */
export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** test-data/: the public data the tests read, and its MANIFEST.md. */
export const testDataDir = path.join(repoRoot, 'test-data');

/** test-data/corpus/: captures, advisories, SBOM/VEX and protocol messages, by area (pcaps, csaf_icsma, kev_nvd …). */
export const corpusDir = path.join(testDataDir, 'corpus');

/** A corpus file's absolute path, `rel` below test-data/corpus (e.g. `pcaps/zeek/lldp.pcap`). */
export function corpusPath(rel: string): string {
  return path.join(corpusDir, rel);
}

/** test-data/corpus/pcaps: the zeek and nDPI test captures. */
export const corpusPcaps = path.join(corpusDir, 'pcaps');
