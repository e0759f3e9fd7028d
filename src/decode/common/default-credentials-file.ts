/**
 * Reads the shipped default-credentials table (data/default-credentials.json) once, on first call. Decoders never
 * call this (they stay pure and get the table through `DecoderDeps`); the session wiring (src/pipeline/decode-hooks.ts)
 * and the credential detector (src/findings/detectors/credentials.ts) do, so nothing is read at import and a broken
 * shipped file fails the first run that needs it, with the row named.
 */
import { readFileSync } from 'node:fs';
import { shippedDataFile } from '../../util/shipped-data.js';
import { DefaultCredentials, parseDefaultCredentials } from './default-credentials.js';

export const DEFAULT_CREDENTIALS_FILE = shippedDataFile('default-credentials.json');

let loaded: DefaultCredentials | null = null;

/** The shipped table, parsed and indexed on the first call. */
export function loadDefaultCredentials(): DefaultCredentials {
  loaded ??= new DefaultCredentials(parseDefaultCredentials(JSON.parse(readFileSync(DEFAULT_CREDENTIALS_FILE, 'utf8')) as unknown, DEFAULT_CREDENTIALS_FILE));
  return loaded;
}
