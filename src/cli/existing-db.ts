/**
 * Reading commands refuse a database that does not exist: `devices --db /path/typo.db` must say so, not create an
 * empty inventory and list nothing. Only ingesting commands (analyze, imports, attach, add) create one.
 */
import { existsSync } from 'node:fs';
import { AppError, ErrorCode } from '../util/app-error.js';

/** `file`, when a database is there; else the one-line error naming it. */
export function existingDb(file: string): string {
  if (!existsSync(file)) throw new AppError(ErrorCode.NotFound, `no database at ${file}; run wardwatch analyze first`);
  return file;
}
