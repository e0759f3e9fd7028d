/** Argon2id cost parameters and the length bounds every password passes before it is hashed. */
import type { Options } from '@node-rs/argon2';

/**
 * Argon2id's number in @node-rs/argon2 (its index.d.ts; RFC 9106 §3.1 also has "y=2 for Argon2id"). The package
 * declares `Algorithm` as an ambient const enum and exports an empty object at run time, so the value is spelled out
 * here and only compared; hashing relies on Argon2id being the package's documented default algorithm, and
 * password-hash.test.ts checks every hash starts `$argon2id$`.
 */
export const ARGON2ID = 2;

/**
 * OWASP Password Storage Cheat Sheet, "Argon2id": "a minimum configuration of 19 MiB of memory, an iteration count of
 * 2, and 1 degree of parallelism" (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html).
 * 19 MiB x 1 lane keeps a login near 20-40 ms on the 2-core sensor, so a burst of logins cannot starve ingest.
 * Changing a value here makes `verifyPassword` report `needsRehash` for older hashes, which are upgraded at the next
 * successful login.
 */
export const ARGON2ID_PARAMS = {
  memoryCost: 19_456, // KiB (19 MiB)
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const satisfies Options;

/**
 * Upper bound on a password, in UTF-8 bytes, checked before any normalisation or hashing so a 10 MB request body
 * cannot buy 10 MB of work. NIST SP 800-63B §5.1.1.2 asks verifiers to accept at least 64 characters; 1024 bytes
 * leaves room for long passphrases in any script (a CJK character is 3 bytes).
 */
export const MAX_PASSWORD_BYTES = 1024;

/** NIST SP 800-63B §5.1.1.2: memorized secrets SHALL be at least 8 characters; we ask for 12 (a passphrase). */
export const MIN_PASSWORD_CHARS = 12;

/** Whether `password` is within the byte bound, answered without encoding or normalising an oversized string. */
export function withinPasswordBound(password: string): boolean {
  // A UTF-16 code unit encodes to at most 3 UTF-8 bytes, and never fewer than 1.
  if (password.length > MAX_PASSWORD_BYTES) return false;
  return Buffer.byteLength(password, 'utf8') <= MAX_PASSWORD_BYTES;
}

/**
 * The form that is hashed and compared: Unicode NFKC, as NIST SP 800-63B §5.1.1.2 recommends, so the same passphrase
 * typed on two keyboards (precomposed "é" or "e" + combining accent) verifies. Call only on bounded input.
 */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}
