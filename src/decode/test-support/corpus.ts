/** Test support: paths to the corpus captures in test-data/corpus/pcaps (sources and licences in test-data/MANIFEST.md). */
import { corpusPath as testDataPath } from '../../test-support/test-data.js';

/** A corpus capture's absolute path, `rel` below test-data/corpus/pcaps. */
export function corpusPath(rel: string): string {
  return testDataPath(`pcaps/${rel}`);
}
