/** Test support: paths into the shared corpus of real captures (it lives beside the repo; never copied into it). */
import { fileURLToPath } from 'node:url';

/** A corpus capture's absolute path, `rel` below corpus/pcaps. */
export function corpusPath(rel: string): string {
  return fileURLToPath(new URL(`../../../../shared/corpus/pcaps/${rel}`, import.meta.url));
}
