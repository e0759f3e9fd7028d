/** The common-password list (data/common-passwords.json, from the NCSC / Have I Been Pwned top 100k) as a lookup. */
import { readFileSync } from 'node:fs';
import { shippedDataFile } from '../util/shipped-data.js';

export const COMMON_PASSWORDS_FILE = shippedDataFile('common-passwords.json');

let cache: ReadonlySet<string> | undefined;

/** The list, lower-cased. Read once, on first use, so commands that never set a password never read it. */
export function commonPasswords(): ReadonlySet<string> {
  cache ??= readCommonPasswords(COMMON_PASSWORDS_FILE);
  return cache;
}

export function readCommonPasswords(file: string): ReadonlySet<string> {
  const doc: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const list = typeof doc === 'object' && doc !== null && 'passwords' in doc ? doc.passwords : undefined;
  if (!Array.isArray(list) || !list.every((p): p is string => typeof p === 'string')) {
    throw new Error(`${file}: "passwords" must be an array of strings`);
  }
  return new Set(list.map((p) => p.toLowerCase()));
}
